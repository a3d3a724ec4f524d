#pragma once
// Writes pretty-printed JSON straight into a string, escaping as RFC 8259 requires. Output of
// any size streams without building a document tree first.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mlroadmap::detail {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, int indent = 2) : out_(out), indent_(indent) {}

  /// Hands the text written so far to `flush` (and clears it) whenever an object ends with at
  /// least `threshold` bytes waiting: documents of any size stream out in pieces.
  void flush_into(std::function<void(std::string_view)> flush, std::size_t threshold = 1 << 20) {
    flush_ = std::move(flush);
    threshold_ = threshold;
  }

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// A member name: the program's own ASCII names, written without escaping.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(double number);
  void value(std::int64_t number);
  void value(std::uint32_t number) { value(static_cast<std::int64_t>(number)); }
  void value(bool flag);
  void null();

  template <typename T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  void before_value();
  void newline();

  std::string& out_;
  int indent_;
  std::function<void(std::string_view)> flush_;
  std::size_t threshold_ = 0;
  std::vector<std::uint8_t> has_items_;  // per open container: 1 once it holds an item
  bool after_key_ = false;
};

/// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace mlroadmap::detail
