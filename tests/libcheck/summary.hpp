// summary.hpp: the output format shared by the corpora's print.hpp (torch/,
// opencv/): a checksum of an array's elements in logical order, one summary
// line per printed array, one verdict line per checked write.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

inline double weighted_sum(const std::vector<double>& v) {
  double weighted = 0;
  for (std::size_t i = 0; i < v.size(); ++i) weighted += v[i] * static_cast<double>(i % 7 + 1);
  return weighted;
}

// "name <shape> sum=... weighted=... first=[a b c d]"
inline void print_summary(const char* name, const std::string& shape, const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  std::printf("%s %s sum=%.6g weighted=%.6g first=[", name, shape.c_str(), sum, weighted_sum(v));
  for (std::size_t i = 0; i < v.size() && i < 4; ++i) std::printf(i ? " %g" : "%g", v[i]);
  std::printf("]\n");
}

inline void print_value(const char* name, double value) { std::printf("%s=%.6g\n", name, value); }

// "throw L12": the call on line 12 threw (libcheck.py confirms an
// impossible-view claim on that line only by this line).
inline void threw(int line) { std::printf("throw L%d\n", line); }

// "write L12: lost" or "write L12: reached" (libcheck.py reads these).
inline void print_write(int line, double before, double after) {
  std::printf("write L%d: %s\n", line, after == before ? "lost" : "reached");
}
