#include <catch2/catch.hpp>
#include <string>

#include "fixtures.hpp"
#include "mlroadmap/input.hpp"

using namespace mlroadmap;
using mlroadmap::testing::fixture_path;
using mlroadmap::testing::fixtures_dir;

TEST_CASE("an input is read whole, up to its limit") {
  const std::string path = fixture_path("have.txt");
  const auto text = read_input(path, 1 << 20);
  REQUIRE(text);
  CHECK(!text->empty());

  const auto exact = read_input(path, text->size());
  REQUIRE(exact);
  CHECK(*exact == *text);

  const auto over = read_input(path, text->size() - 1);
  REQUIRE(!over);
  CHECK(over.error().kind == InputError::Kind::too_large);
  CHECK(over.error().message() == "'" + path + "' is larger than the limit of " +
                                      std::to_string(text->size() - 1) + " bytes");
}

TEST_CASE("an input that cannot be opened or read says why, naming it") {
  const std::string missing_path = fixture_path("no-such-file.txt");
  const auto missing = read_input(missing_path, 1 << 20);
  REQUIRE(!missing);
  CHECK(missing.error().kind == InputError::Kind::cannot_open);
  CHECK(missing.error().message() ==
        "cannot open '" + missing_path + "': No such file or directory");

  const auto directory = read_input(fixtures_dir(), 1 << 20);
  REQUIRE(!directory);
  CHECK(directory.error().kind == InputError::Kind::cannot_read);
  CHECK(directory.error().message() == "cannot read '" + fixtures_dir() + "': Is a directory");
}
