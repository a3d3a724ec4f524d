#pragma once

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
};

/// Something to learn. Texts are views into storage owned by the SkillGraph.
struct Skill {
  std::string_view id;
  std::string_view name;
  double hours = 0;  ///< hours to working proficiency; 0 when the graph does not say
  CategoryIndex category = 0;
  bool has_hours = false;
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
  std::vector<SkillIndex> skills;
  std::vector<RoleIndex> grows_into;
  std::optional<Salary> salary;
  bool is_default = false;
};

/// The loaded skill graph: categories, skills with their requirements, and roles.
/// Built only by the loader, which guarantees every reference resolves and there is no cycle.
class SkillGraph {
 public:
  SkillGraph();
  SkillGraph(SkillGraph&&) noexcept;
  SkillGraph& operator=(SkillGraph&&) noexcept;
  ~SkillGraph();

  std::string_view title() const { return title_; }
  std::string_view description() const { return description_; }
  std::span<const Category> categories() const { return categories_; }
  std::span<const Skill> skills() const { return skills_; }
  std::span<const Role> roles() const { return roles_; }
  std::size_t skill_count() const { return skills_.size(); }
  const Skill& skill(SkillIndex index) const { return skills_[index]; }
  const Role& role(RoleIndex index) const { return roles_[index]; }
  const Category& category_of(SkillIndex index) const {
    return categories_[skills_[index].category];
  }

  /// The role marked default, if any.
  std::optional<RoleIndex> default_role() const { return default_role_; }

  /// How many requirements a skill lists, and each of them in the graph's order.
  std::size_t requirement_count(SkillIndex skill) const {
    return requirement_begin_[skill + 1] - requirement_begin_[skill];
  }
  Requirement requirement(SkillIndex skill, std::size_t i) const {
    const std::uint32_t* item = &requirement_items_[requirement_begin_[skill] + i];
    if ((*item & kComplexTag) == 0) return Requirement{std::span(item, 1), {}, false};
    const ComplexRequirement& c = complex_[*item & ~kComplexTag];
    return Requirement{std::span(options_.data() + c.first_option, c.option_count), c.why,
                       c.any_of};
  }
  /// Calls visit(o) for each skill `o` that `skill` requires, members of any_of groups
  /// included, in the order listed: a walk over every edge without building Requirements.
  template <typename Visit>
  void for_each_required(SkillIndex skill, Visit visit) const {
    const std::uint32_t* item = requirement_items_.data() + requirement_begin_[skill];
    const std::uint32_t* const end = requirement_items_.data() + requirement_begin_[skill + 1];
    for (; item != end; ++item) {
      if ((*item & kComplexTag) == 0) {
        visit(*item);
        continue;
      }
      const ComplexRequirement& c = complex_[*item & ~kComplexTag];
      for (std::uint32_t k = 0; k < c.option_count; ++k) visit(options_[c.first_option + k]);
    }
  }
  /// Requirements of all skills together, numbered skill by skill: requirement `i` of `skill`
  /// is number requirement_number(skill, i) of requirement_total() (for per-requirement arrays).
  std::size_t requirement_total() const { return requirement_items_.size(); }
  std::size_t requirement_number(SkillIndex skill, std::size_t i) const {
    return requirement_begin_[skill] + i;
  }

  /// Asks the processor for a skill's requirements ahead of their use, in two steps a few skills
  /// apart (where they start, then the requirements): walks over many skills in an order of
  /// their own then overlap their cache misses instead of waiting for each in turn.
  void prefetch_requirement_start(SkillIndex skill) const {
    prefetch(requirement_begin_.data() + skill);
  }
  void prefetch_requirements(SkillIndex skill) const {
    prefetch(requirement_items_.data() + requirement_begin_[skill]);
  }
  /// A hint to the processor, never an access. Written as an instruction on x86, because GCC
  /// 12 drops __builtin_prefetch from some loops as dead code.
  static void prefetch(const void* address) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    asm volatile("prefetcht0 (%0)" : : "r"(address));
#else
    __builtin_prefetch(address);
#endif
  }

  /// Every skill once, each after all the skills it requires (members of any_of groups too).
  std::span<const SkillIndex> topological_order() const { return topological_order_; }

  std::string_view summary(SkillIndex skill) const;
  std::string_view milestone(SkillIndex skill) const;
  std::span<const std::string_view> aliases(SkillIndex skill) const;
  std::span<const Resource> resources(SkillIndex skill) const;

  /// The skill whose id is exactly `id`.
  std::optional<SkillIndex> find_skill_by_id(std::string_view id) const;
  /// The skill whose id, name or alias matches `name`, ignoring ASCII case.
  std::optional<SkillIndex> find_skill(std::string_view name) const;
  /// The role whose id or name matches `name`, ignoring ASCII case.
  std::optional<RoleIndex> find_role(std::string_view name) const;
  /// The category whose id or name matches `name`, ignoring ASCII case.
  std::optional<CategoryIndex> find_category(std::string_view name) const;

 private:
  friend class GraphBuilder;

  struct ComplexRequirement {
    std::uint32_t first_option;
    std::uint32_t option_count;
    std::string_view why;
    bool any_of;
  };
  struct SkillDetails {
    std::string_view summary;
    std::string_view milestone;
    std::uint32_t first_alias = 0, alias_count = 0;
    std::uint32_t first_resource = 0, resource_count = 0;
  };

  // A requirement item is a skill index, or kComplexTag | index into complex_ for one with a
  // reason or several options. Most edges are plain, so most cost four bytes.
  static constexpr std::uint32_t kComplexTag = 0x8000'0000u;
  static constexpr std::uint32_t kNoDetails = 0xFFFF'FFFFu;

  std::string_view title_;
  std::string_view description_;
  std::vector<Category> categories_;
  std::vector<Skill> skills_;
  std::vector<Role> roles_;
  std::optional<RoleIndex> default_role_;

  std::vector<std::uint32_t> requirement_begin_{0};
  std::vector<std::uint32_t> requirement_items_;
  std::vector<ComplexRequirement> complex_;
  std::vector<SkillIndex> options_;

  std::vector<SkillIndex> topological_order_;

  /// Per skill, kNoDetails or an index into details_; empty while no skill has details (a
  /// large generated graph often has none).
  std::vector<std::uint32_t> details_index_;
  std::uint32_t details_of(SkillIndex skill) const {
    return details_index_.empty() ? kNoDetails : details_index_[skill];
  }
  std::vector<SkillDetails> details_;
  std::vector<std::string_view> alias_texts_;
  std::vector<SkillIndex> alias_skills_;
  std::vector<Resource> resources_;

  // Open-addressing table of skill ids, names and aliases, keyed case-insensitively.
  // A slot holds 0 (empty), or the key's upper hash bits << 32 | 1 + (tag << 30 | index),
  // tag 0 = id, 1 = name, 2 = alias: probes compare hash bits before touching any text.
  std::vector<std::uint64_t> name_slots_;
  std::size_t name_count_ = 0;

  enum class NameTag : std::uint32_t { id = 0, name = 1, alias = 2 };
  struct NameEntry {
    NameTag tag;
    std::uint32_t index;  ///< skill index, or alias index for NameTag::alias
  };
  static NameEntry decode_name(std::uint64_t slot) {
    const auto value = static_cast<std::uint32_t>(slot) - 1;
    return NameEntry{static_cast<NameTag>(value >> 30), value & 0x3FFF'FFFFu};
  }
  /// The hash bits a slot keeps beside its entry.
  static std::uint64_t name_hash_bits(std::uint64_t hash) {
    return hash & 0xFFFF'FFFF'0000'0000ull;
  }
  /// The slot a key's probe starts at: the low hash bits scaled to the table's size, which
  /// need not be a power of two (the table is sized to the keys, not to the next power of two).
  static std::size_t home_name_slot(std::uint64_t hash, std::size_t size) {
    return static_cast<std::size_t>(((hash & 0xFFFF'FFFFull) * size) >> 32);
  }
  /// The slot a probe goes on to after `i`, wrapping at the end.
  static std::size_t next_name_slot(std::size_t i, std::size_t size) {
    return i + 1 == size ? 0 : i + 1;
  }
  std::string_view name_text(NameEntry entry) const;
  SkillIndex name_skill(NameEntry entry) const;
  std::optional<NameEntry> find_name(std::string_view key) const;
  std::optional<NameEntry> find_name(std::string_view key, std::uint64_t hash) const;
  /// The first entry whose stored hash bits match, without comparing any text: a candidate the
  /// caller must confirm.
  std::optional<NameEntry> find_name_candidate(std::uint64_t hash) const {
    const std::size_t size = name_slots_.size();
    if (size == 0) return std::nullopt;
    for (std::size_t i = home_name_slot(hash, size);; i = next_name_slot(i, size)) {
      const std::uint64_t slot = name_slots_[i];
      if (slot == 0) return std::nullopt;
      if (name_hash_bits(slot) == name_hash_bits(hash)) return decode_name(slot);
    }
  }
  /// Adds a key; returns the entry of another skill already using the same key, if any.
  std::optional<NameEntry> insert_name(NameTag tag, std::uint32_t index);
  std::optional<NameEntry> insert_name(NameTag tag, std::uint32_t index, std::uint64_t hash);
  /// Sizes the table for `count` keys at once, so bulk inserts never rehash.
  void reserve_names(std::size_t count);
  /// insert_name for several threads at once, into a table reserve_names already sized for
  /// every key they add; they report how many they added to add_name_count. Which of two
  /// clashing keys went in first depends on timing, so on a clash the caller clears the table
  /// and inserts again in order.
  enum class NameInsert { added, already_there, clash };
  NameInsert insert_name_concurrently(NameTag tag, std::uint32_t index, std::uint64_t hash);
  void add_name_count(std::size_t count) { name_count_ += count; }
  void clear_names();
  /// Asks the processor for the table slot of `hash` ahead of its use: bulk lookups overlap
  /// their cache misses instead of waiting for each.
  void prefetch_name_slot(std::uint64_t hash) const {
    if (!name_slots_.empty()) prefetch(&name_slots_[home_name_slot(hash, name_slots_.size())]);
  }
  std::string_view store_text(std::string_view text);
  /// Takes over the text storage of another graph, whose views then point into this one's.
  void adopt_text(SkillGraph& other);

  // Text storage: chunks that never move, so the string_views above stay valid.
  std::vector<std::unique_ptr<char[]>> text_chunks_;
  std::size_t chunk_used_ = 0;
  std::size_t chunk_size_ = 0;
};

}  // namespace mlroadmap
