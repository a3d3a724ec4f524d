#pragma once
// A graph file mapped into memory instead of copied: no second copy of a large graph, and the
// pages the reader has left behind go back to the system as it goes.

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace mlroadmap::detail {

class MappedFile {
 public:
  /// The regular file at `path`, mapped; nothing when it is not a regular file with contents
  /// (a pipe, a terminal, an empty file: those are read instead); or why it cannot be read.
  static std::expected<std::optional<MappedFile>, std::string> map(const std::string& path,
                                                                   std::size_t max_bytes);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return {data_, size_}; }

  /// Hands the pages before `offset`, less a margin, back to the system, in steps of a few
  /// megabytes; `released` is how far they already are. The mapping stays, so a message that
  /// quotes a line there later reads it back from the page cache. Safe from several threads,
  /// each with its own `released`.
  void release_behind(std::size_t& released, std::size_t offset) const;

 private:
  MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_;
  std::size_t size_;
};

}  // namespace mlroadmap::detail
