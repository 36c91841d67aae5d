// Cross-function, redundant copy chains: a solver keeps its field in Fortran
// order. backup() returns nd::copy(), which keeps the F layout, and the
// checkpoint code ravels the backup in C order: a second full copy. The other
// helper returns a C-ordered copy, whose ravel() is a view (one buffer).
#include "print.hpp"

static nd::array<double> backup(const nd::array<double>& field) {
  return nd::copy(field); // keeps the layout of `field` (order K)
}

static nd::array<double> backup_c(const nd::array<double>& field) {
  return field.copy(); // always C order
}

static void step(const nd::array<double>& field, double dt) {
  for (std::ptrdiff_t j = 0; j < field.shape(1); ++j)
    for (std::ptrdiff_t i = 0; i < field.shape(0); ++i)
      field(i, j) += dt * static_cast<double>((i + j) % 5);
}

int main() {
  auto field = nd::zeros<double>({96, 64}, nd::order::F);
  step(field, 0.1);

  auto checkpoint = backup(field).ravel(); // EXPECT: ndarray-redundant-copy-chain
  print("checkpoint", checkpoint);

  auto checkpoint_c = backup_c(field).ravel(); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  print("checkpoint_c", checkpoint_c);

  step(field, 0.2);
  auto saved = backup(field);
  auto saved_flat = saved.ravel(nd::order::F); // EXPECT-NOT: ndarray-hidden-copy, ndarray-redundant-copy-chain
  print("saved_flat", saved_flat);
  print("field", field);

  // A restart file wants a C-ordered copy: asking a helper's fresh F-ordered
  // copy for ascontiguousarray() copies it a second time.
  auto restart = nd::ascontiguousarray(backup(field)); // EXPECT: ndarray-redundant-copy-chain
  print("restart", restart);

  // The same from the C-ordered backup: already contiguous, returned as is.
  auto restart_c = nd::ascontiguousarray(backup_c(field)); // EXPECT-NOT: ndarray-redundant-copy-chain, ndarray-hidden-copy
  print("restart_c", restart_c);
}
