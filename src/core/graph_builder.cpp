#include "graph_builder.hpp"

#include <algorithm>
#include <cstring>
#include <thread>

#include "text.hpp"

namespace mlroadmap::detail {

namespace {

// Appends `from` to `to`, each element through `adjust`, in one allocation; empties `from`.
template <typename T, typename Adjust>
void append_all(std::vector<T>& to, std::vector<T>& from, Adjust adjust) {
  to.reserve(to.size() + from.size());
  for (const T& value : from) to.push_back(adjust(value));
  std::vector<T>().swap(from);
}

constexpr auto same = [](const auto& value) { return value; };

}  // namespace

GraphBuilder::GraphBuilder(std::string_view text, bool text_outlives_graph)
    : text_(text), text_outlives_graph_(text_outlives_graph), p_(parts_of(graph_)) {
  p_.names = names_;  // lookups work while references are resolved
}

std::string_view GraphBuilder::store(std::string_view text) {
  if (text.empty()) return {};
  if (p_.text_chunks.empty() || chunk_used_ + text.size() > chunk_size_) {
    chunk_size_ = std::max<std::size_t>(text.size(), std::size_t{1} << 20);
    p_.text_chunks.emplace_back(new char[chunk_size_]);  // uninitialised: every byte is copied in
    chunk_used_ = 0;
  }
  char* out = p_.text_chunks.back().get() + chunk_used_;
  std::memcpy(out, text.data(), text.size());
  chunk_used_ += text.size();
  return {out, text.size()};
}

void GraphBuilder::add_category(const Category& category, std::size_t offset) {
  p_.categories.push_back(category);
  category_offsets_.push_back(offset);
}

void GraphBuilder::end_group(SkillGraph::ComplexRequirement group) {
  group.option_count = option_count() - group.first_option;
  p_.requirement_items.push_back(SkillGraph::kComplexTag |
                                 static_cast<std::uint32_t>(p_.complex.size()));
  p_.complex.push_back(group);
}

void GraphBuilder::add_alias(SkillIndex skill, std::string_view alias, std::size_t offset) {
  p_.alias_texts.push_back(alias);
  p_.alias_skills.push_back(skill);
  alias_offsets_.push_back(offset);
}

void GraphBuilder::add_skill(const Skill& skill, std::size_t id_offset,
                             const std::optional<SkillGraph::SkillDetails>& details) {
  const SkillIndex index = next_skill();
  p_.skills.push_back(skill);
  p_.requirement_begin.push_back(static_cast<std::uint32_t>(p_.requirement_items.size()));
  skill_offsets_.push_back(static_cast<std::uint32_t>(id_offset));
  if (details) {
    if (p_.details_index.empty()) p_.details_index.assign(index, SkillGraph::kNoDetails);
    p_.details_index.push_back(static_cast<std::uint32_t>(p_.details.size()));
    p_.details.push_back(*details);
  } else if (!p_.details_index.empty()) {
    p_.details_index.push_back(SkillGraph::kNoDetails);
  }
}

void GraphBuilder::reserve_skills(double scale) {
  const auto expected = [&](std::size_t count) {
    return static_cast<std::size_t>(static_cast<double>(count) * scale);
  };
  p_.skills.reserve(expected(p_.skills.size()));
  p_.requirement_begin.reserve(expected(p_.requirement_begin.size()));
  skill_offsets_.reserve(expected(skill_offsets_.size()));
  p_.requirement_items.reserve(expected(p_.requirement_items.size()));
  pending_refs_.reserve(expected(pending_refs_.size()));
  p_.options.reserve(expected(p_.options.size()));
  p_.complex.reserve(expected(p_.complex.size()));
}

void GraphBuilder::add_role(Role role, RoleRefs refs) {
  p_.roles.push_back(std::move(role));
  role_refs_.push_back(std::move(refs));
}

void GraphBuilder::append(GraphBuilder& part) {
  Parts& from = part.p_;
  const auto skill_base = next_skill();
  const auto item_base = static_cast<std::uint32_t>(p_.requirement_items.size());
  const auto option_base = option_count();
  const auto complex_base = static_cast<std::uint32_t>(p_.complex.size());

  // The references, the largest part, go in from a second thread meanwhile.
  std::jthread references([&] {
    append_all(pending_refs_, part.pending_refs_, [&](PendingSkillRef ref) {
      constexpr std::uint32_t kOption = PendingSkillRef::kOptionRef;
      ref.position = (ref.position & kOption) != 0
                         ? ((ref.position & ~kOption) + option_base) | kOption
                         : ref.position + item_base;
      return ref;
    });
  });
  append_all(p_.skills, from.skills, same);
  from.requirement_begin.erase(from.requirement_begin.begin());  // its leading 0
  append_all(p_.requirement_begin, from.requirement_begin,
             [&](std::uint32_t begin) { return begin + item_base; });
  append_all(p_.requirement_items, from.requirement_items, [&](std::uint32_t item) {
    return (item & SkillGraph::kComplexTag) != 0 ? item + complex_base : item;
  });
  append_all(p_.complex, from.complex, [&](SkillGraph::ComplexRequirement requirement) {
    requirement.first_option += option_base;
    return requirement;
  });
  append_all(p_.options, from.options, same);
  append_all(skill_offsets_, part.skill_offsets_, same);
  append_all(pending_categories_, part.pending_categories_, [&](PendingCategory pending) {
    pending.skill += skill_base;
    return pending;
  });
  append_all(pending_defaults_, part.pending_defaults_, [&](PendingName pending) {
    pending.item += complex_base;
    return pending;
  });
  append_all(newer_fields_, part.newer_fields_, same);
  append_details(part, skill_base);
}

void GraphBuilder::append_details(GraphBuilder& part, SkillIndex skill_base) {
  Parts& from = part.p_;
  const auto details_base = static_cast<std::uint32_t>(p_.details.size());
  const auto alias_base = alias_count();
  const auto resource_base = resource_count();
  const auto recommendation_base = recommendation_count();
  constexpr std::uint32_t kNone = SkillGraph::kNoDetails;
  if (!from.details_index.empty() || !p_.details_index.empty()) {
    if (p_.details_index.empty()) p_.details_index.assign(skill_base, kNone);
    if (from.details_index.empty()) {
      p_.details_index.resize(p_.skills.size(), kNone);
    } else {
      append_all(p_.details_index, from.details_index,
                 [&](std::uint32_t d) { return d == kNone ? d : d + details_base; });
    }
  }
  append_all(p_.details, from.details, [&](SkillGraph::SkillDetails details) {
    details.first_alias += alias_base;
    details.first_resource += resource_base;
    details.first_recommended += recommendation_base;
    return details;
  });
  append_all(p_.recommendations, from.recommendations, same);
  append_all(pending_recommendations_, part.pending_recommendations_, [&](PendingName pending) {
    pending.item += recommendation_base;
    return pending;
  });
  append_all(p_.alias_texts, from.alias_texts, same);
  append_all(p_.alias_skills, from.alias_skills,
             [&](SkillIndex skill) { return skill + skill_base; });
  append_all(alias_offsets_, part.alias_offsets_, same);
  append_all(p_.resources, from.resources, same);
  // The part's texts, before this graph's own last chunk, which stays the one that fills up.
  const auto at = p_.text_chunks.empty() ? p_.text_chunks.end() : p_.text_chunks.end() - 1;
  p_.text_chunks.insert(at, std::make_move_iterator(from.text_chunks.begin()),
                        std::make_move_iterator(from.text_chunks.end()));
  from.text_chunks.clear();
  part.chunk_used_ = part.chunk_size_ = 0;
}

SkillIndex GraphBuilder::recommendation_owner(std::uint32_t item) const {
  for (SkillIndex s = 0; s < p_.skills.size(); ++s) {
    const std::uint32_t d = p_.details_of(s);
    if (d == SkillGraph::kNoDetails) continue;
    const SkillGraph::SkillDetails& details = p_.details[d];
    if (item >= details.first_recommended &&
        item < details.first_recommended + details.recommended_count) {
      return s;
    }
  }
  return 0;
}

SkillIndex GraphBuilder::group_owner(std::uint32_t complex) const {
  const auto& items = p_.requirement_items;
  const auto at = static_cast<std::uint32_t>(
      std::find(items.begin(), items.end(), SkillGraph::kComplexTag | complex) - items.begin());
  const auto& begins = p_.requirement_begin;
  return static_cast<SkillIndex>(std::upper_bound(begins.begin(), begins.end(), at) -
                                 begins.begin() - 1);
}

SkillGraph GraphBuilder::finish() {
  names_.reset();
  return std::move(graph_);
}

}  // namespace mlroadmap::detail
