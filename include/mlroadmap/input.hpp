#pragma once
// Reading what a person names as input: a file, or standard input for "-".

#include <cstddef>
#include <cstdio>
#include <expected>
#include <optional>
#include <string>

namespace mlroadmap {

/// Why an input could not be read, with what a reader needs to say so in its own words.
struct InputError {
  enum class Kind { cannot_open, too_large, cannot_read };
  Kind kind = Kind::cannot_open;
  std::string name;           ///< the input as messages name it
  int error_number = 0;       ///< errno, for cannot_open and cannot_read
  std::size_t max_bytes = 0;  ///< the limit it went past, for too_large

  /// "cannot open 'NAME': REASON", "'NAME' is larger than the limit of N bytes" or
  /// "cannot read 'NAME': REASON".
  std::string message() const;
};

/// An input to read in pieces: standard input for "-", else a file, which this closes.
class InputFile {
 public:
  /// The input at `path`; an error named `path` when it cannot be opened.
  static std::expected<InputFile, InputError> open(const std::string& path);

  InputFile(InputFile&& other) noexcept : file_(other.file_) { other.file_ = nullptr; }
  InputFile& operator=(InputFile&&) = delete;
  ~InputFile();

  std::FILE* get() const { return file_; }
  /// The error a read has met, named `name` (errno as it is now); nullopt when none has.
  std::optional<InputError> read_error(std::string name) const;

 private:
  explicit InputFile(std::FILE* file) : file_(file) {}
  std::FILE* file_;
};

/// All of `path`, or of standard input for "-", when it is at most `max_bytes` long; errors
/// name the input by `path`.
std::expected<std::string, InputError> read_input(const std::string& path, std::size_t max_bytes);

}  // namespace mlroadmap
