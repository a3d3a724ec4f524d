#include "mapped_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mlroadmap::detail {

std::expected<std::optional<MappedFile>, std::string> MappedFile::map(const std::string& path,
                                                                      std::size_t max_bytes,
                                                                      std::size_t room) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unexpected(fmt::format("cannot open: {}", std::strerror(errno)));
  struct stat info = {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0) {
    ::close(fd);
    return std::optional<MappedFile>();
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size > max_bytes) {
    ::close(fd);
    return std::unexpected(
        fmt::format("graph is {} bytes, larger than the limit of {} bytes", size, max_bytes));
  }
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t file_pages = (size + page - 1) / page * page;
  room = (room + page - 1) / page * page;
  // The whole range is taken first, then the file mapped over its start, so the room that
  // follows is at the addresses right after the file's last page.
  void* range = ::mmap(nullptr, file_pages + room, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  void* data = range == MAP_FAILED ? MAP_FAILED
                                   : ::mmap(range, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  ::close(fd);
  if (data != MAP_FAILED && room > 0 &&
      ::mprotect(static_cast<char*>(range) + file_pages, room, PROT_READ | PROT_WRITE) != 0) {
    data = MAP_FAILED;
  }
  if (data == MAP_FAILED) {
    const int error = errno;
    if (range != MAP_FAILED) ::munmap(range, file_pages + room);
    return std::unexpected(fmt::format("cannot read: {}", std::strerror(error)));
  }
  ::madvise(data, size, MADV_SEQUENTIAL);
  return std::optional<MappedFile>(
      MappedFile(static_cast<const char*>(data), size, file_pages + room, room));
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(other.data_), size_(other.size_), mapped_(other.mapped_), room_(other.room_) {
  other.data_ = nullptr;
  other.size_ = 0;
  other.mapped_ = 0;
  other.room_ = 0;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapped_);
}

void MappedFile::release_behind(std::size_t& released, std::size_t offset) const {
  constexpr std::size_t kStep = std::size_t{4} << 20;
  constexpr std::size_t kMargin = std::size_t{1} << 20;
  if (offset < released + kStep + kMargin) return;
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t end = (offset - kMargin) / page * page;
  const std::size_t start = (released + page - 1) / page * page;
  if (end > start) ::madvise(const_cast<char*>(data_) + start, end - start, MADV_DONTNEED);
  released = end;
}

}  // namespace mlroadmap::detail
