// nd/dims.hpp — nd::dims, the shape argument of creation and reshape.
//
// Accepts a braced list, a std::vector or span of integers, or one integer:
//   nd::zeros<double>({300, 400});
//   a.reshape({-1});  a.reshape(-1);  a.reshape(std::vector<std::ptrdiff_t>{2, 3});
#pragma once

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <vector>

namespace nd {

class dims {
public:
  dims() = default;
  dims(std::initializer_list<std::ptrdiff_t> values) : values_(values) {}
  dims(std::span<const std::ptrdiff_t> values) : values_(values.begin(), values.end()) {}
  dims(const std::vector<std::ptrdiff_t>& values) : values_(values) {}
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  dims(I value) : values_{static_cast<std::ptrdiff_t>(value)} {}

  std::span<const std::ptrdiff_t> span() const noexcept { return values_; }
  std::size_t size() const noexcept { return values_.size(); }
  const std::vector<std::ptrdiff_t>& vector() const noexcept { return values_; }

private:
  std::vector<std::ptrdiff_t> values_;
};

} // namespace nd
