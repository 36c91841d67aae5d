// The cases of tests/checkers/ndarray-hidden-temporary.cpp, run: each probed
// line says whether the callee saw its argument's own elements or a copy.
// The EXPECT-NOT lines below the positives run the alternatives the
// diagnostics advise, and show that they take the same argument without a
// copy.
#include "value_probe.hpp"
#include <Eigen/Dense>

using namespace Eigen;
using RowMatrixXd = Matrix<double, Dynamic, Dynamic, RowMajor>;

double norm3(const Vector3d &v) { probe::saw(v); return v.norm(); }
double total(const MatrixXd &m) { probe::saw(m); return m.sum(); }
double totalArray(const ArrayXXd &x) { probe::saw(x); return x.sum(); }
double totalRef(Ref<const MatrixXd> m) { probe::saw(m); return m.sum(); }
double totalRefVector(Ref<const VectorXd> v) { probe::saw(v); return v.sum(); }
double totalAnyStride(Ref<const MatrixXd, 0, Stride<Dynamic, Dynamic>> m) {
  probe::saw(m);
  return m.sum();
}
double totalRef3(Ref<const Vector3d> v) { probe::saw(v); return v.sum(); }
double totalRefArray(Ref<const ArrayXXd> x) { probe::saw(x); return x.sum(); }
double totalInnerStride(Ref<const VectorXd, 0, InnerStride<>> v) {
  probe::saw(v);
  return v.sum();
}
// A template sees its argument itself; when that has addressable elements,
// the probe compares their address with the source's.
template <typename Derived> double totalGeneric(const MatrixBase<Derived> &m) {
  if constexpr (bool(int(Derived::Flags) & DirectAccessBit))
    probe::saw(m.derived());
  return m.sum();
}
template <typename Derived> double totalGenericArray(const ArrayBase<Derived> &x) {
  if constexpr (bool(int(Derived::Flags) & DirectAccessBit))
    probe::saw(x.derived());
  return x.sum();
}

int main() {
  MatrixXd a(4, 6), b(4, 6);
  for (int i = 0; i < 24; ++i) {
    a(i % 4, i / 4) = i;
    b(i % 4, i / 4) = 2 * i;
  }
  Matrix3d M;
  M << 1, 2, 3, 4, 5, 6, 7, 8, 9;
  RowMatrixXd r = a;
  VectorXd v = a.col(0);
  Vector3d v3 = M.col(0);
  double buf[6] = {1, 2, 3, 4, 5, 6};
  Map<MatrixXd> m(buf, 2, 3);
  double s = 0;

  // const Matrix& given something else
  probe::from(M); s += norm3(M.col(1)); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(M); s += totalRef3(M.col(1)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(M); s += totalGeneric(M.col(1)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += total(a.transpose()); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalGeneric(a.transpose()); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += total(a.block(0, 0, 2, 2)); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalRef(a.block(0, 0, 2, 2)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a, b); s += total(a + b); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a, b); s += totalGeneric(a + b); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(M); s += total(M); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(M); s += totalRef(M); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalArray(a.array()); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalRefArray(a.array()); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalGenericArray(a.array()); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary

  // Ref<const T> whose compile-time match fails
  probe::from(a); s += totalRef(a.row(1)); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalAnyStride(a.row(1)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalRef(a.transpose()); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(r); s += totalRef(r); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(r); s += totalGeneric(r); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalRef(a + a); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalRefVector(a.row(1).transpose()); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary
  probe::from(a); s += totalInnerStride(a.row(1).transpose()); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalAnyStride(a.transpose()); probe::done(__LINE__); // EXPECT: ndarray-hidden-temporary

  // No temporary
  probe::from(a); s += total(a); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(v3); s += norm3(v3); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalRef(a); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(v); s += totalRefVector(v); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(m); s += totalRef(m); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalRef(a.middleCols(1, 2)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += totalRefVector(a.col(1)); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary
  probe::from(a); s += total(a.eval()); probe::done(__LINE__); // EXPECT-NOT: ndarray-hidden-temporary

  std::printf("sum %g\n", s);
  return 0;
}
