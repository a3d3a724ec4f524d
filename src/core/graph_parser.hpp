#pragma once
// The graph parser: walks the JSON of a skill graph, field by field, checking each value, and
// hands what it reads to a GraphBuilder. References between items are only recorded here;
// graph_references resolves them once everything is read.

#include <cstddef>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

#include "graph_builder.hpp"
#include "json_object.hpp"
#include "mapped_file.hpp"
#include "mlroadmap/load_options.hpp"

namespace mlroadmap::detail {

/// Thrown when the document has a top-level "extends": it is an overlay on another graph,
/// which overlay_chain merges before anything is loaded.
struct ExtendsFound {};

class GraphParser {
 public:
  /// Reads with `json` into `builder`; `mapped`, when the text is a mapped file, takes back the
  /// pages the reader has left behind.
  GraphParser(JsonReader& json, Messages& messages, GraphBuilder& builder,
              const LoadOptions& limits, const MappedFile* mapped);

  /// The whole document; throws ExtendsFound at a top-level "extends".
  void parse_document();

 private:
  struct SkillsTail;
  /// The rest of a skills array, from an element's start, as the helper of split_parse.hpp
  /// reads it; false at the first message or when asked to stop.
  bool parse_skills_to_end(const std::stop_token& stop);
  void parse_top_field(std::string_view key);
  void check_newer_fields();
  /// Notes the use of a field that needs schema_version 2, written at `offset`.
  void newer_field(std::string_view field, std::size_t offset);
  void parse_categories();
  void parse_category(const Owner& owner);
  void parse_skills();
  void read_skill(std::size_t first);
  void parse_skill();
  void parse_skill_field(int field, std::string_view key, const Owner& owner, Skill& skill,
                         SkillGraph::SkillDetails& details);
  void parse_hours(const Owner& owner, Skill& skill);
  void parse_kind(const Owner& owner, Skill& skill);
  void parse_recommended(const Owner& owner, SkillGraph::SkillDetails& details);
  void parse_recommendation_object(const Owner& owner);
  void parse_aliases(SkillIndex index, const Owner& owner, SkillGraph::SkillDetails& details);
  void parse_resources(const Owner& owner, SkillGraph::SkillDetails& details);
  void parse_resource(const Owner& owner);
  void check_url(const Owner& owner, std::string_view url, std::size_t offset);
  void check_resource_type(const Owner& owner, std::string_view type, std::size_t offset);
  void parse_requirements(const Owner& owner);
  void parse_requirement_object(const Owner& owner);
  void parse_any_of(const Owner& owner, const Owner& what, SkillGraph::ComplexRequirement& group);
  void parse_roles();
  void parse_role();
  void parse_role_names(const Owner& owner, std::string_view key, RoleRefs& refs);
  void add_role(Role role, RoleRefs refs, std::size_t object_offset, std::size_t default_offset);
  std::optional<Salary> parse_salary(std::string_view role_owner);
  SalaryBand parse_band(const std::string& owner);

  std::string_view read_text(const Owner& owner, std::string_view field) {
    return builder_.keep(in_.read_string(owner, field));
  }
  std::string_view read_required_text(const Owner& owner, std::string_view field) {
    return builder_.keep(in_.read_required_string(owner, field));
  }
  std::string_view read_id(const Owner& owner, std::string_view field, std::string_view kind);
  void error(std::size_t offset, std::string message) {
    messages_.error(offset, std::move(message));
  }
  void warn(std::size_t offset, std::string message) {
    messages_.report(Severity::warning, offset, std::move(message));
  }
  Owner skill_owner(std::string_view id) const {
    return Owner::named("skill", id, builder_.next_skill() + 1);
  }

  JsonReader& json_;
  Messages& messages_;
  ObjectReader in_;
  GraphBuilder& builder_;
  const LoadOptions& limits_;
  const MappedFile* mapped_;
  std::size_t released_;
  std::size_t category_ordinal_ = 0;
};

}  // namespace mlroadmap::detail
