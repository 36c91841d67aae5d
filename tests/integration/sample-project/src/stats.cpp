#include "stats.hpp"

namespace sample {

double total(const nd::array<double> &values) {
  nd::array<double> flat = values.ravel();
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    sum += flat(i);
  return sum;
}

nd::array<double> flattened_snapshot(const nd::array<double> &values) {
  // Defensive copy before flattening: flatten() already copies.
  return values.copy().flatten();
}

} // namespace sample
