#include "json_object.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text.hpp"

namespace mlroadmap::detail {

void Messages::report(Severity severity, std::size_t offset, std::string message,
                      ErrorCode code) {
  diagnostics_.push_back(make(severity, offset, std::move(message)));
  diagnostics_.back().code = code;
  if (severity == Severity::error && ++error_count_ >= max_errors_) {
    diagnostics_.push_back(Diagnostic{Severity::warning,
                                      map_ != nullptr ? std::string() : std::string(file_),
                                      0,
                                      0,
                                      fmt::format("stopped after {} errors", error_count_),
                                      {},
                                      ErrorCode::bad_value});
    throw TooManyErrors{};
  }
}

Diagnostic Messages::make(Severity severity, std::size_t offset, std::string message) const {
  if (map_ != nullptr) return map_->diagnostic(severity, map_->place_of(offset), std::move(message));
  return make_diagnostic(severity, file_, text_, offset, std::move(message));
}

std::string Messages::where(std::size_t offset) const {
  if (map_ != nullptr) return map_->where(map_->place_of(offset));
  const TextPosition pos = position_of(text_, offset);
  return fmt::format("{}:{}", pos.line, pos.column);
}

std::vector<Diagnostic> Messages::take_sorted() {
  std::stable_sort(
      diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const auto key = [](const Diagnostic& d) {
          return d.line == 0 ? std::pair(UINT32_MAX, UINT32_MAX) : std::pair(d.line, d.column);
        };
        return key(a) < key(b);
      });
  return std::move(diagnostics_);
}

std::string Owner::text() const {
  std::string out = !named_       ? std::string(kind_)
                    : id_.empty() ? fmt::format("{} #{}", kind_, ordinal_)
                                  : fmt::format("{} '{}'", kind_, id_);
  if (part_.empty()) return out;
  if (part_ordinal_ == 0) return fmt::format("{}: {}", out, part_);
  return fmt::format("{}: {} #{}", out, part_, part_ordinal_);
}

bool ObjectReader::begin_document(std::string_view what) {
  const JsonType type = json_.peek();
  if (type == JsonType::object) return true;
  const std::size_t offset = json_.offset();
  json_.skip_value();  // malformed JSON says so first
  json_.finish();
  error(offset, fmt::format("a {} must be a JSON object, found {}", what, to_string(type)),
        ErrorCode::not_an_object);
  return false;
}

void ObjectReader::empty_text(std::string_view field, std::size_t offset, const Owner& owner) {
  error(offset, fmt::format("{}: '{}' must not be empty", owner, field));
}

namespace {

// Most numbers are whole and short: up to 15 digits a double holds them exactly, so they are
// read here rather than by from_chars.
bool whole_number(std::string_view digits, double& value) {
  if (digits.empty() || digits.size() > 15) return false;
  std::uint64_t whole = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return false;
    whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
  }
  value = static_cast<double>(whole);
  return true;
}

}  // namespace

std::optional<double> ObjectReader::read_number(const Owner& owner, std::string_view field) {
  if (!expect(JsonType::number, owner, field)) return std::nullopt;
  const std::size_t offset = json_.offset();
  const std::string_view digits = json_.read_number();
  double value = 0;
  if (whole_number(digits, value)) return value;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
    error(offset, fmt::format("{}: '{}' is out of range: {}", owner, field, digits));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> ObjectReader::read_integer(const Owner& owner, std::string_view field) {
  const std::size_t offset = json_.offset();
  const auto value = read_number(owner, field);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value) || std::fabs(*value) > 1e15) {
    error(offset, fmt::format("{}: '{}' must be a whole number", owner, field));
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*value);
}

void ObjectReader::unknown_field(std::span<const std::string_view> known, std::string_view key,
                                 std::size_t offset, const Owner& owner) {
  const std::vector<std::string_view> names(known.begin(), known.end());
  messages_.report(unknown_field_, offset,
                   fmt::format("{}: unknown field '{}'{}", owner, key,
                               did_you_mean(closest_matches(key, names))),
                   ErrorCode::unknown_field);
}

void ObjectReader::duplicate_key(std::string_view key, std::size_t offset, const Owner& owner) {
  error(offset, fmt::format("{}: duplicate key '{}'", owner, key), ErrorCode::duplicate_field);
}

void ObjectReader::wrong_type(JsonType wanted, JsonType found, const Owner& owner,
                              std::string_view field) {
  error(json_.offset(), fmt::format("{}: '{}' must be {}, found {}", owner, field,
                                    to_string(wanted), to_string(found)));
  json_.skip_value();
}

void ObjectReader::missing_field(std::string_view field, std::size_t offset, const Owner& owner,
                                 bool null) {
  error(offset, fmt::format("{}: missing required field '{}'{}", owner, field,
                            null ? " (it is null)" : ""));
}

}  // namespace mlroadmap::detail
