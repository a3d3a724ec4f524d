#include "mlroadmap/threads.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <string_view>
#include <thread>

#include "text.hpp"

namespace mlroadmap {

namespace {

std::atomic<unsigned> process_limit{0};       // 0: one thread per core
thread_local unsigned this_thread_limit = 0;  // 0: the process's limit

}  // namespace

std::expected<unsigned, std::string> thread_limit_from_environment() {
  const char* value = std::getenv("MLROADMAP_THREADS");
  if (value == nullptr || *value == '\0') return 0u;
  const std::string_view text = value;
  unsigned threads = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), threads);
  if (ec != std::errc() || end != text.data() + text.size() || threads == 0) {
    return std::unexpected(fmt::format(
        "MLROADMAP_THREADS must be a positive whole number, found '{}'", terminal_safe(text)));
  }
  return threads;
}

void set_thread_limit(unsigned threads) { process_limit.store(threads, std::memory_order_relaxed); }

unsigned thread_limit() {
  if (this_thread_limit != 0) return this_thread_limit;
  const unsigned limit = process_limit.load(std::memory_order_relaxed);
  if (limit != 0) return limit;
  return std::max(1u, std::thread::hardware_concurrency());
}

OneThreadHere::OneThreadHere() : saved_(this_thread_limit) { this_thread_limit = 1; }
OneThreadHere::~OneThreadHere() { this_thread_limit = saved_; }

}  // namespace mlroadmap
