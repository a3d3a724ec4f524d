#pragma once
// The table of skill ids, names and aliases, keyed ignoring ASCII case: open addressing, with
// part of each key's hash kept in its slot so a probe compares text only on a likely match.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "machinery.hpp"
#include "mlroadmap/graph.hpp"

namespace mlroadmap::detail {

class NameTable {
 public:
  enum class Tag : std::uint32_t { id = 0, name = 1, alias = 2 };
  /// A key: a skill's id or name (index = the skill), or an alias (index = the alias).
  struct Entry {
    Tag tag;
    std::uint32_t index;
  };
  using Parts = SkillGraph::Parts;

  /// The text of a key, and the skill it names; the texts live in the graph's parts.
  static std::string_view text(const Parts& graph, Entry entry);
  static SkillIndex skill(const Parts& graph, Entry entry) {
    return entry.tag == Tag::alias ? graph.alias_skills[entry.index] : entry.index;
  }

  std::optional<Entry> find(const Parts& graph, std::string_view key) const;
  std::optional<Entry> find(const Parts& graph, std::string_view key, std::uint64_t hash) const;
  /// The first entry whose stored hash bits match, without comparing any text: a candidate the
  /// caller must confirm.
  std::optional<Entry> find_candidate(std::uint64_t hash) const {
    const std::size_t size = slots_.size();
    if (size == 0) return std::nullopt;
    for (std::size_t i = home_slot(hash, size);; i = next_slot(i, size)) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return std::nullopt;
      if (hash_bits(slot) == hash_bits(hash)) return decode(slot);
    }
  }
  /// Asks for the slot of `hash` ahead of its use: bulk lookups overlap their cache misses.
  void prefetch_slot(std::uint64_t hash) const {
    if (!slots_.empty()) prefetch(&slots_[home_slot(hash, slots_.size())]);
  }

  /// Adds a key; returns the entry of another skill already using the same key, if any.
  std::optional<Entry> insert(const Parts& graph, Tag tag, std::uint32_t index);
  std::optional<Entry> insert(const Parts& graph, Tag tag, std::uint32_t index, std::uint64_t hash);
  /// Sizes the table for `count` more keys at once, so bulk inserts never rehash.
  void reserve(const Parts& graph, std::size_t count);

  /// insert for several threads at once, into a table reserve already sized for every key
  /// they add; they report how many they added to add_count. Which of two clashing keys went in
  /// first depends on timing, so on a clash the caller clears the table and inserts again in
  /// order.
  enum class Insert { added, already_there, clash };
  Insert insert_concurrently(const Parts& graph, Tag tag, std::uint32_t index, std::uint64_t hash);
  void add_count(std::size_t count) { count_ += count; }
  void clear();

 private:
  // A slot holds 0 (empty), or the key's upper hash bits << 32 | 1 + (tag << 30 | index).
  static Entry decode(std::uint64_t slot) {
    const auto value = static_cast<std::uint32_t>(slot) - 1;
    return Entry{static_cast<Tag>(value >> 30), value & 0x3FFFFFFFu};
  }
  static std::uint64_t encode(Tag tag, std::uint32_t index, std::uint64_t hash) {
    return hash_bits(hash) | (1 + ((static_cast<std::uint64_t>(tag) << 30) | index));
  }
  /// The hash bits a slot keeps beside its entry.
  static std::uint64_t hash_bits(std::uint64_t hash) { return hash & 0xFFFFFFFF00000000ull; }
  /// The slot a key's probe starts at: the low hash bits scaled to the table's size, which
  /// need not be a power of two (the table is sized to the keys, not to the next power of two).
  static std::size_t home_slot(std::uint64_t hash, std::size_t size) {
    return static_cast<std::size_t>(((hash & 0xFFFFFFFFull) * size) >> 32);
  }
  /// The slot a probe goes on to after `i`, wrapping at the end.
  static std::size_t next_slot(std::size_t i, std::size_t size) {
    return i + 1 == size ? 0 : i + 1;
  }

  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

}  // namespace mlroadmap::detail
