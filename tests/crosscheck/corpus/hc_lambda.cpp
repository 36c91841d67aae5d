// Lambdas: a local transposed inside the body is known; a parameter is not;
// a handle captured by reference and modified by the call becomes unknown.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto inside = [&a] {
    auto t = a.T();
    return t.ravel(); // EXPECT: ndarray-hidden-copy
  };
  print("inside", inside());
  auto flatten_param = [](const nd::array<double>& x) {
    return x.ravel(); // EXPECT-NOT: ndarray-hidden-copy NOFIND: parameter of unknown layout
  };
  print("param", flatten_param(a.T()));
  auto t = a.T();
  auto untranspose = [&t] { t = t.T(); };
  untranspose();
  auto flat = t.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("flat", flat);
}
