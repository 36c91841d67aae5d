// nd/detail/array_impl.hpp — the shared state behind an nd::array handle: the
// refcounted buffer and the array object (shape, strides, flags, base).
//
// Every handle copy shares one array_impl, as Python names share one ndarray;
// views get their own array_impl that shares the buffer and points at the
// first ancestor owning the data (NumPy's base collapse).
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <source_location>
#include <string_view>

#include <nd/copy_events.hpp>
#include <nd/detail/copy_kernel.hpp>
#include <nd/detail/layout.hpp>

namespace nd::detail {

inline constexpr std::size_t buffer_alignment = 64;

// One allocation, aligned for SIMD, freed when the last view goes away.
class buffer {
public:
  explicit buffer(std::size_t bytes)
      // NumPy allocates at least one byte so that empty arrays have an address.
      : data_(static_cast<std::byte*>(
            ::operator new(bytes == 0 ? 1 : bytes, std::align_val_t{buffer_alignment}))),
        bytes_(bytes) {
    // Like NumPy, back large buffers with huge pages: page faults otherwise
    // cost more than the copy that fills the buffer (docs/benchmarks.md).
    advise_huge_pages(data_, bytes_);
  }
  ~buffer() { ::operator delete(data_, std::align_val_t{buffer_alignment}); }
  buffer(const buffer&) = delete;
  buffer& operator=(const buffer&) = delete;

  std::byte* data() const noexcept { return data_; }
  std::size_t bytes() const noexcept { return bytes_; }

private:
  std::byte* data_;
  std::size_t bytes_;
};

struct array_impl {
  std::shared_ptr<buffer> storage;
  std::byte* data = nullptr; // address of element (0, ..., 0)
  std::size_t itemsize = 0;
  index_vector shape;
  index_vector strides; // in elements
  bool c_contiguous = true;
  bool f_contiguous = true;
  bool owndata = false;
  bool writeable = true;
  std::shared_ptr<array_impl> base; // null when owndata

  void update_contiguity() noexcept {
    contiguity c = compute_contiguity(shape, strides);
    c_contiguous = c.c;
    f_contiguous = c.f;
  }
  // PyArray_ISFORTRAN: F-contiguous and not C-contiguous.
  bool is_fortran() const noexcept { return f_contiguous && !c_contiguous; }
  std::ptrdiff_t size() const noexcept { return shape_size(shape); }
};

using impl_ptr = std::shared_ptr<array_impl>;

// A new array owning a fresh buffer. Explicit `strides` (elements) as in
// PyArray_NewFromDescr; a zero-byte allocation gets all-zero strides.
inline impl_ptr allocate_array(std::size_t itemsize, index_span shape, index_span strides) {
  std::ptrdiff_t size = checked_allocation_size(shape, itemsize);
  auto impl = std::make_shared<array_impl>();
  impl->storage = std::make_shared<buffer>(static_cast<std::size_t>(size) * itemsize);
  impl->data = impl->storage->data();
  impl->itemsize = itemsize;
  impl->shape.assign(shape.begin(), shape.end());
  if (size == 0)
    impl->strides.assign(shape.size(), 0);
  else
    impl->strides.assign(strides.begin(), strides.end());
  impl->owndata = true;
  impl->writeable = true;
  impl->update_contiguity();
  return impl;
}

inline impl_ptr allocate_contiguous(std::size_t itemsize, index_span shape, bool fortran) {
  checked_allocation_size(shape, itemsize);
  index_vector strides = contiguous_strides(shape, fortran);
  return allocate_array(itemsize, shape, strides);
}

// A view of `source` (PyArray_NewFromDescrAndBase with the collapsed base).
inline impl_ptr make_view(const impl_ptr& source, std::byte* data, index_vector shape,
                          index_vector strides) {
  auto impl = std::make_shared<array_impl>();
  impl->storage = source->storage;
  impl->data = data;
  impl->itemsize = source->itemsize;
  impl->shape = std::move(shape);
  impl->strides = std::move(strides);
  impl->owndata = false;
  impl->writeable = source->writeable;
  impl->base = source->owndata ? source : source->base;
  impl->update_contiguity();
  return impl;
}

inline void report_copy(std::string_view operation, std::size_t bytes, copy_kind kind,
                        std::string_view reason, const std::source_location& loc) {
  record_copy(copy_event{operation, bytes, kind, reason, loc});
}

} // namespace nd::detail
