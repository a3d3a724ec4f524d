#include "source_map.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mlroadmap::detail {

SourceMap SourceMap::identity(std::vector<SourceFile> files, std::uint32_t file) {
  SourceMap map;
  map.files_ = std::move(files);
  map.copy(0, SourcePlace{file, 0});
  return map;
}

SourcePlace SourceMap::place_of(std::size_t offset) const {
  auto after = std::upper_bound(segments_.begin(), segments_.end(), offset,
                                [](std::size_t o, const Segment& s) { return o < s.at; });
  if (after == segments_.begin()) return {};
  const Segment& segment = *std::prev(after);
  if (segment.pinned) return segment.place;
  return SourcePlace{segment.place.file, segment.place.offset + (offset - segment.at)};
}

void SourceMap::add(Segment segment) {
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    if (last.at == segment.at) {
      last = segment;
      return;
    }
    // A copy that goes on where the last one left off needs no segment of its own.
    if (!last.pinned && !segment.pinned && last.place.file == segment.place.file &&
        last.place.offset + (segment.at - last.at) == segment.place.offset) {
      return;
    }
  }
  segments_.push_back(segment);
}

void SourceMap::copy(std::size_t at, SourcePlace from) { add(Segment{at, from, false}); }

void SourceMap::pin(std::size_t at, SourcePlace place) { add(Segment{at, place, true}); }

void SourceMap::append(const SourceMap& from, std::size_t begin, std::size_t end,
                       std::size_t at) {
  if (begin >= end) return;
  auto it = std::upper_bound(from.segments_.begin(), from.segments_.end(), begin,
                             [](std::size_t o, const Segment& s) { return o < s.at; });
  if (it != from.segments_.begin()) --it;
  for (; it != from.segments_.end() && it->at < end; ++it) {
    const std::size_t start = std::max(it->at, begin);
    const std::size_t here = at + (start - begin);
    if (it->pinned) {
      pin(here, it->place);
    } else {
      copy(here, SourcePlace{it->place.file, it->place.offset + (start - it->at)});
    }
  }
}

Diagnostic SourceMap::diagnostic(Severity severity, SourcePlace place,
                                 std::string message) const {
  if (place.file >= files_.size()) return Diagnostic{severity, {}, 0, 0, std::move(message), {}};
  const SourceFile& file = files_[place.file];
  return make_diagnostic(severity, file.name, file.text, place.offset, std::move(message));
}

std::string SourceMap::where(SourcePlace place) const {
  if (place.file >= files_.size()) return {};
  const SourceFile& file = files_[place.file];
  const TextPosition pos = position_of(file.text, place.offset);
  return fmt::format("{}:{}:{}", file.name, pos.line, pos.column);
}

}  // namespace mlroadmap::detail
