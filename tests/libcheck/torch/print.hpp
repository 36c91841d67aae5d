// print.hpp: deterministic output for the libtorch cross-check corpus.
//
//   print("flat", flat);   // flat shape=(64) sum=2016 weighted=... first=[0 8 16 24]
//   double before = checksum(a);
//   a.index({mask}) = 0;   // the write under test
//   written(__LINE__ - 1, before, a);   // "write L12: lost" or "write L12: reached"
//
// Reads the elements through data_ptr() and the strides: printing never
// allocates a tensor, so it adds nothing to a program's allocation trace.
#pragma once

#include <ATen/ATen.h>

#include <vector>

#include "../summary.hpp"

inline double element_at(const at::Tensor& t, int64_t offset) {
  switch (t.scalar_type()) {
    case at::kFloat: return t.data_ptr<float>()[offset];
    case at::kDouble: return t.data_ptr<double>()[offset];
    case at::kLong: return static_cast<double>(t.data_ptr<int64_t>()[offset]);
    case at::kInt: return t.data_ptr<int32_t>()[offset];
    case at::kByte: return t.data_ptr<uint8_t>()[offset];
    case at::kBool: return t.data_ptr<bool>()[offset];
    default: return 0;
  }
}

// Elements in row-major order, read through the strides. Iterative (an
// odometer over the indices): a recursive walk would hide the tensor's layout
// from the checker at every call of checksum()/print(), since recursion is
// not followed.
inline std::vector<double> values_of(const at::Tensor& t) {
  std::vector<double> out;
  const int64_t rank = t.dim();
  if (t.numel() == 0) return out;
  std::vector<int64_t> index(static_cast<size_t>(rank), 0);
  while (true) {
    int64_t offset = 0;
    for (int64_t d = 0; d < rank; ++d) offset += index[static_cast<size_t>(d)] * t.stride(d);
    out.push_back(element_at(t, offset));
    int64_t d = rank - 1;
    while (d >= 0 && ++index[static_cast<size_t>(d)] == t.size(d)) index[static_cast<size_t>(d--)] = 0;
    if (d < 0) return out;
  }
}

inline double checksum(const at::Tensor& t) { return weighted_sum(values_of(t)); }

inline void print(const char* name, const at::Tensor& t) {
  std::string shape = "shape=(";
  for (int64_t d = 0; d < t.dim(); ++d) shape += (d ? "," : "") + std::to_string(t.size(d));
  print_summary(name, shape + ")", values_of(t));
}

// After a write on line `line`: did it reach `source`?
inline void written(int line, double before, const at::Tensor& source) {
  print_write(line, before, checksum(source));
}
