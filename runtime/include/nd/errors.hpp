// nd/errors.hpp — the exceptions nd throws.
//
// Every error derives from nd::error, so one handler catches them all; the
// subclasses mirror the Python exception NumPy raises for the same mistake,
// and what() carries NumPy's message text.
//
//   try {
//     auto b = nd::arange<double>(6).reshape({4, -1});
//   } catch (const nd::value_error& e) {
//     // e.what() == "cannot reshape array of size 6 into shape (4,newaxis)"
//   }
//
//   nd::error            base of everything below (derives from std::runtime_error)
//   nd::value_error      NumPy ValueError: bad shapes, sizes, orders, copy_mode::never
//   nd::index_error      NumPy IndexError: out-of-range or malformed indices
//   nd::axis_error       NumPy AxisError: an axis number out of range
//   nd::read_only_error  NumPy "assignment destination is read-only" (a ValueError)
//   nd::attribute_error  NumPy AttributeError from the in-place shape setter
//   nd::too_hard_error   NumPy TooHardError: shares_memory exceeded max_work
//   nd::overflow_error   NumPy OverflowError: integer overflow in an overlap problem
#pragma once

#include <stdexcept>
#include <string>

namespace nd {

class error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class value_error : public error {
public:
  using error::error;
};

class index_error : public error {
public:
  using error::error;
};

class axis_error : public error {
public:
  using error::error;
};

// NumPy raises ValueError here; being a value_error keeps that catchable the
// same way.
class read_only_error : public value_error {
public:
  read_only_error() : value_error("assignment destination is read-only") {}
  using value_error::value_error;
};

class attribute_error : public error {
public:
  using error::error;
};

class too_hard_error : public error {
public:
  using error::error;
};

class overflow_error : public error {
public:
  using error::error;
};

} // namespace nd
