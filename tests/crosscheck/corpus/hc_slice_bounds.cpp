// Slices whose bounds select whole axes are views however they are spelled
// (negative starts, clipped stops, explicit steps of 1); a one-column slice
// is not contiguous, a one-row slice is.
#include "print.hpp"

int main() {
  auto a = nd::arange<double>(16384).reshape({2048, 8});
  auto from_end = a(nd::all, nd::slice(-8, nd::none)).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto clipped = a(nd::all, nd::slice(0, 1000)).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto unit_step = a(nd::slice(0, 2048, 1), nd::all).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto one_row = a(nd::slice(5, 6), nd::all).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto with_axis = a(nd::newaxis, nd::all, nd::all).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  auto one_column = a(nd::all, nd::slice(3, 4)).ravel(); // EXPECT: ndarray-hidden-copy
  auto trailing = a(nd::ellipsis, nd::slice(0, 4)).ravel(); // EXPECT: ndarray-hidden-copy
  auto big = nd::arange<double>(4194304).reshape({2048, 2048});
  auto diagonal = big.diagonal().ravel(); // NOFIND: not required by the issue
  auto squeezed = nd::arange<double>(4096).reshape({64, 1, 64}).squeeze().T().ravel(); // EXPECT: ndarray-hidden-copy
  print("from_end", from_end);
  print("clipped", clipped);
  print("unit_step", unit_step);
  print("one_row", one_row);
  print("with_axis", with_axis);
  print("one_column", one_column);
  print("trailing", trailing);
  print("diagonal", diagonal);
  print("squeezed", squeezed);
}
