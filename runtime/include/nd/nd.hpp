// nd/nd.hpp — the umbrella header of nd, a C++20 n-dimensional array library
// with NumPy's exact view/copy semantics and copy accounting.
//
//   #include <nd/nd.hpp>
//
//   auto a = nd::zeros<double>({300, 400});
//   auto f = nd::zeros<double>({3, 4}, nd::order::F);
//   auto v = a(nd::all, nd::slice(0, 400, 2));   // view, like a[:, 0:400:2]
//   nd::copy_counter counter;
//   auto r = f.ravel();                           // copies: f is not C-contiguous
//   // counter.count() == 1, counter.bytes() == 96
//
// Headers: array.hpp (nd::array), creation.hpp, manipulation.hpp, memory.hpp,
// copy_events.hpp (accounting and ND_TRACE_COPIES), errors.hpp, order.hpp,
// dims.hpp, indexing/slice.hpp. See docs/runtime.md.
#pragma once

#include <nd/array.hpp>
#include <nd/copy_events.hpp>
#include <nd/creation.hpp>
#include <nd/dims.hpp>
#include <nd/errors.hpp>
#include <nd/indexing/slice.hpp>
#include <nd/manipulation.hpp>
#include <nd/memory.hpp>
#include <nd/order.hpp>
