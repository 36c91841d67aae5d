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
//
// An aliasing line (ndarray-aliasing) runs one assignment in a child
// process, as the debug build's assertion may abort it:
//   probe::aliased(__LINE__, [&] { a = a.transpose(); return probe::equal(a, ref); });
// where ref is the result computed without aliasing (`.eval()` first). It
// prints `A<line> result=right|wrong|abort`.
//
// A write line (ndarray-write-to-copy) takes a checksum of the array the
// write should reach, writes, and reports whether the array changed:
//   double before = probe::checksum(a); b(0, 0) = 5; probe::wrote(__LINE__, before, a);
// prints `W<line> write=lost|reached`.
#ifndef NDTIDY_LIBCHECK_VALUE_PROBE_HPP
#define NDTIDY_LIBCHECK_VALUE_PROBE_HPP

#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/wait.h>
#include <type_traits>
#include <unistd.h>
#include <utility>

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

// Same extents (where the type says them) and the same elements, in order.
template <class T, class = void> struct HasRows : std::false_type {};
template <class T>
struct HasRows<T, std::void_t<decltype(std::declval<const T &>().rows())>>
    : std::true_type {};
template <class T, class = void> struct HasShape : std::false_type {};
template <class T>
struct HasShape<T, std::void_t<decltype(std::declval<const T &>().shape())>>
    : std::true_type {};
template <class A, class B> bool equal(const A &a, const B &b) {
  if constexpr (HasRows<A>::value)
    if (a.rows() != b.rows() || a.cols() != b.cols())
      return false;
  if constexpr (HasShape<A>::value) {
    if (a.shape().size() != b.shape().size())
      return false;
    for (std::size_t I = 0; I < a.shape().size(); ++I)
      if (a.shape()[I] != b.shape()[I])
        return false;
  }
  if (std::size_t(a.size()) != std::size_t(b.size()))
    return false;
  for (std::size_t I = 0; I < std::size_t(a.size()); ++I)
    if (a.data()[I] != b.data()[I])
      return false;
  return true;
}

// A weighted sum of every element of \p x, in memory order (allocates
// nothing): compared before and after a write to tell whether the write
// reached x.
template <class T> double checksum(const T &x) {
  double Sum = 0;
  for (std::size_t I = 0; I < std::size_t(x.size()); ++I)
    Sum += double(x.data()[I]) * double(I % 7 + 1);
  return Sum;
}
// Prints `W<line> write=lost|reached`: whether \p source changed since
// \p before = checksum(source) was taken (ndarray-write-to-copy).
template <class T> void wrote(int line, double before, const T &source) {
  std::printf("W%d write=%s\n", line,
              checksum(source) == before ? "lost" : "reached");
}

// Runs \p assign (which returns whether the result is the reference) in a
// child process; prints whether it was right, wrong, or aborted.
template <class F> void aliased(int line, F assign) {
  std::fflush(stdout);
  pid_t Child = fork();
  if (Child == 0) {
    int Null = open("/dev/null", O_WRONLY);
    dup2(Null, 2); // the assertion's message
    bool Right = assign();
    std::printf("A%d result=%s\n", line, Right ? "right" : "wrong");
    std::fflush(stdout);
    _exit(0);
  }
  int Status = 0;
  waitpid(Child, &Status, 0);
  if (WIFSIGNALED(Status))
    std::printf("A%d result=%s\n", line,
                WTERMSIG(Status) == SIGABRT ? "abort" : "crash");
  else if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0)
    std::printf("A%d result=crash\n", line);
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
