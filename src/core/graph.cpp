#include "mlroadmap/graph.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "text.hpp"

namespace mlroadmap {

SkillGraph::SkillGraph() = default;
SkillGraph::SkillGraph(SkillGraph&&) noexcept = default;
SkillGraph& SkillGraph::operator=(SkillGraph&&) noexcept = default;
SkillGraph::~SkillGraph() = default;

std::string_view SkillGraph::summary(SkillIndex skill) const {
  const std::uint32_t d = details_of(skill);
  return d == kNoDetails ? std::string_view{} : details_[d].summary;
}

std::string_view SkillGraph::milestone(SkillIndex skill) const {
  const std::uint32_t d = details_of(skill);
  return d == kNoDetails ? std::string_view{} : details_[d].milestone;
}

std::span<const std::string_view> SkillGraph::aliases(SkillIndex skill) const {
  const std::uint32_t d = details_of(skill);
  if (d == kNoDetails) return {};
  return std::span(alias_texts_.data() + details_[d].first_alias, details_[d].alias_count);
}

std::span<const Resource> SkillGraph::resources(SkillIndex skill) const {
  const std::uint32_t d = details_of(skill);
  if (d == kNoDetails) return {};
  return std::span(resources_.data() + details_[d].first_resource, details_[d].resource_count);
}

std::optional<SkillIndex> SkillGraph::find_skill_by_id(std::string_view id) const {
  const auto entry = find_name(id);
  if (!entry) return std::nullopt;
  const SkillIndex skill = name_skill(*entry);
  if (skills_[skill].id != id) return std::nullopt;
  return skill;
}

std::optional<SkillIndex> SkillGraph::find_skill(std::string_view name) const {
  const auto entry = find_name(name);
  if (!entry) return std::nullopt;
  return name_skill(*entry);
}

std::optional<RoleIndex> SkillGraph::find_role(std::string_view name) const {
  for (RoleIndex r = 0; r < roles_.size(); ++r) {
    if (equals_ignoring_case(roles_[r].id, name) || equals_ignoring_case(roles_[r].name, name)) {
      return r;
    }
  }
  return std::nullopt;
}

std::optional<CategoryIndex> SkillGraph::find_category(std::string_view name) const {
  for (CategoryIndex c = 0; c < categories_.size(); ++c) {
    if (equals_ignoring_case(categories_[c].id, name) ||
        equals_ignoring_case(categories_[c].name, name)) {
      return c;
    }
  }
  return std::nullopt;
}

std::string_view SkillGraph::name_text(NameEntry entry) const {
  switch (entry.tag) {
    case NameTag::id: return skills_[entry.index].id;
    case NameTag::name: return skills_[entry.index].name;
    case NameTag::alias: return alias_texts_[entry.index];
  }
  return {};
}

SkillIndex SkillGraph::name_skill(NameEntry entry) const {
  return entry.tag == NameTag::alias ? alias_skills_[entry.index] : entry.index;
}

std::optional<SkillGraph::NameEntry> SkillGraph::find_name(std::string_view key) const {
  return find_name(key, hash_ignoring_case(key));
}

// At most two keys in three slots: probes stay short, and the slots keep hash bits, so
// passing over another key's slot costs no text comparison.
void SkillGraph::reserve_names(std::size_t count) {
  const std::size_t size = std::max<std::size_t>(64, (name_count_ + count) * 3 / 2);
  if (size <= name_slots_.size()) return;
  std::vector<std::uint64_t> old = std::move(name_slots_);
  name_slots_.assign(size, 0);
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = home_name_slot(hash_ignoring_case(name_text(decode_name(slot))), size);
    while (name_slots_[i] != 0) i = next_name_slot(i, size);
    name_slots_[i] = slot;
  }
}

std::optional<SkillGraph::NameEntry> SkillGraph::find_name(std::string_view key,
                                                           std::uint64_t hash) const {
  if (name_slots_.empty()) return std::nullopt;
  const std::size_t size = name_slots_.size();
  for (std::size_t i = home_name_slot(hash, size);; i = next_name_slot(i, size)) {
    const std::uint64_t slot = name_slots_[i];
    if (slot == 0) return std::nullopt;
    if (name_hash_bits(slot) != name_hash_bits(hash)) continue;
    const NameEntry entry = decode_name(slot);
    if (equals_ignoring_case(name_text(entry), key)) return entry;
  }
}

std::optional<SkillGraph::NameEntry> SkillGraph::insert_name(NameTag tag, std::uint32_t index) {
  return insert_name(tag, index, hash_ignoring_case(name_text(NameEntry{tag, index})));
}

std::optional<SkillGraph::NameEntry> SkillGraph::insert_name(NameTag tag, std::uint32_t index,
                                                             std::uint64_t hash) {
  if ((name_count_ + 1) * 3 > name_slots_.size() * 2)
    reserve_names(std::max<std::size_t>(name_count_, 32));
  const NameEntry entry{tag, index};
  const std::string_view key = name_text(entry);
  const SkillIndex skill = name_skill(entry);
  const std::size_t size = name_slots_.size();
  std::size_t i = home_name_slot(hash, size);
  for (; name_slots_[i] != 0; i = next_name_slot(i, size)) {
    if (name_hash_bits(name_slots_[i]) != name_hash_bits(hash)) continue;
    const NameEntry existing = decode_name(name_slots_[i]);
    if (!equals_ignoring_case(name_text(existing), key)) continue;
    if (name_skill(existing) == skill) return std::nullopt;  // "python" is also named "Python"
    return existing;
  }
  name_slots_[i] = name_hash_bits(hash) | (1 + ((static_cast<std::uint64_t>(tag) << 30) | index));
  ++name_count_;
  return std::nullopt;
}

SkillGraph::NameInsert SkillGraph::insert_name_concurrently(NameTag tag, std::uint32_t index,
                                                            std::uint64_t hash) {
  const NameEntry entry{tag, index};
  const std::string_view key = name_text(entry);
  const SkillIndex skill = name_skill(entry);
  const std::uint64_t value =
      name_hash_bits(hash) | (1 + ((static_cast<std::uint64_t>(tag) << 30) | index));
  const std::size_t size = name_slots_.size();
  for (std::size_t i = home_name_slot(hash, size);; i = next_name_slot(i, size)) {
    std::atomic_ref<std::uint64_t> slot(name_slots_[i]);
    std::uint64_t seen = slot.load(std::memory_order_acquire);
    // An empty slot is claimed, unless another thread claims it first: then it is read again.
    if (seen == 0 && slot.compare_exchange_strong(seen, value, std::memory_order_acq_rel)) {
      return NameInsert::added;
    }
    if (name_hash_bits(seen) != name_hash_bits(hash)) continue;
    const NameEntry existing = decode_name(seen);
    if (!equals_ignoring_case(name_text(existing), key)) continue;
    return name_skill(existing) == skill ? NameInsert::already_there : NameInsert::clash;
  }
}

void SkillGraph::clear_names() {
  std::fill(name_slots_.begin(), name_slots_.end(), 0);
  name_count_ = 0;
}

void SkillGraph::adopt_text(SkillGraph& other) {
  // Before this graph's own last chunk, which stays the one that fills up.
  const auto at = text_chunks_.empty() ? text_chunks_.end() : text_chunks_.end() - 1;
  text_chunks_.insert(at, std::make_move_iterator(other.text_chunks_.begin()),
                      std::make_move_iterator(other.text_chunks_.end()));
  other.text_chunks_.clear();
  other.chunk_used_ = other.chunk_size_ = 0;
}

std::string_view SkillGraph::store_text(std::string_view text) {
  if (text.empty()) return {};
  if (text_chunks_.empty() || chunk_used_ + text.size() > chunk_size_) {
    chunk_size_ = std::max<std::size_t>(text.size(), std::size_t{1} << 20);
    text_chunks_.emplace_back(
        new char[chunk_size_]);  // left uninitialised: every byte is copied in
    chunk_used_ = 0;
  }
  char* out = text_chunks_.back().get() + chunk_used_;
  std::memcpy(out, text.data(), text.size());
  chunk_used_ += text.size();
  return {out, text.size()};
}

}  // namespace mlroadmap
