// Negative, fields: a ring buffer of frames keeps its private storage
// C-contiguous: the constructor allocates it with nd::zeros and the only other
// store is nd::ascontiguousarray() of the input. Every ravel() of the member
// is a view. (The ascontiguousarray of a transposed input does copy, in the
// method that stores it.)
#include "print.hpp"

class FrameStore {
public:
  FrameStore(std::ptrdiff_t rows, std::ptrdiff_t cols) : latest_(nd::zeros<double>({rows, cols})) {}

  void push(const nd::array<double>& frame) {
    latest_ = nd::ascontiguousarray(frame); // EXPECT: ndarray-hidden-copy RUNS: 3
    ++count_;
  }

  nd::array<double> latest_flat() const {
    return latest_.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  }

  nd::array<double> latest_rows(std::ptrdiff_t n) const {
    return latest_(nd::slice(0, n), nd::all).reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
  }

  int count() const { return count_; }

private:
  nd::array<double> latest_;
  int count_ = 0;
};

int main() {
  FrameStore store(64, 64);
  print("empty", store.latest_flat());
  auto camera = nd::empty<double>({64, 64});
  for (int shot = 0; shot < 3; ++shot) {
    for (std::ptrdiff_t i = 0; i < 64; ++i)
      for (std::ptrdiff_t j = 0; j < 64; ++j)
        camera(i, j) = static_cast<double>((i * 64 + j + shot * 5) % 200);
    store.push(camera.T()); // the sensor is mounted rotated
    print("latest", store.latest_flat());
  }
  print("top", store.latest_rows(16));
  std::printf("count=%d\n", store.count());
}
