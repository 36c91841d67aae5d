// Second translation unit of trace_summary.cpp: four threads copy at one call
// site; the summary must count all 100 copies and still print once.
#include <thread>
#include <vector>
#include <nd/nd.hpp>

double threaded_copies() {
  auto column = nd::arange<double>(12).reshape({3, 4})(nd::slice(), 1);
  std::vector<double> sums(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < sums.size(); ++t)
    threads.emplace_back([&column, &sums, t] {
      for (int i = 0; i < 25; ++i)
        sums[t] += nd::ascontiguousarray(column)(1);
    });
  for (auto& thread : threads)
    thread.join();
  return sums[0] + sums[1] + sums[2] + sums[3];
}
