// Application-like: a model whose weights are adjusted through a local
// copy of the member: written and never read, the model keeps its old
// weights. A reference to the member updates them; a getter returning the
// weights by value hands out a temporary, and a write into it is lost too.
#include "value_probe.hpp"
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

struct Model {
  xt::xarray<double> weights = xt::ones<double>({8, 4});
  xt::xarray<double> copyOfWeights() const { return weights; }
};

int main() {
  Model model;
  xt::xarray<double> w = model.weights;
  double before = probe::checksum(model.weights); w(0, 0) = 0.25; probe::wrote(__LINE__, before, model.weights); // EXPECT: ndarray-write-to-copy
  before = probe::checksum(model.weights); model.copyOfWeights()(1, 1) = 0.5; probe::wrote(__LINE__, before, model.weights); // EXPECT: ndarray-write-to-copy
  xt::xarray<double> &wr = model.weights;
  before = probe::checksum(model.weights); wr(2, 2) = 0.75; probe::wrote(__LINE__, before, model.weights); // EXPECT-NOT: ndarray-write-to-copy
  std::printf("%.6g\n", xt::sum(model.weights)());
  return 0;
}
