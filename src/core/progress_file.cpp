// The progress file on disk: read whole, appended under an exclusive lock.

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "mlroadmap/progress.hpp"

namespace mlroadmap {

namespace {

// A progress file is read whole: far more than a lifetime of marks.
constexpr std::size_t kMaxProgressBytes = std::size_t{256} << 20;

Diagnostic file_problem(const std::string& path, std::string message) {
  return Diagnostic{Severity::error, path, 0, 0, std::move(message), {}};
}

std::vector<Diagnostic> system_error(const std::string& path, std::string_view doing) {
  return {file_problem(path, fmt::format("cannot {}: {}", doing, std::strerror(errno)))};
}

// Closes the descriptor it holds, which also releases any lock on it.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// All of an open file, from its start.
std::expected<std::string, std::vector<Diagnostic>> read_all(int fd, const std::string& path) {
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(text.size()));
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::unexpected(system_error(path, "read the progress file"));
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > kMaxProgressBytes) {
      return std::unexpected(std::vector<Diagnostic>{file_problem(
          path, fmt::format("the progress file is larger than the limit of {} bytes",
                            kMaxProgressBytes))});
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// What the events add: each a line of at most kMaxProgressLine bytes.
std::expected<std::string, std::vector<Diagnostic>> event_lines(
    const std::string& path, std::span<const ProgressEvent> events) {
  std::string lines;
  for (const ProgressEvent& event : events) {
    std::string line = progress_line(event);
    if (line.size() > kMaxProgressLine) {
      return std::unexpected(std::vector<Diagnostic>{file_problem(
          path, fmt::format("the mark of '{}' would be a line longer than the limit of {} bytes; "
                            "shorten the note",
                            event.skill, kMaxProgressLine))});
    }
    lines += line;
  }
  return lines;
}

}  // namespace

std::expected<ProgressLog, std::vector<Diagnostic>> read_progress_file(const std::string& path) {
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    if (errno == ENOENT) return ProgressLog{};
    return std::unexpected(system_error(path, fmt::format("open '{}'", path)));
  }
  auto text = read_all(file.get(), path);
  if (!text) return std::unexpected(std::move(text.error()));
  return parse_progress(*text, path);
}

std::expected<std::vector<Diagnostic>, std::vector<Diagnostic>> append_progress(
    const std::string& path, std::span<const ProgressEvent> events) {
  auto lines = event_lines(path, events);
  if (!lines) return std::unexpected(std::move(lines.error()));
  const FileDescriptor file(::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
  if (file.get() < 0) return std::unexpected(system_error(path, fmt::format("open '{}'", path)));
  // Held until the descriptor closes: every writer reads, cuts and appends alone.
  while (::flock(file.get(), LOCK_EX) != 0) {
    if (errno != EINTR) return std::unexpected(system_error(path, "lock the progress file"));
  }
  auto text = read_all(file.get(), path);
  if (!text) return std::unexpected(std::move(text.error()));
  auto log = parse_progress(*text, path);
  if (!log) return std::unexpected(std::move(log.error()));
  // Without a header (an empty file, or one whose first line was never finished) the file
  // starts again; else only a torn last line goes.
  const std::size_t keep = log->has_header ? log->complete_bytes : 0;
  if (keep < text->size() && ::ftruncate(file.get(), static_cast<off_t>(keep)) != 0) {
    return std::unexpected(system_error(path, "cut off the unfinished last line"));
  }
  if (keep == 0) lines->insert(0, progress_header());
  if (!write_all(file.get(), *lines) || ::fdatasync(file.get()) != 0) {
    return std::unexpected(system_error(path, "write the progress file"));
  }
  return std::move(log->warnings);
}

}  // namespace mlroadmap
