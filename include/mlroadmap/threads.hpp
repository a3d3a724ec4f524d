#pragma once

#include <expected>
#include <string>

namespace mlroadmap {

/// The thread limit MLROADMAP_THREADS asks for: 0 when it is unset (one thread per core), a
/// message when it is not a positive whole number.
std::expected<unsigned, std::string> thread_limit_from_environment();

/// How many threads, at most, the passes of loading and planning may use; 0 means one per
/// core, 1 keeps every pass on the calling thread. Results never depend on it.
void set_thread_limit(unsigned threads);

/// The threads a pass started on the calling thread may use: 1 inside OneThreadHere, else the
/// limit set, else the number of cores.
unsigned thread_limit();

/// While alive, loading and planning started on the calling thread stay on it (for callers
/// that run many small plans on threads of their own).
class OneThreadHere {
 public:
  OneThreadHere();
  ~OneThreadHere();
  OneThreadHere(const OneThreadHere&) = delete;
  OneThreadHere& operator=(const OneThreadHere&) = delete;

 private:
  unsigned saved_;
};

}  // namespace mlroadmap
