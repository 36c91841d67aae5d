// Cross-function, lambdas passed to algorithms: a batch of transposed feature
// blocks is flattened with std::transform and checked with std::for_each. The
// lambdas are called by the standard library, not in this function, so their
// parameters' layout is not known here; a lambda called directly is followed.
#include <algorithm>
#include <vector>

#include "print.hpp"

int main() {
  auto reference = nd::empty<double>({64, 32});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 32; ++j)
      reference(i, j) = static_cast<double>((i * 5 + j) % 83);

  std::vector<nd::array<double>> blocks;
  for (int k = 0; k < 3; ++k) {
    auto block = nd::empty<double>({32, 64});
    for (std::ptrdiff_t i = 0; i < 32; ++i)
      for (std::ptrdiff_t j = 0; j < 64; ++j)
        block(i, j) = static_cast<double>((i * 64 + j + k * 7) % 89);
    blocks.push_back(block.T());
  }

  std::vector<nd::array<double>> flat(blocks.size());
  std::transform(blocks.begin(), blocks.end(), flat.begin(), [](const nd::array<double>& b) {
    return b.ravel(); // NOFIND: lambda called by std::transform, its argument is not followed
  });

  double total = 0;
  std::for_each(flat.begin(), flat.end(), [&total](const nd::array<double>& f) {
    auto again = f.ravel(); // EXPECT-NOT: ndarray-hidden-copy
    total += again(0) + again(f.size() - 1);
  });
  print_value("total", total);

  // The same flattening, as a lambda called right here with a transpose.
  auto flatten_block = [](const nd::array<double>& b) {
    return b.reshape({b.size()}); // EXPECT: ndarray-hidden-copy
  };
  auto first = flatten_block(reference.T());
  print("first", first);
  print("flat0", flat[0]);
}
