#include "name_table.hpp"

#include <algorithm>
#include <atomic>

#include "text.hpp"

namespace mlroadmap::detail {

std::string_view NameTable::text(const Parts& graph, Entry entry) {
  switch (entry.tag) {
    case Tag::id: return graph.skills[entry.index].id;
    case Tag::name: return graph.skills[entry.index].name;
    case Tag::alias: return graph.alias_texts[entry.index];
  }
  return {};
}

std::optional<NameTable::Entry> NameTable::find(const Parts& graph, std::string_view key) const {
  return find(graph, key, hash_ignoring_case(key));
}

std::optional<NameTable::Entry> NameTable::find(const Parts& graph, std::string_view key,
                                                std::uint64_t hash) const {
  if (slots_.empty()) return std::nullopt;
  const std::size_t size = slots_.size();
  for (std::size_t i = home_slot(hash, size);; i = next_slot(i, size)) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return std::nullopt;
    if (hash_bits(slot) != hash_bits(hash)) continue;
    const Entry entry = decode(slot);
    if (equals_ignoring_case(text(graph, entry), key)) return entry;
  }
}

// At most two keys in three slots: probes stay short, and the slots keep hash bits, so
// passing over another key's slot costs no text comparison.
void NameTable::reserve(const Parts& graph, std::size_t count) {
  const std::size_t size = std::max<std::size_t>(64, (count_ + count) * 3 / 2);
  if (size <= slots_.size()) return;
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(size, 0);
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = home_slot(hash_ignoring_case(text(graph, decode(slot))), size);
    while (slots_[i] != 0) i = next_slot(i, size);
    slots_[i] = slot;
  }
}

std::optional<NameTable::Entry> NameTable::insert(const Parts& graph, Tag tag,
                                                  std::uint32_t index) {
  return insert(graph, tag, index, hash_ignoring_case(text(graph, Entry{tag, index})));
}

std::optional<NameTable::Entry> NameTable::insert(const Parts& graph, Tag tag, std::uint32_t index,
                                                  std::uint64_t hash) {
  if ((count_ + 1) * 3 > slots_.size() * 2) reserve(graph, std::max<std::size_t>(count_, 32));
  const Entry entry{tag, index};
  const std::string_view key = text(graph, entry);
  const SkillIndex owner = skill(graph, entry);
  const std::size_t size = slots_.size();
  std::size_t i = home_slot(hash, size);
  for (; slots_[i] != 0; i = next_slot(i, size)) {
    if (hash_bits(slots_[i]) != hash_bits(hash)) continue;
    const Entry existing = decode(slots_[i]);
    if (!equals_ignoring_case(text(graph, existing), key)) continue;
    if (skill(graph, existing) == owner) return std::nullopt;  // "python" is also named "Python"
    return existing;
  }
  slots_[i] = encode(tag, index, hash);
  ++count_;
  return std::nullopt;
}

NameTable::Insert NameTable::insert_concurrently(const Parts& graph, Tag tag, std::uint32_t index,
                                                 std::uint64_t hash) {
  const Entry entry{tag, index};
  const std::string_view key = text(graph, entry);
  const SkillIndex owner = skill(graph, entry);
  const std::uint64_t value = encode(tag, index, hash);
  const std::size_t size = slots_.size();
  for (std::size_t i = home_slot(hash, size);; i = next_slot(i, size)) {
    std::atomic_ref<std::uint64_t> slot(slots_[i]);
    std::uint64_t seen = slot.load(std::memory_order_acquire);
    // An empty slot is claimed, unless another thread claims it first: then it is read again.
    if (seen == 0 && slot.compare_exchange_strong(seen, value, std::memory_order_acq_rel)) {
      return Insert::added;
    }
    if (hash_bits(seen) != hash_bits(hash)) continue;
    const Entry existing = decode(seen);
    if (!equals_ignoring_case(text(graph, existing), key)) continue;
    return skill(graph, existing) == owner ? Insert::already_there : Insert::clash;
  }
}

void NameTable::clear() {
  std::fill(slots_.begin(), slots_.end(), 0);
  count_ = 0;
}

}  // namespace mlroadmap::detail

namespace mlroadmap {

// The graph's lookups by name go through its table.

std::optional<SkillIndex> SkillGraph::find_skill_by_id(std::string_view id) const {
  if (!p_.names) return std::nullopt;
  // A skill's id goes into the table before its name and aliases: a key that is the id of its
  // skill, in any case, is found as the id.
  const auto entry = p_.names->find(p_, id);
  if (!entry || entry->tag != detail::NameTable::Tag::id) return std::nullopt;
  return entry->index;
}

std::optional<SkillIndex> SkillGraph::find_skill(std::string_view name) const {
  if (!p_.names) return std::nullopt;
  const auto entry = p_.names->find(p_, name);
  if (!entry) return std::nullopt;
  return detail::NameTable::skill(p_, *entry);
}

}  // namespace mlroadmap
