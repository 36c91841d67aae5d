// Error types and NumPy's messages (texts checked against NumPy 1.24.2).
#include <gtest/gtest.h>

#include <nd/nd.hpp>

namespace {

template <class E, class F> std::string message_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "<no exception>";
}

TEST(Errors, AllDeriveFromOneBase) {
  EXPECT_THROW(nd::arange<double>(6).reshape({4}), nd::error);
  EXPECT_THROW(nd::zeros<double>({2})(5), nd::error);
  EXPECT_THROW(nd::zeros<double>({2}).swapaxes(0, 1), nd::error);
  EXPECT_THROW(nd::zeros<double>({2, 2}).diagonal()(0) = 1.0, nd::error);
}

TEST(Errors, Reshape) {
  auto c = nd::arange<double>(6).reshape({2, 3});
  EXPECT_EQ(message_of<nd::value_error>([&] { c.reshape({4, -1}); }),
            "cannot reshape array of size 6 into shape (4,newaxis)");
  EXPECT_EQ(message_of<nd::value_error>([&] { c.reshape({-1, -1}); }),
            "can only specify one unknown dimension");
  EXPECT_EQ(message_of<nd::value_error>([&] { c.reshape({3, 2}, nd::order::K); }),
            "order 'K' is not permitted for reshaping");
  EXPECT_EQ(message_of<nd::value_error>(
                [&] { c.T().reshape({6}, nd::order::C, nd::copy_mode::never); }),
            "Unable to avoid creating a copy while reshaping.");
  EXPECT_NO_THROW(c.T().reshape({6}, nd::order::F, nd::copy_mode::never));
}

TEST(Errors, ShapeSetter) {
  auto c = nd::arange<double>(6).reshape({2, 3});
  auto t = c.T();
  EXPECT_EQ(message_of<nd::attribute_error>([&] { t.set_shape({6}); }),
            "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with "
            "the desired shape.");
  EXPECT_NO_THROW(t.set_shape({3, 2}));
  EXPECT_EQ(message_of<nd::value_error>([&] { c.set_shape({7}); }),
            "cannot reshape array of size 6 into shape (7,)");
  auto alias = c; // handles share the array object: the setter is seen by both
  c.set_shape({3, 2});
  EXPECT_EQ(alias.shape()[0], 3);
  auto f = nd::zeros<double>({2, 3}, nd::order::F);
  EXPECT_THROW(f.set_shape({3, 2}), nd::attribute_error);
}

TEST(Errors, Indexing) {
  auto b = nd::arange<double>(6).reshape({2, 3});
  EXPECT_EQ(message_of<nd::index_error>([&] { b(2, 0); }),
            "index 2 is out of bounds for axis 0 with size 2");
  EXPECT_EQ(message_of<nd::index_error>([&] { b(0, -4); }),
            "index -4 is out of bounds for axis 1 with size 3");
  EXPECT_EQ(message_of<nd::index_error>([&] { b(0, 0, 0); }),
            "too many indices for array: array is 2-dimensional, but 3 were indexed");
  EXPECT_EQ(message_of<nd::index_error>([&] { b(nd::ellipsis, nd::ellipsis); }),
            "an index can only have a single ellipsis ('...')");
  EXPECT_EQ(message_of<nd::value_error>([&] { b(nd::slice(nd::none, nd::none, 0)); }),
            "slice step cannot be zero");
  EXPECT_EQ(b(-1, -1), 5.0);
}

TEST(Errors, Axes) {
  auto b = nd::zeros<double>({2, 3});
  EXPECT_EQ(message_of<nd::axis_error>([&] { b.swapaxes(0, 2); }),
            "axis2: axis 2 is out of bounds for array of dimension 2");
  EXPECT_EQ(message_of<nd::value_error>([&] { b.transpose({0, 0}); }), "repeated axis in transpose");
  EXPECT_EQ(message_of<nd::value_error>([&] { b.transpose({0}); }), "axes don't match array");
  EXPECT_EQ(message_of<nd::value_error>([&] { b.squeeze(0); }),
            "cannot select an axis to squeeze out which has size not equal to one");
  EXPECT_EQ(message_of<nd::value_error>([&] { nd::arange<double>(3).diagonal(); }),
            "diag requires an array of at least two dimensions");
  EXPECT_EQ(message_of<nd::value_error>([&] { nd::moveaxis(b, {0, 1}, {0}); }),
            "`source` and `destination` arguments must have the same number of elements");
  EXPECT_EQ(message_of<nd::axis_error>([&] { nd::expand_dims(b, 3); }),
            "axis 3 is out of bounds for array of dimension 3");
}

TEST(Errors, Broadcast) {
  EXPECT_EQ(message_of<nd::value_error>([] { nd::broadcast_to(nd::arange<double>(3), {4, 2}); }),
            "operands could not be broadcast together with remapped shapes [original->remapped]: "
            "(3,)  and requested shape (4,2)");
  EXPECT_EQ(message_of<nd::value_error>([] { nd::broadcast_to(nd::arange<double>(3), {}); }),
            "cannot broadcast a non-scalar to a scalar array");
}

TEST(Errors, ReadOnly) {
  auto d = nd::zeros<double>({3, 3}).diagonal();
  EXPECT_EQ(message_of<nd::read_only_error>([&] { d(0) = 1.0; }), "assignment destination is read-only");
  EXPECT_THROW(d.fill(1.0), nd::read_only_error);
  EXPECT_EQ(d(1), 0.0); // reading is fine
  auto b = nd::broadcast_to(nd::arange<double>(3), {2, 3});
  EXPECT_THROW(b(1, 1) = 2.0, nd::value_error);
  EXPECT_FALSE(b.ravel().writeable() && nd::shares_memory(b, b.ravel()));
  EXPECT_TRUE(d.flatten().writeable());
}

TEST(Errors, SizeOverflowAndNegativeDims) {
  EXPECT_EQ(message_of<nd::value_error>([] { nd::zeros<double>({std::ptrdiff_t{1} << 62, 4}); }),
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible "
            "size.");
  EXPECT_EQ(message_of<nd::value_error>([] { nd::zeros<double>({-1, 4}); }),
            "negative dimensions are not allowed");
  EXPECT_EQ(message_of<nd::value_error>([] { nd::arange<double>(6).reshape({std::ptrdiff_t{1} << 40, std::ptrdiff_t{1} << 40}); }),
            "cannot reshape array of size 6 into shape (1099511627776,1099511627776)");
}

TEST(Errors, SharesMemory) {
  // test_mem_overlap: x = int8 (4,5,6); a = x[:, ::2, ::3], b = x[:, ::3, ::2].
  auto x = nd::zeros<std::int8_t>({4, 5, 6});
  auto a = x(nd::all, nd::slice(nd::none, nd::none, 2), nd::slice(nd::none, nd::none, 3));
  auto b = x(nd::all, nd::slice(nd::none, nd::none, 3), nd::slice(nd::none, nd::none, 2));
  EXPECT_TRUE(nd::shares_memory(a, b));
  EXPECT_EQ(message_of<nd::too_hard_error>([&] { nd::shares_memory(a, b, 1); }), "Exceeded max_work");
  EXPECT_EQ(message_of<nd::value_error>([&] { nd::shares_memory(a, b, -3); }), "Invalid value for max_work");
  auto y = nd::arange<double>(10);
  auto even = y(nd::slice(nd::none, nd::none, 2)), odd = y(nd::slice(1, nd::none, 2));
  EXPECT_FALSE(nd::shares_memory(even, odd));
  EXPECT_TRUE(nd::may_share_memory(even, odd));
  EXPECT_FALSE(nd::may_share_memory(even, odd, -1));
  auto z = nd::zeros<double>({4, 5});
  EXPECT_FALSE(nd::shares_memory(z(nd::all, 0), z(nd::all, 1)));
  EXPECT_TRUE(nd::may_share_memory(z(nd::all, 0), z(nd::all, 1)));
  EXPECT_FALSE(nd::may_share_memory(z(0, nd::all), z(1, nd::all)));
  EXPECT_FALSE(nd::shares_memory(y(nd::slice(3, 3)), y));
  EXPECT_FALSE(nd::may_share_memory(y(nd::slice(3, 3)), y));
  EXPECT_FALSE(nd::shares_memory(y(nd::slice(nd::none, nd::none, -2)), y(nd::slice(-2, nd::none, -2))));
}

} // namespace
