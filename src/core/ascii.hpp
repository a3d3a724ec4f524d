#pragma once
// ASCII case folding, for names that compare without regard to case.

namespace mlroadmap {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace mlroadmap
