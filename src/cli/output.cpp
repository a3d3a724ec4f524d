#include "output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "mlroadmap/render.hpp"

namespace mlroadmap::cli {

bool use_color(ColorMode mode, int fd) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(fd) == 1;
}

std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    const long value = std::strtol(columns, nullptr, 10);
    if (value >= 20 && value <= 1000) return static_cast<std::size_t>(value);
  }
  winsize size{};
  if (isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col >= 20) {
    return size.ws_col;
  }
  return 80;
}

void print_error(std::string_view message) {
  Diagnostic d;
  d.message = std::string(message);
  print_diagnostics({d});
}

void print_note(std::string_view message) {
  std::fputs(fmt::format("mlroadmap: {}\n", message).c_str(), stderr);
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  // "error:" stands out on a terminal, as compilers print it; NO_COLOR and TERM=dumb turn it off.
  const std::string text =
      render_diagnostics_text(diagnostics, use_color(ColorMode::automatic, STDERR_FILENO));
  std::fwrite(text.data(), 1, text.size(), stderr);
}

namespace {

// Writes every byte of the buffers to standard output, however the kernel splits the writes.
bool write_all(std::vector<iovec>& buffers) {
  std::size_t first = 0;  // the first buffer not yet fully written
  while (first < buffers.size()) {
    const auto count = static_cast<int>(std::min<std::size_t>(buffers.size() - first, IOV_MAX));
    ssize_t n = ::writev(STDOUT_FILENO, buffers.data() + first, count);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) return true;  // the reader left; nothing more to say
      print_error(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
      return false;
    }
    // Skip what was written: whole buffers, then part of the next.
    auto left = static_cast<std::size_t>(n);
    while (first < buffers.size() && left >= buffers[first].iov_len)
      left -= buffers[first++].iov_len;
    if (left > 0) {
      buffers[first].iov_base = static_cast<char*>(buffers[first].iov_base) + left;
      buffers[first].iov_len -= left;
    }
  }
  return true;
}

}  // namespace

bool write_stdout(std::string_view text) {
  std::vector<iovec> buffers{{const_cast<char*>(text.data()), text.size()}};
  return write_all(buffers);
}

namespace {

// The temporary file being written, for the signal handler to remove: an interrupted run
// leaves neither a half-written target nor a stray temporary file behind.
char pending_temp[4096];
volatile std::sig_atomic_t has_pending_temp = 0;

extern "C" void remove_pending_temp(int signal_number) {
  if (has_pending_temp != 0) ::unlink(pending_temp);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Makes the temporary file in the buffer the signal handler reads, so there is no moment
// when the file exists and the handler does not know its name. -1 when it cannot be made.
int make_tracked_temp(const std::string& pattern, std::string& name) {
  static const bool installed = [] {
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_pending_temp);
    return true;
  }();
  (void)installed;
  if (pattern.size() >= sizeof pending_temp) {
    errno = ENAMETOOLONG;
    return -1;
  }
  std::memcpy(pending_temp, pattern.c_str(), pattern.size() + 1);
  has_pending_temp = 1;
  const int fd = ::mkstemp(pending_temp);
  if (fd < 0) {
    has_pending_temp = 0;
    return -1;
  }
  name = pending_temp;
  return fd;
}

void untrack_temp() { has_pending_temp = 0; }

}  // namespace

bool write_stdout(const std::vector<std::string>& pieces) {
  std::vector<iovec> buffers;
  buffers.reserve(pieces.size());
  for (const std::string& piece : pieces) {
    if (!piece.empty()) buffers.push_back({const_cast<char*>(piece.data()), piece.size()});
  }
  return write_all(buffers);
}

bool OutputStream::open() {
  if (to_stdout()) return true;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path_, ec)) {
    print_error(fmt::format("cannot write '{}': it is a directory", path_));
    return false;
  }
  // A device or a pipe (/dev/null, a FIFO) is written where it is: renaming a file over it
  // would replace the device itself.
  struct stat existing {};
  if (::stat(path_.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) {
      print_error(fmt::format("cannot write '{}': {}", path_, std::strerror(errno)));
      return false;
    }
    return true;
  }
  const fs::path target(path_);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fd_ = make_tracked_temp(
      (directory / fmt::format(".{}.XXXXXX", target.filename().string())).string(), temp_);
  if (fd_ < 0) {
    print_error(fmt::format("cannot write '{}': {}", path_, std::strerror(errno)));
    return false;
  }
  return true;
}

void OutputStream::write(std::string_view text) {
  if (failure_ != 0) return;
  if (to_stdout()) {
    if (!write_stdout(text)) failure_ = EIO;
    return;
  }
  std::size_t written = 0;
  while (failure_ == 0 && written < text.size()) {
    const ssize_t n = ::write(fd_, text.data() + written, text.size() - written);
    if (n >= 0)
      written += static_cast<std::size_t>(n);
    else if (errno != EINTR)
      failure_ = errno;
  }
}

bool OutputStream::commit() {
  if (to_stdout()) return failure_ == 0;
  if (fd_ < 0) return false;
  if (in_place()) {
    if (::close(fd_) != 0 && failure_ == 0) failure_ = errno;
    fd_ = -1;
    if (failure_ != 0) {
      print_error(fmt::format("cannot write '{}': {}", path_, std::strerror(failure_)));
    }
    return failure_ == 0;
  }
  if (failure_ == 0 && ::fsync(fd_) != 0) failure_ = errno;
  // mkstemp makes the file 0600: give it the mode of the file it replaces, or the usual one.
  struct stat existing {};
  if (::stat(path_.c_str(), &existing) == 0) {
    ::fchmod(fd_, existing.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
  }
  if (::close(fd_) != 0 && failure_ == 0) failure_ = errno;
  fd_ = -1;
  if (failure_ == 0 && std::rename(temp_.c_str(), path_.c_str()) != 0) failure_ = errno;
  if (failure_ != 0) {
    ::unlink(temp_.c_str());
    untrack_temp();
    print_error(fmt::format("cannot write '{}': {}", path_, std::strerror(failure_)));
    return false;
  }
  untrack_temp();
  return true;
}

OutputStream::~OutputStream() {
  if (fd_ < 0) return;  // never committed: the target stays as it was
  ::close(fd_);
  if (in_place()) return;
  ::unlink(temp_.c_str());
  untrack_temp();
}

bool write_file_atomically(const std::string& path, std::string_view text) {
  OutputStream out(path);
  if (!out.open()) return false;
  out.write(text);
  return out.commit();
}

}  // namespace mlroadmap::cli
