// RUN: %check_ndtidy %s ndarray-unnecessary-copy %t -- -- %nd_flags

#include <nd/nd.hpp>

#include <cstdio>

using Array = nd::array<double>;

// Positive: the copy is only read, and its source is not written meanwhile.

double PositiveFlattenParameter(const Array &a) {
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read, and 'a' is not modified while 'flat' is in use: ravel() gives the same elements, and copies only if its source is not C-contiguous [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}  auto flat = a.ravel();{{$}}
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    sum += flat(i);
  return sum;
}

double PositiveFlattenFresh() {
  auto a = nd::zeros<double>({300, 400});
  a(1, 2) = 3.0; // before the copy: does not matter
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read, and 'a' is not modified while 'flat' is in use: ravel() gives the same elements as a view, without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}  auto flat = a.ravel();{{$}}
  double v = flat(402);
  a(0, 0) = v; // after the last use: does not matter either
  return a(0, 0);
}

double PositiveFlattenOrderF(const Array &a) {
  Array flat = a.flatten(nd::order::F);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'flat' is a copy made by flatten() that is only read, and 'a' is not modified while 'flat' is in use: ravel() gives the same elements, and copies only if its source is not F-contiguous
  // CHECK-FIXES: {{^}}  Array flat = a.ravel(nd::order::F);{{$}}
  return flat(0) + static_cast<double>(flat.ndim());
}

double PositiveCopy(const Array &a) {
  Array b = a.copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'b' is a copy made by copy() that is only read, and 'a' is not modified while 'b' is in use: a handle to its source gives the same elements without copying [ndarray-unnecessary-copy]
  // CHECK-FIXES: {{^}}  Array b = a;{{$}}
  double first = b(0, 0);
  std::printf("%g %zu\n", first, b.nbytes());
  return b(1, 1);
}

double PositiveFreeCopyInBranch(const Array &a, bool twice) {
  auto b = nd::copy(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'b' is a copy made by nd::copy() that is only read
  // CHECK-FIXES: {{^}}  auto b = a;{{$}}
  if (twice)
    return 2 * b(0, 0);
  return b(0, 0);
}

double PositiveReadThroughAlias(const Array &a) {
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read
  // CHECK-FIXES: {{^}}  auto flat = a.ravel();{{$}}
  auto head = flat(nd::slice(0, 10));
  return head(0) + flat(3);
}

template <typename T> T PositiveTemplate(const nd::array<T> &a) {
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read
  // CHECK-FIXES: {{^}}  auto flat = a.flatten();{{$}}
  return flat(0);
}
template double PositiveTemplate(const nd::array<double> &);
template float PositiveTemplate(const nd::array<float> &);

#define FLAT(x) (x).flatten()

double PositiveMacro(const Array &a) {
  auto flat = FLAT(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'flat' is a copy made by flatten() that is only read
  // CHECK-FIXES: {{^}}  auto flat = FLAT(a);{{$}}
  return flat(0);
}

double PositiveInLambda(const Array &a) {
  auto first = [](const Array &x) -> double {
    auto flat = x.flatten();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'flat' is a copy made by flatten() that is only read, and 'x' is not modified
    // CHECK-FIXES: {{^}}    auto flat = x.ravel();{{$}}
    return flat(0);
  };
  return first(a);
}

double PositiveSourceRebound() {
  // Rebinding 'a' leaves the buffer 'flat' was made from untouched.
  auto a = nd::zeros<double>({300, 400});
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read, and 'a' is not modified while 'flat' is in use: ravel() gives the same elements as a view, without copying
  // CHECK-FIXES: {{^}}  auto flat = a.ravel();{{$}}
  a = nd::ones<double>({300, 400});
  return flat(0) + a(0, 0);
}

static double sumOf(const Array &x) {
  double s = 0;
  for (std::ptrdiff_t i = 0; i < x.size(); ++i)
    s += x(i);
  return s;
}

double PositiveReadByHelper() {
  // sumOf's body is visible: it only reads its parameter.
  auto a = nd::arange<double>(120000).reshape({300, 400});
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read, and 'a' is not modified while 'flat' is in use: ravel() gives the same elements as a view, without copying
  // CHECK-FIXES: {{^}}  auto flat = a.ravel();{{$}}
  return sumOf(flat) + sumOf(a.ravel());
}

static void report(const char *name, double value) {
  std::printf("%s=%g\n", name, value);
}

void PositiveHarmlessCallWhileAlive(const Array &a) {
  // report() reaches no array: it cannot write 'a' behind the check's back.
  auto flat = a.flatten();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'flat' is a copy made by flatten() that is only read, and 'a' is not modified while 'flat' is in use: ravel() gives the same elements, and copies only if its source is not C-contiguous
  // CHECK-FIXES: {{^}}  auto flat = a.ravel();{{$}}
  report("first", flat(0));
  report("last", flat(flat.size() - 1));
}

// Negative: the copy is written, escapes, or its source may change.

Array g_shared;
static void scribble() { g_shared(0, 0) = 1.0; }

double NegativeCallWritesGlobalHandle(const Array &a) {
  auto flat = a.flatten();
  scribble(); // g_shared may be 'a'
  return flat(0);
}


static void bumpFirst(const Array &x) { x(0) += 1.0; }

double NegativeWrittenByHelper() {
  auto a = nd::arange<double>(120000).reshape({300, 400});
  auto flat = a.flatten();
  bumpFirst(flat); // writes the copy: with ravel() it would write 'a'
  return flat(0) + a(0, 0);
}

static void bumpSource(Array x) { x(0, 0) += 1.0; }

double NegativeSourceWrittenByHelper() {
  auto a = nd::arange<double>(120000).reshape({300, 400});
  auto flat = a.flatten();
  bumpSource(a); // a by-value handle still shares a's buffer
  return flat(0);
}


double NegativeReferenceToCopyThenSourceRebound(const Array &a, const Array &other) {
  Array x = a;
  const Array &b = x.copy(); // the fix `const Array &b = x;` would follow x
  x = other;
  return b(0, 0);
}

double NegativeFreshSourceWrittenThroughEarlierAlias() {
  auto a = nd::zeros<double>({300, 400});
  auto alias = a;
  auto flat = alias.flatten();
  a(0, 0) = 5.0; // the same buffer as 'alias'
  return flat(0);
}

double NegativeWriteThroughPointer(const Array &a, const Array &out) {
  double *p = out.data(); // may point into a's buffer
  auto flat = a.flatten();
  p[0] = 1.0;
  return flat(0);
}


double NegativeCopyWritten(const Array &a) {
  auto flat = a.flatten();
  flat(0) = 1.0;
  return flat(0);
}

Array NegativeCopyReturned(const Array &a) {
  auto flat = a.flatten();
  return flat;
}

double consume(const Array &);

double NegativeCopyPassedToUnknownFunction(const Array &a) {
  auto flat = a.flatten();
  return consume(flat);
}

double NegativeSourceWrittenWhileAlive() {
  auto a = nd::zeros<double>({300, 400});
  auto flat = a.flatten();
  a(0, 0) = 5.0; // flat must keep the old value
  return flat(0);
}

double NegativeSourceWrittenThroughAlias() {
  auto a = nd::zeros<double>({300, 400});
  auto flat = a.flatten();
  auto row = a(0, nd::all); // a view of a
  row.fill(5.0);
  return flat(0);
}

double NegativeSourceWrittenInLoop(const Array &a, int n) {
  double sum = 0;
  auto flat = a.flatten();
  for (int i = 0; i < n; ++i) {
    sum += flat(i);
    a(0, i) = sum; // runs before the next read
  }
  return sum;
}

double NegativeOtherParameterMayAlias(const Array &a, Array out) {
  auto flat = a.flatten();
  out(0, 0) = 1.0; // 'out' may share a's buffer
  return flat(0);
}

void touch();

double NegativeUnknownCallMayWrite(const Array &a) {
  auto flat = a.flatten();
  touch(); // may write through a handle to a's buffer held elsewhere
  return flat(0);
}

double NegativeCapturedByLambda(const Array &a) {
  auto flat = a.flatten();
  auto get = [&] { return flat(0); };
  return get();
}

double NegativeSourceKnownNotContiguous() {
  // a.T() is not C-contiguous: ravel() would copy as well.
  auto a = nd::zeros<double>({300, 400});
  auto flat = a.T().flatten();
  return flat(0);
}

double NegativeRavelOfCopy(const Array &a) {
  // With copy(), reshaping the copy is free; reshaping 'a' might copy.
  auto b = a.copy();
  auto r = b.ravel();
  return r(0);
}

bool NegativeLayoutQuery(const Array &a) {
  // owndata() tells a copy from a view.
  auto flat = a.flatten();
  return flat.owndata();
}

double NegativeSmall() {
  auto a = nd::zeros<double>({3, 4});
  auto flat = a.flatten();
  return flat(0);
}

double NegativeSuppressed(const Array &a) {
  auto flat = a.flatten(); // NOLINT(ndarray-unnecessary-copy)
  return flat(0);
}
