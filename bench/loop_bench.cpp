// Benchmarks of the copies that repeat in a loop (ndarray-copy-in-loop), each
// against the loop that does the same work with the copy made once:
//
//   BM_ConcatenateInLoop/n        x = nd::concatenate({x, part}) for n parts
//                                 of 1024 doubles: quadratic in n
//   BM_CollectThenConcatenate/n   the parts collected in a std::vector, one
//                                 nd::concatenate(parts) after the loop
//   BM_RavelPerElement/n          sum += a.T().ravel()(i) over every element
//                                 of an n x n array: one full hidden copy per
//                                 element, O(n^4) bytes
//   BM_RavelHoisted/n             auto flat = a.T().ravel() once before the
//                                 same loop
//   BM_ExportByElement/n          v.push_back(a(i)) over a 1-D array of n*n
//                                 doubles
//   BM_ExportToVector/n           v = a.to_vector()
//
// bench/loop_ratios.py runs this binary and prints the ratios of each pair.
// The smoke test runs the smallest sizes only.
#include <nd/nd.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <vector>

namespace {

constexpr std::ptrdiff_t PartLength = 1024;

void BM_ConcatenateInLoop(benchmark::State &state) {
  const auto parts = state.range(0);
  const auto part = nd::arange<double>(static_cast<double>(PartLength));
  for (auto _ : state) {
    auto x = nd::zeros<double>({0});
    for (std::int64_t i = 0; i < parts; ++i)
      x = nd::concatenate({x, part});
    benchmark::DoNotOptimize(x.data());
  }
}

void BM_CollectThenConcatenate(benchmark::State &state) {
  const auto parts = state.range(0);
  const auto part = nd::arange<double>(static_cast<double>(PartLength));
  for (auto _ : state) {
    std::vector<nd::array<double>> collected;
    for (std::int64_t i = 0; i < parts; ++i)
      collected.push_back(part);
    auto x = nd::concatenate(collected);
    benchmark::DoNotOptimize(x.data());
  }
}

nd::array<double> square(std::ptrdiff_t n) {
  return nd::arange<double>(static_cast<double>(n * n)).reshape({n, n});
}

void BM_RavelPerElement(benchmark::State &state) {
  const auto a = square(state.range(0));
  for (auto _ : state) {
    double sum = 0;
    for (std::ptrdiff_t i = 0; i < a.size(); ++i)
      sum += a.T().ravel()(i);
    benchmark::DoNotOptimize(sum);
  }
}

void BM_RavelHoisted(benchmark::State &state) {
  const auto a = square(state.range(0));
  for (auto _ : state) {
    double sum = 0;
    const auto flat = a.T().ravel();
    for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
      sum += flat(i);
    benchmark::DoNotOptimize(sum);
  }
}

void BM_ExportByElement(benchmark::State &state) {
  const auto a = nd::arange<double>(static_cast<double>(state.range(0) * state.range(0)));
  for (auto _ : state) {
    std::vector<double> v;
    for (std::ptrdiff_t i = 0; i < a.size(); ++i)
      v.push_back(a(i));
    benchmark::DoNotOptimize(v.data());
  }
}

void BM_ExportToVector(benchmark::State &state) {
  const auto a = nd::arange<double>(static_cast<double>(state.range(0) * state.range(0)));
  for (auto _ : state) {
    std::vector<double> v = a.to_vector();
    benchmark::DoNotOptimize(v.data());
  }
}

} // namespace

BENCHMARK(BM_ConcatenateInLoop)->Arg(16)->Arg(1024)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CollectThenConcatenate)->Arg(16)->Arg(1024)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RavelPerElement)->Arg(16)->Arg(128)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RavelHoisted)->Arg(16)->Arg(128)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExportByElement)->Arg(16)->Arg(1024)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExportToVector)->Arg(16)->Arg(1024)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
