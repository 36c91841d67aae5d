// Benchmarks of nd::detail::strided_copy on its own, against std::memcpy and
// against the untiled loop, on 4096 x 4096 doubles (128 MiB) and a small size
// for the smoke test. Buffers are allocated once (huge pages advised, as NumPy
// does) and pre-faulted, so these figures are the kernel's alone;
// runtime_bench.cpp measures the nd::array operations, allocation included.
//
//   build-*/bench/kernel_bench --benchmark_filter=Transpose
#include <nd/detail/copy_kernel.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstring>
#include <new>
#include <vector>

namespace {

using nd::detail::strided_copy;

// Source and destination of an n x n copy, allocated as NumPy allocates
// (transparent huge pages advised for 4 MiB and more) and faulted in.
class square {
public:
  explicit square(std::ptrdiff_t n_)
      : n(n_), src(allocate(n)), dst(allocate(n)) {
    for (std::ptrdiff_t i = 0; i < n * n; ++i)
      src[i] = static_cast<double>(i);
    std::memset(dst, 0, bytes());
  }
  ~square() {
    ::operator delete(src, alignment);
    ::operator delete(dst, alignment);
  }
  square(const square &) = delete;
  square &operator=(const square &) = delete;
  std::size_t bytes() const {
    return static_cast<std::size_t>(n * n) * sizeof(double);
  }

  std::ptrdiff_t n;
  double *src;
  double *dst;

private:
  static constexpr std::align_val_t alignment{64};
  static double *allocate(std::ptrdiff_t n) {
    const std::size_t bytes = static_cast<std::size_t>(n * n) * sizeof(double);
    void *p = ::operator new(bytes, alignment);
    nd::detail::advise_huge_pages(p, bytes);
    return static_cast<double *>(p);
  }
};

void set_bytes(benchmark::State &state, std::ptrdiff_t elements) {
  state.SetBytesProcessed(state.iterations() * elements *
                          static_cast<std::int64_t>(sizeof(double)));
}

void BM_Memcpy(benchmark::State &state) {
  square a(state.range(0));
  for (auto _ : state) {
    std::memcpy(a.dst, a.src, a.bytes());
    benchmark::DoNotOptimize(a.dst);
    benchmark::ClobberMemory();
  }
  set_bytes(state, a.n * a.n);
}

void BM_KernelContiguous(benchmark::State &state) {
  square a(state.range(0));
  const std::ptrdiff_t shape[2] = {a.n, a.n}, strides[2] = {a.n, 1};
  for (auto _ : state) {
    strided_copy(2, shape, a.src, strides, a.dst, strides);
    benchmark::DoNotOptimize(a.dst);
    benchmark::ClobberMemory();
  }
  set_bytes(state, a.n * a.n);
}

// a.T copied into C order: the source is F-ordered relative to the copy.
void BM_KernelTranspose(benchmark::State &state) {
  square a(state.range(0));
  const std::ptrdiff_t shape[2] = {a.n, a.n}, src_strides[2] = {1, a.n},
                       dst_strides[2] = {a.n, 1};
  for (auto _ : state) {
    strided_copy(2, shape, a.src, src_strides, a.dst, dst_strides);
    benchmark::DoNotOptimize(a.dst);
    benchmark::ClobberMemory();
  }
  set_bytes(state, a.n * a.n);
}

template <std::ptrdiff_t tile> void BM_TransposeTile(benchmark::State &state) {
  square a(state.range(0));
  for (auto _ : state) {
    nd::detail::copy_2d_tiled<tile>(a.n, a.n, a.src, 1, a.n, a.dst, a.n, 1);
    benchmark::DoNotOptimize(a.dst);
    benchmark::ClobberMemory();
  }
  set_bytes(state, a.n * a.n);
}

// What an untiled kernel does (NumPy's strided inner loop): row by row of the
// destination, reading the source with a stride of n elements.
void BM_TransposeUntiled(benchmark::State &state) {
  square a(state.range(0));
  for (auto _ : state) {
    for (std::ptrdiff_t i = 0; i < a.n; ++i)
      nd::detail::copy_1d(a.n, a.src + i, a.n, a.dst + i * a.n, 1);
    benchmark::DoNotOptimize(a.dst);
    benchmark::ClobberMemory();
  }
  set_bytes(state, a.n * a.n);
}

// a[:, ::2] into C order: half the columns.
void BM_KernelSteppedColumns(benchmark::State &state) {
  square a(state.range(0));
  const std::ptrdiff_t shape[2] = {a.n, a.n / 2}, src_strides[2] = {a.n, 2},
                       dst_strides[2] = {a.n / 2, 1};
  for (auto _ : state) {
    strided_copy(2, shape, a.src, src_strides, a.dst, dst_strides);
    benchmark::DoNotOptimize(a.dst);
    benchmark::ClobberMemory();
  }
  set_bytes(state, a.n * (a.n / 2));
}

// double -> float, contiguous: the converting inner loop.
void BM_KernelConvertToFloat(benchmark::State &state) {
  square a(state.range(0));
  std::vector<float> dst(static_cast<std::size_t>(a.n * a.n));
  const std::ptrdiff_t shape[2] = {a.n, a.n}, strides[2] = {a.n, 1};
  for (auto _ : state) {
    strided_copy(2, shape, a.src, strides, dst.data(), strides);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, a.n * a.n);
}

constexpr int small = 256, large = 4096;

BENCHMARK(BM_Memcpy)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_KernelContiguous)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_KernelTranspose)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_TransposeTile<8>)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_TransposeTile<16>)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_TransposeTile<32>)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_TransposeTile<64>)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_TransposeTile<128>)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_TransposeUntiled)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_KernelSteppedColumns)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_KernelConvertToFloat)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
