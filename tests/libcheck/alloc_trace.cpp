// alloc_trace.cpp: attributes every array buffer a real library allocates to
// the line of the user's program that caused it (tests/libcheck).
//
// Linked into each program of the corpus (compiled -g -O0). Build with one of
//   -DLIBCHECK_TORCH   interposes posix_memalign: c10::alloc_cpu, libtorch's
//                      CPU allocator, gets every tensor buffer from it;
//   -DLIBCHECK_OPENCV  installs a counting cv::MatAllocator as the default
//                      (OpenCV 4.6's fastMalloc uses malloc on glibc unless
//                      OPENCV_ENABLE_MEMALIGN=1, so a hook on posix_memalign
//                      would see nothing; the allocator sees every Mat buffer
//                      whichever function fastMalloc calls).
// Each allocation of at least LIBCHECK_MIN_BYTES (default 256) bytes records
// its backtrace; at exit the frames are symbolised with one addr2line run and
// the first frame whose source file is the program's own (LIBCHECK_SOURCE, a
// basename; by default the first file not under /usr/) names the line:
//   prog.cpp:42: alloc 4096
// Allocations with no such frame are not printed. The last line is
//   alloc-trace: total BYTES bytes in N allocations (M attributed)
// where the total counts every allocation, small ones included.
#include <dlfcn.h>
#include <execinfo.h>
#include <link.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifdef LIBCHECK_OPENCV
#include <opencv2/core.hpp>
#endif

namespace {

constexpr int kMaxFrames = 40;
constexpr int kMaxRecords = 1 << 14;

struct Record {
  std::size_t bytes;
  int depth;
  void* frames[kMaxFrames];
};

// Static storage: recording never allocates.
Record g_records[kMaxRecords];
std::atomic<int> g_count{0};
std::atomic<long long> g_total_bytes{0};
std::atomic<long long> g_total_allocs{0};
int g_dropped = 0;
std::size_t g_min_bytes = 256;
thread_local bool t_in_hook = false;  // backtrace() itself may allocate

std::uintptr_t g_bias = 0;  // the main executable's load bias (0 without PIE)
std::uintptr_t g_lo = UINTPTR_MAX, g_hi = 0;  // its loaded segments

int find_main(dl_phdr_info* info, std::size_t, void*) {
  // The first object dl_iterate_phdr reports is the executable.
  g_bias = info->dlpi_addr;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD) continue;
    std::uintptr_t lo = info->dlpi_addr + ph.p_vaddr;
    if (lo < g_lo) g_lo = lo;
    if (lo + ph.p_memsz > g_hi) g_hi = lo + ph.p_memsz;
  }
  return 1;
}

void record(std::size_t bytes) {
  g_total_bytes += static_cast<long long>(bytes);
  ++g_total_allocs;
  if (bytes < g_min_bytes || t_in_hook) return;
  t_in_hook = true;
  int slot = g_count.fetch_add(1);
  if (slot < kMaxRecords) {
    Record& r = g_records[slot];
    r.bytes = bytes;
    r.depth = backtrace(r.frames, kMaxFrames);
  } else {
    ++g_dropped;
  }
  t_in_hook = false;
}

bool in_main(void* pc) {
  auto p = reinterpret_cast<std::uintptr_t>(pc);
  return p >= g_lo && p < g_hi;
}

struct Location {
  std::uintptr_t offset;
  char file[512];
  int line;
};

// One addr2line run over every distinct return address in the executable.
int symbolise(Location* table, int capacity) {
  int n = 0;
  int count = g_count.load() < kMaxRecords ? g_count.load() : kMaxRecords;
  for (int i = 0; i < count; ++i)
    for (int f = 0; f < g_records[i].depth; ++f) {
      void* pc = g_records[i].frames[f];
      if (!in_main(pc)) continue;
      // A return address: the call is the instruction before it.
      std::uintptr_t off = reinterpret_cast<std::uintptr_t>(pc) - 1 - g_bias;
      bool seen = false;
      for (int k = 0; k < n && !seen; ++k) seen = table[k].offset == off;
      if (!seen && n < capacity) table[n++] = Location{off, "", 0};
    }
  if (n == 0) return 0;
  char list[] = "/tmp/alloc_trace_XXXXXX";
  int fd = mkstemp(list);
  if (fd < 0) return 0;
  FILE* out = fdopen(fd, "w");
  for (int k = 0; k < n; ++k) std::fprintf(out, "0x%lx\n", static_cast<unsigned long>(table[k].offset));
  std::fclose(out);
  char exe[4096];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len <= 0) return 0;
  exe[len] = 0;
  char command[8192];
  std::snprintf(command, sizeof command, "addr2line -e '%s' < %s", exe, list);
  FILE* in = popen(command, "r");
  char text[1024];
  for (int k = 0; in && k < n && std::fgets(text, sizeof text, in); ++k) {
    // "/path/file.cpp:42" or "/path/file.cpp:42 (discriminator 3)" or "??:0"
    char* colon = std::strrchr(text, ':');
    if (!colon) continue;
    *colon = 0;
    table[k].line = std::atoi(colon + 1);
    std::snprintf(table[k].file, sizeof table[k].file, "%s", text);
  }
  if (in) pclose(in);
  unlink(list);
  return n;
}

bool is_program_file(const char* file, const char* wanted) {
  if (!file[0] || file[0] == '?') return false;
  if (wanted && *wanted) {
    const char* base = std::strrchr(file, '/');
    return std::strcmp(base ? base + 1 : file, wanted) == 0;
  }
  return std::strncmp(file, "/usr/", 5) != 0;
}

void report() {
  t_in_hook = true;  // nothing allocated from here on is recorded
  static Location table[1 << 14];
  int n = symbolise(table, 1 << 14);
  const char* wanted = std::getenv("LIBCHECK_SOURCE");
  int count = g_count.load() < kMaxRecords ? g_count.load() : kMaxRecords;
  int attributed = 0;
  for (int i = 0; i < count; ++i) {
    const Record& r = g_records[i];
    for (int f = 0; f < r.depth; ++f) {
      if (!in_main(r.frames[f])) continue;
      std::uintptr_t off = reinterpret_cast<std::uintptr_t>(r.frames[f]) - 1 - g_bias;
      const Location* loc = nullptr;
      for (int k = 0; k < n && !loc; ++k)
        if (table[k].offset == off) loc = &table[k];
      if (loc && is_program_file(loc->file, wanted)) {
        std::fprintf(stderr, "%s:%d: alloc %zu\n", loc->file, loc->line, r.bytes);
        ++attributed;
        break;
      }
    }
  }
  std::fprintf(stderr, "alloc-trace: total %lld bytes in %lld allocations (%d attributed%s)\n",
               g_total_bytes.load(), g_total_allocs.load(), attributed,
               g_dropped ? ", some not recorded: too many" : "");
}

struct Init {
  Init() {
    if (const char* min = std::getenv("LIBCHECK_MIN_BYTES")) g_min_bytes = std::strtoul(min, nullptr, 10);
    dl_iterate_phdr(find_main, nullptr);
    // The first backtrace() loads libgcc_s (and allocates): do it now.
    void* frames[4];
    t_in_hook = true;
    backtrace(frames, 4);
    t_in_hook = false;
    std::atexit(report);
  }
};

}  // namespace

#ifdef LIBCHECK_TORCH
extern "C" int posix_memalign(void** ptr, std::size_t alignment, std::size_t bytes) {
  using Fn = int (*)(void**, std::size_t, std::size_t);
  static Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "posix_memalign"));
  int status = real(ptr, alignment, bytes);
  if (status == 0) record(bytes);
  return status;
}
#endif

#ifdef LIBCHECK_OPENCV
namespace {
// Delegates to OpenCV's own allocator; the buffers it returns keep that
// allocator as their currAllocator, so they are freed by it.
class TracingAllocator : public cv::MatAllocator {
 public:
  cv::UMatData* allocate(int dims, const int* sizes, int type, void* data, std::size_t* step,
                         cv::AccessFlag flags, cv::UMatUsageFlags usage) const override {
    cv::UMatData* u = std_->allocate(dims, sizes, type, data, step, flags, usage);
    if (u && !data) record(u->size);
    return u;
  }
  bool allocate(cv::UMatData* data, cv::AccessFlag flags, cv::UMatUsageFlags usage) const override {
    return std_->allocate(data, flags, usage);
  }
  void deallocate(cv::UMatData* data) const override { std_->deallocate(data); }

 private:
  const cv::MatAllocator* std_ = cv::Mat::getStdAllocator();
};
}  // namespace
#endif

namespace {
struct Installer {
  Installer() {
    static Init init;
#ifdef LIBCHECK_OPENCV
    static TracingAllocator allocator;
    cv::Mat::setDefaultAllocator(&allocator);
#endif
  }
};
// Before the program's own static objects where possible.
__attribute__((init_priority(101))) Installer g_installer;
}  // namespace
