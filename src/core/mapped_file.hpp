#pragma once
// A graph file mapped into memory instead of copied: no second copy of a large graph, and the
// pages the reader has left behind go back to the system as it goes.

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace mlroadmap::detail {

class MappedFile {
 public:
  /// The regular file at `path`, mapped; nothing when it is not a regular file with contents
  /// (a pipe, a terminal, an empty file: those are read instead); or why it cannot be read.
  /// With `room`, that many bytes of writable memory follow the file in the same range of
  /// addresses, from the page after its end (see room()).
  static std::expected<std::optional<MappedFile>, std::string> map(const std::string& path,
                                                                   std::size_t max_bytes,
                                                                   std::size_t room = 0);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return {data_, size_}; }
  /// The writable memory after the file: where it starts, as an offset from the file's start
  /// (the bytes between are zeros), and how much there is.
  std::size_t room_offset() const { return mapped_ - room_; }
  char* room() const { return room_ == 0 ? nullptr : const_cast<char*>(data_) + room_offset(); }
  std::size_t room_size() const { return room_; }

  /// Hands the pages before `offset`, less a margin, back to the system, in steps of a few
  /// megabytes; `released` is how far they already are. The mapping stays, so a message that
  /// quotes a line there later reads it back from the page cache. Safe from several threads,
  /// each with its own `released`.
  void release_behind(std::size_t& released, std::size_t offset) const;

 private:
  MappedFile(const char* data, std::size_t size, std::size_t mapped, std::size_t room)
      : data_(data), size_(size), mapped_(mapped), room_(room) {}
  const char* data_;
  std::size_t size_;
  std::size_t mapped_;  ///< bytes of addresses mapped: the file's pages and the room
  std::size_t room_;
};

}  // namespace mlroadmap::detail
