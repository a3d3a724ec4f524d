#include "fixtures.hpp"

namespace mlroadmap::testing {

const std::string& fixtures_dir() {
  static const std::string dir = MLROADMAP_FIXTURES;
  return dir;
}

std::string fixture_path(std::string_view name) {
  std::string path = fixtures_dir();
  path += '/';
  path += name;
  return path;
}

}  // namespace mlroadmap::testing
