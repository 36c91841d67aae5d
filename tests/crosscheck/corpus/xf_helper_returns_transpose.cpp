// Cross-function: a helper returns a transposed view, and the caller ravels
// the result. The helper itself makes no copy; the hidden copy is at the
// caller's ravel(), because of what the helper returned.
#include "print.hpp"

// Sensor readings arrive as (time, channel); analysis wants (channel, time).
static nd::array<double> channels_first(const nd::array<double>& readings) {
  return readings.T(); // EXPECT-NOT: ndarray-hidden-copy
}

// A helper that really makes the layout match: one explicit copy.
static nd::array<double> channels_first_packed(const nd::array<double>& readings) {
  return readings.T().copy(); // EXPECT-NOT: ndarray-unnecessary-copy
}

static nd::array<double> record(std::ptrdiff_t steps, std::ptrdiff_t channels) {
  auto readings = nd::empty<double>({steps, channels});
  for (std::ptrdiff_t t = 0; t < steps; ++t)
    for (std::ptrdiff_t c = 0; c < channels; ++c)
      readings(t, c) = static_cast<double>((t * 3 + c * 11) % 50) / 10.0;
  return readings;
}

int main() {
  auto readings = record(1024, 16);

  auto by_channel = channels_first(readings);
  auto stream = by_channel.ravel(); // EXPECT: ndarray-hidden-copy
  print("stream", stream);

  // The same, in one expression.
  auto stream2 = channels_first(readings).reshape({-1}); // EXPECT: ndarray-hidden-copy
  print("stream2", stream2);

  // The packed helper returns a C-contiguous copy: ravel() is a view of it.
  auto packed = channels_first_packed(readings);
  auto packed_stream = packed.ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("packed_stream", packed_stream);

  // Transposing back gives the original layout: a view.
  auto round_trip = channels_first(by_channel).ravel(); // EXPECT-NOT: ndarray-hidden-copy
  print("round_trip", round_trip);
}
