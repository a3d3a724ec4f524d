#include "split_parse.hpp"

#include <fmt/format.h>

#include <string>

#include "machinery.hpp"

namespace mlroadmap::detail {

std::size_t SplitArray::second_half(std::string_view text, std::size_t first) {
  // The first element: its line's indentation is what the helper's first line must have.
  first = text.find_first_not_of(" \t\r\n", first);
  if (first == std::string_view::npos || text[first] != '{' ||
      text.size() - first < kTextWorthAThread || thread_limit() < 2) {
    return kNone;
  }
  const std::size_t line = text.rfind('\n', first);
  if (line == std::string_view::npos) return kNone;
  const std::string_view indent = text.substr(line + 1, first - line - 1);
  if (indent.find_first_not_of(" \t") != std::string_view::npos) return kNone;
  const std::string pattern = fmt::format("\n{}{{", indent);
  const std::size_t found = text.find(pattern, first + (text.size() - first) * 47 / 100);
  if (found == std::string_view::npos) return kNone;
  return found + pattern.size() - 1;
}

SplitArray::SplitArray(std::size_t start, ReadTail read) : start_(start) {
  if (start_ == kNone) return;
  thread_ = std::jthread([this, read = std::move(read)](std::stop_token stop) {
    OneThreadHere mark;  // what the helper starts stays on its thread
    try {
      end_ = read(stop);
    } catch (...) {
      // A syntax error, too many errors, or no memory: the other thread meets it again itself.
    }
  });
}

std::size_t SplitArray::join() {
  if (thread_.joinable()) thread_.join();
  return end_;
}

}  // namespace mlroadmap::detail
