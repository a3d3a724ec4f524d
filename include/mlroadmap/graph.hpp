#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace mlroadmap {

using SkillIndex = std::uint32_t;
using RoleIndex = std::uint32_t;
using CategoryIndex = std::uint32_t;

/// A group of skills shown together; the graph's order of categories is their display order.
struct Category {
  std::string_view id;
  std::string_view name;
};

/// A place to learn a skill.
struct Resource {
  std::string_view title;
  std::string_view url;
  std::string_view type;  ///< docs, book, course, video, article or practice
  bool free = true;
};

/// One thing a skill needs first: a single skill, or any one of several (`any_of`).
struct Requirement {
  std::span<const SkillIndex> options;  ///< one skill, or the members of an any_of group
  std::string_view why;                 ///< the reason, when the graph gives one
  bool any_of = false;
  /// Index among `options` of the group's `default`, or kNoDefault.
  std::uint32_t default_index = kNoDefault;
  static constexpr std::uint32_t kNoDefault = 0xFFFFFFFFu;

  /// The member an any_of group names as its `default`: taken when the learner has none of
  /// the members, none is in the plan and none is preferred.
  std::optional<SkillIndex> default_member() const {
    if (default_index == kNoDefault) return std::nullopt;
    return options[default_index];
  }
};

/// A skill worth learning before another, without being needed for it (an order-only link):
/// it never brings a skill into a plan, but when both are in one it comes first.
struct Recommendation {
  SkillIndex skill;
  std::string_view why;  ///< the reason, when the graph gives one
};

/// The longest id a graph may use, in bytes.
inline constexpr std::size_t kMaxIdLength = 256;

/// Whether `id` follows the id syntax: 1 to kMaxIdLength ASCII letters (either case), digits,
/// '-', '.', '_', '+', ':', '/' or '@', starting with a letter or digit. Ids are matched
/// ignoring ASCII case.
bool is_valid_id(std::string_view id);

/// What kind of step a skill is: something to study, a project to build, an education path
/// (a degree, a bootcamp, a course of self-study) or a career step.
enum class SkillKind : std::uint8_t { skill, project, education, career };

/// The kind's name in graphs and outputs: "skill", "project", "education" or "career".
std::string_view to_string(SkillKind kind);
/// The kind a name stands for, if it is one.
std::optional<SkillKind> skill_kind_named(std::string_view name);

/// Something to learn. Texts are views into storage owned by the SkillGraph.
struct Skill {
  std::string_view id;
  std::string_view name;
  double hours = 0;  ///< hours to working proficiency; 0 when the graph does not say
  CategoryIndex category = 0;
  bool has_hours = false;
  SkillKind kind = SkillKind::skill;
};

/// A pay range at one career level, as the graph's source reports it.
struct SalaryBand {
  std::string_view level;
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
};

/// Salary figures for a role, with where they come from and what they cover.
struct Salary {
  std::string_view currency;
  std::string_view region;
  std::string_view source;
  std::string_view note;
  std::vector<SalaryBand> bands;
};

/// A goal people plan toward: a job and the skills it targets.
struct Role {
  std::string_view id;
  std::string_view name;
  std::string_view summary;
  std::vector<SkillIndex> skills;     ///< the skills the role itself lists
  std::vector<RoleIndex> builds_on;   ///< roles whose skills this one targets too
  /// What planning for the role aims at: the targets of each role it builds on, in the order
  /// listed, then its own skills; each skill once.
  std::vector<SkillIndex> targets;
  std::vector<RoleIndex> grows_into;
  std::optional<Salary> salary;
  bool is_default = false;
};

namespace detail {
struct GraphKey;  // defined inside the core: only the core's builder and walks can name one
class NameTable;  // the core's table of skill names
}  // namespace detail

/// The loaded skill graph: categories, skills with their requirements, and roles.
/// Built only by the loader, which guarantees every reference resolves and there is no cycle.
class SkillGraph {
 public:
  struct Parts;

  SkillGraph();
  SkillGraph(SkillGraph&&) noexcept;
  SkillGraph& operator=(SkillGraph&&) noexcept;
  ~SkillGraph();

  std::string_view title() const { return p_.title; }
  std::string_view description() const { return p_.description; }
  /// Which edition of its content the graph is ("2026.11"); empty when it does not say.
  std::string_view version() const { return p_.version; }
  std::span<const Category> categories() const { return p_.categories; }
  std::span<const Skill> skills() const { return p_.skills; }
  std::span<const Role> roles() const { return p_.roles; }
  std::size_t skill_count() const { return p_.skills.size(); }
  const Skill& skill(SkillIndex index) const { return p_.skills[index]; }
  const Role& role(RoleIndex index) const { return p_.roles[index]; }
  const Category& category_of(SkillIndex index) const {
    return p_.categories[p_.skills[index].category];
  }

  /// The role marked default, if any.
  std::optional<RoleIndex> default_role() const { return p_.default_role; }

  /// How many requirements a skill lists, and each of them in the graph's order.
  std::size_t requirement_count(SkillIndex skill) const {
    return p_.requirement_begin[skill + 1] - p_.requirement_begin[skill];
  }
  Requirement requirement(SkillIndex skill, std::size_t i) const {
    const std::uint32_t* item = &p_.requirement_items[p_.requirement_begin[skill] + i];
    if ((*item & kComplexTag) == 0) {
      return Requirement{std::span(item, 1), {}, false, Requirement::kNoDefault};
    }
    const ComplexRequirement& c = p_.complex[*item & ~kComplexTag];
    return Requirement{std::span(p_.options.data() + c.first_option, c.option_count), c.why,
                       c.any_of, c.default_option};
  }
  /// Calls visit(o) for each skill `o` that `skill` requires, members of any_of groups
  /// included, in the order listed: a walk over every edge without building Requirements.
  template <typename Visit>
  void for_each_required(SkillIndex skill, Visit visit) const {
    const std::uint32_t* item = p_.requirement_items.data() + p_.requirement_begin[skill];
    const std::uint32_t* const end = p_.requirement_items.data() + p_.requirement_begin[skill + 1];
    for (; item != end; ++item) {
      if ((*item & kComplexTag) == 0) {
        visit(*item);
        continue;
      }
      const ComplexRequirement& c = p_.complex[*item & ~kComplexTag];
      for (std::uint32_t k = 0; k < c.option_count; ++k) visit(p_.options[c.first_option + k]);
    }
  }
  /// Requirements of all skills together, numbered skill by skill: requirement `i` of `skill`
  /// is number requirement_number(skill, i) of requirement_total() (for per-requirement arrays).
  std::size_t requirement_total() const { return p_.requirement_items.size(); }
  std::size_t requirement_number(SkillIndex skill, std::size_t i) const {
    return p_.requirement_begin[skill] + i;
  }

  /// Every skill once, each after all the skills it requires (members of any_of groups too).
  std::span<const SkillIndex> topological_order() const { return p_.topological_order; }

  std::string_view summary(SkillIndex skill) const;
  std::string_view milestone(SkillIndex skill) const;
  std::span<const std::string_view> aliases(SkillIndex skill) const;
  std::span<const Resource> resources(SkillIndex skill) const;
  /// The skills worth learning before `skill` (order-only), in the graph's order.
  std::span<const Recommendation> recommended(SkillIndex skill) const {
    const std::uint32_t d = p_.details_of(skill);
    if (d == kNoDetails) return {};
    return std::span(p_.recommendations.data() + p_.details[d].first_recommended,
                     p_.details[d].recommended_count);
  }
  /// Whether any skill recommends another: without, walks need not look.
  bool has_recommendations() const { return !p_.recommendations.empty(); }

  // Lookups by name, through the core's name table (name_table.cpp).
  /// The skill whose id is `id`, ignoring ASCII case (not its name or an alias).
  std::optional<SkillIndex> find_skill_by_id(std::string_view id) const;
  /// The skill whose id, name or alias matches `name`, ignoring ASCII case.
  std::optional<SkillIndex> find_skill(std::string_view name) const;
  /// The role whose id or name matches `name`, ignoring ASCII case.
  std::optional<RoleIndex> find_role(std::string_view name) const;
  /// The category whose id or name matches `name`, ignoring ASCII case.
  std::optional<CategoryIndex> find_category(std::string_view name) const;

  /// A requirement with a reason or several options; plain ones are a bare skill index.
  struct ComplexRequirement {
    std::uint32_t first_option;
    std::uint32_t option_count;
    std::string_view why;
    bool any_of;
    std::uint32_t default_option = Requirement::kNoDefault;  ///< index among the options
  };
  /// The texts and lists few skills of a large generated graph have, kept apart.
  struct SkillDetails {
    std::string_view summary;
    std::string_view milestone;
    std::uint32_t first_alias = 0, alias_count = 0;
    std::uint32_t first_resource = 0, resource_count = 0;
    std::uint32_t first_recommended = 0, recommended_count = 0;
  };
  // A requirement item is a skill index, or kComplexTag | index into complex for one with a
  // reason or several options. Most edges are plain, so most cost four bytes.
  static constexpr std::uint32_t kComplexTag = 0x80000000u;
  static constexpr std::uint32_t kNoDetails = 0xFFFFFFFFu;

  /// What a graph holds, laid out for the planner's walks. Written by the core's GraphBuilder
  /// alone: reaching it takes a detail::GraphKey, which only the core can name.
  struct Parts {
    std::string_view title;
    std::string_view description;
    std::string_view version;
    std::vector<Category> categories;
    std::vector<Skill> skills;
    std::vector<Role> roles;
    std::optional<RoleIndex> default_role;

    std::vector<std::uint32_t> requirement_begin{0};
    std::vector<std::uint32_t> requirement_items;
    std::vector<ComplexRequirement> complex;
    std::vector<SkillIndex> options;
    std::vector<SkillIndex> topological_order;

    /// Per skill, kNoDetails or an index into details; empty while no skill has details.
    std::vector<std::uint32_t> details_index;
    std::vector<SkillDetails> details;
    std::vector<std::string_view> alias_texts;
    std::vector<SkillIndex> alias_skills;
    std::vector<Resource> resources;
    std::vector<Recommendation> recommendations;

    /// Skill ids, names and aliases, looked up ignoring case (private to the core).
    std::shared_ptr<const detail::NameTable> names;
    /// Storage of texts copied from the graph's source: chunks that never move, so the views
    /// above stay valid.
    std::vector<std::unique_ptr<char[]>> text_chunks;

    std::uint32_t details_of(SkillIndex skill) const {
      return details_index.empty() ? kNoDetails : details_index[skill];
    }
  };
  Parts& parts(const detail::GraphKey&) { return p_; }
  const Parts& parts(const detail::GraphKey&) const { return p_; }

 private:
  Parts p_;
};

}  // namespace mlroadmap
