// nd/copy_events.hpp — copy accounting: every buffer an nd operation allocates
// is reported as a copy_event carrying the user's call site.
//
// Creation functions (zeros, ones, full, empty, arange, from lists) allocate
// the array the user asked for and are not events. Everything else that
// allocates is: explicit copies (copy, flatten, astype, concatenate, take,
// boolean masks, ...) and hidden copies (ravel, reshape, ascontiguousarray,
// asfortranarray when the layout forced them to copy).
//
//   {
//     nd::copy_counter counter;                 // counts this thread's events
//     auto r = f.copy().ravel();                // f is F-ordered
//     assert(counter.count() == 1 && counter.bytes() == f.nbytes());
//   }
//   nd::set_copy_callback([](const nd::copy_event& e) { log(e); });
//
// Tracing: ND_TRACE_COPIES=1 in the environment prints each hidden copy to
// stderr, ND_TRACE_COPIES=all prints every copy; one line per event:
//   file.cpp:12:17: warning: ravel() copied 800 bytes: the array is not C-contiguous [nd-hidden-copy]
//   file.cpp:14:9: note: flatten() copied 800 bytes [nd-explicit-copy]
// (set_copy_trace_mode overrides the environment, e.g. in tests).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <source_location>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nd {

// explicit_copy: the operation always copies (the user asked for a copy).
// hidden_copy: the operation copies only because of the input's layout.
enum class copy_kind { explicit_copy, hidden_copy };

constexpr std::string_view to_string(copy_kind kind) noexcept {
  return kind == copy_kind::explicit_copy ? "explicit" : "hidden";
}

struct copy_event {
  std::string_view operation; // NumPy's name, e.g. "ravel", "reshape", "copy"
  std::size_t bytes = 0;      // size of the allocated buffer (size * itemsize)
  copy_kind kind = copy_kind::explicit_copy;
  std::string_view reason;    // hidden copies: why the view was impossible
  std::source_location location; // the user's call site
};

// One compiler-style line, without the trailing newline (the trace format).
inline std::string format_copy_event(const copy_event& e) {
  std::string line = e.location.file_name();
  line += ':' + std::to_string(e.location.line()) + ':' +
          std::to_string(e.location.column()) + ": ";
  line += e.kind == copy_kind::hidden_copy ? "warning: " : "note: ";
  line += e.operation;
  line += "() copied " + std::to_string(e.bytes) + " bytes";
  if (e.kind == copy_kind::hidden_copy) {
    if (!e.reason.empty()) {
      line += ": ";
      line += e.reason;
    }
    line += " [nd-hidden-copy]";
  } else {
    line += " [nd-explicit-copy]";
  }
  return line;
}

enum class trace_mode { off, hidden, all };

class copy_counter;
using copy_callback = std::function<void(const copy_event&)>;

namespace detail {

inline trace_mode trace_mode_from_environment() {
  const char* value = std::getenv("ND_TRACE_COPIES");
  if (value == nullptr || *value == '\0' || std::strcmp(value, "0") == 0)
    return trace_mode::off;
  if (std::strcmp(value, "all") == 0)
    return trace_mode::all;
  return trace_mode::hidden;
}

// -1: follow the environment; otherwise a trace_mode value.
inline std::atomic<int> trace_override{-1};

struct callback_slot {
  std::mutex mutex;
  copy_callback callback;
};
inline callback_slot& global_callback() {
  static callback_slot slot;
  return slot;
}
inline std::atomic<bool> callback_installed{false};

inline thread_local std::vector<copy_counter*> active_counters;

void record_copy(const copy_event& event);

} // namespace detail

inline trace_mode copy_trace_mode() {
  int forced = detail::trace_override.load(std::memory_order_relaxed);
  if (forced >= 0)
    return static_cast<trace_mode>(forced);
  static const trace_mode from_env = detail::trace_mode_from_environment();
  return from_env;
}

// Overrides ND_TRACE_COPIES for the whole process.
inline void set_copy_trace_mode(trace_mode mode) {
  detail::trace_override.store(static_cast<int>(mode), std::memory_order_relaxed);
}

// Installs a process-wide callback (called on the allocating thread); returns
// the previous one. Pass nullptr to remove it.
inline copy_callback set_copy_callback(copy_callback callback) {
  auto& slot = detail::global_callback();
  std::lock_guard lock(slot.mutex);
  detail::callback_installed.store(static_cast<bool>(callback));
  return std::exchange(slot.callback, std::move(callback));
}

// Counts the copy events raised on the constructing thread while it is alive.
// Counters nest: every live counter of the thread sees every event.
class copy_counter {
public:
  copy_counter() { detail::active_counters.push_back(this); }
  ~copy_counter() { std::erase(detail::active_counters, this); }
  copy_counter(const copy_counter&) = delete;
  copy_counter& operator=(const copy_counter&) = delete;

  std::size_t count() const noexcept { return events_.size(); }
  std::size_t count(copy_kind kind) const noexcept {
    std::size_t n = 0;
    for (const auto& e : events_)
      n += e.kind == kind;
    return n;
  }
  std::size_t bytes() const noexcept {
    std::size_t n = 0;
    for (const auto& e : events_)
      n += e.bytes;
    return n;
  }
  std::size_t bytes(copy_kind kind) const noexcept {
    std::size_t n = 0;
    for (const auto& e : events_)
      if (e.kind == kind)
        n += e.bytes;
    return n;
  }
  const std::vector<copy_event>& events() const noexcept { return events_; }
  void reset() noexcept { events_.clear(); }

private:
  friend void detail::record_copy(const copy_event& event);
  std::vector<copy_event> events_;
};

namespace detail {

inline void record_copy(const copy_event& event) {
  for (copy_counter* counter : active_counters)
    counter->events_.push_back(event);
  if (callback_installed.load(std::memory_order_relaxed)) {
    copy_callback callback;
    {
      auto& slot = global_callback();
      std::lock_guard lock(slot.mutex);
      callback = slot.callback;
    }
    if (callback)
      callback(event);
  }
  trace_mode mode = copy_trace_mode();
  if (mode == trace_mode::all ||
      (mode == trace_mode::hidden && event.kind == copy_kind::hidden_copy)) {
    std::string line = format_copy_event(event);
    line += '\n';
    std::fputs(line.c_str(), stderr);
  }
}

} // namespace detail
} // namespace nd
