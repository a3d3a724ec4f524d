#pragma once
// The core's memory and thread machinery, decided in one place: a hint that asks the processor
// for memory ahead of its use, the sizes from which a pass is worth a second thread or outgrows
// the caches, and the two ways a pass splits over two threads.

#include <cstddef>
#include <thread>
#include <utility>

#include "mlroadmap/threads.hpp"

namespace mlroadmap::detail {

/// A hint to the processor to fetch `address` into the cache, never an access. Written as an
/// instruction on x86, because GCC 12 drops __builtin_prefetch from some loops as dead code.
inline void prefetch(const void* address) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  asm volatile("prefetcht0 (%0)" : : "r"(address));
#else
  __builtin_prefetch(address);
#endif
}

/// Items (skills, references, steps) from which a pass over them is worth a second thread:
/// below it, starting the thread costs more than it saves.
inline constexpr std::size_t kWorthAThread = std::size_t{1} << 16;
/// Skills from which arrays of one entry per skill outgrow the caches, so that asking for
/// entries ahead of their use pays.
inline constexpr std::size_t kLargerThanCaches = std::size_t{1} << 16;
/// Bytes of JSON text from which reading an array's second half on another thread pays.
inline constexpr std::size_t kTextWorthAThread = std::size_t{1} << 20;

/// Whether a pass over `count` items should split over two threads.
inline bool worth_a_thread(std::size_t count) {
  return count >= kWorthAThread && thread_limit() > 1;
}

/// Runs `here` on this thread and `there` on a helper thread at the same time when `split`,
/// else one after the other. The two must share nothing they write.
template <typename Here, typename There>
void run_both(bool split, Here&& here, There&& there) {
  if (!split) {
    here();
    there();
    return;
  }
  std::thread helper([&] {
    OneThreadHere mark;  // what `there` starts stays on its thread
    there();
  });
  here();
  helper.join();
}

/// Runs part(first, last, k) over [0, n): when `split`, [0, n/2) with k = 0 here and [n/2, n)
/// with k = 1 on a helper thread; else [0, n) with k = 0.
template <typename Index, typename Part>
void run_in_halves(Index n, bool split, Part&& part) {
  if (!split) {
    part(Index{0}, n, 0);
    return;
  }
  const Index half = n / 2;
  run_both(
      true, [&] { part(Index{0}, half, 0); }, [&] { part(half, n, 1); });
}

}  // namespace mlroadmap::detail
