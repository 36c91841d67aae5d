#include "stats.hpp"

namespace sample {

nd::array<double> centered(const nd::array<double> &values) {
  nd::array<double> result = values.copy();
  double mean = total(values) / static_cast<double>(values.size());
  nd::array<double> flat = result.ravel();
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    flat(i) -= mean;
  return result;
}

} // namespace sample
