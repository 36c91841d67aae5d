// ND_TRACE_COPIES prints one compiler-style line per copy at the USER's call
// site: =1 hidden copies only, =all every copy; unset prints nothing.
// RUN: %ndcxx -o %t
// RUN: env ND_TRACE_COPIES=1 %t 2>&1 >/dev/null | %FileCheck %s --check-prefix=HIDDEN
// RUN: env ND_TRACE_COPIES=all %t 2>&1 >/dev/null | %FileCheck %s --check-prefix=ALL
// RUN: %t 2>&1 >/dev/null | %FileCheck %s --check-prefix=OFF --allow-empty
#include <nd/nd.hpp>

int main() {
  auto f = nd::zeros<double>({10, 10}, nd::order::F);
  auto r = f.ravel();
  // HIDDEN: trace_copies.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: ravel() copied 800 bytes: the array is not C-contiguous [nd-hidden-copy]
  // ALL: trace_copies.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: ravel() copied 800 bytes: the array is not C-contiguous [nd-hidden-copy]
  auto v = f.ravel(nd::order::F); // a view: no line
  auto flat = f.flatten();
  // ALL-NEXT: trace_copies.cpp:[[@LINE-1]]:{{[0-9]+}}: note: flatten() copied 800 bytes [nd-explicit-copy]
  auto c = f.reshape({100});
  // HIDDEN-NEXT: trace_copies.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: reshape() copied 800 bytes: the array is not C-contiguous and its strides cannot be regrouped into the new shape [nd-hidden-copy]
  // ALL-NEXT: trace_copies.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: reshape() copied 800 bytes
  auto k = nd::copy(f).ravel();
  // ALL-NEXT: trace_copies.cpp:[[@LINE-1]]:{{[0-9]+}}: note: copy() copied 800 bytes [nd-explicit-copy]
  // ALL-NEXT: trace_copies.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: ravel() copied 800 bytes
  // HIDDEN-NEXT: trace_copies.cpp:[[@LINE-3]]:{{[0-9]+}}: warning: ravel() copied 800 bytes
  auto a = nd::ascontiguousarray(f.T()); // F.T is C-contiguous: no copy
  auto g = nd::asfortranarray(a(nd::slice(nd::none, nd::none, 2)));
  // HIDDEN-NEXT: trace_copies.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: asfortranarray() copied 400 bytes: the array is not F-contiguous [nd-hidden-copy]
  // HIDDEN-NOT: warning
  // ALL-NEXT: trace_copies.cpp:[[@LINE-3]]:{{[0-9]+}}: warning: asfortranarray() copied 400 bytes
  // ALL-NOT: {{warning|note}}
  // OFF-NOT: {{.}}
  return static_cast<int>(r.size() + v.size() + flat.size() + c.size() + k.size() + g.size()) == 0;
}
