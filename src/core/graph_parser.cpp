#include "graph_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>

#include "split_parse.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

namespace {

using namespace std::string_view_literals;

constexpr std::array kTopFields = {"schema_version"sv, "version"sv, "title"sv, "description"sv,
                                   "categories"sv,     "skills"sv,  "roles"sv};
constexpr std::array kCategoryFields = {"id"sv, "name"sv, "summary"sv};
// Fields from "summary" on are a skill's details, which few skills of a large graph have.
constexpr std::array kSkillFields = {
    "id"sv,      "name"sv,    "category"sv,  "prerequisites"sv, "hours"sv,      "kind"sv,
    "summary"sv, "aliases"sv, "resources"sv, "milestone"sv,     "recommended"sv};
constexpr std::array kRequirementFields = {"id"sv, "any_of"sv, "why"sv, "default"sv};
constexpr std::array kRecommendationFields = {"id"sv, "why"sv};
constexpr std::array kResourceFields = {"title"sv, "url"sv, "type"sv, "free"sv};
constexpr std::array kResourceTypes = {"docs"sv,  "book"sv,    "course"sv,
                                       "video"sv, "article"sv, "practice"sv};

// Skills read before the arrays are sized for the whole array.
constexpr std::size_t kSkillsToMeasure = 4096;

}  // namespace

GraphParser::GraphParser(JsonReader& json, Messages& messages, GraphBuilder& builder,
                         const LoadOptions& limits, const MappedFile* mapped,
                         ReadLayer* layer)
    : json_(json),
      messages_(messages),
      in_(json, messages),
      builder_(builder),
      limits_(limits),
      mapped_(mapped),
      released_(json.offset()),
      layer_(layer),
      layer_items_(layer != nullptr) {
  if (layer_ == nullptr) return;
  for (const ItemKind kind : {ItemKind::category, ItemKind::skill, ItemKind::role}) {
    matched_[static_cast<std::size_t>(kind)].assign(layer_->item_count(kind), false);
    layer_touches_[static_cast<std::size_t>(kind)] = layer_->touches(kind);
  }
}

std::string_view GraphParser::read_id(const Owner& owner, std::string_view field,
                                      std::string_view kind) {
  if (!in_.expect(JsonType::string, owner, field)) return {};
  const std::size_t offset = json_.offset();
  const std::string_view id = json_.read_string();
  if (!is_valid_id(id)) {
    error(offset, fmt::format("{}: invalid {} id '{}': ids are 1 to {} ASCII letters, digits, "
                              "'-', '.', '_', '+', ':', '/' or '@', starting with a letter or "
                              "digit",
                              owner, kind, id, kMaxIdLength));
    return {};
  }
  return builder_.keep(id);
}

// --- document ------------------------------------------------------------------------------

void GraphParser::parse_document() {
  if (!in_.begin_document("skill graph")) return;
  const std::size_t document_offset = json_.offset();
  json_.begin_object();
  FieldSet<kTopFields> fields;
  if (layer_ != nullptr) builder_.set_schema_version(layer_->schema_version());
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    if (key == "extends") throw ExtendsFound{};
    if (layer_ != nullptr && (key == "schema_version" || layer_->top_field(key))) {
      json_.skip_value();  // the layer's replaces it
      continue;
    }
    if (in_.accept_field(fields, key, key_offset, "graph") == ObjectReader::kSkipField) {
      json_.skip_value();
      continue;
    }
    parse_top_field(key);
  }
  json_.finish();
  if (layer_ != nullptr) read_layer_top_fields();
  for (const ItemKind kind : {ItemKind::category, ItemKind::skill, ItemKind::role}) {
    const std::size_t k = static_cast<std::size_t>(kind);
    if (layer_ != nullptr && !lists_read_[k] && layer_->item_count(kind) > 0) {
      throw LayerDeclined{};  // a list the graph does not have
    }
  }
  in_.require(fields, {"categories", "skills"}, document_offset, "graph");
  check_newer_fields();
}

// A field of schema version 2 in a graph that does not declare it: an older release would
// plan without it, so it must say so (the version may also be declared after the field).
void GraphParser::check_newer_fields() {
  const int declared = builder_.schema_version() == 0 ? 1 : builder_.schema_version();
  if (declared == 2) return;
  for (const NewerFieldUse& use : builder_.newer_fields()) {
    error(use.offset, fmt::format("'{}' needs \"schema_version\": 2 (this graph has "
                                  "schema_version {})",
                                  use.field, declared));
  }
}

void GraphParser::newer_field(std::string_view field, std::size_t offset) {
  builder_.note_newer_field(field, offset);
}

void GraphParser::parse_top_field(std::string_view key) {
  if (key == "schema_version") {
    const std::size_t offset = json_.offset();
    const auto version = in_.read_integer("graph", "schema_version");
    if (version && *version != 1 && *version != 2) {
      error(offset, fmt::format("unsupported schema_version {} (this version of mlroadmap "
                                "reads schema_version 1 and 2)",
                                *version));
    } else if (version) {
      builder_.set_schema_version(static_cast<int>(*version));
    }
  } else if (key == "version") {
    builder_.set_version(read_required_text("graph", key));
  } else if (key == "title") {
    builder_.set_title(read_text("graph", key));
  } else if (key == "description") {
    builder_.set_description(read_text("graph", key));
  } else if (key == "categories") {
    parse_categories();
  } else if (key == "skills") {
    parse_skills();
  } else if (key == "roles") {
    parse_roles();
  }
}

// --- categories ----------------------------------------------------------------------------

void GraphParser::parse_categories() {
  if (!in_.expect(JsonType::array, "graph", "categories")) return;
  lists_read_[static_cast<std::size_t>(ItemKind::category)] = true;
  json_.begin_array();
  while (json_.next_element()) {
    const std::string owner = fmt::format("category #{}", ++category_ordinal_);
    if (!in_.expect(JsonType::object, owner, "categories[]")) continue;
    if (!take_layered(ItemKind::category)) parse_category(owner);
  }
  read_layer_items(ItemKind::category);
}

void GraphParser::parse_category(const Owner& owner) {
  const std::size_t object_offset = json_.offset();
  json_.begin_object();
  FieldSet<kCategoryFields> fields;
  Category category;
  std::size_t id_offset = object_offset;
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    if (in_.accept_field(fields, key, key_offset, owner) == ObjectReader::kSkipField) {
      json_.skip_value();
    } else if (key == "id") {
      id_offset = json_.offset();
      category.id = read_id(owner, key, "category");
    } else if (key == "name") {
      category.name = read_required_text(owner, key);
    } else {
      read_text(owner, key);
    }
  }
  in_.require(fields, {"id", "name"}, object_offset, owner);
  if (category.id.empty()) return;
  if (const auto existing = builder_.find_category(category.id)) {
    error(id_offset, fmt::format("duplicate category id '{}' (first defined at {})", category.id,
                                 messages_.where(builder_.category_offset(*existing))));
    return;
  }
  builder_.add_category(category, id_offset);
}

// --- skills --------------------------------------------------------------------------------

// The second half of a large skills array, read by a helper thread into a builder of its own
// with messages of its own (any one of them and the part is not taken): the same text and
// limits, a reader that starts inside the skills array of the document object, the categories
// known so far.
struct GraphParser::SkillsTail {
  SkillsTail(std::string_view text, std::size_t start, const GraphBuilder& whole,
             const LoadOptions& limits, const MappedFile* mapped, ReadLayer* layer)
      : json(text, JsonLimits{limits.max_depth, limits.max_string_bytes}, start, 2),
        messages(text, std::string_view(), limits.max_errors),
        builder(text, limits.text_outlives_graph),
        parser(json, messages, builder, limits, mapped, layer) {
    builder.copy_context(whole);
  }
  std::size_t read(const std::stop_token& stop) {
    return parser.parse_skills_to_end(stop) ? json.offset() : 0;
  }
  JsonReader json;
  Messages messages;
  GraphBuilder builder;
  GraphParser parser;
};

void GraphParser::parse_skills() {
  if (!in_.expect(JsonType::array, "graph", "skills")) return;
  lists_read_[static_cast<std::size_t>(ItemKind::skill)] = true;
  json_.begin_array();
  const std::size_t first = json_.offset();
  const std::size_t start = SplitArray::second_half(json_.text(), first);
  std::unique_ptr<SkillsTail> tail;
  if (start != SplitArray::kNone) {
    tail = std::make_unique<SkillsTail>(json_.text(), start, builder_, limits_, mapped_,
                                        layer_);
  }
  SplitArray split(start, [&tail](const std::stop_token& stop) { return tail->read(stop); });
  while (json_.next_element()) {
    if (json_.offset() == start) {
      if (const std::size_t end = split.join(); end != 0) {
        builder_.append(tail->builder);
        for (std::size_t k = 0; k < matched_.size(); ++k) {
          for (std::size_t i = 0; i < matched_[k].size(); ++i) {
            if (tail->parser.matched_[k][i]) matched_[k][i] = true;
          }
        }
        json_.resume_after_container(end);
        read_layer_items(ItemKind::skill);
        return;
      }
    }
    if (!in_.expect(JsonType::object, skill_owner({}), "skills[]")) continue;
    read_skill(first);
  }
  read_layer_items(ItemKind::skill);
}

bool GraphParser::parse_skills_to_end(const std::stop_token& stop) {
  const std::size_t first = json_.offset();
  while (json_.next_element()) {
    if (stop.stop_requested()) return false;
    if (!in_.expect(JsonType::object, skill_owner({}), "skills[]")) return false;
    try {
      read_skill(first);
    } catch (const LayerDeclined&) {
      return false;  // the whole read says so, when it comes here
    }
    if (!messages_.diagnostics().empty()) return false;
  }
  return true;
}

// A skill of the array that starts at `first`; then the pages behind it go back to the system
// and, once the first skills are read, the arrays are sized for all of them: as if the rest of
// the text were all skills, with a margin (capacity never written costs address space, not
// memory), so they grow once instead of doubling, which copies and touches everything twice.
void GraphParser::read_skill(std::size_t first) {
  parse_skill();
  if (mapped_ != nullptr) mapped_->release_behind(released_, json_.offset());
  if (builder_.next_skill() != kSkillsToMeasure) return;
  const double scale = 1.25 * static_cast<double>(json_.text().size() - first) /
                       static_cast<double>(json_.offset() - first);
  if (scale >= 2) builder_.reserve_skills(scale);
}

void GraphParser::parse_skill() {
  const std::size_t object_offset = json_.offset();
  json_.begin_object();
  FieldSet<kSkillFields> fields;
  Skill skill;
  SkillGraph::SkillDetails details;
  std::size_t id_offset = object_offset;
  std::size_t category_offset = object_offset;
  std::string_view category_id;
  const std::size_t first_requirement = builder_.requirement_item_count();
  bool has_details = false;
  std::string_view key;
  std::size_t key_offset;
  // Under a layer that changes skills, each of the graph's needs its id first.
  bool first = layer_items_ && layer_touches_[static_cast<std::size_t>(ItemKind::skill)];
  while (json_.next_member(key, key_offset)) {
    const Owner owner = skill_owner(skill.id);  // by id once the id is read
    const int field = in_.accept_field(fields, key, key_offset, owner);
    if (first && field != field_index(kSkillFields, "id")) throw LayerDeclined{};
    switch (field) {
      case ObjectReader::kSkipField: json_.skip_value(); break;
      case field_index(kSkillFields, "id"):
        id_offset = json_.offset();
        skill.id = read_id(owner, key, "skill");
        if (first && layered(ItemKind::skill, skill.id, object_offset)) return;
        break;
      case field_index(kSkillFields, "category"):
        category_offset = json_.offset();
        category_id = builder_.keep(in_.read_string(owner, key));
        break;
      case field_index(kSkillFields, "prerequisites"): parse_requirements(owner); break;
      default:
        parse_skill_field(field, key, owner, skill, details);
        has_details = has_details || field >= field_index(kSkillFields, "summary");
    }
    first = false;
  }
  const Owner owner = skill_owner(skill.id);
  in_.require(fields, {"id", "name", "category"}, object_offset, owner);
  if (limits_.lint && !fields.has("hours")) {
    warn(object_offset, fmt::format("{}: no 'hours'; it counts as 0", owner));
  }
  if (dropped(ItemKind::category, category_id)) throw LayerDeclined{};  // still in use
  if (!category_id.empty()) {
    if (const auto category = builder_.find_category(category_id)) {
      skill.category = *category;
    } else {
      builder_.defer_category(builder_.next_skill(), category_id, category_offset);
    }
  }
  const std::size_t requirement_count = builder_.requirement_item_count() - first_requirement;
  if (requirement_count > limits_.max_requirements_per_skill) {
    error(object_offset, fmt::format("{}: {} prerequisites, more than the limit of {}", owner,
                                     requirement_count, limits_.max_requirements_per_skill));
  }
  builder_.add_skill(
      skill, id_offset,
      has_details ? std::optional(details) : std::optional<SkillGraph::SkillDetails>());
}

void GraphParser::parse_skill_field(int field, std::string_view key, const Owner& owner,
                                    Skill& skill, SkillGraph::SkillDetails& details) {
  switch (field) {
    case field_index(kSkillFields, "name"): skill.name = read_required_text(owner, key); break;
    case field_index(kSkillFields, "hours"): parse_hours(owner, skill); break;
    case field_index(kSkillFields, "summary"): details.summary = read_text(owner, key); break;
    case field_index(kSkillFields, "milestone"): details.milestone = read_text(owner, key); break;
    case field_index(kSkillFields, "aliases"):
      parse_aliases(builder_.next_skill(), owner, details);
      break;
    case field_index(kSkillFields, "resources"): parse_resources(owner, details); break;
    case field_index(kSkillFields, "kind"): parse_kind(owner, skill); break;
    case field_index(kSkillFields, "recommended"): parse_recommended(owner, details); break;
    default: break;
  }
}

void GraphParser::parse_hours(const Owner& owner, Skill& skill) {
  const std::size_t offset = json_.offset();
  const auto hours = in_.read_number(owner, "hours");
  if (!hours) return;
  if (*hours <= 0 || *hours > kMaxSkillHours) {
    error(offset, fmt::format("{}: 'hours' must be more than 0 and at most {}, found {}", owner,
                              kMaxSkillHours, *hours));
    return;
  }
  skill.hours = *hours;
  skill.has_hours = true;
}

void GraphParser::parse_kind(const Owner& owner, Skill& skill) {
  const std::size_t offset = json_.offset();
  newer_field("kind", offset);
  if (!in_.expect(JsonType::string, owner, "kind")) return;
  const std::string_view name = json_.read_string();
  if (const auto kind = skill_kind_named(name)) {
    skill.kind = *kind;
    return;
  }
  std::vector<std::string_view> kinds;
  for (const SkillKind k : {SkillKind::skill, SkillKind::project, SkillKind::education,
                            SkillKind::career}) {
    kinds.push_back(to_string(k));
  }
  error(offset, fmt::format("{}: unknown kind '{}'{}; kinds are {}", owner, terminal_safe(name),
                            did_you_mean(closest_matches(name, kinds)), fmt::join(kinds, ", ")));
}

// Order-only links: ids, or objects with an id and a reason; looked up after parsing.
void GraphParser::parse_recommended(const Owner& owner, SkillGraph::SkillDetails& details) {
  newer_field("recommended", json_.offset());
  if (!in_.expect(JsonType::array, owner, "recommended")) return;
  details.first_recommended = builder_.recommendation_count();
  json_.begin_array();
  while (json_.next_element()) {
    const std::size_t offset = json_.offset();
    const JsonType type = json_.peek();
    if (type == JsonType::string) {
      const std::string_view name = json_.read_string();
      if (!dropped(ItemKind::skill, name)) builder_.add_recommendation(builder_.keep(name), {}, offset);
    } else if (type == JsonType::object) {
      parse_recommendation_object(owner);
    } else {
      error(offset, fmt::format("{}: a recommendation must be a skill id or an object with "
                                "'id', found {}",
                                owner, to_string(type)));
      json_.skip_value();
    }
  }
  details.recommended_count = builder_.recommendation_count() - details.first_recommended;
}

void GraphParser::parse_recommendation_object(const Owner& owner) {
  const std::size_t object_offset = json_.offset();
  json_.begin_object();
  FieldSet<kRecommendationFields> fields;
  const Owner what(owner, "recommendation");
  std::string_view id, why;
  std::size_t id_offset = object_offset;
  bool any_of = false;
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    if (key == "any_of") {
      any_of = true;
      error(key_offset, fmt::format("{}: a recommendation names one skill; 'any_of' belongs in "
                                    "prerequisites",
                                    owner));
      json_.skip_value();
    } else if (in_.accept_field(fields, key, key_offset, what) == ObjectReader::kSkipField) {
      json_.skip_value();
    } else if (key == "id") {
      id_offset = json_.offset();
      id = read_text(what, key);
    } else {
      why = read_text(what, key);
    }
  }
  if (id.empty()) {
    if (!fields.has("id") && !any_of) {
      error(object_offset, fmt::format("{}: a recommendation object needs 'id'", owner));
    }
    return;
  }
  if (!dropped(ItemKind::skill, id)) builder_.add_recommendation(id, why, id_offset);
}

void GraphParser::parse_aliases(SkillIndex index, const Owner& owner,
                                SkillGraph::SkillDetails& details) {
  if (!in_.expect(JsonType::array, owner, "aliases")) return;
  details.first_alias = builder_.alias_count();
  json_.begin_array();
  while (json_.next_element()) {
    const std::size_t offset = json_.offset();
    const std::string_view alias = read_text(owner, "aliases[]");
    if (alias.empty()) {
      if (json_.offset() != offset) error(offset, fmt::format("{}: empty alias", owner));
      continue;
    }
    builder_.add_alias(index, alias, offset);
  }
  details.alias_count = builder_.alias_count() - details.first_alias;
}

void GraphParser::parse_resources(const Owner& owner, SkillGraph::SkillDetails& details) {
  if (!in_.expect(JsonType::array, owner, "resources")) return;
  details.first_resource = builder_.resource_count();
  json_.begin_array();
  while (json_.next_element()) {
    const Owner resource_owner(owner, "resource",
                               builder_.resource_count() - details.first_resource + 1);
    if (!in_.expect(JsonType::object, owner, "resources[]")) continue;
    parse_resource(resource_owner);
  }
  details.resource_count = builder_.resource_count() - details.first_resource;
}

void GraphParser::parse_resource(const Owner& owner) {
  const std::size_t object_offset = json_.offset();
  json_.begin_object();
  FieldSet<kResourceFields> fields;
  Resource resource;
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    const std::size_t offset = json_.offset();
    if (in_.accept_field(fields, key, key_offset, owner) == ObjectReader::kSkipField) {
      json_.skip_value();
    } else if (key == "title") {
      resource.title = read_required_text(owner, key);
    } else if (key == "url") {
      resource.url = read_required_text(owner, key);
      check_url(owner, resource.url, offset);
    } else if (key == "type") {
      resource.type = read_required_text(owner, key);
      check_resource_type(owner, resource.type, offset);
    } else if (key == "free") {
      if (in_.expect(JsonType::boolean, owner, key)) resource.free = json_.read_bool();
    }
  }
  in_.require(fields, {"title", "url"}, object_offset, owner);
  builder_.add_resource(resource);
}

void GraphParser::check_url(const Owner& owner, std::string_view url, std::size_t offset) {
  if (!url.empty() && !url.starts_with("https://") && !url.starts_with("http://")) {
    error(offset, fmt::format("{}: url '{}' must start with https:// or http://", owner,
                              terminal_safe(url)));
  } else if (limits_.lint && url.starts_with("http://")) {
    warn(offset, fmt::format("{}: url '{}' is not https", owner, terminal_safe(url)));
  }
}

void GraphParser::check_resource_type(const Owner& owner, std::string_view type,
                                      std::size_t offset) {
  if (type.empty() ||
      std::find(kResourceTypes.begin(), kResourceTypes.end(), type) != kResourceTypes.end()) {
    return;
  }
  const std::vector<std::string_view> types(kResourceTypes.begin(), kResourceTypes.end());
  error(offset,
        fmt::format("{}: unknown type '{}'{}; types are {}", owner, type,
                    did_you_mean(closest_matches(type, types)), fmt::join(kResourceTypes, ", ")));
}

// --- prerequisites -------------------------------------------------------------------------

void GraphParser::parse_requirements(const Owner& owner) {
  if (!in_.expect(JsonType::array, owner, "prerequisites")) return;
  json_.begin_array();
  while (json_.next_element()) {
    const std::size_t offset = json_.offset();
    const JsonType type = json_.peek();
    if (type == JsonType::string) {
      // Looked up with the others once every name is known.
      if (!dropped(ItemKind::skill, json_.read_string())) builder_.add_prerequisite(offset);
    } else if (type == JsonType::object) {
      parse_requirement_object(owner);
    } else {
      error(offset, fmt::format("{}: a prerequisite must be a skill id, an object with 'id' "
                                "or an object with 'any_of', found {}",
                                owner, to_string(type)));
      json_.skip_value();
    }
  }
}

void GraphParser::parse_requirement_object(const Owner& owner) {
  const std::size_t object_offset = json_.offset();
  json_.begin_object();
  FieldSet<kRequirementFields> fields;
  SkillGraph::ComplexRequirement group = builder_.begin_group();
  const Owner what(owner, "prerequisite");
  std::string_view default_name;
  std::size_t default_offset = object_offset;
  bool dropped_id = false;  // the skill it names is removed
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) {
    if (in_.accept_field(fields, key, key_offset, what) == ObjectReader::kSkipField) {
      json_.skip_value();
    } else if (key == "why") {
      group.why = read_text(what, key);
    } else if (key == "id") {
      if (!in_.expect(JsonType::string, what, key)) continue;
      const std::size_t offset = json_.offset();
      if (dropped(ItemKind::skill, json_.read_string())) {
        dropped_id = true;
      } else {
        builder_.add_option(offset);
      }
    } else if (key == "any_of") {
      parse_any_of(owner, what, group);
    } else if (key == "default") {
      newer_field("default", json_.offset());
      default_offset = json_.offset();
      default_name = read_text(what, key);
    }
  }
  if (dropped_id && !fields.has("any_of")) return;  // dropped whole
  if (!default_name.empty() && !dropped(ItemKind::skill, default_name)) {
    if (fields.has("any_of")) {
      builder_.add_group_default(default_name, default_offset);
    } else {
      error(default_offset,
            fmt::format("{}: 'default' belongs to a prerequisite with 'any_of'", owner));
    }
  }
  if (fields.has("id") && fields.has("any_of")) {
    error(object_offset,
          fmt::format("{}: a prerequisite has either 'id' or 'any_of', not both", owner));
  } else if (!fields.has("id") && !fields.has("any_of")) {
    error(object_offset, fmt::format("{}: a prerequisite object needs 'id' or 'any_of'", owner));
  }
  builder_.end_group(group);
}

void GraphParser::parse_any_of(const Owner& owner, const Owner& what,
                               SkillGraph::ComplexRequirement& group) {
  if (!in_.expect(JsonType::array, what, "any_of")) return;
  const std::size_t array_offset = json_.offset();
  group.any_of = true;
  const std::uint32_t before = builder_.option_count();
  json_.begin_array();
  bool dropped_any = false;
  while (json_.next_element()) {
    if (!in_.expect(JsonType::string, what, "any_of[]")) continue;
    const std::size_t offset = json_.offset();
    if (dropped(ItemKind::skill, json_.read_string())) {
      dropped_any = true;
    } else {
      builder_.add_option(offset);
    }
  }
  if (builder_.option_count() == before && dropped_any) throw LayerDeclined{};  // emptied
  if (builder_.option_count() == before) {
    error(array_offset, fmt::format("{}: empty 'any_of' group", owner));
  }
}

}  // namespace mlroadmap::detail
