// ND_TRACE_COPIES=summary prints nothing while the program runs, then at exit
// one line per call site: how many times it copied and the bytes in total,
// hidden and explicit copies alike, sorted by file, line and column. Copies
// made in another translation unit and on other threads land in the same
// table, which is printed once.
// RUN: %ndcxx %S/Inputs/trace_summary_threads.cpp -o %t
// Columns of member calls depend on the compiler (lit.cfg.py, %member_loc):
// the -EXPR lines are Clang 19's, the -NAME lines Clang 22's.
// RUN: env ND_TRACE_COPIES=summary %t 2>&1 >/dev/null | %FileCheck %s --check-prefixes=SUMMARY,SUMMARY-%member_loc --implicit-check-not=copied
// RUN: env ND_TRACE_COPIES=all %t 2>&1 >/dev/null | %FileCheck %s --check-prefixes=ALL,ALL-%member_loc
// RUN: %t | %FileCheck %s --check-prefix=VALUES
#include <cstdio>
#include <nd/nd.hpp>

double threaded_copies(); // Inputs/trace_summary_threads.cpp

int main() {
  // SUMMARY: main returns
  // SUMMARY-NEXT: {{.*}}Inputs{{/|\\}}trace_summary_threads.cpp:14:20: warning: ascontiguousarray() copied 100 times, 2400 bytes in total: the array is not C-contiguous [nd-hidden-copy]
  auto a = nd::arange<double>(20).reshape({4, 5});
  double sum = 0;
  for (int i = 0; i < 5; ++i) {
    auto r = a.T().ravel();
    // SUMMARY-EXPR-NEXT: {{.*}}trace_summary.cpp:[[@LINE-1]]:14: warning: ravel() copied 5 times, 800 bytes in total: the array is not C-contiguous [nd-hidden-copy]
    // SUMMARY-NAME-NEXT: {{.*}}trace_summary.cpp:[[@LINE-2]]:20: warning: ravel() copied 5 times, 800 bytes in total: the array is not C-contiguous [nd-hidden-copy]
    // ALL-EXPR-COUNT-5: trace_summary.cpp:[[@LINE-3]]:14: warning: ravel() copied 160 bytes: the array is not C-contiguous [nd-hidden-copy]
    // ALL-NAME-COUNT-5: trace_summary.cpp:[[@LINE-4]]:20: warning: ravel() copied 160 bytes: the array is not C-contiguous [nd-hidden-copy]
    sum += r(i);
  }
  auto c = a.copy();
  // SUMMARY-EXPR-NEXT: {{.*}}trace_summary.cpp:[[@LINE-1]]:12: note: copy() copied 1 time, 160 bytes in total [nd-explicit-copy]
  // SUMMARY-NAME-NEXT: {{.*}}trace_summary.cpp:[[@LINE-2]]:14: note: copy() copied 1 time, 160 bytes in total [nd-explicit-copy]
  // ALL-EXPR-NEXT: trace_summary.cpp:[[@LINE-3]]:12: note: copy() copied 160 bytes [nd-explicit-copy]
  // ALL-NAME-NEXT: trace_summary.cpp:[[@LINE-4]]:14: note: copy() copied 160 bytes [nd-explicit-copy]
  auto v = a.ravel(); // a view: in no mode a line
  sum += c(3, 4) + v(19) + threaded_copies();
  // ALL-COUNT-100: trace_summary_threads.cpp:14:20: warning: ascontiguousarray() copied 24 bytes
  std::printf("sum=%g\n", sum);
  // VALUES: sum=569
  std::fputs("main returns\n", stderr);
  // The per-copy modes are unchanged, and print no summary at exit.
  // ALL-NEXT: main returns
  // ALL-NOT: {{.}}
  return 0;
}
