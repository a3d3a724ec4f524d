#pragma once
// A large skills array read by two threads: this one from the start, a helper from a line about
// halfway down that looks like the start of an element (a raw newline only ever sits between
// tokens, never inside a string). The helper's part is taken only when this thread, reading on,
// arrives exactly there between two elements, and when the helper read on to the end of the
// array without a single message. Otherwise this thread reads on as if there were no helper:
// the graph and the messages are always those of one reader.

#include <cstddef>
#include <limits>
#include <memory>
#include <string_view>
#include <thread>

#include "graph_builder.hpp"
#include "json_reader.hpp"
#include "mapped_file.hpp"
#include "mlroadmap/graph_loader.hpp"

namespace mlroadmap::detail {

class SkillsTail {
 public:
  /// Starts the helper when the array whose first element is at or after `first` in `text` is
  /// large enough and threads are allowed; the helper knows the categories `whole` knows.
  SkillsTail(std::string_view text, std::size_t first, const GraphBuilder& whole,
             const LoadOptions& limits, const MappedFile* mapped);
  ~SkillsTail();
  SkillsTail(const SkillsTail&) = delete;
  SkillsTail& operator=(const SkillsTail&) = delete;

  /// Where the helper's first element begins; never an offset when there is no helper.
  std::size_t start() const { return start_; }
  /// Called where the helper started: true when its part is appended to `builder` and `json`
  /// is past the array.
  bool take(GraphBuilder& builder, JsonReader& json);

 private:
  struct Part;
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::size_t start_ = kNone;
  std::unique_ptr<Part> part_;
  std::jthread thread_;  // asked to stop and joined on the way out
};

}  // namespace mlroadmap::detail
