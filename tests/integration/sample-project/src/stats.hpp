// Summary statistics over nd arrays.
#pragma once

#include <nd/nd.hpp>

namespace sample {

double total(const nd::array<double> &values);
nd::array<double> flattened_snapshot(const nd::array<double> &values);
nd::array<double> centered(const nd::array<double> &values);

} // namespace sample
