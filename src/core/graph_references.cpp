#include "graph_references.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <string>
#include <vector>

#include "machinery.hpp"
#include "text.hpp"

namespace mlroadmap::detail {

namespace {

using Tag = NameTable::Tag;

// --- names ---------------------------------------------------------------------------------

// Reports a key of skill `index` that another skill already has.
class NameClashes {
 public:
  NameClashes(const GraphBuilder& builder, Messages& messages)
      : builder_(builder), p_(builder.parts()), messages_(messages) {}

  void id(SkillIndex index, NameTable::Entry clash) {
    const Skill& skill = p_.skills[index];
    const SkillIndex other = NameTable::skill(p_, clash);
    const std::size_t offset = builder_.skill_offset(index);
    if (clash.tag == Tag::id) {
      messages_.error(offset, fmt::format("duplicate skill id '{}' (first defined at {})", skill.id,
                                          messages_.where(builder_.skill_offset(other))));
    } else {
      messages_.error(offset, fmt::format("skill id '{}' is already {} of skill '{}'", skill.id,
                                          clash.tag == Tag::name ? "the name" : "an alias",
                                          p_.skills[other].id));
    }
  }
  void name(SkillIndex index, NameTable::Entry clash) {
    const Skill& skill = p_.skills[index];
    messages_.error(builder_.skill_offset(index),
                    fmt::format("skill '{}': name '{}' is already used by skill '{}'", skill.id,
                                skill.name, p_.skills[NameTable::skill(p_, clash)].id));
  }
  void alias(SkillIndex index, std::uint32_t alias, NameTable::Entry clash) {
    messages_.error(
        builder_.alias_offset(alias),
        fmt::format("skill '{}': alias '{}' is already used by skill '{}'", p_.skills[index].id,
                    p_.alias_texts[alias], p_.skills[NameTable::skill(p_, clash)].id));
  }

 private:
  const GraphBuilder& builder_;
  const SkillGraph::Parts& p_;
  Messages& messages_;
};

// The aliases of a skill, as indexes into the graph's alias texts.
std::pair<std::uint32_t, std::uint32_t> alias_range(const SkillGraph::Parts& p, SkillIndex s) {
  const std::uint32_t d = p.details_of(s);
  if (d == SkillGraph::kNoDetails) return {0, 0};
  return {p.details[d].first_alias, p.details[d].first_alias + p.details[d].alias_count};
}

void register_skill_names(GraphBuilder& builder, NameClashes& clashes, SkillIndex index) {
  const SkillGraph::Parts& p = builder.parts();
  NameTable& names = builder.names();
  const Skill& skill = p.skills[index];
  if (skill.id.empty()) return;
  if (const auto clash = names.insert(p, Tag::id, index)) {
    clashes.id(index, *clash);
    return;
  }
  if (!skill.name.empty()) {
    if (const auto clash = names.insert(p, Tag::name, index)) clashes.name(index, *clash);
  }
  const auto [first, last] = alias_range(p, index);
  for (std::uint32_t a = first; a < last; ++a) {
    if (const auto clash = names.insert(p, Tag::alias, a)) clashes.alias(index, a, *clash);
  }
}

// Skills [first, last) from one of two threads: their ids, names and aliases, each slot asked
// for a few skills ahead. Returns how many keys went in; stops early once either thread met a
// clash.
std::size_t register_names_concurrently(GraphBuilder& builder, std::size_t first, std::size_t last,
                                        std::atomic<bool>& clash) {
  constexpr std::size_t kAhead = 16;
  const SkillGraph::Parts& p = builder.parts();
  NameTable& names = builder.names();
  struct Hashes {
    std::uint64_t id, name;
  };
  std::array<Hashes, kAhead> ahead{};
  const auto hashes = [&](std::size_t s) {
    Hashes h{hash_ignoring_case(p.skills[s].id), hash_ignoring_case(p.skills[s].name)};
    names.prefetch_slot(h.id);
    names.prefetch_slot(h.name);
    return h;
  };
  for (std::size_t s = first; s < std::min(last, first + kAhead); ++s)
    ahead[s % kAhead] = hashes(s);
  std::size_t added = 0;
  const auto insert = [&](Tag tag, std::uint32_t index, std::uint64_t hash) {
    const NameTable::Insert outcome = names.insert_concurrently(p, tag, index, hash);
    if (outcome == NameTable::Insert::added) ++added;
    return outcome != NameTable::Insert::clash;
  };
  for (std::size_t s = first; s < last; ++s) {
    if (s % 1024 == 0 && clash.load(std::memory_order_relaxed)) return added;
    const Hashes h = ahead[s % kAhead];
    if (s + kAhead < last) ahead[s % kAhead] = hashes(s + kAhead);
    const Skill& skill = p.skills[s];
    const auto index = static_cast<SkillIndex>(s);
    if (skill.id.empty()) continue;
    bool fine =
        insert(Tag::id, index, h.id) && (skill.name.empty() || insert(Tag::name, index, h.name));
    const auto [first_alias, last_alias] = alias_range(p, index);
    for (std::uint32_t a = first_alias; fine && a < last_alias; ++a) {
      fine = insert(Tag::alias, a, hash_ignoring_case(p.alias_texts[a]));
    }
    if (!fine) {
      clash = true;
      return added;
    }
  }
  return added;
}

// A large graph's names go in from two threads, each half of the skills, when no key clashes
// with another skill's: then the table holds the same keys whatever the order, and lookups find
// the same skills. On a clash, which definition came first matters for the message: false, with
// the table emptied for the inserts in file order.
bool register_names_concurrently(GraphBuilder& builder) {
  const std::size_t n = builder.parts().skills.size();
  if (!worth_a_thread(n)) return false;
  std::atomic<bool> clash = false;
  std::array<std::size_t, 2> added{};
  run_in_halves(n, true, [&](std::size_t first, std::size_t last, int k) {
    added[k] = register_names_concurrently(builder, first, last, clash);
  });
  if (clash) {
    builder.names().clear();
    return false;
  }
  builder.names().add_count(added[0] + added[1]);
  return true;
}

// --- references ----------------------------------------------------------------------------

class References {
 public:
  References(GraphBuilder& builder, Messages& messages, const MappedFile* mapped)
      : builder_(builder), p_(builder.parts()), messages_(messages), mapped_(mapped) {}

  void resolve_categories();
  void resolve_skill_refs();
  void resolve_recommendations();
  void resolve_defaults();
  void resolve_roles();

 private:
  void resolve_skill_refs(std::size_t first, std::size_t last, std::vector<std::size_t>& unknown);
  [[gnu::always_inline]] std::string_view ref_text(const PendingSkillRef& ref,
                                                   std::string& scratch) const;
  SkillIndex ref_owner(const PendingSkillRef& ref) const;
  std::string suggest_skill(std::string_view name);
  void resolve_role_skills(RoleIndex r);
  std::optional<RoleIndex> find_role(RoleIndex r, std::string_view name, std::size_t offset,
                                     std::string_view field);
  void resolve_role_targets();
  void report_role_cycles(const std::vector<std::uint32_t>& waiting);
  void report_role_cycle(const std::vector<RoleIndex>& path, RoleIndex back_to);

  GraphBuilder& builder_;
  const SkillGraph::Parts& p_;
  Messages& messages_;
  const MappedFile* mapped_;
  std::size_t suggestions_ = 0;
  std::vector<std::string_view> suggestion_pool_;
};

void References::resolve_categories() {
  for (const PendingCategory& pending : builder_.pending_categories()) {
    if (const auto category = builder_.find_category(pending.name)) {
      builder_.set_category(pending.skill, *category);
      continue;
    }
    std::vector<std::string_view> ids;
    for (const Category& c : p_.categories) ids.push_back(c.id);
    messages_.error(pending.offset,
                    fmt::format("skill '{}': unknown category '{}'{}", p_.skills[pending.skill].id,
                                pending.name, did_you_mean(closest_matches(pending.name, ids))));
  }
}

// Suggestions scan every id, so only the first few unknown names get one.
std::string References::suggest_skill(std::string_view name) {
  if (++suggestions_ > 20) return {};
  if (suggestion_pool_.empty()) {
    suggestion_pool_.reserve(p_.skills.size());
    for (const Skill& s : p_.skills) suggestion_pool_.push_back(s.id);
  }
  return did_you_mean(closest_matches(name, suggestion_pool_));
}

// The id a pending reference names, read again from the text: in place when plain, else
// decoded (escapes) or taken whole (other than ASCII) by a reader.
inline std::string_view References::ref_text(const PendingSkillRef& ref,
                                             std::string& scratch) const {
  const std::string_view text = messages_.text();
  const std::size_t start = ref.text_offset + 1;
  const std::size_t end = find_special_byte(text, start);
  if (end < text.size() && text[end] == '"') return text.substr(start, end - start);
  JsonReader again(text.substr(ref.text_offset));
  scratch = std::string(again.read_string());
  return scratch;
}

// The skill that wrote a requirement item: for an option, the skill whose requirements hold the
// group. Only needed for messages, so a search is fine.
SkillIndex References::ref_owner(const PendingSkillRef& ref) const {
  constexpr std::uint32_t kOption = PendingSkillRef::kOptionRef;
  std::uint32_t item = ref.position & ~kOption;
  if ((ref.position & kOption) != 0) {
    const auto& complex = p_.complex;
    const auto group =
        std::upper_bound(complex.begin(), complex.end(), item,
                         [](std::uint32_t p, const auto& c) { return p < c.first_option; }) -
        complex.begin() - 1;
    const auto& items = p_.requirement_items;
    item = static_cast<std::uint32_t>(
        std::find(items.begin(), items.end(),
                  SkillGraph::kComplexTag | static_cast<std::uint32_t>(group)) -
        items.begin());
  }
  const auto& begins = p_.requirement_begin;
  return static_cast<SkillIndex>(std::upper_bound(begins.begin(), begins.end(), item) -
                                 begins.begin() - 1);
}

// The table is only read and each reference fills its own item, so a large graph splits the
// references between two threads. Unknown ones are reported afterwards, in file order, by this
// thread alone.
void References::resolve_skill_refs() {
  const std::size_t n = builder_.pending_refs().size();
  std::array<std::vector<std::size_t>, 2> unknown;
  run_in_halves(n, worth_a_thread(n), [&](std::size_t first, std::size_t last, int k) {
    resolve_skill_refs(first, last, unknown[k]);
  });
  unknown[0].insert(unknown[0].end(), unknown[1].begin(), unknown[1].end());
  std::string scratch;
  for (const std::size_t k : unknown[0]) {
    const PendingSkillRef& ref = builder_.pending_refs()[k];
    const std::string_view key = ref_text(ref, scratch);
    messages_.error(ref.text_offset, fmt::format("skill '{}': unknown prerequisite '{}'{}",
                                                 p_.skills[ref_owner(ref)].id, terminal_safe(key),
                                                 suggest_skill(key)));
  }
}

// References [first, last), a group at a time, each step for the whole group before the next:
// the keys' table slots are requested together, then the candidate skill records, then their
// ids, so the cache misses of a group overlap instead of each lookup waiting for three of its
// own (a short loop of requests keeps many in flight at once). Touches nothing but the items of
// its own references.
void References::resolve_skill_refs(std::size_t first, std::size_t last,
                                    std::vector<std::size_t>& unknown) {
  constexpr std::size_t kGroup = 32;
  struct Lookup {
    std::string_view key;
    std::uint64_t hash = 0;
    std::optional<NameTable::Entry> candidate;
  };
  std::array<Lookup, kGroup> group;
  std::array<std::string, kGroup> scratch;  // for ids written with escapes
  const std::vector<PendingSkillRef>& refs = builder_.pending_refs();
  const NameTable& names = builder_.names();
  std::size_t released = first < last ? refs[first].text_offset : 0;
  const auto& skills = p_.skills;
  const auto is_id = [](const std::optional<NameTable::Entry>& entry) {
    return entry && entry->tag == Tag::id;
  };
  for (std::size_t start = first; start < last; start += kGroup) {
    const std::size_t size = std::min(kGroup, last - start);
    if (mapped_ != nullptr && (start - first) % 4096 < kGroup) {
      mapped_->release_behind(released, refs[start].text_offset);
    }
    for (std::size_t j = 0; j < size; ++j) {
      group[j].key = ref_text(refs[start + j], scratch[j]);
      group[j].hash = hash_ignoring_case(group[j].key);
    }
    for (std::size_t j = 0; j < size; ++j) names.prefetch_slot(group[j].hash);
    for (std::size_t j = 0; j < size; ++j) {
      group[j].candidate = names.find_candidate(group[j].hash);
      if (is_id(group[j].candidate)) prefetch(&skills[group[j].candidate->index]);
    }
    for (std::size_t j = 0; j < size; ++j) {
      if (is_id(group[j].candidate)) prefetch(skills[group[j].candidate->index].id.data());
    }
    for (std::size_t j = 0; j < size; ++j) {
      const Lookup& lookup = group[j];
      std::optional<SkillIndex> found;
      if (is_id(lookup.candidate) && skills[lookup.candidate->index].id == lookup.key) {
        found = lookup.candidate->index;
      } else if (const auto entry = names.find(p_, lookup.key, lookup.hash); is_id(entry)) {
        // The first slot with matching hash bits was another key, or the id is written in
        // another case: the table compares ignoring case, and a skill's id goes in before its
        // name and aliases, so an id entry found is the id asked for.
        found = entry->index;
      }
      if (found) {
        builder_.fill(refs[start + j], *found);
      } else {
        unknown.push_back(start + j);
      }
    }
  }
}

void References::resolve_recommendations() {
  for (const PendingName& pending : builder_.pending_recommendations()) {
    const SkillIndex owner = builder_.recommendation_owner(pending.item);
    const auto skill = builder_.graph().find_skill_by_id(pending.name);
    if (!skill) {
      messages_.error(pending.offset,
                      fmt::format("skill '{}': unknown recommended skill '{}'{}", p_.skills[owner].id,
                                  terminal_safe(pending.name), suggest_skill(pending.name)));
    } else if (*skill == owner) {
      messages_.error(pending.offset,
                      fmt::format("skill '{}' recommends itself", p_.skills[owner].id));
    } else {
      builder_.set_recommendation(pending.item, *skill);
    }
  }
}

// Each any_of group's `default`, which must be one of the group's members.
void References::resolve_defaults() {
  for (const PendingName& pending : builder_.pending_defaults()) {
    const SkillGraph::ComplexRequirement& group = p_.complex[pending.item];
    const std::span<const SkillIndex> members(p_.options.data() + group.first_option,
                                              group.option_count);
    const auto skill = builder_.graph().find_skill_by_id(pending.name);
    const auto member = skill ? std::find(members.begin(), members.end(), *skill) : members.end();
    if (member != members.end()) {
      builder_.set_group_default(pending.item, static_cast<std::uint32_t>(member - members.begin()));
      continue;
    }
    std::vector<std::string_view> ids;
    for (const SkillIndex m : members) {
      if (m != GraphBuilder::kUnresolved) ids.push_back(p_.skills[m].id);
    }
    messages_.error(pending.offset,
                    fmt::format("skill '{}': default '{}' is not a member of its any_of group "
                                "({}){}",
                                p_.skills[builder_.group_owner(pending.item)].id,
                                terminal_safe(pending.name), fmt::join(ids, ", "),
                                did_you_mean(closest_matches(pending.name, ids))));
  }
}

void References::resolve_roles() {
  for (RoleIndex r = 0; r < p_.roles.size(); ++r) {
    const Role& role = p_.roles[r];
    if (builder_.graph().find_skill_by_id(role.id)) {
      messages_.error(
          builder_.role_refs(r).offset,
          fmt::format("role id '{}' is also a skill id; roles and skills share one namespace",
                      role.id));
    }
    resolve_role_skills(r);
    for (const auto& [name, offset] : builder_.role_refs(r).builds_on) {
      if (const auto base = find_role(r, name, offset, "builds_on")) {
        if (*base == r) {
          messages_.error(offset, fmt::format("role '{}' builds on itself", role.id));
        } else {
          builder_.add_builds_on(r, *base);
        }
      }
    }
    for (const auto& [name, offset] : builder_.role_refs(r).grows_into) {
      if (const auto other = find_role(r, name, offset, "grows_into")) {
        builder_.add_grows_into(r, *other);
      }
    }
  }
  resolve_role_targets();
}

void References::resolve_role_skills(RoleIndex r) {
  const Role& role = p_.roles[r];
  for (const auto& [name, offset] : builder_.role_refs(r).skills) {
    const auto skill = builder_.graph().find_skill_by_id(name);
    if (!skill) {
      messages_.error(offset, fmt::format("role '{}': unknown skill '{}'{}", role.id, name,
                                          suggest_skill(name)));
    } else if (std::find(role.skills.begin(), role.skills.end(), *skill) != role.skills.end()) {
      messages_.report(Severity::warning, offset,
                       fmt::format("role '{}': skill '{}' is listed twice", role.id, name));
    } else {
      builder_.add_role_skill(r, *skill);
    }
  }
}

// The role a role's `field` names, or an error with the closest role ids.
std::optional<RoleIndex> References::find_role(RoleIndex r, std::string_view name,
                                               std::size_t offset, std::string_view field) {
  const auto it = std::find_if(p_.roles.begin(), p_.roles.end(), [&](const Role& other) {
    return equals_ignoring_case(other.id, name);
  });
  if (it != p_.roles.end()) return static_cast<RoleIndex>(it - p_.roles.begin());
  std::vector<std::string_view> ids;
  for (const Role& other : p_.roles) ids.push_back(other.id);
  messages_.error(offset, fmt::format("role '{}': unknown role '{}' in '{}'{}", p_.roles[r].id,
                                      name, field, did_you_mean(closest_matches(name, ids))));
  return std::nullopt;
}

// Each role's targets: those of the roles it builds on, in the order listed, then its own
// skills, each skill once. Roles are taken in an order where each comes after the roles it
// builds on (Kahn's algorithm, no recursion however long the chain); those left over are on
// cycles, each reported once.
void References::resolve_role_targets() {
  const std::size_t n = p_.roles.size();
  std::vector<std::uint32_t> waiting(n, 0);
  std::vector<std::vector<RoleIndex>> built_on_by(n);
  for (RoleIndex r = 0; r < n; ++r) {
    for (const RoleIndex base : p_.roles[r].builds_on) {
      ++waiting[r];
      built_on_by[base].push_back(r);
    }
  }
  std::vector<RoleIndex> order;
  for (RoleIndex r = 0; r < n; ++r) {
    if (waiting[r] == 0) order.push_back(r);
  }
  for (std::size_t head = 0; head < order.size(); ++head) {
    for (const RoleIndex r : built_on_by[order[head]]) {
      if (--waiting[r] == 0) order.push_back(r);
    }
  }
  std::vector<std::uint32_t> mark(p_.skills.size(), 0);
  std::uint32_t epoch = 0;
  for (const RoleIndex r : order) {
    ++epoch;
    std::vector<SkillIndex> targets;
    const auto add = [&](SkillIndex s) {
      if (mark[s] != epoch) {
        mark[s] = epoch;
        targets.push_back(s);
      }
    };
    for (const RoleIndex base : p_.roles[r].builds_on) {
      for (const SkillIndex s : p_.roles[base].targets) add(s);
    }
    for (const SkillIndex s : p_.roles[r].skills) add(s);
    builder_.set_targets(r, std::move(targets));
  }
  report_role_cycles(waiting);
}

// Roles still waiting are on a cycle or build on one: following what each builds on among them
// comes back to a role already seen, and the part from there is a cycle.
void References::report_role_cycles(const std::vector<std::uint32_t>& waiting) {
  std::vector<std::uint8_t> seen(p_.roles.size(), 0);
  for (RoleIndex start = 0; start < p_.roles.size(); ++start) {
    if (waiting[start] == 0 || seen[start]) continue;
    std::vector<RoleIndex> path;
    RoleIndex r = start;
    while (!seen[r]) {
      seen[r] = 1;
      path.push_back(r);
      const auto& bases = p_.roles[r].builds_on;
      r = *std::find_if(bases.begin(), bases.end(), [&](RoleIndex b) { return waiting[b] != 0; });
    }
    if (std::find(path.begin(), path.end(), r) != path.end()) report_role_cycle(path, r);
  }
}

void References::report_role_cycle(const std::vector<RoleIndex>& path, RoleIndex back_to) {
  std::string text;
  const auto from = std::find(path.begin(), path.end(), back_to);
  for (auto it = from; it != path.end(); ++it) text += fmt::format("{} -> ", p_.roles[*it].id);
  text += p_.roles[back_to].id;
  messages_.error(builder_.role_refs(back_to).offset,
                  fmt::format("roles build on each other in a cycle: {}", text));
}

}  // namespace

// In file order so the first definition wins, looking each slot up a few keys ahead to overlap
// the cache misses.
void register_names(GraphBuilder& builder, Messages& messages) {
  const SkillGraph::Parts& p = builder.parts();
  const std::size_t n = p.skills.size();
  builder.names().reserve(p, 2 * n + p.alias_texts.size());
  if (register_names_concurrently(builder)) return;
  NameClashes clashes(builder, messages);
  constexpr std::size_t kAhead = 16;
  const auto prefetch = [&](std::size_t s) {
    if (s >= n) return;
    builder.names().prefetch_slot(hash_ignoring_case(p.skills[s].id));
    builder.names().prefetch_slot(hash_ignoring_case(p.skills[s].name));
  };
  for (std::size_t s = 0; s < kAhead; ++s) prefetch(s);
  for (SkillIndex s = 0; s < n; ++s) {
    prefetch(s + kAhead);
    register_skill_names(builder, clashes, s);
  }
}

void resolve_references(GraphBuilder& builder, Messages& messages, const MappedFile* mapped) {
  References references(builder, messages, mapped);
  references.resolve_categories();
  references.resolve_skill_refs();
  references.resolve_recommendations();
  references.resolve_defaults();
  references.resolve_roles();
}

}  // namespace mlroadmap::detail
