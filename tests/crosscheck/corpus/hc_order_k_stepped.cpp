// Pattern: ravel(K) and ravel(A) of a transposed array are views; of a stepped slice, a copy.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(8192).reshape({64, 128});
  auto t_k = a.T().ravel(nd::order::K); // EXPECT-NOT: ndarray-hidden-copy
  auto t_a = a.T().ravel(nd::order::A); // EXPECT-NOT: ndarray-hidden-copy
  auto stepped_k = a(nd::all, nd::slice(0, 128, 2)).ravel(nd::order::K); // EXPECT: ndarray-hidden-copy
  auto stepped_f = a(nd::all, nd::slice(0, 128, 2)).ravel(nd::order::F); // EXPECT: ndarray-hidden-copy
  print("t_k", t_k);
  print("t_a", t_a);
  print("stepped_k", stepped_k);
  print("stepped_f", stepped_f);
}
