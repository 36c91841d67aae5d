// A tiling helper made of views only: narrow, select, slice with a step,
// index with Slice and integers, view() of a contiguous tensor. No copy.
#include "print.hpp"

using at::indexing::Slice;

int main() {
  at::Tensor image = at::arange(64 * 64, at::kFloat).reshape({64, 64});
  at::Tensor tile = image.narrow(0, 16, 16).narrow(1, 32, 16); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor row = image.select(0, 5); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor strided = image.slice(0, 0, 4, 2); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor first_col = image.index({Slice(), 0}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor blocks = image.view({16, 4, 64}); // EXPECT-NOT: ndarray-hidden-copy
  at::Tensor flat_rows = image.slice(0, 8, 16).view({-1}); // EXPECT-NOT: ndarray-hidden-copy
  print("tile", tile);
  print("row", row);
  print("strided", strided);
  print("first_col", first_col);
  print("blocks", blocks);
  print("flat_rows", flat_rows);
}
