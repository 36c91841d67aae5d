from mk import make
cpp = r'''
  auto show = [](const char* label, const nd::array<double>& src, auto&& op) {
    try {
      nd::copy_counter counter;
      nd::array<double> out = op(src);
      std::printf("%s: copies=%zu bytes=%zu\n", label, counter.count(), counter.bytes());
      describe(label, out);
      values(label, out);
    } catch (const nd::error& e) {
      std::printf("%s: error: %s\n", label, e.what());
    }
  };
  auto s44 = nd::zeros<double>({4, 6})(nd::all, nd::slice(nd::none, 4));
  auto c = nd::arange<double>(6).reshape({2, 3});
  auto t = c.T();
  auto m = nd::ones<double>({4, 1, 3})(nd::slice(nd::none, nd::none, 2));
  auto z = nd::arange<std::int32_t>(12)(nd::slice(nd::none, nd::none, 2)).astype<double>();
  auto zs = nd::arange<double>(12)(nd::slice(nd::none, nd::none, 2));
  auto e03 = nd::empty<double>({0, 3});
  auto f = c.copy(nd::order::F);
  show("s(4,4)->(2,2,4)", s44, [](auto& s) { return s.reshape({2, 2, 4}); });
  show("s(4,4)->(4,2,2)", s44, [](auto& s) { return s.reshape({4, 2, 2}); });
  show("s(4,4)->(16,)", s44, [](auto& s) { return s.reshape({16}); });
  show("m->(2,3)", m, [](auto& s) { return s.reshape({2, 3}); });
  show("bcast(5,)->(5,1)", nd::broadcast_to(nd::full<double>({}, 1.0), {5}), [](auto& s) { return s.reshape({5, 1}); });
  show("zs->(3,2,1,1)", zs, [](auto& s) { return s.reshape({3, 2, 1, 1}); });
  show("zs->(3,2,1,1) F", zs, [](auto& s) { return s.reshape({3, 2, 1, 1}, nd::order::F); });
  show("c->(3,2) F", c, [](auto& s) { return s.reshape({3, 2}, nd::order::F); });
  show("T->(6,) F", t, [](auto& s) { return s.reshape({6}, nd::order::F); });
  show("T->(6,)", t, [](auto& s) { return s.reshape({6}); });
  show("T->(-1,)", t, [](auto& s) { return s.reshape(-1); });
  show("T->(3,2) same", t, [](auto& s) { return s.reshape({3, 2}); });
  show("c->(-2,3)", c, [](auto& s) { return s.reshape({-2, 3}); });
  show("c->(3,-1) A", c, [](auto& s) { return s.reshape({3, -1}, nd::order::A); });
  show("F->(3,-1) A", f, [](auto& s) { return s.reshape({3, -1}, nd::order::A); });
  show("c->(-1,4)", c, [](auto& s) { return s.reshape({-1, 4}); });
  show("c->(4,-1)", c, [](auto& s) { return s.reshape({4, -1}); });
  show("c->(2,-1,4)", c, [](auto& s) { return s.reshape({2, -1, 4}); });
  show("c->(7,)", c, [](auto& s) { return s.reshape({7}); });
  show("c->(-1,-1)", c, [](auto& s) { return s.reshape({-1, -1}); });
  show("c->(2^40,2^40)", c, [](auto& s) { return s.reshape({std::ptrdiff_t{1} << 40, std::ptrdiff_t{1} << 40}); });
  show("c->(3,2) K", c, [](auto& s) { return s.reshape({3, 2}, nd::order::K); });
  show("e03->(-1,0)", e03, [](auto& s) { return s.reshape({-1, 0}); });
  show("e03->(-1,)", e03, [](auto& s) { return s.reshape({-1}); });
  show("e03->(3,0,5)", e03, [](auto& s) { return s.reshape({3, 0, 5}); });
  show("c->(6,1,1)", c, [](auto& s) { return s.reshape({6, 1, 1}); });
  show("T->(1,6,1) F", t, [](auto& s) { return s.reshape({1, 6, 1}, nd::order::F); });
  show("c[:, ::2]->(4,)", c, [](auto& s) { return s(nd::all, nd::slice(nd::none, nd::none, 2)).reshape({4}); });
  show("z astype", z, [](auto& s) { return s; });
  show("copy()", f, [](auto& s) { return s.copy(); });
  show("np.copy()", f, [](auto& s) { return nd::copy(s); });
  show("copy(A)", f, [](auto& s) { return s.copy(nd::order::A); });
  show("perm.copy(K)", nd::arange<double>(24).reshape({2, 3, 4}).transpose({1, 0, 2}), [](auto& s) { return s.copy(nd::order::K); });
  show("np.copy(c[::-1])", c(nd::slice(nd::none, nd::none, -1)), [](auto& s) { return nd::copy(s); });
  show("np.copy(bcast)", nd::broadcast_to(nd::arange<double>(2), {3, 2}), [](auto& s) { return nd::copy(s); });
  show("np.copy(x[:, :, ::-2] perm)", nd::arange<double>(24).reshape({2, 3, 4}).transpose({1, 0, 2})(nd::all, nd::all, nd::slice(nd::none, nd::none, -2)), [](auto& s) { return nd::copy(s); });
  show("T.astype(float64) K", t, [](auto& s) { return s.template astype<double>(); });
  show("ascontiguousarray(T)", t, [](auto& s) { return nd::ascontiguousarray(s); });
  show("ascontiguousarray(c)", c, [](auto& s) { return nd::ascontiguousarray(s); });
  show("ascontiguousarray(0-d)", nd::full<double>({}, 2.0), [](auto& s) { return nd::ascontiguousarray(s); });
  show("asfortranarray(c)", c, [](auto& s) { return nd::asfortranarray(s); });
  show("concatenate(F, F)", f, [](auto& s) { return nd::concatenate({s, s}); });
  show("concatenate(F, F, 1)", f, [](auto& s) { return nd::concatenate({s, s}, 1); });
  show("concatenate(c, F)", f, [](auto& s) { return nd::concatenate({nd::arange<double>(6).reshape({2, 3}), s}); });
  show("concatenate(c, 1-d)", c, [](auto& s) { return nd::concatenate({s, nd::arange<double>(3)}); });
  show("concatenate(c, (2,2))", c, [](auto& s) { return nd::concatenate({s, nd::zeros<double>({2, 2})}); });
  show("take(2x2 indices)", c, [](auto& s) { return s.take(nd::array<int>({{0, 5}, {2, -1}})); });
  show("take([2,0], axis=1)", c, [](auto& s) { return s.take(nd::array<long>({2, 0}), 1); });
  show("take([7])", c, [](auto& s) { return s.take(nd::array<int>({7})); });
  show("c[[1,0]]", c, [](auto& s) { return s[nd::array<int>({1, 0})]; });
  show("c[[5]]", c, [](auto& s) { return s[nd::array<int>({5})]; });
  show("c[c>2]", c, [](auto& s) { return s[nd::array<bool>({{false, false, false}, {true, true, true}})]; });
  show("c[[T,F]]", c, [](auto& s) { return s[nd::array<bool>({true, false})]; });
  show("c[[T,F,T]]", c, [](auto& s) { return s[nd::array<bool>({true, false, true})]; });
'''
py = r'''
def show(label, src, op):
    try:
        out = op(src)
        viewed = out.base is src or (src.base is not None and out.base is src.base)
        fresh = out is not src and not np.shares_memory(out, src) and not (out.size == 0 and viewed)
        print(f"{label}: copies={1 if fresh else 0} bytes={out.nbytes if fresh else 0}")
        describe(label, out)
        values(label, out)
    except Exception as e:
        print(f"{label}: error: {e}")
s44 = np.zeros((4, 6))[:, :4]
c = np.arange(6.).reshape(2, 3)
t = c.T
m = np.ones((4, 1, 3))[::2]
z = np.arange(12, dtype=np.int32)[::2].astype(np.float64)
zs = np.arange(12.)[::2]
e03 = np.empty((0, 3))
f = c.copy(order="F")
show("s(4,4)->(2,2,4)", s44, lambda s: s.reshape(2, 2, 4))
show("s(4,4)->(4,2,2)", s44, lambda s: s.reshape(4, 2, 2))
show("s(4,4)->(16,)", s44, lambda s: s.reshape(16))
show("m->(2,3)", m, lambda s: s.reshape(2, 3))
show("bcast(5,)->(5,1)", np.broadcast_to(np.full((), 1.0), (5,)), lambda s: s.reshape(5, 1))
show("zs->(3,2,1,1)", zs, lambda s: s.reshape(3, 2, 1, 1))
show("zs->(3,2,1,1) F", zs, lambda s: s.reshape(3, 2, 1, 1, order="F"))
show("c->(3,2) F", c, lambda s: s.reshape(3, 2, order="F"))
show("T->(6,) F", t, lambda s: s.reshape(6, order="F"))
show("T->(6,)", t, lambda s: s.reshape(6))
show("T->(-1,)", t, lambda s: s.reshape(-1))
show("T->(3,2) same", t, lambda s: s.reshape(3, 2))
show("c->(-2,3)", c, lambda s: s.reshape(-2, 3))
show("c->(3,-1) A", c, lambda s: s.reshape(3, -1, order="A"))
show("F->(3,-1) A", f, lambda s: s.reshape(3, -1, order="A"))
show("c->(-1,4)", c, lambda s: s.reshape(-1, 4))
show("c->(4,-1)", c, lambda s: s.reshape(4, -1))
show("c->(2,-1,4)", c, lambda s: s.reshape(2, -1, 4))
show("c->(7,)", c, lambda s: s.reshape(7))
show("c->(-1,-1)", c, lambda s: s.reshape(-1, -1))
show("c->(2^40,2^40)", c, lambda s: s.reshape(2**40, 2**40))
show("c->(3,2) K", c, lambda s: s.reshape(3, 2, order="K"))
show("e03->(-1,0)", e03, lambda s: s.reshape(-1, 0))
show("e03->(-1,)", e03, lambda s: s.reshape(-1))
show("e03->(3,0,5)", e03, lambda s: s.reshape(3, 0, 5))
show("c->(6,1,1)", c, lambda s: s.reshape(6, 1, 1))
show("T->(1,6,1) F", t, lambda s: s.reshape(1, 6, 1, order="F"))
show("c[:, ::2]->(4,)", c, lambda s: s[:, ::2].reshape(4))
show("z astype", z, lambda s: s)
show("copy()", f, lambda s: s.copy())
show("np.copy()", f, lambda s: np.copy(s))
show("copy(A)", f, lambda s: s.copy(order="A"))
show("perm.copy(K)", np.arange(24.).reshape(2, 3, 4).transpose(1, 0, 2), lambda s: s.copy(order="K"))
show("np.copy(c[::-1])", c[::-1], lambda s: np.copy(s))
show("np.copy(bcast)", np.broadcast_to(np.arange(2.), (3, 2)), lambda s: np.copy(s))
show("np.copy(x[:, :, ::-2] perm)", np.arange(24.).reshape(2, 3, 4).transpose(1, 0, 2)[:, :, ::-2], lambda s: np.copy(s))
show("T.astype(float64) K", t, lambda s: s.astype(np.float64))
show("ascontiguousarray(T)", t, lambda s: np.ascontiguousarray(s))
show("ascontiguousarray(c)", c, lambda s: np.ascontiguousarray(s))
show("ascontiguousarray(0-d)", np.full((), 2.0), lambda s: np.ascontiguousarray(s))
show("asfortranarray(c)", c, lambda s: np.asfortranarray(s))
show("concatenate(F, F)", f, lambda s: np.concatenate([s, s]))
show("concatenate(F, F, 1)", f, lambda s: np.concatenate([s, s], 1))
show("concatenate(c, F)", f, lambda s: np.concatenate([np.arange(6.).reshape(2, 3), s]))
show("concatenate(c, 1-d)", c, lambda s: np.concatenate([s, np.arange(3.)]))
show("concatenate(c, (2,2))", c, lambda s: np.concatenate([s, np.zeros((2, 2))]))
show("take(2x2 indices)", c, lambda s: s.take(np.array([[0, 5], [2, -1]])))
show("take([2,0], axis=1)", c, lambda s: s.take(np.array([2, 0]), 1))
show("take([7])", c, lambda s: s.take(np.array([7])))
show("c[[1,0]]", c, lambda s: s[np.array([1, 0])])
show("c[[5]]", c, lambda s: s[np.array([5])])
show("c[c>2]", c, lambda s: s[s > 2])
show("c[[T,F]]", c, lambda s: s[np.array([True, False])])
show("c[[T,F,T]]", c, lambda s: s[np.array([True, False, True])])
'''
make("reshape_copy", "reshape (_attempt_nocopy_reshape, _fix_unknown_dimension, errors), copy orders, astype, asarray family, concatenate, take, masks.", cpp, py)
