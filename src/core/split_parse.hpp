#pragma once
// A large JSON array read by two threads: this one from the start, a helper from a line about
// halfway down that looks like the start of an element (a raw newline only ever sits between
// tokens, never inside a string). The helper's part is taken only when this thread, reading on,
// arrives exactly there between two elements, and when the helper read on to the end of the
// array without a single message. Otherwise this thread reads on as if there were no helper:
// the result and the messages are always those of one reader. What the helper reads, and into
// what, is the caller's (the graph parser reads skills into a builder of its own).

#include <cstddef>
#include <functional>
#include <limits>
#include <stop_token>
#include <string_view>
#include <thread>

namespace mlroadmap::detail {

class SplitArray {
 public:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  /// Where a helper may start reading the array whose first element is at or after `first`:
  /// an element's start about halfway down, with the first element's indentation; kNone when
  /// the array is too small to be worth a thread, threads are not allowed, or no such line is
  /// found.
  static std::size_t second_half(std::string_view text, std::size_t first);

  /// What the helper does: reads from its start to the array's end and returns the offset just
  /// past the array, or 0 when it gave up (at a message, or when asked to stop).
  using ReadTail = std::function<std::size_t(const std::stop_token& stop)>;

  /// Starts `read` on a helper thread when `start` is not kNone.
  SplitArray(std::size_t start, ReadTail read);
  /// Where the helper started; kNone when there is none.
  std::size_t start() const { return start_; }
  /// Waits for the helper: the offset past the array when its part can be taken, else 0.
  std::size_t join();

 private:
  std::size_t start_;
  std::size_t end_ = 0;
  std::jthread thread_;  // asked to stop and joined on the way out
};

}  // namespace mlroadmap::detail
