// Copy accounting per expression, as Eigen's tests count temporaries: every
// allocation an operation makes is exactly one event with exact bytes.
#include <gtest/gtest.h>

#include <nd/nd.hpp>

namespace {

TEST(CopyCount, NpCopyOfFortranThenRavelAllocatesTwice) {
  auto f = nd::zeros<double>({300, 400}, nd::order::F);
  nd::copy_counter counter;
  auto r = nd::copy(f).ravel();
  ASSERT_EQ(counter.count(), 2u);
  EXPECT_EQ(counter.bytes(), 2u * 300 * 400 * 8);
  EXPECT_EQ(counter.events()[0].operation, "copy");
  EXPECT_EQ(counter.events()[0].kind, nd::copy_kind::explicit_copy);
  EXPECT_EQ(counter.events()[1].operation, "ravel");
  EXPECT_EQ(counter.events()[1].kind, nd::copy_kind::hidden_copy);
  EXPECT_EQ(counter.events()[1].reason, "the array is not C-contiguous");
  EXPECT_EQ(r.size(), 120000);
}

TEST(CopyCount, MethodCopyThenRavelAllocatesOnce) {
  auto f = nd::zeros<double>({300, 400}, nd::order::F);
  nd::copy_counter counter;
  auto r = f.copy().ravel();
  ASSERT_EQ(counter.count(), 1u);
  EXPECT_EQ(counter.bytes(), 960000u);
  EXPECT_EQ(counter.events()[0].operation, "copy");
  EXPECT_FALSE(r.owndata()); // the ravel is a view of the copy
}

TEST(CopyCount, RavelViewAllocatesZeroBytes) {
  auto c = nd::zeros<double>({300, 400});
  nd::copy_counter counter;
  auto r = c.ravel();
  auto k = c.T().ravel(nd::order::K);
  auto f = c.T().ravel(nd::order::F);
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(counter.bytes(), 0u);
  EXPECT_TRUE(nd::shares_memory(c, r));
  EXPECT_TRUE(nd::shares_memory(c, k));
  EXPECT_TRUE(nd::shares_memory(c, f));
}

TEST(CopyCount, HiddenReshapeCopyIsCountedOnce) {
  auto t = nd::arange<double>(6).reshape({2, 3}).T();
  nd::copy_counter counter;
  auto r = t.reshape({6});
  ASSERT_EQ(counter.count(), 1u);
  EXPECT_EQ(counter.bytes(), 48u);
  EXPECT_EQ(counter.count(nd::copy_kind::hidden_copy), 1u);
  // NumPy: owndata False, base = the hidden (3,2) copy, which owns its data.
  EXPECT_FALSE(r.owndata());
  ASSERT_TRUE(r.base().has_value());
  EXPECT_TRUE(r.base()->owndata());
  EXPECT_EQ(r.base()->shape()[0], 3);
  EXPECT_EQ(r.base()->shape()[1], 2);
}

TEST(CopyCount, ExplicitOperationsCountExactBytes) {
  auto c = nd::arange<double>(12).reshape({3, 4});
  nd::copy_counter counter;
  auto a = c.flatten();
  auto b = c.astype<float>();
  auto d = nd::concatenate({c, c});
  auto e = c.take(nd::array<int>({0, 1, 2}));
  auto m = c[nd::array<bool>({true, false, true})];
  auto g = c.reshape({12}, nd::order::C, nd::copy_mode::always);
  ASSERT_EQ(counter.count(), 6u);
  EXPECT_EQ(counter.count(nd::copy_kind::explicit_copy), 6u);
  EXPECT_EQ(counter.bytes(), 96u + 48u + 192u + 24u + 64u + 96u);
  EXPECT_EQ(counter.events()[3].operation, "take");
  EXPECT_EQ(counter.events()[4].operation, "mask");
  EXPECT_EQ(counter.events()[5].operation, "reshape");
  EXPECT_EQ(a.size() + b.size() + d.size() + e.size() + m.size() + g.size(), 12 + 12 + 24 + 3 + 8 + 12);
}

TEST(CopyCount, NoCopyWhenLayoutFits) {
  auto c = nd::zeros<double>({4, 5});
  auto f = nd::zeros<double>({4, 5}, nd::order::F);
  nd::copy_counter counter;
  EXPECT_TRUE(nd::ascontiguousarray(c).is(c));
  EXPECT_TRUE(nd::asfortranarray(f).is(f));
  auto v = c.reshape({5, 4});
  auto w = f.reshape({5, 4}, nd::order::F);
  auto n = c(nd::all, nd::slice(0, 4, 2)).reshape({4, 2}, nd::order::C, nd::copy_mode::never);
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_TRUE(nd::shares_memory(c, n));
  (void)v;
  (void)w;
}

TEST(CopyCount, CallSiteIsTheCaller) {
  auto f = nd::zeros<double>({2, 2}, nd::order::F);
  nd::copy_counter counter;
  const unsigned line = __LINE__ + 1;
  auto r = f.ravel();
  ASSERT_EQ(counter.count(), 1u);
  EXPECT_EQ(counter.events()[0].location.line(), line);
  EXPECT_NE(std::string(counter.events()[0].location.file_name()).find("copy_count_test.cpp"),
            std::string::npos);
  EXPECT_EQ(nd::format_copy_event(counter.events()[0]).substr(0, 0), "");
  (void)r;
}

TEST(CopyCount, NestedCountersAndCallback) {
  auto f = nd::zeros<double>({3, 3}, nd::order::F);
  std::size_t seen_bytes = 0;
  auto previous = nd::set_copy_callback([&](const nd::copy_event& e) { seen_bytes += e.bytes; });
  nd::copy_counter outer;
  {
    nd::copy_counter inner;
    auto a = f.flatten();
    EXPECT_EQ(inner.count(), 1u);
  }
  auto b = f.ravel();
  EXPECT_EQ(outer.count(), 2u);
  EXPECT_EQ(seen_bytes, 144u);
  nd::set_copy_callback(previous);
  outer.reset();
  EXPECT_EQ(outer.count(), 0u);
}

TEST(CopyCount, TraceFormat) {
  nd::copy_event e{"ravel", 800, nd::copy_kind::hidden_copy, "the array is not C-contiguous",
                   std::source_location::current()};
  std::string line = nd::format_copy_event(e);
  EXPECT_NE(line.find(":" + std::to_string(e.location.line()) + ":"), std::string::npos);
  EXPECT_NE(line.find(": warning: ravel() copied 800 bytes: the array is not C-contiguous "
                      "[nd-hidden-copy]"),
            std::string::npos);
  e.kind = nd::copy_kind::explicit_copy;
  e.operation = "flatten";
  EXPECT_NE(nd::format_copy_event(e).find(": note: flatten() copied 800 bytes [nd-explicit-copy]"),
            std::string::npos);
}

} // namespace
