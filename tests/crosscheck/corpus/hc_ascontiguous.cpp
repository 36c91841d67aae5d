// Pattern: ascontiguousarray/asfortranarray copy only when the layout does not fit.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto from_t = nd::ascontiguousarray(a.T()); // EXPECT: ndarray-hidden-copy
  auto from_c = nd::ascontiguousarray(a); // EXPECT-NOT: ndarray-hidden-copy
  auto f_from_c = nd::asfortranarray(a); // EXPECT: ndarray-hidden-copy
  auto f_from_t = nd::asfortranarray(a.T()); // EXPECT-NOT: ndarray-hidden-copy
  print("from_t", from_t);
  print("from_c", from_c);
  print("f_from_c", f_from_c);
  print("f_from_t", f_from_t);
}
