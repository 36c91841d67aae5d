// Rolling statistics over a (time, sensor) table: windows are row blocks
// (contiguous), sensors are columns (strided); helpers take parameters.
#include "print.hpp"

static double sum_of(const nd::array<double>& x) {
  auto flat = x.ravel(); // NOFIND: parameter of unknown layout
  double s = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    s += flat(i);
  return s;
}

int main() {
  auto table = nd::zeros<double>({1024, 8});
  for (std::ptrdiff_t t = 0; t < 1024; ++t)
    for (std::ptrdiff_t s = 0; s < 8; ++s)
      table(t, s) = static_cast<double>((t * (s + 3)) % 17);

  // Windows of 256 time steps: contiguous row blocks, ravel is a view.
  auto window_sums = nd::zeros<double>({4});
  for (std::ptrdiff_t w = 0; w < 4; ++w) {
    auto window = table(nd::slice(w * 256, (w + 1) * 256), nd::all);
    auto flat = window.ravel(); // EXPECT-NOT: ndarray-hidden-copy
    window_sums(w) = sum_of(flat);
  }
  print("window_sums", window_sums);

  // Sensor-major layout: each sensor's series contiguous.
  auto by_sensor = table.T();
  auto series = by_sensor.reshape({8192}); // EXPECT: ndarray-hidden-copy
  print("series", series);
  auto sensor_sums = nd::zeros<double>({8});
  for (std::ptrdiff_t s = 0; s < 8; ++s)
    sensor_sums(s) = sum_of(by_sensor(s, nd::all));
  print("sensor_sums", sensor_sums);

  // Sensors 0, 2, 4, 6 only: a stepped column slice.
  auto even = table(nd::all, nd::slice(0, 8, 2));
  auto even_flat = even.ravel(); // EXPECT: ndarray-hidden-copy
  print("even", even_flat);

  // Clipping a copy that is then read: a real scratch buffer.
  auto clipped = table.copy(); // EXPECT-NOT: ndarray-unnecessary-copy
  for (std::ptrdiff_t t = 0; t < 1024; ++t)
    if (clipped(t, 0) > 10)
      clipped(t, 0) = 10;
  print("clipped", clipped);
  print("table", table);
}
