// Lambdas: an array made inside the body is known; a parameter or a capture is not;
// a handle captured by reference and modified by the call becomes unknown.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(4096).reshape({64, 64});
  auto inside = [] {
    auto m = nd::arange<double>(4096).reshape({64, 64});
    auto t = m.T();
    return t.ravel(); // EXPECT: ndarray-hidden-copy
  };
  auto captured = [&a] {
    auto t = a.T(); // `a` may have been reassigned before the call: unknown layout
    return t.ravel(); // EXPECT-NOT: ndarray-hidden-copy NOFIND: captured handle of unknown layout
  };
  print("captured", captured());
  print("inside", inside());
  auto flatten_param = [](const nd::array<double>& x) {
    return x.ravel(); // NOFIND: called below with a transpose of 'a', which a lambda captures by reference: its layout is unknown in main
  };
  print("param", flatten_param(a.T()));
  auto t = a.T();
  auto untranspose = [&t] { t = t.T(); };
  untranspose();
  auto flat = t.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("flat", flat);
}
