#pragma once
// The graph parser: walks the JSON of a skill graph, field by field, checking each value, and
// hands what it reads to a GraphBuilder. References between items are only recorded here;
// graph_references resolves them once everything is read.

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "graph_builder.hpp"
#include "json_object.hpp"
#include "mapped_file.hpp"
#include "mlroadmap/load_options.hpp"
#include "overlay_doc.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

/// Thrown when the document has a top-level "extends": it is an overlay on another graph,
/// which overlay_chain merges before anything is loaded.
struct ExtendsFound {};

/// Thrown where a layer cannot do what its graph asks: the graph is loaded another way.
struct LayerDeclined {};

/// Something laid over a graph while it is read (an overlay: overlay_in_load.hpp). Per item of
/// the graph, whether it is kept, dropped or read from a text of the layer's own instead; the
/// layer's own items after the graph's; the names whose references are left out.
class ReadLayer {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  /// False when the layer surely has no item of this id (of any kind)...
  bool may_name(std::string_view id) const {
    return named_.test(fingerprint_ignoring_case(id));
  }
  /// ... and when it surely removes nothing of this name.
  bool may_remove(std::string_view name) const {
    return removes_any_ && removed_.test(fingerprint_ignoring_case(name));
  }
  /// What becomes of an item of the graph, and the layer's item that says so (or kNone).
  struct Action {
    enum Kind { keep, drop, replace } kind = keep;
    std::uint32_t item = kNone;
  };
  virtual ~ReadLayer() = default;
  /// The text every offset points into: the graph's, then the layer's.
  virtual std::string_view text() const = 0;
  /// Whether the layer changes items of this kind (each must then name its id first).
  virtual bool touches(ItemKind kind) const = 0;
  virtual Action action(ItemKind kind, std::string_view id) const = 0;
  /// Where an item of the layer's is written in text(): [begin, end).
  struct Placed {
    std::size_t begin, end;
  };
  /// The graph's item [begin, end) as the layer's `item` changes it.
  virtual Placed patch(ItemKind kind, std::uint32_t item, std::size_t begin, std::size_t end) = 0;
  /// The layer's items of a kind; item `i`, when the graph has no such item.
  virtual std::size_t item_count(ItemKind kind) const = 0;
  virtual Placed new_item(ItemKind kind, std::uint32_t i) const = 0;
  /// Whether references to `name`, an item of this kind, are left out.
  virtual bool removed(ItemKind kind, std::string_view name) const = 0;
  /// The schema version the layer declares, which the graph's own gives way to.
  virtual int schema_version() const = 0;
  /// Where the layer's value of a top-level field (title, version, description) starts in
  /// text(), which then replaces the graph's; nothing when the layer leaves it.
  virtual std::optional<std::size_t> top_field(std::string_view key) const = 0;

 protected:
  std::bitset<kFingerprints> named_;    ///< fingerprints of the layer's ids
  std::bitset<kFingerprints> removed_;  ///< fingerprints of the ids it removes
  bool removes_any_ = false;
};

class GraphParser {
 public:
  /// Reads with `json` into `builder`; `mapped`, when the text is a mapped file, takes back the
  /// pages the reader has left behind; `layer`, when given, is laid over what is read.
  GraphParser(JsonReader& json, Messages& messages, GraphBuilder& builder,
              const LoadOptions& limits, const MappedFile* mapped, ReadLayer* layer = nullptr);

  /// The whole document; throws ExtendsFound at a top-level "extends".
  void parse_document();

 private:
  struct SkillsTail;
  /// The rest of a skills array, from an element's start, as the helper of split_parse.hpp
  /// reads it; false at the first message or when asked to stop.
  bool parse_skills_to_end(const std::stop_token& stop);
  void parse_top_field(std::string_view key);
  // Under a layer.
  ReadLayer::Action layer_action(ItemKind kind, std::string_view id);
  void passed_over(ItemKind kind, ReadLayer::Action action, std::size_t begin, std::size_t end);
  bool take_layered(ItemKind kind);
  bool layered(ItemKind kind, std::string_view id, std::size_t begin);
  void read_layer_item(ItemKind kind, ReadLayer::Placed item);
  void read_layer_items(ItemKind kind);
  void read_layer_top_fields();
  bool dropped(ItemKind kind, std::string_view name) const {
    return layer_ != nullptr && layer_->may_remove(name) && layer_->removed(kind, name);
  }
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
  ReadLayer* layer_;
  bool layer_items_;  ///< whether the layer may change the items read (not its own)
  std::array<bool, 3> layer_touches_{};  ///< the layer's touches(), by kind
  std::array<std::vector<bool>, 3> matched_;  ///< the layer's items met in the graph
  std::array<bool, 3> lists_read_{};
};

}  // namespace mlroadmap::detail
