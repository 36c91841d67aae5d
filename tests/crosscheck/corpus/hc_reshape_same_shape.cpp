// Negative (trap): reshape() to the array's own shape is always a view, even
// when the array is not contiguous (NumPy returns PyArray_View).
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto same = a.T().reshape({64, 64}); // EXPECT-NOT: ndarray-hidden-copy
  auto strided = nd::arange<double>(8192)(nd::slice(0, 8192, 2));
  auto same_1d = strided.reshape({4096}); // EXPECT-NOT: ndarray-hidden-copy
  auto inferred = strided.reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("same", same);
  print("same_1d", same_1d);
  print("inferred", inferred);
}
