// Cross-function, containers: an RGB image is split into three channel planes
// held in a std::array. Each plane is a channel of an interleaved (H, W, 3)
// buffer, i.e. a strided view, so every element is not C-contiguous and the
// packing loop's ravel() copies (its reshape() is a view: the rows of a plane
// are evenly spaced). Planes stored after ascontiguousarray() are contiguous.
#include <array>

#include "print.hpp"

int main() {
  auto rgb = nd::empty<double>({64, 32, 3});
  for (std::ptrdiff_t i = 0; i < 64; ++i)
    for (std::ptrdiff_t j = 0; j < 32; ++j)
      for (std::ptrdiff_t c = 0; c < 3; ++c)
        rgb(i, j, c) = static_cast<double>((i * 3 + j * 5 + c * 50) % 256);

  std::array<nd::array<double>, 3> planes = {rgb(nd::all, nd::all, 0), rgb(nd::all, nd::all, 1),
                                             rgb(nd::all, nd::all, 2)};
  double luma = 0;
  const double weight[3] = {0.299, 0.587, 0.114};
  for (std::size_t c = 0; c < planes.size(); ++c) {
    auto packed = planes[c].ravel(); // EXPECT: ndarray-hidden-copy RUNS: 3
    auto grouped = planes[c].reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
    luma += weight[c] * packed(100) + grouped(101);
  }
  print_value("luma", luma);

  std::array<nd::array<double>, 3> dense;
  for (std::size_t c = 0; c < dense.size(); ++c)
    dense[c] = nd::ascontiguousarray(planes[c]); // EXPECT: ndarray-hidden-copy RUNS: 3
  double check = 0;
  for (std::size_t c = 0; c < dense.size(); ++c) {
    auto packed = dense[c].reshape({-1}); // EXPECT-NOT: ndarray-hidden-copy
    check += packed(100);
  }
  print_value("check", check);
  print("red", dense[0]);

  // A planar (3, H, W) buffer: its channels are C-contiguous planes.
  auto planar = nd::ascontiguousarray(nd::moveaxis(rgb, 2, 0)); // EXPECT: ndarray-hidden-copy
  std::array<nd::array<double>, 3> views = {planar(0, nd::ellipsis), planar(1, nd::ellipsis), planar(2, nd::ellipsis)};
  double corner = 0;
  for (const auto& v : views)
    corner += v.ravel()(0); // EXPECT-NOT: ndarray-hidden-copy
  print_value("corner", corner);
}
