#pragma once
// The only code that writes a SkillGraph: the parser adds categories, skills, requirements and
// roles through it, reference resolution fills in what names point to, and finish() hands the
// graph over. It also keeps where each thing was written, for messages.

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "graph_parts.hpp"
#include "mlroadmap/graph.hpp"
#include "name_table.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

/// A prerequisite id waiting for the bulk lookup after parsing: where its string starts in the
/// text, and the item it fills (a requirement item, or an option with kOptionRef set).
struct PendingSkillRef {
  static constexpr std::uint32_t kOptionRef = 0x80000000u;
  std::uint32_t text_offset;
  std::uint32_t position;
};

/// A skill's category named before the category was defined.
struct PendingCategory {
  SkillIndex skill;
  std::string_view name;
  std::size_t offset;
};

/// The names a role gives, with where each is written, resolved once every skill is known.
struct RoleRefs {
  std::vector<std::pair<std::string_view, std::size_t>> skills;
  std::vector<std::pair<std::string_view, std::size_t>> builds_on;
  std::vector<std::pair<std::string_view, std::size_t>> grows_into;
  std::size_t offset = 0;
};

/// A name read for a rarely used field, resolved once every skill is known: the id a
/// recommendation names (`item` into the graph's recommendations), or an any_of group's
/// `default` (`item` into its complex requirements).
struct PendingName {
  std::string_view name;
  std::size_t offset;
  std::uint32_t item;
};

/// A field of schema version 2 used where the graph has not (yet) declared that version.
struct NewerFieldUse {
  std::string_view field;
  std::size_t offset;
};

class GraphBuilder {
 public:
  /// What a reference's item holds until the lookup fills it.
  static constexpr std::uint32_t kUnresolved = 0x7FFFFFFFu;
  using Parts = SkillGraph::Parts;
  /// `text` is the graph's source; when it outlives the graph, strings stay views into it.
  GraphBuilder(std::string_view text, bool text_outlives_graph);
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  /// A string the graph keeps: a view into the source when it outlives the graph (the built-in
  /// graph is static), a copy into the graph's own storage otherwise.
  std::string_view keep(std::string_view text) {
    if (text_outlives_graph_ && text.data() >= text_.data() &&
        text.data() + text.size() <= text_.data() + text_.size()) {
      return text;
    }
    return store(text);
  }

  const Parts& parts() const { return p_; }
  const SkillGraph& graph() const { return graph_; }

  void set_title(std::string_view title) { p_.title = title; }
  void set_description(std::string_view description) { p_.description = description; }
  void set_version(std::string_view version) { p_.version = version; }
  /// The schema_version the graph declares; 0 until it is read.
  int schema_version() const { return schema_version_; }
  void set_schema_version(int version) { schema_version_ = version; }
  /// Notes a field of schema version 2, unless the graph has already declared that version.
  void note_newer_field(std::string_view field, std::size_t offset) {
    if (schema_version_ != 2) newer_fields_.push_back({field, offset});
  }
  const std::vector<NewerFieldUse>& newer_fields() const { return newer_fields_; }

  // --- categories
  /// The category whose id is `id`, ignoring ASCII case: the exact spelling, which nearly every
  /// skill uses, is looked for first.
  std::optional<CategoryIndex> find_category(std::string_view id) const {
    for (CategoryIndex c = 0; c < p_.categories.size(); ++c) {
      if (same_text(p_.categories[c].id, id)) return c;
    }
    for (CategoryIndex c = 0; c < p_.categories.size(); ++c) {
      if (equals_ignoring_case(p_.categories[c].id, id)) return c;
    }
    return std::nullopt;
  }
  void add_category(const Category& category, std::size_t offset);
  std::size_t category_offset(CategoryIndex category) const { return category_offsets_[category]; }
  /// Takes the categories and schema version another builder knows, for a part of the same
  /// text read apart.
  void copy_context(const GraphBuilder& whole) {
    p_.categories = whole.p_.categories;
    schema_version_ = whole.schema_version_;
  }

  // --- skills, added once their requirements, aliases and resources are
  SkillIndex next_skill() const { return static_cast<SkillIndex>(p_.skills.size()); }
  /// A plain prerequisite, its id written at `offset`: looked up after parsing.
  void add_prerequisite(std::size_t offset) {
    const auto position = static_cast<std::uint32_t>(p_.requirement_items.size());
    pending_refs_.push_back({static_cast<std::uint32_t>(offset), position});
    p_.requirement_items.push_back(kUnresolved);
  }
  /// An option of the group that begin_group started.
  void add_option(std::size_t offset) {
    const auto position = static_cast<std::uint32_t>(p_.options.size());
    pending_refs_.push_back(
        {static_cast<std::uint32_t>(offset), position | PendingSkillRef::kOptionRef});
    p_.options.push_back(kUnresolved);
  }
  std::uint32_t option_count() const { return static_cast<std::uint32_t>(p_.options.size()); }
  /// A group that starts at the current option; end_group adds it as a requirement.
  SkillGraph::ComplexRequirement begin_group() const { return {option_count(), 0, {}, false}; }
  void end_group(SkillGraph::ComplexRequirement group);
  std::size_t requirement_item_count() const { return p_.requirement_items.size(); }
  std::uint32_t alias_count() const { return static_cast<std::uint32_t>(p_.alias_texts.size()); }
  void add_alias(SkillIndex skill, std::string_view alias, std::size_t offset);
  std::uint32_t resource_count() const { return static_cast<std::uint32_t>(p_.resources.size()); }
  void add_resource(const Resource& resource) { p_.resources.push_back(resource); }
  std::uint32_t recommendation_count() const {
    return static_cast<std::uint32_t>(p_.recommendations.size());
  }
  /// A recommended skill, its id `name` written at `offset`: looked up after parsing.
  void add_recommendation(std::string_view name, std::string_view why, std::size_t offset) {
    pending_recommendations_.push_back({name, offset, recommendation_count()});
    p_.recommendations.push_back({kUnresolved, why});
  }
  /// The `default` of the group that end_group adds next, named `name` at `offset`.
  void add_group_default(std::string_view name, std::size_t offset) {
    pending_defaults_.push_back({name, offset, static_cast<std::uint32_t>(p_.complex.size())});
  }
  /// Adds a skill whose requirements were added since the last skill; `details` when it has any.
  void add_skill(const Skill& skill, std::size_t id_offset,
                 const std::optional<SkillGraph::SkillDetails>& details);
  /// A skill whose category is not defined yet, to be looked up after parsing.
  void defer_category(SkillIndex skill, std::string_view name, std::size_t offset) {
    pending_categories_.push_back({skill, name, offset});
  }
  void set_category(SkillIndex skill, CategoryIndex category) {
    p_.skills[skill].category = category;
  }
  std::size_t skill_offset(SkillIndex skill) const { return skill_offsets_[skill]; }
  std::size_t alias_offset(std::uint32_t alias) const { return alias_offsets_[alias]; }
  /// Sizes the arrays for `scale` times the skills read so far, in one allocation each.
  void reserve_skills(double scale);

  // --- roles
  void add_role(Role role, RoleRefs refs);
  const RoleRefs& role_refs(RoleIndex role) const { return role_refs_[role]; }
  void set_default_role(RoleIndex role) { p_.default_role = role; }
  void add_role_skill(RoleIndex role, SkillIndex skill) { p_.roles[role].skills.push_back(skill); }
  void add_grows_into(RoleIndex role, RoleIndex other) {
    p_.roles[role].grows_into.push_back(other);
  }
  void add_builds_on(RoleIndex role, RoleIndex base) { p_.roles[role].builds_on.push_back(base); }
  void set_targets(RoleIndex role, std::vector<SkillIndex> targets) {
    p_.roles[role].targets = std::move(targets);
  }

  // --- references
  const std::vector<PendingSkillRef>& pending_refs() const { return pending_refs_; }
  const std::vector<PendingCategory>& pending_categories() const { return pending_categories_; }
  const std::vector<PendingName>& pending_recommendations() const {
    return pending_recommendations_;
  }
  const std::vector<PendingName>& pending_defaults() const { return pending_defaults_; }
  void set_recommendation(std::uint32_t item, SkillIndex skill) {
    p_.recommendations[item].skill = skill;
  }
  void set_group_default(std::uint32_t complex, std::uint32_t option) {
    p_.complex[complex].default_option = option;
  }
  /// The skill whose recommendations hold `item`, or whose requirements hold complex
  /// requirement `complex` (for messages: a search).
  SkillIndex recommendation_owner(std::uint32_t item) const;
  SkillIndex group_owner(std::uint32_t complex) const;
  /// Fills the item a reference stands for; different references may be filled concurrently.
  void fill(const PendingSkillRef& ref, SkillIndex skill) {
    const bool option = (ref.position & PendingSkillRef::kOptionRef) != 0;
    std::uint32_t* const items = option ? p_.options.data() : p_.requirement_items.data();
    items[ref.position & ~PendingSkillRef::kOptionRef] = skill;
  }
  NameTable& names() { return *names_; }
  const NameTable& names() const { return *names_; }

  /// Appends the skills another builder read from later in the same text, renumbered to
  /// follow these; empties it.
  void append(GraphBuilder& part);
  void set_topological_order(std::vector<SkillIndex> order) {
    p_.topological_order = std::move(order);
  }
  /// The finished graph; the builder is spent.
  SkillGraph finish();

 private:
  std::string_view store(std::string_view text);
  void append_details(GraphBuilder& part, SkillIndex skill_base);

  std::string_view text_;
  bool text_outlives_graph_;
  SkillGraph graph_;
  Parts& p_;
  std::shared_ptr<NameTable> names_ = std::make_shared<NameTable>();
  std::size_t chunk_used_ = 0;
  std::size_t chunk_size_ = 0;

  std::vector<std::uint32_t> skill_offsets_;
  std::vector<std::size_t> category_offsets_;
  std::vector<std::size_t> alias_offsets_;
  std::vector<PendingSkillRef> pending_refs_;
  std::vector<PendingCategory> pending_categories_;
  std::vector<PendingName> pending_recommendations_;
  std::vector<PendingName> pending_defaults_;
  std::vector<NewerFieldUse> newer_fields_;
  int schema_version_ = 0;
  std::vector<RoleRefs> role_refs_;
};

}  // namespace mlroadmap::detail
