// nd/detail/layout.hpp — NumPy's shape and stride algorithms, on strides
// counted in elements (NumPy counts bytes; with a fixed itemsize every rule
// below is the same equation divided by itemsize).
//
// Sources: numpy/_core/src/multiarray/ flagsobject.c (_UpdateContiguousFlags),
// ctors.c (_array_fill_strides, PyArray_NewLikeArray's K order), shape.c
// (_attempt_nocopy_reshape, _fix_unknown_dimension, PyArray_CreateSortedStridePerm),
// nditer_constr.c (npyiter_find_best_axis_ordering), common.c
// (convert_shape_to_string).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nd/errors.hpp>

namespace nd::detail {

using index_vector = std::vector<std::ptrdiff_t>;
using index_span = std::span<const std::ptrdiff_t>;

// NumPy 2's NPY_MAXDIMS (also the copy kernel's limit).
inline constexpr std::size_t max_ndim = 64;

inline void check_ndim(std::size_t ndim) {
  if (ndim > max_ndim)
    throw value_error("maximum supported dimension for an ndarray is currently " +
                      std::to_string(max_ndim) + ", found " + std::to_string(ndim));
}

inline bool multiply_overflows(std::ptrdiff_t a, std::ptrdiff_t b, std::ptrdiff_t& out) {
  return __builtin_mul_overflow(a, b, &out);
}

// Product of dims; dims are known valid (non-negative, no overflow).
inline std::ptrdiff_t shape_size(index_span dims) noexcept {
  std::ptrdiff_t n = 1;
  for (auto d : dims)
    n *= d;
  return n;
}

inline bool shape_size_is_zero(index_span dims) noexcept {
  return std::find(dims.begin(), dims.end(), std::ptrdiff_t{0}) != dims.end();
}

// Validates a shape for a new allocation of `itemsize`-byte elements and
// returns its element count (PyArray_NewFromDescr_int's checks).
inline std::ptrdiff_t checked_allocation_size(index_span dims, std::size_t itemsize) {
  check_ndim(dims.size());
  std::ptrdiff_t size = 1;
  bool overflow = false;
  for (auto d : dims) {
    if (d < 0)
      throw value_error("negative dimensions are not allowed");
    if (!overflow && multiply_overflows(size, d, size))
      overflow = true;
  }
  if (shape_size_is_zero(dims))
    return 0;
  std::ptrdiff_t bytes = 0;
  if (overflow || multiply_overflows(size, static_cast<std::ptrdiff_t>(itemsize), bytes))
    throw value_error("array is too big; `arr.size * arr.dtype.itemsize` is larger "
                      "than the maximum possible size.");
  return size;
}

// _array_fill_strides: contiguous strides for `dims`; zero dims do not
// multiply the running stride.
inline index_vector contiguous_strides(index_span dims, bool fortran) {
  index_vector strides(dims.size());
  std::ptrdiff_t stride = 1;
  if (fortran) {
    for (std::size_t i = 0; i < dims.size(); ++i) {
      strides[i] = stride;
      if (dims[i] != 0)
        stride *= dims[i];
    }
  } else {
    for (std::size_t i = dims.size(); i-- > 0;) {
      strides[i] = stride;
      if (dims[i] != 0)
        stride *= dims[i];
    }
  }
  return strides;
}

struct contiguity {
  bool c = true;
  bool f = true;
};

// _UpdateContiguousFlags.
inline contiguity compute_contiguity(index_span shape, index_span strides) noexcept {
  contiguity result;
  std::ptrdiff_t expected = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    std::ptrdiff_t dim = shape[i];
    if (dim == 0)
      return {true, true}; // an empty array is both
    if (dim != 1) {
      if (strides[i] != expected)
        result.c = false;
      expected *= dim;
    }
  }
  expected = 1;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    std::ptrdiff_t dim = shape[i];
    if (dim != 1) {
      if (strides[i] != expected) {
        result.f = false;
        break;
      }
      expected *= dim;
    }
  }
  return result;
}

inline std::ptrdiff_t stride_magnitude(std::ptrdiff_t s) noexcept { return s < 0 ? -s : s; }

// PyArray_CreateSortedStridePerm: axes by |stride| descending, ties by axis.
inline index_vector sorted_stride_perm(index_span strides) {
  index_vector perm(strides.size());
  std::iota(perm.begin(), perm.end(), 0);
  // Stable insertion sort (ndim is small; std::stable_sort would allocate).
  for (std::size_t i = 1; i < perm.size(); ++i) {
    std::ptrdiff_t axis = perm[i];
    std::size_t j = i;
    while (j > 0 && stride_magnitude(strides[perm[j - 1]]) < stride_magnitude(strides[axis])) {
      perm[j] = perm[j - 1];
      --j;
    }
    perm[j] = axis;
  }
  return perm;
}

// PyArray_NewLikeArray's KEEPORDER strides (positive, memory order of the
// prototype); the caller handles the C-/F-contiguous and ndim <= 1 cases.
inline index_vector keep_order_strides(index_span shape, index_span strides) {
  index_vector perm = sorted_stride_perm(strides);
  index_vector result(shape.size());
  std::ptrdiff_t stride = 1;
  for (std::size_t i = perm.size(); i-- > 0;) {
    result[perm[i]] = stride;
    stride *= shape[perm[i]];
  }
  return result;
}

// The axis order, slowest first, in which NumPy's nditer walks one operand in
// K order with negative strides kept (npyiter_find_best_axis_ordering): an
// insertion sort from the fastest axis where a zero stride (or a length-1
// axis, whose stride the iterator zeroes) compares as ambiguous and is
// stepped over.
inline index_vector keep_order_traversal(index_span shape, index_span strides) {
  const std::size_t ndim = shape.size();
  // perm[0] is the fastest axis (nditer stores axes reversed from C order).
  index_vector perm(ndim);
  for (std::size_t i = 0; i < ndim; ++i)
    perm[i] = static_cast<std::ptrdiff_t>(ndim - 1 - i);
  auto stride_of = [&](std::ptrdiff_t axis) {
    return shape[axis] == 1 ? std::ptrdiff_t{0} : strides[axis];
  };
  for (std::size_t i0 = 1; i0 < ndim; ++i0) {
    std::size_t insert_at = i0;
    std::ptrdiff_t axis0 = perm[i0];
    std::ptrdiff_t s0 = stride_of(axis0);
    for (std::size_t i1 = i0; i1-- > 0;) {
      std::ptrdiff_t s1 = stride_of(perm[i1]);
      if (s0 == 0 || s1 == 0)
        continue; // ambiguous: keep looking
      if (stride_magnitude(s1) <= stride_magnitude(s0))
        break;
      insert_at = i1;
    }
    if (insert_at != i0) {
      for (std::size_t k = i0; k > insert_at; --k)
        perm[k] = perm[k - 1];
      perm[insert_at] = axis0;
    }
  }
  std::reverse(perm.begin(), perm.end());
  return perm;
}

// _attempt_nocopy_reshape: strides for viewing (old_dims, old_strides) with
// new_dims in C or F index order, or nullopt when a copy is needed. The sizes
// must match and be non-zero.
inline std::optional<index_vector> attempt_nocopy_reshape(index_span old_dims_in,
                                                          index_span old_strides_in,
                                                          index_span new_dims,
                                                          bool fortran) {
  index_vector old_dims, old_strides;
  for (std::size_t i = 0; i < old_dims_in.size(); ++i) {
    if (old_dims_in[i] != 1) {
      old_dims.push_back(old_dims_in[i]);
      old_strides.push_back(old_strides_in[i]);
    }
  }
  const std::size_t old_nd = old_dims.size(), new_nd = new_dims.size();
  index_vector new_strides(new_nd);
  std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < new_nd && oi < old_nd) {
    std::ptrdiff_t np = new_dims[ni];
    std::ptrdiff_t op = old_dims[oi];
    while (np != op) {
      if (np < op)
        np *= new_dims[nj++];
      else
        op *= old_dims[oj++];
    }
    for (std::size_t ok = oi; ok + 1 < oj; ++ok) {
      if (fortran) {
        if (old_strides[ok + 1] != old_dims[ok] * old_strides[ok])
          return std::nullopt;
      } else if (old_strides[ok] != old_dims[ok + 1] * old_strides[ok + 1]) {
        return std::nullopt;
      }
    }
    if (fortran) {
      new_strides[ni] = old_strides[oi];
      for (std::size_t nk = ni + 1; nk < nj; ++nk)
        new_strides[nk] = new_strides[nk - 1] * new_dims[nk - 1];
    } else {
      new_strides[nj - 1] = old_strides[oj - 1];
      for (std::size_t nk = nj - 1; nk > ni; --nk)
        new_strides[nk - 1] = new_strides[nk] * new_dims[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  // Trailing new 1s.
  std::ptrdiff_t last_stride = ni >= 1 ? new_strides[ni - 1] : 1;
  if (fortran && ni >= 1)
    last_stride *= new_dims[ni - 1];
  for (std::size_t nk = ni; nk < new_nd; ++nk)
    new_strides[nk] = last_stride;
  return new_strides;
}

// common.c convert_shape_to_string: leading negatives are dropped, later ones
// print as "newaxis"; one entry prints with a trailing comma.
inline std::string shape_to_string(index_span dims) {
  std::size_t i = 0;
  while (i < dims.size() && dims[i] < 0)
    ++i;
  if (i == dims.size())
    return "()";
  std::string s = std::to_string(dims[i++]);
  for (; i < dims.size(); ++i)
    s += dims[i] < 0 ? std::string(",newaxis") : "," + std::to_string(dims[i]);
  return dims.size() == 1 ? "(" + s + ",)" : "(" + s + ")";
}

// _fix_unknown_dimension: any negative entry is the unknown one.
inline index_vector fix_unknown_dimension(index_span requested, std::ptrdiff_t size) {
  index_vector dims(requested.begin(), requested.end());
  auto mismatch = [&] {
    return value_error("cannot reshape array of size " + std::to_string(size) +
                       " into shape " + shape_to_string(requested));
  };
  std::ptrdiff_t known = 1;
  std::ptrdiff_t unknown = -1;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (dims[i] < 0) {
      if (unknown != -1)
        throw value_error("can only specify one unknown dimension");
      unknown = static_cast<std::ptrdiff_t>(i);
    } else if (multiply_overflows(known, dims[i], known)) {
      throw mismatch();
    }
  }
  if (unknown >= 0) {
    if (known == 0 || size % known != 0)
      throw mismatch();
    dims[unknown] = size / known;
  } else if (size != known) {
    throw mismatch();
  }
  return dims;
}

// normalize_axis_index: negative axes count from the end.
inline std::size_t normalize_axis(std::ptrdiff_t axis, std::size_t ndim,
                                  const char* prefix = nullptr) {
  auto n = static_cast<std::ptrdiff_t>(ndim);
  if (axis < -n || axis >= n) {
    std::string msg = prefix ? std::string(prefix) + ": " : std::string();
    throw axis_error(msg + "axis " + std::to_string(axis) +
                     " is out of bounds for array of dimension " + std::to_string(ndim));
  }
  return static_cast<std::size_t>(axis < 0 ? axis + n : axis);
}

} // namespace nd::detail
