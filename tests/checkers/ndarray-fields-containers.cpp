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

// ---- Fields of local aggregates ---------------------------------------------
// A local aggregate used only through its fields has a variable per array
// field, named as written: two objects of one type hold different layouts.

namespace {
struct Split {
  Array X;
  Array y;
};
} // namespace

double PositiveLocalAggregateField() {
  auto features = nd::zeros<double>({64, 64});
  auto labels = nd::zeros<double>({64});
  Split train{features.T(), labels};
  Split valid{features, labels};
  auto a = train.X.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: ravel() copies 32768 bytes: 'train.X' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-4]]:24: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:20: note: ravel(nd::order::F) would be a view of 'train.X', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:20: note: use flatten() to make the copy explicit
  auto b = valid.X.ravel();
  auto c = train.y.ravel();
  return a(0) + b(0) + c(0);
}

double PositiveLocalAggregateFieldReassigned() {
  auto features = nd::zeros<double>({64, 64});
  Split s{features, nd::zeros<double>({64})};
  auto before = s.X.ravel();
  s.X = s.X.T();
  auto after = s.X.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: ravel() copies 32768 bytes: 's.X' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-3]]:13: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:20: note: ravel(nd::order::F) would be a view of 's.X', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:20: note: use flatten() to make the copy explicit
  return before(0) + after(0);
}

// A field the initialiser leaves out has its default member initialiser;
// a default-constructed aggregate has what every object of the class holds.
namespace {
struct Grid {
  Array cells = nd::zeros<double>({64, 64}).T();
  Array mask;
};
} // namespace

double PositiveLocalAggregateDefaults() {
  Grid braced{};
  auto a = braced.cells.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: ravel() copies 32768 bytes: 'braced.cells' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-9]]:45: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:25: note: ravel(nd::order::F) would be a view of 'braced.cells', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:25: note: use flatten() to make the copy explicit
  Grid plain;
  auto b = plain.cells.ravel();
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: ravel() copies 32768 bytes: 'plain.cells' is not C-contiguous (it is a transpose of a C-contiguous array) [ndarray-hidden-copy]
  // CHECK-NOTES: :[[@LINE-15]]:45: note: not C-contiguous since it was transposed here
  // CHECK-NOTES: :[[@LINE-3]]:24: note: ravel(nd::order::F) would be a view of 'plain.cells', but it orders the elements differently
  // CHECK-NOTES: :[[@LINE-4]]:24: note: use flatten() to make the copy explicit
  auto c = plain.mask.ravel(); // default-constructed: unknown
  return a(0) + b(0) + c(0);
}

static double first_of(const Split &s) { return s.X(0, 0); }

// The whole object goes somewhere: its fields are the class invariant again
// (here unknown: the TU stores both layouts into Split::X).
double NegativeLocalAggregatePassedWhole() {
  auto features = nd::zeros<double>({64, 64});
  Split s{features.T(), nd::zeros<double>({64})};
  double first = first_of(s);
  auto a = s.X.ravel();
  return first + a(0);
}

double NegativeLocalAggregateCapturedByReference() {
  auto features = nd::zeros<double>({64, 64});
  Split s{features.T(), nd::zeros<double>({64})};
  auto reset = [&] { s.X = nd::zeros<double>({64, 64}); };
  reset();
  auto a = s.X.ravel();
  return a(0);
}

static void replace(Array &x) { x = nd::zeros<double>({64, 64}); }

double NegativeLocalAggregateFieldByReference() {
  auto features = nd::zeros<double>({64, 64});
  Split s{features.T(), nd::zeros<double>({64})};
  replace(s.X);
  auto a = s.X.ravel();
  return a(0);
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
