// Cross-function, member functions: an image preprocessing class calls its own
// helper methods. rotate_and_pack() hands a transpose to pack(), whose
// reshape copies; pack_rows() hands it the image itself (a view). The copy is
// conditional on the call path. A static member helper is given only
// stepped views and always copies.
#include "print.hpp"

class Preprocessor {
public:
  explicit Preprocessor(std::ptrdiff_t size) : size_(size) {}

  double rotate_and_pack(const nd::array<double>& image) const { return checksum(pack(image.T())); }

  double pack_rows(const nd::array<double>& image) const {
    return checksum(pack(image)); // EXPECT-NOT: ndarray-hidden-copy
  }

  static nd::array<double> subsample(const nd::array<double>& image) {
    return nd::ascontiguousarray(image); // EXPECT: ndarray-hidden-copy RUNS: 2
  }

  nd::array<double> thumbnail(const nd::array<double>& image) const {
    return subsample(image(nd::slice(0, 64, 2), nd::slice(0, 64, 2)));
  }

  std::ptrdiff_t size() const { return size_; }

private:
  nd::array<double> pack(const nd::array<double>& image) const {
    return image.reshape({-1}); // EXPECT: ndarray-hidden-copy RUNS: 2
  }

  static double checksum(const nd::array<double>& flat) {
    double s = 0;
    for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
      s += flat(i) * static_cast<double>(i % 11);
    return s;
  }

  std::ptrdiff_t size_;
};

int main() {
  auto image = nd::empty<double>({64, 64});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 64; ++j)
      image(i, j) = static_cast<double>((3 * i + 7 * j) % 64);
  Preprocessor pre(64);
  print_value("rotated", pre.rotate_and_pack(image));
  print_value("rows", pre.pack_rows(image));
  print("thumb", pre.thumbnail(image));
  image(0, 0) = 100.0;
  print("thumb2", pre.thumbnail(image));
  print_value("size", static_cast<double>(pre.size()));
}
