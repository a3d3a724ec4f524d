#include "mlroadmap/graph_loader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <stop_token>
#include <thread>
#include <utility>

#include "graph_checks.hpp"
#include "json_reader.hpp"
#include "text.hpp"

namespace mlroadmap {

namespace {

// Per byte: 1 for what may start an id (a lowercase letter or a digit), 2 for '-', '.' and '+',
// which may follow.
constexpr std::array<std::uint8_t, 256> kIdBytes = [] {
  std::array<std::uint8_t, 256> bytes{};
  for (int c = 'a'; c <= 'z'; ++c) bytes[c] = 1;
  for (int c = '0'; c <= '9'; ++c) bytes[c] = 1;
  for (const char c : {'-', '.', '+'}) bytes[static_cast<unsigned char>(c)] = 2;
  return bytes;
}();

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  const auto kind = [](char c) { return kIdBytes[static_cast<unsigned char>(c)]; };
  if (kind(id[0]) != 1) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return kind(c) != 0; });
}

namespace {

using detail::JsonReader;
using detail::JsonType;

using namespace std::string_view_literals;

constexpr std::array kTopFields = {"schema_version"sv, "title"sv,  "description"sv,
                                   "categories"sv,     "skills"sv, "roles"sv};
constexpr std::array kCategoryFields = {"id"sv, "name"sv, "summary"sv};
constexpr std::array kSkillFields = {"id"sv,       "name"sv,    "category"sv, "prerequisites"sv,
                                     "hours"sv,    "summary"sv, "aliases"sv,  "resources"sv,
                                     "milestone"sv};
constexpr std::array kRequirementFields = {"id"sv, "any_of"sv, "why"sv};
constexpr std::array kResourceFields = {"title"sv, "url"sv, "type"sv, "free"sv};
constexpr std::array kRoleFields = {"id"sv,      "name"sv,       "summary"sv, "skills"sv,
                                    "default"sv, "grows_into"sv, "salary"sv};
constexpr std::array kSalaryFields = {"currency"sv, "region"sv, "source"sv, "note"sv, "bands"sv};
constexpr std::array kBandFields = {"level"sv, "min"sv, "max"sv};
constexpr std::array kResourceTypes = {"docs"sv,  "book"sv,    "course"sv,
                                       "video"sv, "article"sv, "practice"sv};
constexpr std::uint32_t kUnresolved = 0x7FFF'FFFFu;

template <std::size_t N>
std::vector<std::string_view> as_views(const std::array<std::string_view, N>& words) {
  return {words.begin(), words.end()};
}

// The fields one kind of object may have, and which of them one object has shown, as bits: a
// key given twice and a required one missing are caught without keeping any text. The list is
// known when compiling, so matching a key is a handful of compares of its length and bytes.
template <const auto& kKnown>
class FieldSet {
 public:
  static_assert(kKnown.size() <= 32, "one bit a field");
  static constexpr std::span<const std::string_view> known() { return kKnown; }
  /// The index of `key` among the known fields, or -1.
  static int find(std::string_view key) {
    // Unrolled, so each comparison is of a known length: a few word compares, no call.
    return [&]<std::size_t... kI>(std::index_sequence<kI...>) {
      int found = -1;
      (void)((key.size() == kKnown[kI].size() &&
              std::memcmp(key.data(), kKnown[kI].data(), kKnown[kI].size()) == 0 &&
              (found = static_cast<int>(kI), true)) ||
             ...);
      return found;
    }
    (std::make_index_sequence<kKnown.size()>{});
  }
  /// Marks a field seen; false when it already was.
  bool add(int field) {
    const std::uint32_t bit = 1u << field;
    if ((seen_ & bit) != 0) return false;
    seen_ |= bit;
    return true;
  }
  bool has(std::string_view field) const {
    const int i = find(field);
    return i >= 0 && ((seen_ >> i) & 1u) != 0;
  }

 private:
  std::uint32_t seen_ = 0;
};

// A field's index in its list, known at compile time: the cases of a switch over what
// accept_field returns.
template <std::size_t N>
consteval int field_index(const std::array<std::string_view, N>& known, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (known[i] == name) return static_cast<int>(i);
  }
  throw "not a field of this kind of object";
}

// Who a message is about: "graph", "skill 'x'", "skill #3", "skill 'x': resource #2". The text
// is made only when a message needs it, which for most objects is never.
class Owner {
 public:
  Owner(std::string_view text) : kind_(text) {}    // NOLINT: plain names convert
  Owner(const std::string& text) : kind_(text) {}  // NOLINT
  Owner(const char* text) : kind_(text) {}         // NOLINT
  /// "kind 'id'", or "kind #ordinal" while the id is not known.
  static Owner named(std::string_view kind, std::string_view id, std::size_t ordinal) {
    Owner owner(kind);
    owner.id_ = id;
    owner.ordinal_ = ordinal;
    owner.named_ = true;
    return owner;
  }
  /// A part of another owner: "skill 'x': resource #2".
  Owner(const Owner& whole, std::string_view part, std::size_t part_ordinal = 0) : Owner(whole) {
    part_ = part;
    part_ordinal_ = part_ordinal;
  }

  std::string text() const {
    std::string out = !named_       ? std::string(kind_)
                      : id_.empty() ? fmt::format("{} #{}", kind_, ordinal_)
                                    : fmt::format("{} '{}'", kind_, id_);
    if (part_.empty()) return out;
    if (part_ordinal_ == 0) return fmt::format("{}: {}", out, part_);
    return fmt::format("{}: {} #{}", out, part_, part_ordinal_);
  }

 private:
  std::string_view kind_;
  std::string_view id_;
  std::size_t ordinal_ = 0;
  bool named_ = false;
  std::string_view part_;
  std::size_t part_ordinal_ = 0;
};

}  // namespace
}  // namespace mlroadmap

template <>
struct fmt::formatter<mlroadmap::Owner> : fmt::formatter<std::string_view> {
  auto format(const mlroadmap::Owner& owner, fmt::format_context& context) const {
    return fmt::formatter<std::string_view>::format(owner.text(), context);
  }
};

namespace mlroadmap {

// Builds a SkillGraph from JSON text in one pass, then resolves references and checks the whole.
class GraphBuilder {
 public:
  GraphBuilder(std::string_view text, std::string_view file, const LoadOptions& limits,
               bool text_is_mapped_file)
      : text_(text),
        file_(file),
        limits_(limits),
        text_is_mapped_file_(text_is_mapped_file),
        reader_(text, detail::JsonLimits{limits.max_depth, limits.max_string_bytes}) {}

  GraphLoadResult build() {
    try {
      parse_document();
    } catch (const detail::JsonSyntaxError& e) {
      diagnostics_.push_back(make_diagnostic(Severity::error, file_, text_, e.offset, e.message));
      return finish_result();
    } catch (const TooManyErrors&) {
      return finish_result();
    }
    try {
      register_names();
      resolve_references();
      // Cycles only mean something once every reference resolves.
      if (!has_errors(diagnostics_)) check_cycles();
      if (!has_errors(diagnostics_) && limits_.lint) check_reachable();
    } catch (const TooManyErrors&) {
    }
    return finish_result();
  }

 private:
  struct TooManyErrors {};
  // A prerequisite id waiting for the bulk lookup after parsing: where its string starts in the
  // text, and the item it fills (in requirement_items_, or in options_ with kOptionRef set).
  struct PendingSkillRef {
    std::uint32_t text_offset;
    std::uint32_t position;
  };
  static constexpr std::uint32_t kOptionRef = 0x8000'0000u;
  struct PendingCategory {
    SkillIndex skill;
    std::string_view name;
    std::size_t offset;
  };
  struct RoleRefs {
    std::vector<std::pair<std::string_view, std::size_t>> skills;
    std::vector<std::pair<std::string_view, std::size_t>> grows_into;
    std::size_t offset = 0;
  };

  GraphLoadResult finish_result() {
    GraphLoadResult result;
    // In file order, which is how people fix them; ones without a position go last.
    std::stable_sort(
        diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
          const auto key = [](const Diagnostic& d) {
            return d.line == 0 ? std::pair(UINT32_MAX, UINT32_MAX) : std::pair(d.line, d.column);
          };
          return key(a) < key(b);
        });
    result.diagnostics = std::move(diagnostics_);
    if (!has_errors(result.diagnostics)) result.graph = std::move(graph_);
    return result;
  }

  // A string the graph keeps: a view into the text itself when the text outlives the graph
  // (the built-in graph is static), a copy into the graph's own storage otherwise.
  std::string_view keep(std::string_view text) {
    if (limits_.text_outlives_graph && text.data() >= text_.data() &&
        text.data() + text.size() <= text_.data() + text_.size()) {
      return text;
    }
    return graph_.store_text(text);
  }

  // --- diagnostics -------------------------------------------------------------------------

  void report(Severity severity, std::size_t offset, std::string message) {
    diagnostics_.push_back(make_diagnostic(severity, file_, text_, offset, std::move(message)));
    if (severity == Severity::error && ++error_count_ >= limits_.max_errors) {
      diagnostics_.push_back(Diagnostic{Severity::warning,
                                        std::string(file_),
                                        0,
                                        0,
                                        fmt::format("stopped after {} errors", error_count_),
                                        {}});
      throw TooManyErrors{};
    }
  }
  void error(std::size_t offset, std::string message) {
    report(Severity::error, offset, std::move(message));
  }

  // Checks a key against the fields an object may have; reports an unknown one and duplicates.
  // Returns the field's index among fields.known(), or kSkipField when the value should be
  // skipped.
  static constexpr int kSkipField = -1;
  template <typename Fields>
  int accept_field(Fields& fields, std::string_view key, std::size_t key_offset,
                   const Owner& owner) {
    const int field = fields.find(key);
    if (field < 0) {
      const std::vector<std::string_view> known(fields.known().begin(), fields.known().end());
      report(Severity::warning, key_offset,
             fmt::format("{}: unknown field '{}'{}", owner.text(), key,
                         did_you_mean(closest_matches(key, known))));
      return kSkipField;
    }
    if (!fields.add(field)) {
      error(key_offset, fmt::format("{}: duplicate key '{}'", owner.text(), key));
      return kSkipField;
    }
    return field;
  }

  // Reports a value of the wrong type and skips it; true when the type is right.
  bool expect(JsonType wanted, const Owner& owner, std::string_view field) {
    const JsonType found = reader_.peek();
    if (found == wanted) [[likely]]
      return true;
    wrong_type(wanted, found, owner, field);
    return false;
  }
  [[gnu::noinline]] void wrong_type(JsonType wanted, JsonType found, const Owner& owner,
                                    std::string_view field) {
    error(reader_.offset(), fmt::format("{}: '{}' must be {}, found {}", owner.text(), field,
                                        detail::to_string(wanted), detail::to_string(found)));
    reader_.skip_value();
  }

  std::string_view read_text(const Owner& owner, std::string_view field) {
    if (!expect(JsonType::string, owner, field)) return {};
    return keep(reader_.read_string());
  }

  // A text that means nothing when empty (a name, a URL): an empty one is an error.
  std::string_view read_required_text(const Owner& owner, std::string_view field) {
    const std::size_t offset = reader_.offset();
    const bool is_text = reader_.peek() == JsonType::string;
    const std::string_view text = read_text(owner, field);
    if (is_text && text.empty())
      error(offset, fmt::format("{}: '{}' must not be empty", owner.text(), field));
    return text;
  }

  std::optional<double> read_number(const Owner& owner, std::string_view field) {
    if (!expect(JsonType::number, owner, field)) return std::nullopt;
    const std::size_t offset = reader_.offset();
    const std::string_view digits = reader_.read_number();
    double value = 0;
    if (whole_number(digits, value)) return value;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
      error(offset, fmt::format("{}: '{}' is out of range: {}", owner.text(), field, digits));
      return std::nullopt;
    }
    return value;
  }

  // Most numbers are whole and short: up to 15 digits a double holds them exactly, so they are
  // read here rather than by from_chars.
  static bool whole_number(std::string_view digits, double& value) {
    if (digits.empty() || digits.size() > 15) return false;
    std::uint64_t whole = 0;
    for (const char c : digits) {
      if (c < '0' || c > '9') return false;
      whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
    }
    value = static_cast<double>(whole);
    return true;
  }

  std::optional<std::int64_t> read_integer(const Owner& owner, std::string_view field) {
    const std::size_t offset = reader_.offset();
    const auto value = read_number(owner, field);
    if (!value) return std::nullopt;
    if (*value != std::floor(*value) || std::fabs(*value) > 1e15) {
      error(offset, fmt::format("{}: '{}' must be a whole number", owner.text(), field));
      return std::nullopt;
    }
    return static_cast<std::int64_t>(*value);
  }

  // Reads an id value and checks its syntax; empty when it is not a valid id.
  std::string_view read_id(const Owner& owner, std::string_view field, std::string_view kind) {
    if (!expect(JsonType::string, owner, field)) return {};
    const std::size_t offset = reader_.offset();
    const std::string_view id = reader_.read_string();
    if (!is_valid_id(id)) {
      error(offset, fmt::format("{}: invalid {} id '{}': ids are 1 to 64 lowercase letters, "
                                "digits, '-', '.' or '+', starting with a letter or digit",
                                owner.text(), kind, id));
      return {};
    }
    return keep(id);
  }

  // --- document ----------------------------------------------------------------------------

  void parse_document() {
    if (const JsonType type = reader_.peek(); type != JsonType::object) {
      const std::size_t offset = reader_.offset();
      reader_.skip_value();  // malformed JSON says so first
      reader_.finish();
      error(offset,
            fmt::format("a skill graph must be a JSON object, found {}", detail::to_string(type)));
      return;
    }
    const std::size_t document_offset = reader_.offset();
    reader_.begin_object();
    FieldSet<kTopFields> fields;
    std::string_view key;
    std::size_t key_offset;
    while (reader_.next_member(key, key_offset)) {
      if (accept_field(fields, key, key_offset, "graph") == kSkipField) {
        reader_.skip_value();
        continue;
      }
      if (key == "schema_version") {
        const std::size_t offset = reader_.offset();
        const auto version = read_integer("graph", "schema_version");
        if (version && *version != 1) {
          error(offset, fmt::format("unsupported schema_version {} (this version of mlroadmap "
                                    "reads schema_version 1)",
                                    *version));
        }
      } else if (key == "title") {
        graph_.title_ = read_text("graph", key);
      } else if (key == "description") {
        graph_.description_ = read_text("graph", key);
      } else if (key == "categories") {
        parse_categories();
      } else if (key == "skills") {
        parse_skills();
      } else if (key == "roles") {
        parse_roles();
      }
    }
    reader_.finish();
    for (const std::string_view required : {"categories"sv, "skills"sv}) {
      if (!fields.has(required)) {
        error(document_offset, fmt::format("graph: missing required field '{}'", required));
      }
    }
  }

  // --- categories --------------------------------------------------------------------------

  void parse_categories() {
    if (!expect(JsonType::array, "graph", "categories")) return;
    reader_.begin_array();
    while (reader_.next_element()) {
      const std::string owner = fmt::format("category #{}", ++category_ordinal_);
      if (!expect(JsonType::object, owner, "categories[]")) continue;
      const std::size_t object_offset = reader_.offset();
      reader_.begin_object();
      FieldSet<kCategoryFields> fields;
      Category category;
      std::size_t id_offset = object_offset;
      std::string_view key;
      std::size_t key_offset;
      while (reader_.next_member(key, key_offset)) {
        if (accept_field(fields, key, key_offset, owner) == kSkipField) {
          reader_.skip_value();
        } else if (key == "id") {
          id_offset = reader_.offset();
          category.id = read_id(owner, key, "category");
        } else if (key == "name") {
          category.name = read_required_text(owner, key);
        } else {
          read_text(owner, key);
        }
      }
      require(fields, {"id", "name"}, object_offset, owner);
      if (category.id.empty()) continue;
      const auto existing = find_category(category.id);
      if (existing) {
        error(id_offset, fmt::format("duplicate category id '{}' (first defined at {})",
                                     category.id, where(category_offsets_[*existing])));
        continue;
      }
      graph_.categories_.push_back(category);
      category_offsets_.push_back(id_offset);
    }
  }

  std::optional<CategoryIndex> find_category(std::string_view id) const {
    for (CategoryIndex c = 0; c < graph_.categories_.size(); ++c) {
      if (same_text(graph_.categories_[c].id, id)) return c;
    }
    return std::nullopt;
  }

  template <typename Fields>
  void require(const Fields& fields, std::initializer_list<std::string_view> required,
               std::size_t offset, const Owner& owner) {
    for (const std::string_view field : required) {
      if (!fields.has(field)) {
        error(offset, fmt::format("{}: missing required field '{}'", owner.text(), field));
      }
    }
  }

  std::string where(std::size_t offset) const {
    const TextPosition pos = position_of(text_, offset);
    return fmt::format("{}:{}", pos.line, pos.column);
  }

  // --- skills ------------------------------------------------------------------------------

  Owner skill_owner(std::string_view id) const {
    return Owner::named("skill", id, graph_.skills_.size() + 1);
  }

  void parse_skills() {
    if (!expect(JsonType::array, "graph", "skills")) return;
    reader_.begin_array();
    const std::size_t first = reader_.offset();
    SkillsTail tail = start_skills_tail();
    while (reader_.next_element()) {
      if (reader_.offset() == tail.start && take_skills_tail(tail)) return;
      if (!expect(JsonType::object, skill_owner({}), "skills[]")) continue;
      read_skill(first);
    }
  }

  // A skill of the array that starts at `first`; then the pages behind it go back to the
  // system and, once the first skills are read, the arrays are sized for all of them.
  void read_skill(std::size_t first) {
    parse_skill();
    release_text(released_, reader_.offset());
    if (graph_.skills_.size() == kSkillsToMeasure) reserve_skills(first);
  }

  // A large array's arrays grow to their size once, not by doubling (which copies and touches
  // everything twice): sized by the first skills, as if the rest of the text were all skills,
  // with a margin. Capacity never written costs address space, not memory.
  static constexpr std::size_t kSkillsToMeasure = 4096;
  void reserve_skills(std::size_t first) {
    const double scale = 1.25 * static_cast<double>(text_.size() - first) /
                         static_cast<double>(reader_.offset() - first);
    if (scale < 2) return;
    const auto expected = [&](std::size_t count) {
      return static_cast<std::size_t>(static_cast<double>(count) * scale);
    };
    graph_.skills_.reserve(expected(graph_.skills_.size()));
    graph_.requirement_begin_.reserve(expected(graph_.requirement_begin_.size()));
    skill_offsets_.reserve(expected(skill_offsets_.size()));
    graph_.requirement_items_.reserve(expected(graph_.requirement_items_.size()));
    pending_refs_.reserve(expected(pending_refs_.size()));
    graph_.options_.reserve(expected(graph_.options_.size()));
    graph_.complex_.reserve(expected(graph_.complex_.size()));
  }

  // A large skills array is read by two threads: this one from the start, a helper from a line
  // about halfway down that looks like the start of an element (a raw newline only ever sits
  // between tokens, never inside a string). The helper's part is taken only when this thread,
  // reading on, arrives exactly there between two elements, and when the helper read on to the
  // end of the array without a single message. Otherwise this thread reads on as if there were
  // no helper: the graph and the messages are always those of one reader.
  struct SkillsTail {
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::size_t start = kNone;           // where the helper's first element begins
    std::unique_ptr<GraphBuilder> part;  // what the helper reads, numbered from 0
    std::jthread thread;                 // asked to stop and joined on the way out
  };

  SkillsTail start_skills_tail() {
    constexpr std::size_t kWorthAThread = std::size_t{1} << 20;
    SkillsTail tail;
    // The first element: its line's indentation is what the helper's first line must have.
    const std::size_t first = text_.find_first_not_of(" \t\r\n", reader_.offset());
    if (first == std::string_view::npos || text_[first] != '{' ||
        text_.size() - first < kWorthAThread || std::thread::hardware_concurrency() < 2) {
      return tail;
    }
    const std::size_t line = text_.rfind('\n', first);
    if (line == std::string_view::npos) return tail;
    const std::string_view indent = text_.substr(line + 1, first - line - 1);
    if (indent.find_first_not_of(" \t") != std::string_view::npos) return tail;
    const std::string pattern = fmt::format("\n{}{{", indent);
    const std::size_t found = text_.find(pattern, first + (text_.size() - first) * 47 / 100);
    if (found == std::string_view::npos) return tail;
    tail.start = found + pattern.size() - 1;
    tail.part.reset(new GraphBuilder(*this, tail.start));
    tail.thread = std::jthread(
        [part = tail.part.get()](std::stop_token stop) { part->read_skills_tail(stop); });
    return tail;
  }

  // The helper's builder: the same text and limits, the categories known so far, a reader that
  // starts at `start` inside the skills array of the document object.
  GraphBuilder(const GraphBuilder& whole, std::size_t start)
      : text_(whole.text_),
        file_(whole.file_),
        limits_(whole.limits_),
        text_is_mapped_file_(whole.text_is_mapped_file_),
        released_(start),
        reader_(text_, detail::JsonLimits{limits_.max_depth, limits_.max_string_bytes}, start, 2) {
    graph_.categories_ = whole.graph_.categories_;
  }

  // The helper's work: skills to the end of the array, given up at the first message.
  void read_skills_tail(const std::stop_token& stop) {
    const std::size_t first = reader_.offset();
    try {
      while (reader_.next_element()) {
        if (stop.stop_requested()) return;
        if (!expect(JsonType::object, skill_owner({}), "skills[]")) return;
        read_skill(first);
        if (!diagnostics_.empty()) return;
      }
      tail_end_ = reader_.offset();
    } catch (...) {
      // A syntax error, too many errors, or no memory: this thread meets it again itself.
    }
  }

  // Called where the helper started: true when its part is taken and the array is read.
  bool take_skills_tail(SkillsTail& tail) {
    tail.thread.join();
    GraphBuilder& part = *tail.part;
    if (part.tail_end_ == 0 || !part.diagnostics_.empty()) return false;
    append_skills(part);
    reader_.resume_after_container(part.tail_end_);
    return true;
  }

  // Appends the skills another builder read, renumbered to follow these, and frees its copy.
  void append_skills(GraphBuilder& part) {
    SkillGraph& from = part.graph_;
    const auto skill_base = static_cast<SkillIndex>(graph_.skills_.size());
    const auto item_base = static_cast<std::uint32_t>(graph_.requirement_items_.size());
    const auto option_base = static_cast<std::uint32_t>(graph_.options_.size());
    const auto complex_base = static_cast<std::uint32_t>(graph_.complex_.size());
    const auto details_base = static_cast<std::uint32_t>(graph_.details_.size());
    const auto alias_base = static_cast<std::uint32_t>(graph_.alias_texts_.size());
    const auto resource_base = static_cast<std::uint32_t>(graph_.resources_.size());
    const auto same = [](const auto& value) { return value; };

    // The references, the largest part, go in from a second thread meanwhile.
    std::jthread references([&] {
      append(pending_refs_, part.pending_refs_, [&](PendingSkillRef ref) {
        ref.position = (ref.position & kOptionRef) != 0
                           ? ((ref.position & ~kOptionRef) + option_base) | kOptionRef
                           : ref.position + item_base;
        return ref;
      });
    });
    append(graph_.skills_, from.skills_, same);
    from.requirement_begin_.erase(from.requirement_begin_.begin());  // its leading 0
    append(graph_.requirement_begin_, from.requirement_begin_,
           [&](std::uint32_t begin) { return begin + item_base; });
    append(graph_.requirement_items_, from.requirement_items_, [&](std::uint32_t item) {
      return (item & SkillGraph::kComplexTag) != 0 ? item + complex_base : item;
    });
    append(graph_.complex_, from.complex_, [&](SkillGraph::ComplexRequirement requirement) {
      requirement.first_option += option_base;
      return requirement;
    });
    append(graph_.options_, from.options_, same);
    append(skill_offsets_, part.skill_offsets_, same);
    append(pending_categories_, part.pending_categories_, [&](PendingCategory pending) {
      pending.skill += skill_base;
      return pending;
    });

    if (!from.details_index_.empty() || !graph_.details_index_.empty()) {
      if (graph_.details_index_.empty())
        graph_.details_index_.assign(skill_base, SkillGraph::kNoDetails);
      if (from.details_index_.empty()) {
        graph_.details_index_.resize(graph_.skills_.size(), SkillGraph::kNoDetails);
      } else {
        append(graph_.details_index_, from.details_index_,
               [&](std::uint32_t d) { return d == SkillGraph::kNoDetails ? d : d + details_base; });
      }
    }
    append(graph_.details_, from.details_, [&](SkillGraph::SkillDetails details) {
      details.first_alias += alias_base;
      details.first_resource += resource_base;
      return details;
    });
    append(graph_.alias_texts_, from.alias_texts_, same);
    append(graph_.alias_skills_, from.alias_skills_,
           [&](SkillIndex skill) { return skill + skill_base; });
    append(alias_offsets_, part.alias_offsets_, same);
    append(graph_.resources_, from.resources_, same);
    graph_.adopt_text(from);
  }

  // Appends `from` to `to`, each element through `adjust`, in one allocation; empties `from`.
  template <typename T, typename Adjust>
  static void append(std::vector<T>& to, std::vector<T>& from, Adjust adjust) {
    to.reserve(to.size() + from.size());
    for (const T& value : from) to.push_back(adjust(value));
    std::vector<T>().swap(from);
  }

  // Pages of a mapped graph file behind the reader are handed back to the system as it goes:
  // a large file is never resident whole. The mapping stays, so a message that quotes a line
  // there later reads it back from the page cache. `released` is how far pages are already
  // given back; pages go in steps of a few megabytes, a margin behind `offset`.
  void release_text(std::size_t& released, std::size_t offset) const {
    constexpr std::size_t kStep = std::size_t{4} << 20;
    constexpr std::size_t kMargin = std::size_t{1} << 20;
    if (!text_is_mapped_file_ || offset < released + kStep + kMargin) return;
    static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = (offset - kMargin) / page * page;
    const std::size_t start = (released + page - 1) / page * page;
    if (end > start) {
      ::madvise(const_cast<char*>(text_.data()) + start, end - start, MADV_DONTNEED);
    }
    released = end;
  }

  void parse_skill() {
    const SkillIndex index = static_cast<SkillIndex>(graph_.skills_.size());
    const std::size_t object_offset = reader_.offset();
    reader_.begin_object();
    FieldSet<kSkillFields> fields;
    Skill skill;
    SkillGraph::SkillDetails details;
    bool has_details = false;
    std::size_t id_offset = object_offset;
    std::size_t category_offset = object_offset;
    std::string_view category_id;
    const std::size_t first_requirement = graph_.requirement_items_.size();
    std::string_view key;
    std::size_t key_offset;
    while (reader_.next_member(key, key_offset)) {
      // Messages name the skill by id once the id is read.
      const Owner owner = skill_owner(skill.id);
      switch (accept_field(fields, key, key_offset, owner)) {
        case kSkipField: reader_.skip_value(); break;
        case field_index(kSkillFields, "id"):
          id_offset = reader_.offset();
          skill.id = read_id(owner, key, "skill");
          break;
        case field_index(kSkillFields, "name"): skill.name = read_required_text(owner, key); break;
        case field_index(kSkillFields, "category"):
          category_offset = reader_.offset();
          if (expect(JsonType::string, owner, key)) category_id = reader_.read_string();
          category_id = keep(category_id);
          break;
        case field_index(kSkillFields, "prerequisites"): parse_requirements(owner); break;
        case field_index(kSkillFields, "hours"): {
          const std::size_t offset = reader_.offset();
          if (const auto hours = read_number(owner, key)) {
            if (*hours <= 0 || *hours > kMaxSkillHours) {
              error(offset, fmt::format("{}: 'hours' must be more than 0 and at most {}, found {}",
                                        owner, kMaxSkillHours, *hours));
            } else {
              skill.hours = *hours;
              skill.has_hours = true;
            }
          }
          break;
        }
        case field_index(kSkillFields, "summary"):
          details.summary = read_text(owner, key);
          has_details = true;
          break;
        case field_index(kSkillFields, "milestone"):
          details.milestone = read_text(owner, key);
          has_details = true;
          break;
        case field_index(kSkillFields, "aliases"):
          parse_aliases(index, owner, details);
          has_details = true;
          break;
        case field_index(kSkillFields, "resources"):
          parse_resources(owner, details);
          has_details = true;
          break;
      }
    }
    const Owner owner = skill_owner(skill.id);
    require(fields, {"id", "name", "category"}, object_offset, owner);
    if (limits_.lint && !fields.has("hours")) {
      report(Severity::warning, object_offset,
             fmt::format("{}: no 'hours'; it counts as 0", owner));
    }

    if (!category_id.empty()) {
      if (const auto category = find_category(category_id)) {
        skill.category = *category;
      } else {
        pending_categories_.push_back({index, category_id, category_offset});
      }
    }
    const std::size_t requirement_count = graph_.requirement_items_.size() - first_requirement;
    if (requirement_count > limits_.max_requirements_per_skill) {
      error(object_offset, fmt::format("{}: {} prerequisites, more than the limit of {}", owner,
                                       requirement_count, limits_.max_requirements_per_skill));
    }
    graph_.skills_.push_back(skill);
    graph_.requirement_begin_.push_back(
        static_cast<std::uint32_t>(graph_.requirement_items_.size()));
    skill_offsets_.push_back(static_cast<std::uint32_t>(id_offset));
    if (has_details) {
      if (graph_.details_index_.empty())
        graph_.details_index_.assign(index, SkillGraph::kNoDetails);
      graph_.details_index_.push_back(static_cast<std::uint32_t>(graph_.details_.size()));
      graph_.details_.push_back(details);
    } else {
      if (!graph_.details_index_.empty()) graph_.details_index_.push_back(SkillGraph::kNoDetails);
    }
  }

  // Adds every skill's id, name and aliases to the name table, in file order so the first
  // definition wins, looking each slot up a few keys ahead to overlap the cache misses.
  void register_names() {
    const std::size_t n = graph_.skills_.size();
    graph_.reserve_names(2 * n + graph_.alias_texts_.size());
    if (register_names_concurrently()) return;
    constexpr std::size_t kAhead = 16;
    const auto prefetch = [&](std::size_t s) {
      if (s >= n) return;
      graph_.prefetch_name_slot(hash_ignoring_case(graph_.skills_[s].id));
      graph_.prefetch_name_slot(hash_ignoring_case(graph_.skills_[s].name));
    };
    for (std::size_t s = 0; s < kAhead; ++s) prefetch(s);
    for (SkillIndex s = 0; s < n; ++s) {
      prefetch(s + kAhead);
      register_names(s);
    }
  }

  // A large graph's names go in from two threads, each half of the skills, when no key clashes
  // with another skill's: then the table holds the same keys whatever the order, and lookups
  // find the same skills. On a clash, which definition came first matters for the message:
  // false, with the table emptied for the inserts in file order.
  bool register_names_concurrently() {
    const std::size_t n = graph_.skills_.size();
    constexpr std::size_t kWorthAThread = 1 << 16;
    if (n < kWorthAThread || std::thread::hardware_concurrency() < 2) return false;
    std::atomic<bool> clash = false;
    std::size_t added_later = 0;
    std::thread helper([&] { added_later = register_names_concurrently(n / 2, n, clash); });
    const std::size_t added = register_names_concurrently(0, n / 2, clash);
    helper.join();
    if (clash) {
      graph_.clear_names();
      return false;
    }
    graph_.add_name_count(added + added_later);
    return true;
  }

  // Skills [first, last): their ids, names and aliases, each slot asked for a few skills
  // ahead. Returns how many keys went in; stops early once either thread met a clash.
  std::size_t register_names_concurrently(std::size_t first, std::size_t last,
                                          std::atomic<bool>& clash) {
    constexpr std::size_t kAhead = 16;
    struct Hashes {
      std::uint64_t id, name;
    };
    std::array<Hashes, kAhead> ahead{};
    const auto hashes = [&](std::size_t s) {
      const Skill& skill = graph_.skills_[s];
      Hashes h{hash_ignoring_case(skill.id), hash_ignoring_case(skill.name)};
      graph_.prefetch_name_slot(h.id);
      graph_.prefetch_name_slot(h.name);
      return h;
    };
    for (std::size_t s = first; s < std::min(last, first + kAhead); ++s) {
      ahead[s % kAhead] = hashes(s);
    }
    using Tag = SkillGraph::NameTag;
    using Insert = SkillGraph::NameInsert;
    std::size_t added = 0;
    const auto insert = [&](Tag tag, std::uint32_t index, std::uint64_t hash) {
      const Insert outcome = graph_.insert_name_concurrently(tag, index, hash);
      if (outcome == Insert::added) ++added;
      return outcome != Insert::clash;
    };
    for (std::size_t s = first; s < last; ++s) {
      if (s % 1024 == 0 && clash.load(std::memory_order_relaxed)) return added;
      const Hashes h = ahead[s % kAhead];
      if (s + kAhead < last) ahead[s % kAhead] = hashes(s + kAhead);
      const Skill& skill = graph_.skills_[s];
      const auto index = static_cast<SkillIndex>(s);
      if (skill.id.empty()) continue;
      bool fine =
          insert(Tag::id, index, h.id) && (skill.name.empty() || insert(Tag::name, index, h.name));
      const std::uint32_t d = graph_.details_of(index);
      if (d != SkillGraph::kNoDetails) {
        const auto& details = graph_.details_[d];
        for (std::uint32_t a = details.first_alias;
             fine && a < details.first_alias + details.alias_count; ++a) {
          fine = insert(Tag::alias, a, hash_ignoring_case(graph_.alias_texts_[a]));
        }
      }
      if (!fine) {
        clash = true;
        return added;
      }
    }
    return added;
  }

  void register_names(SkillIndex index) {
    const Skill& skill = graph_.skills_[index];
    if (skill.id.empty()) return;
    const std::size_t id_offset = skill_offsets_[index];
    using Tag = SkillGraph::NameTag;
    if (const auto clash = graph_.insert_name(Tag::id, index)) {
      const SkillIndex other = graph_.name_skill(*clash);
      if (clash->tag == Tag::id) {
        error(id_offset, fmt::format("duplicate skill id '{}' (first defined at {})", skill.id,
                                     where(skill_offsets_[other])));
      } else {
        error(id_offset, fmt::format("skill id '{}' is already {} of skill '{}'", skill.id,
                                     clash->tag == Tag::name ? "the name" : "an alias",
                                     graph_.skills_[other].id));
      }
      return;
    }
    if (!skill.name.empty()) {
      if (const auto clash = graph_.insert_name(Tag::name, index)) {
        error(id_offset,
              fmt::format("skill '{}': name '{}' is already used by skill '{}'", skill.id,
                          skill.name, graph_.skills_[graph_.name_skill(*clash)].id));
      }
    }
    const std::uint32_t d = graph_.details_of(index);
    if (d == SkillGraph::kNoDetails) return;
    const auto& details = graph_.details_[d];
    for (std::uint32_t a = details.first_alias; a < details.first_alias + details.alias_count;
         ++a) {
      if (const auto clash = graph_.insert_name(Tag::alias, a)) {
        error(alias_offsets_[a],
              fmt::format("skill '{}': alias '{}' is already used by skill '{}'", skill.id,
                          graph_.alias_texts_[a], graph_.skills_[graph_.name_skill(*clash)].id));
      }
    }
  }

  void parse_aliases(SkillIndex index, const Owner& owner, SkillGraph::SkillDetails& details) {
    if (!expect(JsonType::array, owner, "aliases")) return;
    details.first_alias = static_cast<std::uint32_t>(graph_.alias_texts_.size());
    reader_.begin_array();
    while (reader_.next_element()) {
      const std::size_t offset = reader_.offset();
      const std::string_view alias = read_text(owner, "aliases[]");
      if (alias.empty()) {
        if (reader_.offset() != offset) error(offset, fmt::format("{}: empty alias", owner));
        continue;
      }
      graph_.alias_texts_.push_back(alias);
      graph_.alias_skills_.push_back(index);
      alias_offsets_.push_back(offset);
    }
    details.alias_count =
        static_cast<std::uint32_t>(graph_.alias_texts_.size()) - details.first_alias;
  }

  void parse_resources(const Owner& owner, SkillGraph::SkillDetails& details) {
    if (!expect(JsonType::array, owner, "resources")) return;
    details.first_resource = static_cast<std::uint32_t>(graph_.resources_.size());
    reader_.begin_array();
    while (reader_.next_element()) {
      const Owner resource_owner(owner, "resource",
                                 graph_.resources_.size() - details.first_resource + 1);
      if (!expect(JsonType::object, owner, "resources[]")) continue;
      const std::size_t object_offset = reader_.offset();
      reader_.begin_object();
      FieldSet<kResourceFields> fields;
      Resource resource;
      std::string_view key;
      std::size_t key_offset;
      while (reader_.next_member(key, key_offset)) {
        if (accept_field(fields, key, key_offset, resource_owner) == kSkipField) {
          reader_.skip_value();
        } else if (key == "title") {
          resource.title = read_required_text(resource_owner, key);
        } else if (key == "url") {
          const std::size_t offset = reader_.offset();
          resource.url = read_required_text(resource_owner, key);
          if (!resource.url.empty() && !resource.url.starts_with("https://") &&
              !resource.url.starts_with("http://")) {
            error(offset, fmt::format("{}: url '{}' must start with https:// or http://",
                                      resource_owner, terminal_safe(resource.url)));
          } else if (limits_.lint && resource.url.starts_with("http://")) {
            report(Severity::warning, offset,
                   fmt::format("{}: url '{}' is not https", resource_owner,
                               terminal_safe(resource.url)));
          }
        } else if (key == "type") {
          const std::size_t offset = reader_.offset();
          resource.type = read_required_text(resource_owner, key);
          if (!resource.type.empty() && std::find(kResourceTypes.begin(), kResourceTypes.end(),
                                                  resource.type) == kResourceTypes.end()) {
            error(
                offset,
                fmt::format("{}: unknown type '{}'{}; types are {}", resource_owner, resource.type,
                            did_you_mean(closest_matches(resource.type, as_views(kResourceTypes))),
                            fmt::join(kResourceTypes, ", ")));
          }
        } else if (key == "free") {
          if (expect(JsonType::boolean, resource_owner, key)) resource.free = reader_.read_bool();
        }
      }
      require(fields, {"title", "url"}, object_offset, resource_owner);
      graph_.resources_.push_back(resource);
    }
    details.resource_count =
        static_cast<std::uint32_t>(graph_.resources_.size()) - details.first_resource;
  }

  // --- prerequisites -----------------------------------------------------------------------

  // Remembers where a prerequisite id is written; all are looked up together after parsing.
  std::uint32_t skill_ref(std::size_t offset, bool in_options, std::uint32_t position) {
    pending_refs_.push_back(
        {static_cast<std::uint32_t>(offset), position | (in_options ? kOptionRef : 0u)});
    return kUnresolved;
  }

  void parse_requirements(const Owner& owner) {
    if (!expect(JsonType::array, owner, "prerequisites")) return;
    reader_.begin_array();
    while (reader_.next_element()) {
      const std::size_t offset = reader_.offset();
      const JsonType type = reader_.peek();
      if (type == JsonType::string) {
        reader_.read_string();
        const auto position = static_cast<std::uint32_t>(graph_.requirement_items_.size());
        graph_.requirement_items_.push_back(skill_ref(offset, false, position));
      } else if (type == JsonType::object) {
        parse_requirement_object(owner);
      } else {
        error(offset, fmt::format("{}: a prerequisite must be a skill id, an object with 'id' "
                                  "or an object with 'any_of', found {}",
                                  owner, detail::to_string(type)));
        reader_.skip_value();
      }
    }
  }

  void parse_requirement_object(const Owner& owner) {
    const std::size_t object_offset = reader_.offset();
    reader_.begin_object();
    FieldSet<kRequirementFields> fields;
    SkillGraph::ComplexRequirement requirement{
        static_cast<std::uint32_t>(graph_.options_.size()), 0, {}, false};
    std::string_view key;
    std::size_t key_offset;
    const Owner what(owner, "prerequisite");
    while (reader_.next_member(key, key_offset)) {
      if (accept_field(fields, key, key_offset, what) == kSkipField) {
        reader_.skip_value();
      } else if (key == "why") {
        requirement.why = read_text(what, key);
      } else if (key == "id") {
        if (!expect(JsonType::string, what, key)) continue;
        const std::size_t offset = reader_.offset();
        reader_.read_string();
        const auto position = static_cast<std::uint32_t>(graph_.options_.size());
        graph_.options_.push_back(skill_ref(offset, true, position));
      } else if (key == "any_of") {
        if (!expect(JsonType::array, what, key)) continue;
        const std::size_t array_offset = reader_.offset();
        requirement.any_of = true;
        const std::size_t before = graph_.options_.size();
        reader_.begin_array();
        while (reader_.next_element()) {
          if (!expect(JsonType::string, what, "any_of[]")) continue;
          const std::size_t offset = reader_.offset();
          reader_.read_string();
          const auto position = static_cast<std::uint32_t>(graph_.options_.size());
          graph_.options_.push_back(skill_ref(offset, true, position));
        }
        if (graph_.options_.size() == before) {
          error(array_offset, fmt::format("{}: empty 'any_of' group", owner));
        }
      }
    }
    if (fields.has("id") && fields.has("any_of")) {
      error(object_offset,
            fmt::format("{}: a prerequisite has either 'id' or 'any_of', not both", owner));
    } else if (!fields.has("id") && !fields.has("any_of")) {
      error(object_offset, fmt::format("{}: a prerequisite object needs 'id' or 'any_of'", owner));
    }
    requirement.option_count =
        static_cast<std::uint32_t>(graph_.options_.size()) - requirement.first_option;
    graph_.requirement_items_.push_back(SkillGraph::kComplexTag |
                                        static_cast<std::uint32_t>(graph_.complex_.size()));
    graph_.complex_.push_back(requirement);
  }

  // --- roles -------------------------------------------------------------------------------

  void parse_roles() {
    if (!expect(JsonType::array, "graph", "roles")) return;
    reader_.begin_array();
    while (reader_.next_element()) {
      if (!expect(JsonType::object, fmt::format("role #{}", graph_.roles_.size() + 1), "roles[]")) {
        continue;
      }
      parse_role();
    }
  }

  void parse_role() {
    const std::size_t object_offset = reader_.offset();
    reader_.begin_object();
    FieldSet<kRoleFields> fields;
    Role role;
    RoleRefs refs;
    refs.offset = object_offset;
    std::size_t default_offset = object_offset;
    std::string_view key;
    std::size_t key_offset;
    while (reader_.next_member(key, key_offset)) {
      const std::string owner = role.id.empty() ? fmt::format("role #{}", graph_.roles_.size() + 1)
                                                : fmt::format("role '{}'", role.id);
      if (accept_field(fields, key, key_offset, owner) == kSkipField) {
        reader_.skip_value();
      } else if (key == "id") {
        refs.offset = reader_.offset();
        role.id = read_id(owner, key, "role");
      } else if (key == "name") {
        role.name = read_required_text(owner, key);
      } else if (key == "summary") {
        role.summary = read_text(owner, key);
      } else if (key == "default") {
        default_offset = reader_.offset();
        if (expect(JsonType::boolean, owner, key)) role.is_default = reader_.read_bool();
      } else if (key == "skills" || key == "grows_into") {
        auto& list = key == "skills" ? refs.skills : refs.grows_into;
        if (!expect(JsonType::array, owner, key)) continue;
        reader_.begin_array();
        while (reader_.next_element()) {
          if (!expect(JsonType::string, owner, fmt::format("{}[]", key))) continue;
          const std::size_t offset = reader_.offset();
          list.emplace_back(keep(reader_.read_string()), offset);
        }
      } else if (key == "salary") {
        role.salary = parse_salary(owner);
      }
    }
    const std::string owner = role.id.empty() ? fmt::format("role #{}", graph_.roles_.size() + 1)
                                              : fmt::format("role '{}'", role.id);
    require(fields, {"id", "name"}, object_offset, owner);
    if (limits_.lint && refs.skills.empty()) {
      report(Severity::warning, object_offset, fmt::format("{}: has no skills", owner));
    }
    for (const Role& other : graph_.roles_) {
      if (!role.id.empty() && other.id == role.id) {
        error(refs.offset, fmt::format("duplicate role id '{}'", role.id));
      }
    }
    if (role.is_default) {
      if (graph_.default_role_) {
        error(default_offset,
              fmt::format("{}: more than one default role ('{}' is already the default)", owner,
                          graph_.roles_[*graph_.default_role_].id));
      } else {
        graph_.default_role_ = static_cast<RoleIndex>(graph_.roles_.size());
      }
    }
    graph_.roles_.push_back(std::move(role));
    role_refs_.push_back(std::move(refs));
  }

  std::optional<Salary> parse_salary(std::string_view role_owner) {
    const std::string owner = fmt::format("{}: salary", role_owner);
    if (!expect(JsonType::object, role_owner, "salary")) return std::nullopt;
    reader_.begin_object();
    FieldSet<kSalaryFields> fields;
    Salary salary;
    std::string_view key;
    std::size_t key_offset;
    while (reader_.next_member(key, key_offset)) {
      if (accept_field(fields, key, key_offset, owner) == kSkipField) {
        reader_.skip_value();
      } else if (key == "currency") {
        salary.currency = read_text(owner, key);
      } else if (key == "region") {
        salary.region = read_text(owner, key);
      } else if (key == "source") {
        salary.source = read_text(owner, key);
      } else if (key == "note") {
        salary.note = read_text(owner, key);
      } else if (key == "bands") {
        if (!expect(JsonType::array, owner, key)) continue;
        reader_.begin_array();
        while (reader_.next_element()) {
          if (!expect(JsonType::object, owner, "bands[]")) continue;
          const std::size_t band_offset = reader_.offset();
          reader_.begin_object();
          FieldSet<kBandFields> band_fields;
          SalaryBand band;
          while (reader_.next_member(key, key_offset)) {
            if (accept_field(band_fields, key, key_offset, owner) == kSkipField) {
              reader_.skip_value();
            } else if (key == "level") {
              band.level = read_text(owner, key);
            } else if (key == "min") {
              band.min = read_integer(owner, key);
            } else {
              band.max = read_integer(owner, key);
            }
          }
          require(band_fields, {"level"}, band_offset, owner);
          if (band.min && band.max && *band.min > *band.max) {
            error(band_offset, fmt::format("{}: band '{}' has min above max", owner, band.level));
          }
          salary.bands.push_back(band);
        }
      }
    }
    return salary;
  }

  // --- whole-graph checks ------------------------------------------------------------------

  std::vector<std::string_view> skill_ids() const {
    std::vector<std::string_view> ids;
    ids.reserve(graph_.skills_.size());
    for (const Skill& s : graph_.skills_) ids.push_back(s.id);
    return ids;
  }

  // Suggestions scan every id, so only the first few unknown names get one.
  std::string suggest_skill(std::string_view name) {
    if (++suggestions_ > 20) return {};
    if (suggestion_pool_.empty()) suggestion_pool_ = skill_ids();
    return did_you_mean(closest_matches(name, suggestion_pool_));
  }

  // The id a pending reference names, read again from the text: in place when plain, else
  // decoded (escapes) or taken whole (other than ASCII) by a reader.
  std::string_view ref_text(const PendingSkillRef& ref, std::string& scratch) const {
    const std::size_t start = ref.text_offset + 1;
    const std::size_t end = detail::find_special_byte(text_, start);
    if (end < text_.size() && text_[end] == '"') return text_.substr(start, end - start);
    JsonReader again(text_.substr(ref.text_offset));
    scratch = std::string(again.read_string());
    return scratch;
  }

  // The skill that wrote a requirement item: for an option, the skill whose requirements hold
  // the group. Only needed for messages, so a search is fine.
  SkillIndex ref_owner(const PendingSkillRef& ref) const {
    std::uint32_t item = ref.position & ~kOptionRef;
    if ((ref.position & kOptionRef) != 0) {
      const auto& complex = graph_.complex_;
      const auto group =
          std::upper_bound(complex.begin(), complex.end(), item,
                           [](std::uint32_t p, const auto& c) { return p < c.first_option; }) -
          complex.begin() - 1;
      const auto& items = graph_.requirement_items_;
      item = static_cast<std::uint32_t>(
          std::find(items.begin(), items.end(),
                    SkillGraph::kComplexTag | static_cast<std::uint32_t>(group)) -
          items.begin());
    }
    const auto& begins = graph_.requirement_begin_;
    return static_cast<SkillIndex>(std::upper_bound(begins.begin(), begins.end(), item) -
                                   begins.begin() - 1);
  }

  // Looks every prerequisite id up: the table is only read and each reference fills its own
  // item, so a large graph splits the references between two threads. Unknown ones are
  // reported afterwards, in file order, by this thread alone.
  void resolve_skill_refs() {
    const std::size_t n = pending_refs_.size();
    std::vector<std::size_t> unknown;
    constexpr std::size_t kWorthAThread = 1 << 16;
    if (n >= kWorthAThread && std::thread::hardware_concurrency() > 1) {
      std::vector<std::size_t> unknown_later;
      std::thread helper([&] { resolve_skill_refs(n / 2, n, unknown_later); });
      resolve_skill_refs(0, n / 2, unknown);
      helper.join();
      unknown.insert(unknown.end(), unknown_later.begin(), unknown_later.end());
    } else {
      resolve_skill_refs(0, n, unknown);
    }
    std::string scratch;
    for (const std::size_t k : unknown) {
      const PendingSkillRef& ref = pending_refs_[k];
      const std::string_view key = ref_text(ref, scratch);
      error(ref.text_offset,
            fmt::format("skill '{}': unknown prerequisite '{}'{}",
                        graph_.skills_[ref_owner(ref)].id, terminal_safe(key), suggest_skill(key)));
    }
  }

  // References [first, last), a group at a time, each step for the whole group before the
  // next: the keys' table slots are requested together, then the candidate skill records,
  // then their ids, so the cache misses of a group overlap instead of each lookup waiting for
  // three of its own (a short loop of requests keeps many in flight at once). Touches nothing
  // but the items of its own references.
  void resolve_skill_refs(std::size_t first, std::size_t last, std::vector<std::size_t>& unknown) {
    constexpr std::size_t kGroup = 32;
    struct Lookup {
      std::string_view key;
      std::uint64_t hash = 0;
      std::optional<SkillGraph::NameEntry> candidate;
    };
    std::array<Lookup, kGroup> group;
    std::array<std::string, kGroup> scratch;  // for ids written with escapes
    std::size_t released = first < last ? pending_refs_[first].text_offset : 0;
    const auto& skills = graph_.skills_;
    std::uint32_t* const items = graph_.requirement_items_.data();
    std::uint32_t* const options = graph_.options_.data();
    const auto is_id = [](const std::optional<SkillGraph::NameEntry>& entry) {
      return entry && entry->tag == SkillGraph::NameTag::id;
    };
    for (std::size_t start = first; start < last; start += kGroup) {
      const std::size_t size = std::min(kGroup, last - start);
      if ((start - first) % 4096 < kGroup) release_text(released, pending_refs_[start].text_offset);
      for (std::size_t j = 0; j < size; ++j) {
        group[j].key = ref_text(pending_refs_[start + j], scratch[j]);
        group[j].hash = hash_ignoring_case(group[j].key);
      }
      for (std::size_t j = 0; j < size; ++j) graph_.prefetch_name_slot(group[j].hash);
      for (std::size_t j = 0; j < size; ++j) {
        group[j].candidate = graph_.find_name_candidate(group[j].hash);
        if (is_id(group[j].candidate)) SkillGraph::prefetch(&skills[group[j].candidate->index]);
      }
      for (std::size_t j = 0; j < size; ++j) {
        if (is_id(group[j].candidate)) {
          SkillGraph::prefetch(skills[group[j].candidate->index].id.data());
        }
      }
      for (std::size_t j = 0; j < size; ++j) {
        const Lookup& lookup = group[j];
        std::optional<SkillIndex> found;
        if (is_id(lookup.candidate) && skills[lookup.candidate->index].id == lookup.key) {
          found = lookup.candidate->index;
        } else if (const auto entry = graph_.find_name(lookup.key, lookup.hash);
                   is_id(entry) && skills[entry->index].id == lookup.key) {
          found = entry->index;  // the first slot with matching hash bits was another key
        }
        const PendingSkillRef& ref = pending_refs_[start + j];
        if (!found) {
          unknown.push_back(start + j);
          continue;
        }
        const std::uint32_t position = ref.position & ~kOptionRef;
        ((ref.position & kOptionRef) != 0 ? options : items)[position] = *found;
      }
    }
  }

  void resolve_references() {
    for (const PendingCategory& p : pending_categories_) {
      if (const auto category = find_category(p.name)) {
        graph_.skills_[p.skill].category = *category;
        continue;
      }
      std::vector<std::string_view> ids;
      for (const Category& c : graph_.categories_) ids.push_back(c.id);
      error(p.offset, fmt::format("skill '{}': unknown category '{}'{}", graph_.skills_[p.skill].id,
                                  p.name, did_you_mean(closest_matches(p.name, ids))));
    }
    resolve_skill_refs();
    for (RoleIndex r = 0; r < graph_.roles_.size(); ++r) {
      Role& role = graph_.roles_[r];
      if (graph_.find_skill_by_id(role.id)) {
        error(role_refs_[r].offset,
              fmt::format("role id '{}' is also a skill id; roles and skills share one namespace",
                          role.id));
      }
      for (const auto& [name, offset] : role_refs_[r].skills) {
        const auto skill = graph_.find_skill_by_id(name);
        if (!skill) {
          error(offset,
                fmt::format("role '{}': unknown skill '{}'{}", role.id, name, suggest_skill(name)));
        } else if (std::find(role.skills.begin(), role.skills.end(), *skill) != role.skills.end()) {
          report(Severity::warning, offset,
                 fmt::format("role '{}': skill '{}' is listed twice", role.id, name));
        } else {
          role.skills.push_back(*skill);
        }
      }
      for (const auto& [name, offset] : role_refs_[r].grows_into) {
        const auto it = std::find_if(graph_.roles_.begin(), graph_.roles_.end(),
                                     [&](const Role& other) { return other.id == name; });
        if (it == graph_.roles_.end()) {
          std::vector<std::string_view> ids;
          for (const Role& other : graph_.roles_) ids.push_back(other.id);
          error(offset, fmt::format("role '{}': unknown role '{}' in 'grows_into'{}", role.id, name,
                                    did_you_mean(closest_matches(name, ids))));
        } else {
          role.grows_into.push_back(static_cast<RoleIndex>(it - graph_.roles_.begin()));
        }
      }
    }
  }

  // A skill that no role needs never shows up in a role's plan: usually a forgotten role entry.
  void check_reachable() {
    if (graph_.roles_.empty()) return;
    std::vector<bool> reached(graph_.skills_.size(), false);
    std::vector<SkillIndex> stack;
    for (const Role& role : graph_.roles_)
      stack.insert(stack.end(), role.skills.begin(), role.skills.end());
    while (!stack.empty()) {
      const SkillIndex s = stack.back();
      stack.pop_back();
      if (reached[s]) continue;
      reached[s] = true;
      graph_.for_each_required(s, [&](SkillIndex o) { stack.push_back(o); });
    }
    for (SkillIndex s = 0; s < graph_.skills_.size(); ++s) {
      if (!reached[s]) {
        report(Severity::warning, skill_offsets_[s],
               fmt::format("skill '{}' is not needed by any role", graph_.skills_[s].id));
      }
    }
  }

  // Reports cycles; without any, the graph keeps the topological order: the planner works in it.
  void check_cycles() {
    DependencyOrder dependencies = order_dependencies(graph_, 20);
    for (const DependencyCycle& cycle : dependencies.cycles) {
      std::string path;
      for (const SkillIndex s : cycle.path) {
        if (!path.empty()) path += " -> ";
        path += graph_.skills_[s].id;
      }
      error(skill_offsets_[cycle.path.front()], fmt::format("dependency cycle: {}", path));
    }
    if (dependencies.cycles.empty()) {
      graph_.topological_order_ = std::move(dependencies.order);
    }
  }

  std::string_view text_;
  std::string_view file_;
  LoadOptions limits_;
  bool text_is_mapped_file_;
  std::size_t released_ = 0;
  JsonReader reader_;
  std::size_t tail_end_ = 0;  // for the helper reading the skills array's second part: its end
  SkillGraph graph_;
  std::vector<Diagnostic> diagnostics_;
  std::size_t error_count_ = 0;
  std::size_t suggestions_ = 0;
  std::size_t category_ordinal_ = 0;
  std::vector<std::string_view> suggestion_pool_;
  std::vector<std::uint32_t> skill_offsets_;
  std::vector<std::size_t> category_offsets_;
  std::vector<std::size_t> alias_offsets_;
  std::vector<PendingSkillRef> pending_refs_;
  std::vector<PendingCategory> pending_categories_;
  std::vector<RoleRefs> role_refs_;
};

namespace {

GraphLoadResult load_text(std::string_view text, std::string_view file_name,
                          const LoadOptions& limits, bool text_is_mapped_file) {
  // Offsets into the text are kept in 32 bits.
  constexpr std::size_t kLargestText = 0xFFFF'FFFFu;
  if (text.size() > std::min(limits.max_file_bytes, kLargestText)) {
    GraphLoadResult result;
    result.diagnostics.push_back(
        Diagnostic{Severity::error,
                   std::string(file_name),
                   0,
                   0,
                   fmt::format("graph is {} bytes, larger than the limit of {} bytes", text.size(),
                               std::min(limits.max_file_bytes, kLargestText)),
                   {}});
    return result;
  }
  return GraphBuilder(text, file_name, limits, text_is_mapped_file).build();
}

}  // namespace

GraphLoadResult load_graph(std::string_view text, std::string_view file_name,
                           const LoadOptions& limits) {
  return load_text(text, file_name, limits, false);
}

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

GraphLoadResult load_graph_file(const std::string& path, const LoadOptions& limits) {
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? "<stdin>" : path;
  const auto failure = [&](std::string message) {
    GraphLoadResult result;
    result.diagnostics.push_back(Diagnostic{Severity::error, name, 0, 0, std::move(message), {}});
    return result;
  };
  if (!from_stdin) {
    // A regular file is mapped, not copied: no second copy of a large graph in memory.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failure(fmt::format("cannot open: {}", std::strerror(errno)));
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      const auto size = static_cast<std::size_t>(info.st_size);
      if (size > limits.max_file_bytes) {
        ::close(fd);
        return failure(fmt::format("graph is {} bytes, larger than the limit of {} bytes", size,
                                   limits.max_file_bytes));
      }
      void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      ::close(fd);
      if (data == MAP_FAILED) return failure(fmt::format("cannot read: {}", std::strerror(errno)));
      ::madvise(data, size, MADV_SEQUENTIAL);
      GraphLoadResult result =
          load_text(std::string_view(static_cast<const char*>(data), size), name, limits, true);
      ::munmap(data, size);
      return result;
    }
    ::close(fd);
  }
  std::unique_ptr<std::FILE, FileCloser> owned;
  std::FILE* file = stdin;
  if (!from_stdin) {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned) return failure(fmt::format("cannot open: {}", std::strerror(errno)));
    file = owned.get();
  }
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file);
    if (n == 0) break;
    if (text.size() + n > limits.max_file_bytes) {
      return failure(
          fmt::format("graph is larger than the limit of {} bytes", limits.max_file_bytes));
    }
    text.append(buffer, n);
  }
  if (std::ferror(file)) return failure(fmt::format("cannot read: {}", std::strerror(errno)));
  return load_graph(text, name, limits);
}

}  // namespace mlroadmap
