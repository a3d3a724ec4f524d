#pragma once
// A text assembled from pieces of other texts, and the map back from each of its offsets to
// the file and offset the piece was copied from: a merged graph is loaded as one text, and
// every message about it is placed where its words were written.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/diagnostic.hpp"

namespace mlroadmap::detail {

/// A file as messages name it, and its text.
struct SourceFile {
  std::string name;
  std::string_view text;
};

/// A place in one of the files: its index among them and a byte offset in its text.
struct SourcePlace {
  std::uint32_t file = 0;
  std::size_t offset = 0;
};

/// From offsets of an assembled text to places in the files it came from.
class SourceMap {
 public:
  SourceMap() = default;
  /// The map of a file's own text onto itself.
  static SourceMap identity(std::vector<SourceFile> files, std::uint32_t file);

  /// Where offset `offset` of the assembled text was written.
  SourcePlace place_of(std::size_t offset) const;
  /// From `at` on, offsets advance together with the file's, from `from`.
  void copy(std::size_t at, SourcePlace from);
  /// From `at` on, every offset is `place` (text written by the merge itself).
  void pin(std::size_t at, SourcePlace place);
  /// Appends the mapping of `from`'s offsets [begin, end), which now start at `at`.
  void append(const SourceMap& from, std::size_t begin, std::size_t end, std::size_t at);

  const std::vector<SourceFile>& files() const { return files_; }
  void set_files(std::vector<SourceFile> files) { files_ = std::move(files); }

  /// A diagnostic at a place, with its file, line, column and source line.
  Diagnostic diagnostic(Severity severity, SourcePlace place, std::string message) const;
  /// "file:line:column" of a place, for a message that points at a second one.
  std::string where(SourcePlace place) const;

 private:
  struct Segment {
    std::size_t at;
    SourcePlace place;
    bool pinned;
  };
  void add(Segment segment);

  std::vector<Segment> segments_;
  std::vector<SourceFile> files_;
};

/// A text being assembled from ranges of mapped texts and text of its own, with its map.
class Splice {
 public:
  /// Appends `text`[begin, end), which `map` maps.
  void copy(std::string_view text, const SourceMap& map, std::size_t begin, std::size_t end) {
    map_.append(map, begin, end, text_.size());
    text_.append(text.substr(begin, end - begin));
  }
  /// Appends text of the merge's own, placed at `place`.
  void glue(std::string_view text, SourcePlace place) {
    map_.pin(text_.size(), place);
    text_.append(text);
  }
  void reserve(std::size_t bytes) { text_.reserve(bytes); }
  std::string& text() { return text_; }
  const std::string& text() const { return text_; }
  SourceMap& map() { return map_; }
  const SourceMap& map() const { return map_; }

 private:
  std::string text_;
  SourceMap map_;
};

}  // namespace mlroadmap::detail
