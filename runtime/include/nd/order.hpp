// nd/order.hpp — memory orders and reshape copy modes, spelled as in NumPy.
//
//   nd::order::C  row-major (mdspan's layout_right)      NumPy order='C'
//   nd::order::F  column-major (mdspan's layout_left)    NumPy order='F'
//   nd::order::A  F if the input is F- and not C-contiguous, else C
//   nd::order::K  keep the input's memory order as closely as possible
//
//   nd::copy_mode::if_needed  NumPy 2.1 reshape(copy=None): view when possible
//   nd::copy_mode::always     copy=True: always copy
//   nd::copy_mode::never      copy=False: raise instead of copying
//
//   auto f = nd::zeros<double>({3, 4}, nd::order::F);
//   auto r = f.reshape({12}, nd::order::F, nd::copy_mode::never);  // a view
#pragma once

namespace nd {

enum class order { C, F, A, K };

enum class copy_mode { if_needed, always, never };

} // namespace nd
