#include "json_reader.hpp"

#include <fmt/format.h>

namespace mlroadmap::detail {

std::string_view to_string(JsonType type) {
  switch (type) {
    case JsonType::object: return "an object";
    case JsonType::array: return "an array";
    case JsonType::string: return "a string";
    case JsonType::number: return "a number";
    case JsonType::boolean: return "a boolean";
    case JsonType::null: return "null";
  }
  return "a value";
}

namespace {

std::string describe_char(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return "end of file";
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x21 && c < 0x7F) return fmt::format("'{}'", static_cast<char>(c));
  return fmt::format("byte 0x{:02X}", c);
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

JsonReader::JsonReader(std::string_view text, JsonLimits limits) : text_(text), limits_(limits) {
  // A UTF-8 byte order mark carries no meaning in JSON; editors on some systems add one.
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

JsonReader::JsonReader(std::string_view text, JsonLimits limits, std::size_t offset,
                       std::size_t depth)
    : text_(text), pos_(offset), limits_(limits), depth_(depth), first_(depth > 0) {}

void JsonReader::resume_after_container(std::size_t offset) {
  pos_ = offset;
  --depth_;
  first_ = false;
}

void JsonReader::fail(std::size_t offset, std::string message) const {
  throw JsonSyntaxError{offset, std::move(message)};
}

void JsonReader::skip_whitespace_run() {
  while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
}

JsonType JsonReader::peek_slowly() {
  skip_whitespace();
  if (pos_ >= text_.size()) fail(pos_, "unexpected end of file, expected a value");
  switch (text_[pos_]) {
    case '{': return JsonType::object;
    case '[': return JsonType::array;
    case '"': return JsonType::string;
    case 't':
    case 'f': return JsonType::boolean;
    case 'n': return JsonType::null;
    case '-': return JsonType::number;
    default:
      if (is_digit(text_[pos_])) return JsonType::number;
      fail(pos_, fmt::format("expected a value, found {}", describe_char(text_, pos_)));
  }
}

void JsonReader::enter() {
  if (depth_ >= limits_.max_depth) {
    fail(pos_, fmt::format("nesting deeper than {} levels", limits_.max_depth));
  }
  ++depth_;
  first_ = true;
  ++pos_;
}

void JsonReader::begin_object() {
  if (peek() != JsonType::object) fail(pos_, "expected an object");
  enter();
}

void JsonReader::begin_array() {
  if (peek() != JsonType::array) fail(pos_, "expected an array");
  enter();
}

bool JsonReader::next_member(std::string_view& key, std::size_t& key_offset) {
  skip_whitespace();
  if (pos_ >= text_.size()) fail(pos_, "unexpected end of file inside an object");
  if (first_) {
    first_ = false;
    if (text_[pos_] == '}') {
      ++pos_;
      --depth_;
      return false;
    }
  } else {
    if (text_[pos_] == '}') {
      ++pos_;
      --depth_;
      return false;
    }
    if (text_[pos_] != ',') {
      fail(pos_, fmt::format("expected ',' or '}}' after an object member, found {}",
                             describe_char(text_, pos_)));
    }
    ++pos_;
    skip_whitespace();
  }
  if (pos_ >= text_.size()) fail(pos_, "unexpected end of file inside an object");
  if (text_[pos_] != '"') {
    fail(pos_, fmt::format("expected a string key, found {}", describe_char(text_, pos_)));
  }
  key_offset = pos_;
  key = read_string();
  skip_whitespace();
  if (pos_ >= text_.size() || text_[pos_] != ':') {
    fail(pos_,
         fmt::format("expected ':' after an object key, found {}", describe_char(text_, pos_)));
  }
  ++pos_;
  skip_whitespace();  // so offset() is where the value starts
  return true;
}

bool JsonReader::next_element() {
  skip_whitespace();
  if (pos_ >= text_.size()) fail(pos_, "unexpected end of file inside an array");
  if (text_[pos_] == ']') {
    ++pos_;
    --depth_;
    first_ = false;
    return false;
  }
  if (first_) {
    first_ = false;
    return true;
  }
  if (text_[pos_] != ',') {
    fail(pos_, fmt::format("expected ',' or ']' after an array element, found {}",
                           describe_char(text_, pos_)));
  }
  ++pos_;
  skip_whitespace();
  if (pos_ < text_.size() && text_[pos_] == ']') fail(pos_, "trailing comma before ']'");
  return true;
}

// Returns the length of the valid UTF-8 sequence starting at `at`, or fails.
std::size_t JsonReader::check_utf8(std::size_t at) const {
  const auto byte = [&](std::size_t i) -> unsigned {
    return i < text_.size() ? static_cast<unsigned char>(text_[i]) : 0u;
  };
  const unsigned c = byte(at);
  std::size_t length;
  unsigned low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    fail(at, fmt::format("invalid UTF-8 (byte 0x{:02X})", c));
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned next = byte(at + k);
    if (next < low || next > high) fail(at, fmt::format("invalid UTF-8 (byte 0x{:02X})", c));
    low = 0x80;
    high = 0xBF;
  }
  return length;
}

std::string_view JsonReader::read_string_slowly() {
  skip_whitespace();
  if (pos_ >= text_.size() || text_[pos_] != '"') {
    fail(pos_, fmt::format("expected a string, found {}", describe_char(text_, pos_)));
  }
  const std::size_t start = ++pos_;
  std::size_t i = start;
  const std::size_t size = text_.size();
  while (true) {
    i = find_special_byte(text_, i);
    if (i >= size) fail(start - 1, "unterminated string");
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c == '"') break;
    if (c == '\\') return decode_escaped(start, i);
    if (c < 0x20) {
      fail(i, fmt::format("control character U+{:04X} in a string must be escaped", c));
    }
    i += check_utf8(i);
  }
  if (i - start > limits_.max_string_bytes) {
    fail(start - 1, fmt::format("string longer than {} bytes", limits_.max_string_bytes));
  }
  pos_ = i + 1;
  return text_.substr(start, i - start);
}

std::string_view JsonReader::decode_escaped(std::size_t start, std::size_t first_escape) {
  scratch_.assign(text_.data() + start, first_escape - start);
  std::size_t i = first_escape;
  const std::size_t size = text_.size();
  const auto read_hex4 = [&](std::size_t at) -> std::uint32_t {
    std::uint32_t value = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int h = at + k < size ? hex_value(text_[at + k]) : -1;
      if (h < 0) fail(at - 2, "invalid \\u escape: expected four hexadecimal digits");
      value = value * 16 + static_cast<std::uint32_t>(h);
    }
    return value;
  };
  while (true) {
    if (i >= size) fail(start - 1, "unterminated string");
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c == '"') break;
    if (c < 0x20) fail(i, fmt::format("control character U+{:04X} in a string must be escaped", c));
    if (c >= 0x80) {
      const std::size_t length = check_utf8(i);
      scratch_.append(text_.data() + i, length);
      i += length;
      continue;
    }
    if (c != '\\') {
      scratch_ += static_cast<char>(c);
      ++i;
      continue;
    }
    if (i + 1 >= size) fail(start - 1, "unterminated string");
    const char e = text_[i + 1];
    switch (e) {
      case '"': scratch_ += '"'; break;
      case '\\': scratch_ += '\\'; break;
      case '/': scratch_ += '/'; break;
      case 'b': scratch_ += '\b'; break;
      case 'f': scratch_ += '\f'; break;
      case 'n': scratch_ += '\n'; break;
      case 'r': scratch_ += '\r'; break;
      case 't': scratch_ += '\t'; break;
      case 'u': {
        std::uint32_t cp = read_hex4(i + 2);
        std::size_t consumed = 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail(i, "invalid \\u escape: unpaired low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (i + 7 >= size || text_[i + 6] != '\\' || text_[i + 7] != 'u') {
            fail(i, "invalid \\u escape: unpaired high surrogate");
          }
          const std::uint32_t low = read_hex4(i + 8);
          if (low < 0xDC00 || low > 0xDFFF) fail(i, "invalid \\u escape: unpaired high surrogate");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          consumed = 12;
        }
        append_utf8(scratch_, cp);
        i += consumed;
        continue;
      }
      default:
        if (static_cast<unsigned char>(e) > 0x20 && static_cast<unsigned char>(e) < 0x7F) {
          fail(i, fmt::format("invalid escape '\\{}' in a string", e));
        }
        fail(i,
             fmt::format("invalid escape: backslash followed by {}", describe_char(text_, i + 1)));
    }
    i += 2;
  }
  if (scratch_.size() > limits_.max_string_bytes) {
    fail(start - 1, fmt::format("string longer than {} bytes", limits_.max_string_bytes));
  }
  pos_ = i + 1;
  return scratch_;
}

std::string_view JsonReader::read_number() {
  skip_whitespace();
  const std::size_t start = pos_;
  std::size_t i = pos_;
  const std::size_t size = text_.size();
  if (i < size && text_[i] == '-') ++i;
  if (i < size && text_[i] == '0') {
    ++i;
    if (i < size && is_digit(text_[i])) fail(start, "invalid number: leading zero");
  } else {
    i = past_digits(i, start);
  }
  if (i < size && text_[i] == '.') i = past_digits(i + 1, start);
  if (i < size && (text_[i] == 'e' || text_[i] == 'E')) {
    ++i;
    if (i < size && (text_[i] == '+' || text_[i] == '-')) ++i;
    i = past_digits(i, start);
  }
  pos_ = i;
  return text_.substr(start, i - start);
}

std::size_t JsonReader::past_digits(std::size_t i, std::size_t number_start) {
  if (i >= text_.size() || !is_digit(text_[i])) fail(number_start, "invalid number");
  while (i < text_.size() && is_digit(text_[i])) ++i;
  return i;
}

void JsonReader::expect_literal(std::string_view literal) {
  if (text_.substr(pos_, literal.size()) != literal) {
    fail(pos_, fmt::format("expected a value, found {}", describe_char(text_, pos_)));
  }
  pos_ += literal.size();
}

bool JsonReader::read_bool() {
  skip_whitespace();
  if (pos_ < text_.size() && text_[pos_] == 't') {
    expect_literal("true");
    return true;
  }
  expect_literal("false");
  return false;
}

void JsonReader::read_null() {
  skip_whitespace();
  expect_literal("null");
}

void JsonReader::skip_value() {
  switch (peek()) {
    case JsonType::object: {
      begin_object();
      std::string_view key;
      std::size_t key_offset;
      while (next_member(key, key_offset)) skip_value();
      break;
    }
    case JsonType::array:
      begin_array();
      while (next_element()) skip_value();
      break;
    case JsonType::string: read_string(); break;
    case JsonType::number: read_number(); break;
    case JsonType::boolean: read_bool(); break;
    case JsonType::null: read_null(); break;
  }
}

bool JsonReader::skim_value(const StringTest* wanted) {
  const JsonType type = peek();
  if (type == JsonType::string) {
    const std::string_view value = read_string();
    return wanted != nullptr && (*wanted)(value);
  }
  if (type != JsonType::object && type != JsonType::array) {
    skip_value();
    return false;
  }
  const std::size_t start = pos_;
  std::string open;  // the brackets open inside the value, innermost last
  bool held = false;
  while (true) {
    pos_ = find_structural_byte(text_, pos_);
    if (pos_ >= text_.size()) {
      fail(start, fmt::format("unexpected end of file inside this {}",
                              open.front() == '{' ? "object" : "array"));
    }
    const char c = text_[pos_];
    if (c == '"') {
      const std::string_view value = read_string();
      if (!held && wanted != nullptr) held = (*wanted)(value);
    } else if (c == '{' || c == '[') {
      if (depth_ + open.size() >= limits_.max_depth) {
        fail(pos_, fmt::format("nesting deeper than {} levels", limits_.max_depth));
      }
      open.push_back(c);
      ++pos_;
    } else {
      if (open.empty() || (open.back() == '{') != (c == '}')) {
        fail(pos_, fmt::format("unexpected {}", describe_char(text_, pos_)));
      }
      open.pop_back();
      ++pos_;
      if (open.empty()) break;
    }
  }
  first_ = false;
  return held;
}

void JsonReader::finish() {
  skip_whitespace();
  if (pos_ < text_.size()) {
    fail(pos_, fmt::format("unexpected {} after the end of the JSON document",
                           describe_char(text_, pos_)));
  }
}

}  // namespace mlroadmap::detail
