// Handle semantics, base collapse, element access, values.
#include <gtest/gtest.h>

#include <nd/nd.hpp>

namespace {

TEST(Semantics, HandleCopyAliases) {
  auto a = nd::zeros<double>({3, 4});
  auto b = a;
  b(1, 2) = 7.0;
  EXPECT_EQ(a(1, 2), 7.0);
  EXPECT_TRUE(a.is(b));
  EXPECT_TRUE(a.owndata());
}

TEST(Semantics, BaseCollapse) {
  auto a = nd::arange<double>(12);
  auto v = a.reshape({3, 4});
  auto w = v(nd::slice(1, 3)).T();
  ASSERT_TRUE(w.base().has_value());
  EXPECT_TRUE(w.base()->is(a)); // NumPy: walks to the array owning the data
  EXPECT_FALSE(a.base().has_value());
  auto everything = v(nd::ellipsis);
  EXPECT_FALSE(everything.is(v)); // a[...] is a new view (test_everything_returns_views)
  EXPECT_TRUE(nd::shares_memory(everything, v));
}

TEST(Semantics, ElementAccessAndViewsWriteThrough) {
  auto a = nd::arange<double>(12).reshape({3, 4});
  auto col = a(nd::all, nd::slice(1, 4, 2));
  col(2, 1) = -1.0;
  EXPECT_EQ(a(2, 3), -1.0);
  col(0, 0) += 10.0;
  EXPECT_EQ(a(0, 1), 11.0);
  auto r = a(nd::slice(nd::none, nd::none, -1), nd::slice(nd::none, nd::none, -1));
  EXPECT_EQ(r(0, 0), -1.0);
  EXPECT_EQ(r.offset(), 11);
  a.fill(2.5);
  EXPECT_EQ(r(1, 1), 2.5);
  auto zero_d = nd::full<int>({}, 4);
  EXPECT_EQ(zero_d(), 4);
}

TEST(Semantics, Values) {
  auto c = nd::arange<int>(6).reshape({2, 3});
  EXPECT_EQ(c.T().ravel().to_vector(), (std::vector<int>{0, 3, 1, 4, 2, 5}));
  EXPECT_EQ(nd::copy(c(nd::slice(nd::none, nd::none, -1))).to_vector(), (std::vector<int>{3, 4, 5, 0, 1, 2}));
  EXPECT_EQ(c.flatten(nd::order::F).to_vector(), (std::vector<int>{0, 3, 1, 4, 2, 5}));
  auto m = nd::array<double>({{1, 2}, {3, 4}}, nd::order::F);
  EXPECT_TRUE(m.f_contiguous());
  EXPECT_EQ(m(0, 1), 2.0);
  EXPECT_EQ(m.strides()[1], 2);
  EXPECT_EQ(m.byte_strides()[1], 16);
  auto big = nd::zeros<double>({300, 400});
  big(0, 0) = 1.0;
  EXPECT_EQ(big(nd::all, nd::slice(0, 400, 2)).shape()[1], 200);
  EXPECT_EQ(nd::concatenate({c, c}, 1).to_vector(),
            (std::vector<int>{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}));
  EXPECT_EQ(c.astype<double>().to_vector(), (std::vector<double>{0, 1, 2, 3, 4, 5}));
}

} // namespace
