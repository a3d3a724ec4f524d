#include "output.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <climits>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <fmt/format.h>

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

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  const std::string text = render_diagnostics_text(diagnostics);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

bool write_stdout(std::string_view text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) return true;  // the reader left; nothing more to say
      print_error(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
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

void track_temp(const std::string& temp) {
  static const bool installed = [] {
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_pending_temp);
    return true;
  }();
  (void)installed;
  if (temp.size() >= sizeof pending_temp) return;
  std::memcpy(pending_temp, temp.c_str(), temp.size() + 1);
  has_pending_temp = 1;
}

void untrack_temp() { has_pending_temp = 0; }

}  // namespace

bool write_stdout(const std::vector<std::string>& pieces) {
  std::vector<iovec> batch;
  std::size_t next = 0;
  while (next < pieces.size()) {
    batch.clear();
    std::size_t bytes = 0;
    for (; next < pieces.size() && batch.size() < IOV_MAX; ++next) {
      if (pieces[next].empty()) continue;
      batch.push_back({const_cast<char*>(pieces[next].data()), pieces[next].size()});
      bytes += pieces[next].size();
    }
    std::size_t written = 0;
    std::size_t first = 0;  // the first piece of the batch not yet fully written
    while (written < bytes) {
      const ssize_t n = ::writev(STDOUT_FILENO, batch.data() + first,
                                 static_cast<int>(batch.size() - first));
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EPIPE) return true;  // the reader left; nothing more to say
        print_error(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
        return false;
      }
      written += static_cast<std::size_t>(n);
      // Skip what was written: whole pieces, then part of the next.
      auto left = static_cast<std::size_t>(n);
      while (left > 0 && left >= batch[first].iov_len) left -= batch[first++].iov_len;
      if (left > 0) {
        batch[first].iov_base = static_cast<char*>(batch[first].iov_base) + left;
        batch[first].iov_len -= left;
      }
    }
  }
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    print_error(fmt::format("cannot write '{}': it is a directory", path));
    return false;
  }
  const fs::path target(path);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (directory / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    print_error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    return false;
  }
  track_temp(temp);
  int failure = 0;
  std::size_t written = 0;
  while (failure == 0 && written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n >= 0) written += static_cast<std::size_t>(n);
    else if (errno != EINTR) failure = errno;
  }
  if (failure == 0 && ::fsync(fd) != 0) failure = errno;
  // mkstemp makes the file 0600: give it the mode of the file it replaces, or the usual one.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) {
    ::fchmod(fd, existing.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  if (::close(fd) != 0 && failure == 0) failure = errno;
  if (failure == 0 && std::rename(temp.c_str(), path.c_str()) != 0) failure = errno;
  if (failure != 0) {
    ::unlink(temp.c_str());
    untrack_temp();
    print_error(fmt::format("cannot write '{}': {}", path, std::strerror(failure)));
    return false;
  }
  untrack_temp();
  return true;
}

}  // namespace mlroadmap::cli
