#pragma once
// How the command line talks to people and files: colour, width, messages, safe writes.

#include <string>
#include <string_view>
#include <vector>

#include "mlroadmap/diagnostic.hpp"

namespace mlroadmap::cli {

enum class ColorMode { automatic, always, never };

/// Whether to colour what goes to a terminal on `fd`: NO_COLOR and TERM=dumb turn it off unless
/// the user asked for `always`.
bool use_color(ColorMode mode, int fd);

/// Columns of the terminal on stdout, or 80 when it is not one (COLUMNS wins when set).
std::size_t terminal_width();

/// Prints `mlroadmap: error: message` on stderr.
void print_error(std::string_view message);

/// Prints `mlroadmap: message` on stderr: what the program is doing, for a person waiting.
void print_note(std::string_view message);

/// Prints diagnostics on stderr, each with its source line and a caret where there is one.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// Writes `text` to stdout; false (after saying why) when it could not.
bool write_stdout(std::string_view text);
/// Writes the pieces to stdout in order without joining them first.
bool write_stdout(const std::vector<std::string>& pieces);

/// Output written in pieces to stdout ("" or "-") or to a file. A file is written to a
/// temporary file in the same directory and renamed into place by commit(), so it is either
/// the old one or the complete new one, whatever happens on the way. A device or a pipe that
/// already exists (/dev/null, a FIFO) is written in place.
class OutputStream {
 public:
  explicit OutputStream(std::string path) : path_(std::move(path)) {}
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;
  ~OutputStream();

  bool open();  ///< false (after saying why) when the file cannot be made
  void write(std::string_view text);
  bool commit();  ///< false (after saying why) when anything failed; the target is then untouched

 private:
  bool to_stdout() const { return path_.empty() || path_ == "-"; }
  bool in_place() const { return temp_.empty(); }  ///< an open device or pipe, no temp file
  std::string path_;
  std::string temp_;
  int fd_ = -1;
  int failure_ = 0;
};

/// Writes `text` to `path` through an OutputStream; false (after saying why) when it could not.
bool write_file_atomically(const std::string& path, std::string_view text);

}  // namespace mlroadmap::cli
