// Cross-function, fields: a small linear layer stores its weight matrix as the
// transpose of what it was given (the caller's convention is (in, out), the
// layer's is (out, in)). Every method that ravels the private member copies,
// because the only store to the member is a transpose.
#include "print.hpp"

class Dense {
public:
  explicit Dense(const nd::array<double>& w_in_out) : weights_(w_in_out.T()), bias_(nd::zeros<double>({w_in_out.shape(1)})) {}

  // Serialises the weights row-major for the model file.
  nd::array<double> serialise() const {
    return weights_.ravel(); // EXPECT: ndarray-hidden-copy
  }

  double weight_norm() const {
    auto flat = weights_.reshape({-1}); // EXPECT: ndarray-hidden-copy
    double s = 0;
    for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
      s += flat(i) * flat(i);
    return s;
  }

  // Reads elements directly: no copy.
  double forward_first(const nd::array<double>& x) const {
    double y = bias_(0);
    for (std::ptrdiff_t k = 0; k < weights_.shape(1); ++k)
      y += weights_(0, k) * x(k);
    return y;
  }

  // The bias is a fresh C-contiguous vector: ravel() is a view.
  nd::array<double> bias_view() const { return bias_.ravel(); } // EXPECT-NOT: ndarray-hidden-copy

private:
  nd::array<double> weights_;
  nd::array<double> bias_;
};

int main() {
  auto w = nd::empty<double>({64, 32});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 32; ++j)
      w(i, j) = static_cast<double>((i * 3 + j) % 17) / 16.0;
  Dense layer(w);
  print("serialised", layer.serialise());
  print_value("norm", layer.weight_norm());
  auto x = nd::ones<double>({64});
  print_value("y0", layer.forward_first(x));
  print("bias", layer.bias_view());
}
