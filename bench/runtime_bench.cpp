// Benchmarks of the nd::array copies the product is about, allocation
// included, on 4096 x 4096 doubles (128 MiB) and 256 x 256 (the smoke size):
//
//   BM_MemcpyFreshBuffer   a buffer allocated as nd allocates + std::memcpy:
//                          the "memcpy of the same bytes" baseline
//   BM_MemcpyFreshHugeBuffer  the same with transparent huge pages advised, as
//                          NumPy allocates (nd::detail::advise_huge_pages)
//   BM_Memcpy              std::memcpy into a buffer faulted in beforehand
//   BM_FlattenContiguous   a.flatten()
//   BM_RavelTransposed     a.T().ravel()    (a hidden copy, NumPy's
//   a.T.ravel()) BM_FlattenTransposed   a.T().flatten()
//   BM_TransposeFreshHugeBuffer  what a.T().ravel() costs when its buffer gets
//                          huge pages as NumPy's do: operator new + advise +
//                          nd::detail::strided_copy (no nd::array involved)
//   BM_FlattenSteppedSlice a(nd::all, nd::slice(0, n, 2)).flatten()
//   BM_RavelView           a.ravel() of a C-contiguous array: a view
//
// Every benchmark reports bytes_per_second (bytes of the result) and the
// counters allocated_bytes / copies per iteration from nd::copy_counter, so a
// view that starts copying shows up here. bench/compare_numpy.py runs this
// binary and times the same operations in NumPy.
#include <nd/nd.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>

namespace {

nd::array<double> square(std::ptrdiff_t n) {
  return nd::arange<double>(static_cast<double>(n * n)).reshape({n, n});
}

// result_bytes = 0: a view, no bytes moved.
void set_counters(benchmark::State &state, std::size_t result_bytes,
                  const nd::copy_counter &counter) {
  const auto iterations = static_cast<double>(state.iterations());
  if (result_bytes != 0)
    state.SetBytesProcessed(state.iterations() *
                            static_cast<std::int64_t>(result_bytes));
  state.counters["allocated_bytes"] =
      static_cast<double>(counter.bytes()) / iterations;
  state.counters["copies"] = static_cast<double>(counter.count()) / iterations;
}

void BM_MemcpyFreshBuffer(benchmark::State &state) {
  const auto a = square(state.range(0));
  for (auto _ : state) {
    auto out = std::make_shared<nd::detail::buffer>(a.nbytes());
    std::memcpy(out->data(), a.data(), a.nbytes());
    benchmark::DoNotOptimize(out->data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(a.nbytes()));
}

void BM_MemcpyFreshHugeBuffer(benchmark::State &state) {
  const auto a = square(state.range(0));
  constexpr std::align_val_t alignment{64};
  for (auto _ : state) {
    void *out = ::operator new(a.nbytes(), alignment);
    nd::detail::advise_huge_pages(out, a.nbytes());
    std::memcpy(out, a.data(), a.nbytes());
    benchmark::DoNotOptimize(out);
    benchmark::ClobberMemory();
    ::operator delete(out, alignment);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(a.nbytes()));
}

void BM_Memcpy(benchmark::State &state) {
  const auto a = square(state.range(0));
  auto out = nd::empty<double>({state.range(0), state.range(0)});
  std::memset(out.data(), 0, out.nbytes()); // fault the pages in
  for (auto _ : state) {
    std::memcpy(out.data(), a.data(), a.nbytes());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(a.nbytes()));
}

void BM_FlattenContiguous(benchmark::State &state) {
  const auto a = square(state.range(0));
  nd::copy_counter counter;
  for (auto _ : state) {
    auto r = a.flatten();
    benchmark::DoNotOptimize(r.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, a.nbytes(), counter);
}

void BM_RavelTransposed(benchmark::State &state) {
  const auto a = square(state.range(0));
  nd::copy_counter counter;
  for (auto _ : state) {
    auto r = a.T().ravel();
    benchmark::DoNotOptimize(r.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, a.nbytes(), counter);
}

void BM_FlattenTransposed(benchmark::State &state) {
  const auto a = square(state.range(0));
  nd::copy_counter counter;
  for (auto _ : state) {
    auto r = a.T().flatten();
    benchmark::DoNotOptimize(r.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, a.nbytes(), counter);
}

void BM_TransposeFreshHugeBuffer(benchmark::State &state) {
  const std::ptrdiff_t n = state.range(0);
  const auto a = square(n);
  const std::ptrdiff_t shape[2] = {n, n}, src_strides[2] = {1, n},
                       dst_strides[2] = {n, 1};
  constexpr std::align_val_t alignment{64};
  for (auto _ : state) {
    auto *out = static_cast<double *>(::operator new(a.nbytes(), alignment));
    nd::detail::advise_huge_pages(out, a.nbytes());
    nd::detail::strided_copy(2, shape, a.data(), src_strides, out, dst_strides);
    benchmark::DoNotOptimize(out);
    benchmark::ClobberMemory();
    ::operator delete(out, alignment);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(a.nbytes()));
}

void BM_FlattenSteppedSlice(benchmark::State &state) {
  const std::ptrdiff_t n = state.range(0);
  const auto a = square(n);
  nd::copy_counter counter;
  for (auto _ : state) {
    auto r = a(nd::all, nd::slice(0, n, 2)).flatten();
    benchmark::DoNotOptimize(r.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, a.nbytes() / 2, counter);
}

void BM_RavelView(benchmark::State &state) {
  const auto a = square(state.range(0));
  nd::copy_counter counter;
  for (auto _ : state) {
    auto r = a.ravel();
    benchmark::DoNotOptimize(r.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, 0, counter);
}

constexpr int small = 256, large = 4096;

BENCHMARK(BM_MemcpyFreshBuffer)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_MemcpyFreshHugeBuffer)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Memcpy)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_FlattenContiguous)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RavelTransposed)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_FlattenTransposed)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_TransposeFreshHugeBuffer)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_FlattenSteppedSlice)
    ->Arg(small)
    ->Arg(large)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RavelView)->Arg(small)->Arg(large)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
