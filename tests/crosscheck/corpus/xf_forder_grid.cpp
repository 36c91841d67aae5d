// Cross-function: a simulation stores its grid in Fortran order (the solver is
// column-major). The checkpoint writer ravels the grid in C order through a
// helper, which copies; the diagnostics dump asks for F order and gets a view.
#include "print.hpp"

static constexpr std::ptrdiff_t NX = 64, NY = 48;

static void relax(const nd::array<double>& grid, int sweeps) {
  for (int s = 0; s < sweeps; ++s)
    for (std::ptrdiff_t j = 1; j + 1 < NY; ++j)
      for (std::ptrdiff_t i = 1; i + 1 < NX; ++i)
        grid(i, j) = 0.25 * (grid(i - 1, j) + grid(i + 1, j) + grid(i, j - 1) + grid(i, j + 1));
}

// Row-major checkpoint record.
static nd::array<double> checkpoint_record(const nd::array<double>& grid) {
  return grid.ravel(); // EXPECT: ndarray-hidden-copy RUNS: 2
}

// Column-major dump for the Fortran post-processor.
static nd::array<double> fortran_dump(const nd::array<double>& grid) {
  return grid.ravel(nd::order::F); // EXPECT-NOT: ndarray-hidden-copy
}

// One column of the grid: a contiguous run in F order.
static nd::array<double> boundary_profile(const nd::array<double>& grid) {
  return grid(nd::all, 0).ravel(); // EXPECT-NOT: ndarray-hidden-copy
}

static nd::array<double> fortran_interior(const nd::array<double>& grid) {
  return grid(nd::slice(1, 63), nd::all).ravel(nd::order::F); // EXPECT: ndarray-hidden-copy
}

int main() {
  auto grid = nd::zeros<double>({NX, NY}, nd::order::F);
  for (std::ptrdiff_t i = 0; i < NX; ++i)
    grid(i, 0) = 100.0;
  relax(grid, 3);
  auto record = checkpoint_record(grid);
  print("record", record);
  auto dump = fortran_dump(grid);
  print("dump", dump);

  relax(grid, 2);
  auto second = checkpoint_record(grid);
  print("second", second);

  // The boundary column (contiguous in F order) goes to the plotter as is.
  auto boundary = boundary_profile(grid);
  print("boundary", boundary);
  // The interior block, rows 1..NX-1 of a column-major grid: not contiguous in
  // either order once the rows are cut, so the F-order dump copies here.
  print("interior", fortran_interior(grid));
}
