#include "mlroadmap/input.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace mlroadmap {

std::string InputError::message() const {
  switch (kind) {
    case Kind::cannot_open:
      return fmt::format("cannot open '{}': {}", name, std::strerror(error_number));
    case Kind::too_large:
      return fmt::format("'{}' is larger than the limit of {} bytes", name, max_bytes);
    case Kind::cannot_read:
      return fmt::format("cannot read '{}': {}", name, std::strerror(error_number));
  }
  return {};
}

std::expected<InputFile, InputError> InputFile::open(const std::string& path) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return std::unexpected(InputError{InputError::Kind::cannot_open, path, errno, 0});
  }
  return InputFile(file);
}

InputFile::~InputFile() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

std::optional<InputError> InputFile::read_error(std::string name) const {
  if (std::ferror(file_) == 0) return std::nullopt;
  return InputError{InputError::Kind::cannot_read, std::move(name), errno, 0};
}

std::expected<std::string, InputError> read_input(const std::string& path, std::size_t max_bytes) {
  auto input = InputFile::open(path);
  if (!input) return std::unexpected(std::move(input.error()));
  std::string text;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, input->get())) > 0) {
    if (text.size() + n > max_bytes) {
      return std::unexpected(InputError{InputError::Kind::too_large, path, 0, max_bytes});
    }
    text.append(buffer, n);
  }
  if (auto failure = input->read_error(path)) return std::unexpected(std::move(*failure));
  return text;
}

}  // namespace mlroadmap
