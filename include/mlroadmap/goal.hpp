#pragma once

#include <cstdint>

namespace mlroadmap {

/// Something to plan toward: a role (all its skills) or a single skill.
struct Goal {
  enum class Kind { role, skill };
  Kind kind = Kind::skill;
  std::uint32_t index = 0;  ///< a RoleIndex or a SkillIndex
  bool operator==(const Goal&) const = default;
};

}  // namespace mlroadmap
