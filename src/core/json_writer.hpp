#pragma once
// Writes pretty-printed JSON straight into a string, escaping as RFC 8259 requires. Output of
// any size streams without building a document tree first.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mlroadmap::detail {

/// Appends `text` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

/// A document is written in place at the end of `out`. While one is open, `out` is longer
/// than what is written (the rest is room to write into, so each small piece is a copy and
/// not a call); the writer trims it when the document ends, and `out` must not be used
/// until then.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, int indent = 2)
      : out_(out), used_(out.size()), indent_(indent) {}
  /// Trims `out` if a document was left open (only on the way out of an error).
  ~JsonWriter() { settle(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// Hands the text written so far to `flush` (and clears it) whenever an object ends with at
  /// least `threshold` bytes waiting: documents of any size stream out in pieces.
  void flush_into(std::function<void(std::string_view)> flush, std::size_t threshold = 1 << 20) {
    flush_ = std::move(flush);
    threshold_ = threshold;
  }

  void begin_object() { open('{'); }
  void end_object();
  void begin_array() { open('['); }
  void end_array();
  /// A member name: the program's own ASCII names, written without escaping. Always inline:
  /// a call would cost as much as the copy, and large renderers exceed GCC's inlining budget.
  [[gnu::always_inline]] void key(std::string_view name) {
    before_value();
    char* at = room(name.size() + 4);
    *at = '"';
    std::copy(name.begin(), name.end(), at + 1);
    std::memcpy(at + 1 + name.size(), "\": ", 3);
    used_ -= indent_ > 0 ? 0 : 1;
    after_key_ = true;
  }
  void value(std::string_view text) {
    before_value();
    string(text);
  }
  void value(const char* text) { value(std::string_view(text)); }
  void value(double number);
  void value(std::int64_t number);
  void value(std::uint32_t number) { value(static_cast<std::int64_t>(number)); }
  void value(bool flag) {
    before_value();
    put(flag ? std::string_view("true") : std::string_view("false"));
    if (has_items_.empty()) settle();
  }
  void null();
  /// A number as JSON text already checked by a reader, written as it is.
  void number_text(std::string_view json_number);

  template <typename T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  // `size` bytes at the end of what is written, to be filled by the caller.
  char* room(std::size_t size) {
    if (out_.size() - used_ < size) grow(size);
    char* at = out_.data() + used_;
    used_ += size;
    return at;
  }
  void grow(std::size_t size);
  void put(char c) { *room(1) = c; }
  void put(std::string_view text) { std::copy(text.begin(), text.end(), room(text.size())); }
  void string(std::string_view text);
  // Trims `out` to what is written: at the end of a document, before handing it on.
  void settle() {
    if (settled_) return;
    out_.resize(used_);
    settled_ = true;
  }

  void open(char bracket) {
    before_value();
    put(bracket);
    has_items_.push_back(0);
  }
  // A comma (and line break) before every item of a container but its first.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (has_items_.empty()) {  // a new document: the caller may have added to `out` since
      used_ = out_.size();
      return;
    }
    if (has_items_.back() != 0) put(',');
    has_items_.back() = 1;
    if (indent_ > 0) newline();
  }
  void newline();

  std::string& out_;
  std::size_t used_;     // how much of out_ is written; the rest is room
  bool settled_ = true;  // out_ holds just what is written: no room, nothing pending
  int indent_;
  std::function<void(std::string_view)> flush_;
  std::size_t threshold_ = 0;
  std::vector<std::uint8_t> has_items_;  // per open container: 1 once it holds an item
  bool after_key_ = false;
};

}  // namespace mlroadmap::detail
