// Negative, fields: a public array member can be assigned from anywhere, so
// its layout is not known inside the member functions, even though the only
// store in this program is a transpose. The ravel() does copy at run time.
#include "print.hpp"

struct Frame {
  nd::array<double> pixels;

  explicit Frame(const nd::array<double>& raw) : pixels(raw.T()) {}

  nd::array<double> scanline() const {
    return pixels.ravel(); // EXPECT-NOT: ndarray-hidden-copy RUNS: 2 NOFIND: public field, any code may store to it
  }

  double mean() const {
    double s = 0;
    for (std::ptrdiff_t i = 0; i < pixels.shape(0); ++i)
      for (std::ptrdiff_t j = 0; j < pixels.shape(1); ++j)
        s += pixels(i, j);
    return s / static_cast<double>(pixels.size());
  }
};

int main() {
  auto raw = nd::empty<double>({64, 48});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 48; ++j)
      raw(i, j) = static_cast<double>((i ^ j) & 63);
  Frame frame(raw);
  print("scanline", frame.scanline());
  print_value("mean", frame.mean());

  // A private copy of the same design: the member's only store is a
  // transpose, so its ravel() is known to copy.
  class PrivateFrame {
  public:
    explicit PrivateFrame(const nd::array<double>& raw) : pixels_(raw.T()) {}
    nd::array<double> scanline() const { return pixels_.ravel(); } // NOFIND: raw was handed to Frame above, which keeps it in a public field: its shape may have been changed in place

  private:
    nd::array<double> pixels_;
  };
  PrivateFrame private_frame(raw);
  print("private_scanline", private_frame.scanline());

  // Code outside the class stores a contiguous copy: now scanline() is a view.
  frame.pixels = nd::ascontiguousarray(frame.pixels); // NOFIND: argument is a transpose stored in a public field
  print("scanline2", frame.scanline());
}
