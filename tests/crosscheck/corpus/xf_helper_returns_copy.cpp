// Cross-function: a defensive "snapshot" helper returns a fresh copy, and a
// caller flattens the snapshot again. Two buffers are allocated where one
// suffices: the helper's copy() and the caller's flatten(). Helpers that
// return views, and ravel() of a fresh C-ordered copy, are one buffer.
#include "print.hpp"

// Defensive copy before handing data to another module.
static nd::array<double> snapshot(const nd::array<double>& live) {
  return live.copy();
}

// A helper that returns a view (no copy at all).
static nd::array<double> latest_rows(const nd::array<double>& live) {
  return live(nd::slice(-64, nd::none), nd::all);
}

// A helper that forwards to the snapshot helper: still a fresh copy.
static nd::array<double> archived(const nd::array<double>& live) {
  auto frozen = snapshot(live);
  return frozen;
}

static void tick(const nd::array<double>& live, double by) {
  for (std::ptrdiff_t i = 0; i < live.shape(0); ++i)
    live(i, 0) += by;
}

int main() {
  auto live = nd::arange<double>(16384).reshape({512, 32});

  auto archive = snapshot(live).flatten(); // EXPECT: ndarray-redundant-copy-chain
  print("archive", archive);

  // Flattening a view returned by a helper is a single copy: nothing to report.
  auto recent = latest_rows(live).flatten(); // EXPECT-NOT: ndarray-redundant-copy-chain
  print("recent", recent);

  // ravel() of the snapshot is a view of its fresh C-ordered buffer: one copy.
  auto export_flat = snapshot(live).ravel(); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  print("export_flat", export_flat);

  // Two levels: archived() returns snapshot()'s fresh copy, copied once more.
  tick(live, 1.0);
  auto cold = archived(live).copy(); // EXPECT: ndarray-redundant-copy-chain
  cold(0, 0) = -1.0;
  print("cold", cold);

  live.fill(0.0);
  print("archive_after", archive);
  print("live", live);
}
