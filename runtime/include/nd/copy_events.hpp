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
// ND_TRACE_COPIES=summary prints nothing while the program runs and, when it
// exits (return from main or std::exit), one line per call site and copy,
// hidden and explicit alike, sorted by file, line, column and operation:
//   file.cpp:12:17: warning: ravel() copied 5 times, 4000 bytes in total: the array is not C-contiguous [nd-hidden-copy]
//   file.cpp:14:9: note: flatten() copied 1 time, 800 bytes in total [nd-explicit-copy]
// (set_copy_trace_mode overrides the environment, e.g. in tests;
// copy_summary() returns the same totals while the program runs.)
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
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

namespace detail {

// "file:line:col: warning: op() copied WHAT: reason [nd-hidden-copy]", or
// "note: ... [nd-explicit-copy]": the trace and summary line shape.
inline std::string format_copy_line(std::string_view file, unsigned line, unsigned column,
                                    copy_kind kind, std::string_view operation,
                                    std::string_view what, std::string_view reason) {
  std::string text(file);
  text += ':' + std::to_string(line) + ':' + std::to_string(column) + ": ";
  text += kind == copy_kind::hidden_copy ? "warning: " : "note: ";
  text += operation;
  text += "() copied ";
  text += what;
  if (kind == copy_kind::hidden_copy) {
    if (!reason.empty()) {
      text += ": ";
      text += reason;
    }
    text += " [nd-hidden-copy]";
  } else {
    text += " [nd-explicit-copy]";
  }
  return text;
}

} // namespace detail

// One compiler-style line, without the trailing newline (the trace format).
inline std::string format_copy_event(const copy_event& e) {
  return detail::format_copy_line(e.location.file_name(), e.location.line(),
                                  e.location.column(), e.kind, e.operation,
                                  std::to_string(e.bytes) + " bytes", e.reason);
}

// The copies of one call site that share operation, kind and reason, as
// ND_TRACE_COPIES=summary counts them.
struct copy_site_total {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string operation;
  copy_kind kind = copy_kind::explicit_copy;
  std::string reason;
  std::size_t count = 0; // copies made there
  std::size_t bytes = 0; // their bytes, summed
};

// One summary line, without the trailing newline.
inline std::string format_copy_site_total(const copy_site_total& t) {
  std::string what = std::to_string(t.count) + (t.count == 1 ? " time, " : " times, ") +
                     std::to_string(t.bytes) + " bytes in total";
  return detail::format_copy_line(t.file, t.line, t.column, t.kind, t.operation, what,
                                  t.reason);
}

// summary: per-site totals printed at exit instead of a line per copy.
enum class trace_mode { off, hidden, all, summary };

class copy_counter;
using copy_callback = std::function<void(const copy_event&)>;

namespace detail {

inline trace_mode trace_mode_from_environment() {
  const char* value = std::getenv("ND_TRACE_COPIES");
  if (value == nullptr || *value == '\0' || std::strcmp(value, "0") == 0)
    return trace_mode::off;
  if (std::strcmp(value, "all") == 0)
    return trace_mode::all;
  if (std::strcmp(value, "summary") == 0)
    return trace_mode::summary;
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

// Where a copy was made and what it was: the key of the summary.
struct copy_site {
  std::string file;
  unsigned line;
  unsigned column;
  std::string operation;
  copy_kind kind;
  std::string reason;
  auto operator<=>(const copy_site&) const = default;
};
struct copy_totals {
  std::size_t count = 0;
  std::size_t bytes = 0;
};
struct summary_table {
  std::mutex mutex;
  std::map<copy_site, copy_totals> sites; // sorted: the printing order
};
// Never destroyed, so that the at-exit printer and copies made by static
// destructors still find it. One per program: an inline function's static.
inline summary_table& global_summary() {
  static summary_table* table = new summary_table;
  return *table;
}

} // namespace detail

// Per-site totals of the copies made so far while the trace mode was
// `summary`, in the order ND_TRACE_COPIES=summary prints them.
inline std::vector<copy_site_total> copy_summary() {
  auto& table = detail::global_summary();
  std::lock_guard lock(table.mutex);
  std::vector<copy_site_total> totals;
  totals.reserve(table.sites.size());
  for (const auto& [site, sum] : table.sites)
    totals.push_back(copy_site_total{site.file, site.line, site.column, site.operation,
                                     site.kind, site.reason, sum.count, sum.bytes});
  return totals;
}

namespace detail {

// Runs once, at exit (std::atexit), when a summary was started.
inline void print_copy_summary() {
  std::string text;
  for (const copy_site_total& total : copy_summary())
    text += format_copy_site_total(total) + '\n';
  std::fputs(text.c_str(), stderr);
}

inline void add_to_summary(const copy_event& event) {
  // The first summarised copy of the program registers the printer, once
  // whatever the thread or translation unit.
  static const bool printer_registered = std::atexit(print_copy_summary) == 0;
  (void)printer_registered;
  copy_site site{event.location.file_name(), event.location.line(), event.location.column(),
                 std::string(event.operation), event.kind, std::string(event.reason)};
  auto& table = global_summary();
  std::lock_guard lock(table.mutex);
  copy_totals& totals = table.sites[std::move(site)];
  ++totals.count;
  totals.bytes += event.bytes;
}

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
  if (mode == trace_mode::summary) {
    add_to_summary(event);
    return;
  }
  if (mode == trace_mode::all ||
      (mode == trace_mode::hidden && event.kind == copy_kind::hidden_copy)) {
    std::string line = format_copy_event(event);
    line += '\n';
    std::fputs(line.c_str(), stderr);
  }
}

} // namespace detail
} // namespace nd
