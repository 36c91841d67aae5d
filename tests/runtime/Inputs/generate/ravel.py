from mk import make
pre_cpp = r'''
  auto show = [](const char* label, const nd::array<double>& src, auto&& op) {
    nd::copy_counter counter;
    nd::array<double> out = op(src);
    std::printf("%s: shares=%d copies=%zu bytes=%zu own=%d w=%d base_is_src=%d base_is_src_base=%d\n", label,
                (int)nd::shares_memory(src, out), counter.count(), counter.bytes(), out.owndata(),
                out.writeable(), out.base() && out.base()->is(src),
                out.base() && src.base() && out.base()->is(*src.base()));
    describe(label, out);
    values(label, out);
  };
  auto c = nd::arange<double>(6).reshape({2, 3});
  auto f = c.copy(nd::order::F);
  auto t = c.T();
  auto x24 = nd::arange<double>(24).reshape({2, 3, 4});
  auto perm = x24.transpose({1, 0, 2});
  auto one = nd::arange<double>(4);
'''
cases = [
 # label, C++ expression on s, python expression on s, source var cpp, source var py
 ("C.ravel(F)", "c", "s.ravel(nd::order::F)", "s.ravel('F')"),
 ("C.ravel(C)", "c", "s.ravel()", "s.ravel()"),
 ("F.ravel(C)", "f", "s.ravel()", "s.ravel()"),
 ("F.ravel(A)", "f", "s.ravel(nd::order::A)", "s.ravel('A')"),
 ("F.ravel(K)", "f", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("T.ravel(C)", "t", "s.ravel()", "s.ravel()"),
 ("T.ravel(F)", "t", "s.ravel(nd::order::F)", "s.ravel('F')"),
 ("T.ravel(K)", "t", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("c[:, ::2].ravel(K)", "c(nd::all, nd::slice(nd::none, nd::none, 2))", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("c[::-1].ravel(K)", "c(nd::slice(nd::none, nd::none, -1))", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("c[::-1].ravel(A)", "c(nd::slice(nd::none, nd::none, -1))", "s.ravel(nd::order::A)", "s.ravel('A')"),
 ("one[::-1].ravel(K)", "one(nd::slice(nd::none, nd::none, -1))", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("one[::2].ravel()", "one(nd::slice(nd::none, nd::none, 2))", "s.ravel()", "s.ravel()"),
 ("one[::2].reshape(-1)", "one(nd::slice(nd::none, nd::none, 2))", "s.reshape(-1)", "s.reshape(-1)"),
 ("perm.ravel(K)", "perm", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("perm.ravel(C)", "perm", "s.ravel()", "s.ravel()"),
 ("perm.reshape(-1)", "perm", "s.reshape(-1)", "s.reshape(-1)"),
 ("perm[:, :, ::-2].ravel(K)", "perm(nd::all, nd::all, nd::slice(nd::none, nd::none, -2))", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("bcast.T.ravel(K)", "nd::broadcast_to(nd::arange<double>(2), {3, 2}).T()", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("bcast.ravel(K)", "nd::broadcast_to(nd::arange<double>(2), {3, 2})", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("bcast.flatten(K)", "nd::broadcast_to(nd::arange<double>(2), {3, 2})", "s.flatten(nd::order::K)", "s.flatten('K')"),
 ("x24[:, ::2].ravel(K)", "x24(nd::all, nd::slice(nd::none, nd::none, 2))", "s.ravel(nd::order::K)", "s.ravel('K')"),
 ("0-d.ravel()", "nd::full<double>({}, 5.0)", "s.ravel()", "s.ravel()"),
 ("size0.ravel()", "nd::empty<double>({2, 0, 3})", "s.ravel()", "s.ravel()"),
 ("size0.T.ravel()", "nd::empty<double>({2, 0, 3}).T()", "s.ravel()", "s.ravel()"),
 ("size0.flatten()", "nd::empty<double>({2, 0, 3})", "s.flatten()", "s.flatten()"),
 ("c.flatten()", "c", "s.flatten()", "s.flatten()"),
 ("F.flatten(K)", "f", "s.flatten(nd::order::K)", "s.flatten('K')"),
 ("F.flatten(A)", "f", "s.flatten(nd::order::A)", "s.flatten('A')"),
 ("c[::2, ::-1].ravel(F)", "c(nd::slice(nd::none, nd::none, 2), nd::slice(nd::none, nd::none, -1))", "s.ravel(nd::order::F)", "s.ravel('F')"),
 ("size1col.ravel()", "c(nd::slice(0, 1), nd::slice(1, 2))", "s.ravel()", "s.ravel()"),
 ("readonly.ravel()", "nd::zeros<double>({3, 3}).diagonal()", "s.ravel()", "s.ravel()"),
 ("readonly.flatten()", "nd::zeros<double>({3, 3}).diagonal()", "s.flatten()", "s.flatten()"),
 ("view.ravel() base", "c(nd::slice(0, 1))", "s.ravel()", "s.ravel()"),
]
cpp = pre_cpp + "\n".join(f'  show("{l}", {src}, [](const nd::array<double>& s) {{ return {ce}; }});' for l, src, ce, pe in cases)
pysrc = {
 "c": "c", "f": "f", "t": "t", "perm": "perm",
}
def pysrc_of(src):
    m = {"c(nd::all, nd::slice(nd::none, nd::none, 2))": "c[:, ::2]",
         "c(nd::slice(nd::none, nd::none, -1))": "c[::-1]",
         "one(nd::slice(nd::none, nd::none, -1))": "one[::-1]",
         "one(nd::slice(nd::none, nd::none, 2))": "one[::2]",
         "perm(nd::all, nd::all, nd::slice(nd::none, nd::none, -2))": "perm[:, :, ::-2]",
         "nd::broadcast_to(nd::arange<double>(2), {3, 2}).T()": "np.broadcast_to(np.arange(2.), (3, 2)).T",
         "nd::broadcast_to(nd::arange<double>(2), {3, 2})": "np.broadcast_to(np.arange(2.), (3, 2))",
         "x24(nd::all, nd::slice(nd::none, nd::none, 2))": "x24[:, ::2]",
         "nd::full<double>({}, 5.0)": "np.full((), 5.0)",
         "nd::empty<double>({2, 0, 3})": "np.empty((2, 0, 3))",
         "nd::empty<double>({2, 0, 3}).T()": "np.empty((2, 0, 3)).T",
         "c(nd::slice(nd::none, nd::none, 2), nd::slice(nd::none, nd::none, -1))": "c[::2, ::-1]",
         "c(nd::slice(0, 1), nd::slice(1, 2))": "c[0:1, 1:2]",
         "nd::zeros<double>({3, 3}).diagonal()": "np.zeros((3, 3)).diagonal()",
         "c(nd::slice(0, 1))": "c[0:1]",
         }
    return m.get(src, src)
py = r'''
def show(label, src, out):
    shares = np.shares_memory(src, out)
    viewed = out.base is src or (src.base is not None and out.base is src.base)
    print(f"{label}: shares={int(shares)} copies={0 if viewed else 1} bytes={0 if viewed else out.nbytes} own={int(out.flags.owndata)} w={int(out.flags.writeable)} base_is_src={int(out.base is src)} base_is_src_base={int(out.base is not None and src.base is not None and out.base is src.base)}")
    describe(label, out)
    values(label, out)
c = np.arange(6.).reshape(2, 3)
f = c.copy(order="F")
t = c.T
x24 = np.arange(24.).reshape(2, 3, 4)
perm = x24.transpose(1, 0, 2)
one = np.arange(4.)
''' + "\n".join(f'_s = {pysrc_of(src)}\nshow("{l}", _s, (lambda s: {pe})(_s))' for l, src, ce, pe in cases)
make("ravel_flatten", "ravel/flatten in every order: view or copy exactly as NumPy's PyArray_Ravel (test_ravel cases).", cpp, py)
