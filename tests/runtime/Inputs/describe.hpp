// Test helper: prints an array the way tests/runtime expect, matching the
// Python one-liners that produced the CHECK lines:
//   shape=(2,3) strides=(24,8) C=1 F=0 own=1 w=1
#pragma once
#include <cstdio>
#include <string>
#include <nd/nd.hpp>

template <class T> std::string tuple_str(const T& values) {
  std::string s = "(";
  std::size_t n = 0;
  for (auto v : values) {
    if (n++)
      s += ",";
    s += std::to_string(v);
  }
  if (n == 1)
    s += ",";
  return s + ")";
}

template <class T> void describe(const char* label, const nd::array<T>& a) {
  std::printf("%s: shape=%s strides=%s C=%d F=%d own=%d w=%d\n", label,
              tuple_str(a.shape()).c_str(), tuple_str(a.byte_strides()).c_str(),
              a.c_contiguous(), a.f_contiguous(), a.owndata(), a.writeable());
}

template <class T> void values(const char* label, const nd::array<T>& a) {
  std::printf("%s:", label);
  for (auto v : a.to_vector())
    std::printf(" %g", static_cast<double>(v));
  std::printf("\n");
}
