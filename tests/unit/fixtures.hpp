#pragma once
// Where the unit tests find tests/fixtures. The path is compiled into one small file only, so the
// other test files do not depend on where the checkout lives.

#include <string>
#include <string_view>

namespace mlroadmap::testing {

/// The absolute path of tests/fixtures.
const std::string& fixtures_dir();

/// The absolute path of `name` inside tests/fixtures.
std::string fixture_path(std::string_view name);

}  // namespace mlroadmap::testing
