// What a call did to its arguments, for libraries with value semantics
// (Eigen, xtensor); used by valuecheck.py.
//
// A probed line reads
//   probe::from(a); f(a.transpose()); probe::done(__LINE__);
// from() notes the buffers of the arguments' sources and starts counting
// malloc; the callee calls probe::saw(m) on what it received; done() prints
// whether the callee saw the source's own elements or a copy, the copy's
// size and what was allocated in between. A callee that cannot name its
// elements (a template given a lazy expression) calls nothing, and then
// the allocations decide.
#ifndef NDTIDY_LIBCHECK_VALUE_PROBE_HPP
#define NDTIDY_LIBCHECK_VALUE_PROBE_HPP

#include <cstddef>
#include <cstdio>
#include <cstdlib>

extern "C" void *__libc_malloc(std::size_t);

namespace probe {
inline long Bytes = 0, Allocs = 0;
inline bool Counting = false;
inline const char *Lo[4], *Hi[4];
inline int Sources = 0;
inline const char *Seen = nullptr;
inline long SeenBytes = 0;

template <class T> void watch(const T &x) {
  if (Sources < 4) {
    Lo[Sources] = reinterpret_cast<const char *>(x.data());
    Hi[Sources] = reinterpret_cast<const char *>(x.data() + x.size());
    ++Sources;
  }
}
template <class... T> void from(const T &...x) {
  Sources = 0;
  (watch(x), ...);
  Seen = nullptr;
  SeenBytes = 0;
  Bytes = Allocs = 0;
  Counting = true;
}
template <class T> void saw(const T &x) {
  Seen = reinterpret_cast<const char *>(x.data());
  SeenBytes = long(x.size() * sizeof(*x.data()));
}
inline void done(int line) {
  Counting = false;
  bool Inside = false;
  for (int I = 0; I < Sources; ++I)
    Inside = Inside || (Seen >= Lo[I] && Seen < Hi[I]);
  bool Copy = Seen ? !Inside : Allocs > 0;
  std::printf("L%d seen=%s copy=%s copy_bytes=%ld allocs=%ld bytes=%ld\n",
              line, Seen ? "yes" : "no", Copy ? "yes" : "no",
              Seen && Copy ? SeenBytes : 0, Allocs, Bytes);
}
} // namespace probe

extern "C" void *malloc(std::size_t n) noexcept {
  if (probe::Counting) {
    probe::Bytes += long(n);
    ++probe::Allocs;
  }
  return __libc_malloc(n);
}

#endif // NDTIDY_LIBCHECK_VALUE_PROBE_HPP
