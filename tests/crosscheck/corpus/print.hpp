// print.hpp — deterministic output for the cross-check corpus.
//
//   print("r", a.T().ravel());   // r shape=(4096) sum=8386560 first=[0 64 128 192]
//
// Reads through to_vector(), which is not an nd allocation, so printing never
// adds copy events of its own to a program's trace.
#pragma once

#include <cstdio>
#include <nd/nd.hpp>

template <class T> void print(const char* name, const nd::array<T>& a) {
  const std::vector<T> values = a.to_vector();
  double sum = 0, weighted = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    sum += static_cast<double>(values[i]);
    weighted += static_cast<double>(values[i]) * static_cast<double>(i % 7 + 1);
  }
  std::printf("%s shape=(", name);
  for (std::size_t d = 0; d < a.ndim(); ++d)
    std::printf(d ? ",%td" : "%td", a.shape()[d]);
  std::printf(") sum=%.6g weighted=%.6g first=[", sum, weighted);
  for (std::size_t i = 0; i < values.size() && i < 4; ++i)
    std::printf(i ? " %g" : "%g", static_cast<double>(values[i]));
  std::printf("]\n");
}

inline void print_value(const char* name, double value) { std::printf("%s=%.6g\n", name, value); }
