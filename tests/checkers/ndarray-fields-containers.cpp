// RUN: %check_ndtidy %s ndarray-* %t -- -- %nd_flags

// Arrays held in fields and in containers: a field whose every store in the
// translation unit gives a known layout has it in every member function; an
// element of a local container whose every inserted value has a known
// layout has the join of those layouts.

#include <array>
#include <nd/nd.hpp>
#include <vector>

using Array = nd::array<double>;

// ---- Fields -----------------------------------------------------------------

namespace {
class Projection {
public:
  explicit Projection(const Array &w) : weights_(w.T()) {}
  double first() const { return weights_.ravel()(0); }
  // CHECK-NOTES: :[[@LINE-1]]:42: warning: ravel() copies 32768 bytes: 'weights_' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-3]]:52: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:42: note: ravel(nd::order::F) would be a view of 'weights_', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:42: note: use flatten() to make the copy explicit

private:
  Array weights_;
};
} // namespace

double PositiveFieldInvariant() {
  Projection p(nd::zeros<double>({64, 64}));
  return p.first();
}

// A store of unknown layout makes the field Unknown.
namespace {
class Settable {
public:
  explicit Settable(const Array &w) : weights_(w.T()) {}
  void set(const Array &w) { weights_ = w; }
  double first() const { return weights_.ravel()(0); }

private:
  Array weights_;
};
} // namespace

double NegativeFieldWithUnknownStore(const Array &outside) {
  Settable s(nd::zeros<double>({64, 64}));
  s.set(outside);
  return s.first();
}

// A field handed out by non-const reference may be changed anywhere.
namespace {
struct Exposed {
  Array grid = nd::zeros<double>({64, 64}).T();
  Array &raw() { return grid; }
  double first() const { return grid.ravel()(0); }
};
} // namespace

double NegativeFieldByReference() {
  Exposed e;
  e.raw() = nd::zeros<double>({64, 64});
  return e.first();
}

// ---- Containers -------------------------------------------------------------

double PositiveVectorOfTransposes() {
  auto a = nd::zeros<double>({64, 64});
  std::vector<Array> parts;
  parts.push_back(a.T());
  parts.push_back(a(nd::slice(0, 32), nd::all).T());
  double s = 0;
  for (const auto &p : parts)
    s += p.ravel()(0);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: ravel() copies: 'p' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-6]]:21: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-6]]:48: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-4]]:12: note: ravel(nd::order::F) would be a view of 'p', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-5]]:12: note: use flatten() to make the copy explicit
  return s + parts[0].reshape({-1})(0);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: reshape() copies: an element of 'parts' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-12]]:21: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-12]]:48: note: not C-contiguous since it was transposed here
}

double PositiveStdArray() {
  auto a = nd::zeros<double>({64, 64});
  std::array<Array, 2> planes{a.T(), a.T()};
  return planes[1].ravel()(0);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: ravel() copies 32768 bytes: an element of 'planes' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-3]]:33: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-4]]:40: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-4]]:20: note: ravel(nd::order::F) would be a view of an element of 'planes', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-5]]:20: note: use flatten() to make the copy explicit
}

double NegativeOneUnknownInsert(const Array &x) {
  auto a = nd::zeros<double>({64, 64});
  std::vector<Array> parts{a.T(), x};
  return parts[0].ravel()(0);
}

double NegativeElementReshapedInPlace() {
  auto a = nd::zeros<double>({64, 64});
  std::vector<Array> parts;
  parts.push_back(a.T());
  auto e = parts[0];
  e.set_shape({-1}); // every handle of the array sees the new shape
  return parts[0].ravel()(0);
}

double NegativeContainerPassedOn(std::vector<Array> &out) {
  auto a = nd::zeros<double>({64, 64});
  std::vector<Array> parts;
  parts.push_back(a.T());
  out.swap(parts);
  return out.empty() ? 0.0 : out[0].ravel()(0);
}
