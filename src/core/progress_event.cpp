#include "progress_event.hpp"

#include <fmt/format.h>

#include <array>

#include "text.hpp"

namespace mlroadmap {

namespace {

using detail::JsonType;
using namespace std::string_view_literals;

constexpr std::array kEventFields = {"skill"sv, "state"sv, "date"sv, "note"sv};
constexpr std::array kHeaderFields = {"mlroadmap_progress"sv};

// The event fields, by index, for the switch below.
constexpr int kSkill = detail::field_index(kEventFields, "skill");
constexpr int kState = detail::field_index(kEventFields, "state");
constexpr int kDate = detail::field_index(kEventFields, "date");
constexpr int kNote = detail::field_index(kEventFields, "note");

bool read_event_field(detail::ObjectReader& in, const detail::Owner& owner, int field,
                      ProgressEvent& event) {
  detail::JsonReader& json = in.json();
  const std::size_t offset = json.offset();
  const std::string_view name = kEventFields[static_cast<std::size_t>(field)];
  if (field == kSkill) {
    event.skill = std::string(in.read_required_string(owner, name));
    return !event.skill.empty();
  }
  if (!in.expect(JsonType::string, owner, name)) return false;
  const std::string_view text = json.read_string();
  if (field == kState) {
    const auto state = parse_skill_state(text);
    if (!state) {
      in.error(offset, fmt::format("{}: 'state' must be todo, learning, done or skipped, found "
                                   "'{}'",
                                   owner, terminal_safe(text)));
      return false;
    }
    event.state = *state;
  } else if (field == kDate) {
    const auto date = parse_date(text);
    if (!date) {
      in.error(offset, fmt::format("{}: 'date' must be a date as YYYY-MM-DD, found '{}'", owner,
                                   terminal_safe(text)));
      return false;
    }
    event.date = *date;
  } else if (field == kNote) {
    event.note = std::string(text);
  }
  return true;
}

// One line of a progress file: an event, or (the first line) the header. The diagnostics are
// placed on the line, then moved to its number in the file.
class LineReader {
 public:
  LineReader(std::string_view line, std::string_view file, std::uint32_t number)
      : json_(line, detail::JsonLimits{8, kMaxProgressLine}),
        messages_(line, file),
        in_(json_, messages_, Severity::error),
        number_(number) {}

  std::optional<ProgressEvent> event() {
    ProgressEvent event;
    try {
      if (in_.begin_document("event")) {
        (void)detail::read_progress_event(in_, "event", event);
        json_.finish();
      }
    } catch (const detail::JsonSyntaxError& e) {
      messages_.error(e.offset, e.message);
    }
    if (!messages_.diagnostics().empty()) return std::nullopt;
    return event;
  }

  bool header() {
    try {
      if (in_.begin_document("header")) read_header();
    } catch (const detail::JsonSyntaxError& e) {
      messages_.error(e.offset, e.message);
    }
    return messages_.diagnostics().empty();
  }

  std::vector<Diagnostic> diagnostics() {
    std::vector<Diagnostic> out = std::move(messages_.diagnostics());
    for (Diagnostic& d : out) d.line = number_;
    return out;
  }

 private:
  void read_header() {
    json_.begin_object();
    detail::FieldSet<kHeaderFields> fields;
    std::string_view key;
    std::size_t key_offset;
    while (json_.next_member(key, key_offset)) {
      if (in_.accept_field(fields, key, key_offset, "header") ==
          detail::ObjectReader::kSkipField) {
        json_.skip_value();
        continue;
      }
      const std::size_t offset = json_.offset();
      const auto version = in_.read_integer("header", "mlroadmap_progress");
      if (version && *version != 1) {
        in_.error(offset, fmt::format("this progress file is of version {}; this program "
                                      "reads version 1",
                                      *version));
      }
    }
    json_.finish();
    in_.require(fields, {"mlroadmap_progress"}, 0, "header");
  }

  detail::JsonReader json_;
  detail::Messages messages_;
  detail::ObjectReader in_;
  std::uint32_t number_;
};

Diagnostic line_problem(Severity severity, std::string_view file, std::uint32_t line,
                        std::string message) {
  return Diagnostic{severity, std::string(file), line, 1, std::move(message), {}};
}

}  // namespace

namespace detail {

bool read_progress_event(ObjectReader& in, const Owner& owner, ProgressEvent& event) {
  JsonReader& json = in.json();
  if (!in.expect(JsonType::object, owner, "event")) return false;
  const std::size_t start = json.offset();
  json.begin_object();
  FieldSet<kEventFields> fields;
  std::string_view key;
  std::size_t key_offset;
  bool ok = true;
  while (json.next_member(key, key_offset)) {
    const int field = in.accept_field(fields, key, key_offset, owner);
    if (field == ObjectReader::kSkipField) {
      json.skip_value();
      ok = false;
    } else if (!read_event_field(in, owner, field, event)) {
      ok = false;
    }
  }
  const std::size_t before = in.messages().diagnostics().size();
  in.require(fields, {"skill", "state", "date"}, start, owner);
  return ok && in.messages().diagnostics().size() == before;
}

}  // namespace detail

std::expected<ProgressLog, std::vector<Diagnostic>> parse_progress(std::string_view text,
                                                                   std::string_view file) {
  ProgressLog log;
  std::vector<Diagnostic> errors;
  std::size_t at = 0;
  std::uint32_t number = 0;
  while (at < text.size() && errors.empty()) {
    ++number;
    const std::size_t newline = text.find('\n', at);
    const bool complete = newline != std::string_view::npos;
    const std::size_t end = complete ? newline + 1 : text.size();
    std::string_view line = text.substr(at, end - at);
    if (line.size() > kMaxProgressLine) {
      errors.push_back(line_problem(Severity::error, file, number,
                                    fmt::format("line longer than the limit of {} bytes",
                                                kMaxProgressLine)));
      break;
    }
    if (!complete) {
      log.warnings.push_back(line_problem(
          Severity::warning, file, number,
          "skipping an unfinished last line (a write that was stopped); the next mark cuts "
          "it off"));
      break;
    }
    at = end;
    line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      log.complete_bytes = at;
      continue;  // a blank line holds nothing
    }
    LineReader reader(line, file, number);
    if (!log.has_header) {
      log.has_header = true;
      if (!reader.header()) {
        // What is wrong with a header is worth saying; of a line of another kind, only that
        // this is not a progress file.
        if (line.find("\"mlroadmap_progress\"") != std::string_view::npos) {
          errors = reader.diagnostics();
        } else {
          errors.push_back(line_problem(Severity::error, file, number,
                                        "not a progress file: the first line must be "
                                        "{\"mlroadmap_progress\": 1}"));
        }
      }
    } else if (auto event = reader.event()) {
      log.events.push_back(std::move(*event));
    } else {
      errors = reader.diagnostics();
    }
    log.complete_bytes = at;
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return log;
}
}  // namespace mlroadmap
