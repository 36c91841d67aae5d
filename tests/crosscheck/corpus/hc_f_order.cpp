// Pattern: an F-ordered array ravels as a view only in F order.
#include "print.hpp"

int main() {
  auto f = nd::zeros<double>({64, 64}, nd::order::F);
  for (int i = 0; i < 64; ++i)
    f(i, i % 5) = i;
  auto c_order = f.ravel(); // EXPECT: ndarray-hidden-copy
  auto f_order = f.ravel(nd::order::F); // EXPECT-NOT: ndarray-hidden-copy
  auto k_order = f.ravel(nd::order::K); // EXPECT-NOT: ndarray-hidden-copy
  auto a_order = f.ravel(nd::order::A); // EXPECT-NOT: ndarray-hidden-copy
  auto reshaped = f.reshape({4096}); // EXPECT: ndarray-hidden-copy
  auto reshaped_f = f.reshape({4096}, nd::order::F); // EXPECT-NOT: ndarray-hidden-copy
  print("c_order", c_order);
  print("f_order", f_order);
  print("k_order", k_order);
  print("a_order", a_order);
  print("reshaped", reshaped);
  print("reshaped_f", reshaped_f);
}
