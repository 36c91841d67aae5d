#!/usr/bin/env python3
"""Writes the model audit's cases: one C++ translation unit in which every
row of the nd model (checker/model/NdLibraryModel.cpp) is applied to C, F,
transposed, stepped and degenerate inputs, each application wrapped in
audit_probe(id, counter, source, expression).

The same file is compiled against runtime/include (the runtime reports each
result's flags and whether it allocated) and parsed by model_audit (the
checker's model reports its facts and copy verdict); compare.py judges.

  gen_cases.py OUT.cpp
"""
import sys

# Inputs: (name, rank, shape or None when symbolic, setup expression).
# Symbolic inputs use the function parameters n and m, which main() varies
# over ordinary and degenerate values.
EXACT = [
    ("c", (4, 6), "nd::zeros<double>({4, 6})"),
    ("f", (4, 6), "nd::zeros<double>({4, 6}, nd::order::F)"),
    ("t", (4, 6), "nd::zeros<double>({6, 4}).T()"),
    ("s", (4, 6), "nd::zeros<double>({4, 12})(nd::all, nd::slice(0, 12, 2))"),
    ("sf", (4, 6), "nd::zeros<double>({8, 6}, nd::order::F)(nd::slice(0, 8, 2), nd::all)"),
    ("row", (1, 6), "nd::zeros<double>({1, 6})"),
    ("colf", (4, 1), "nd::zeros<double>({4, 1}, nd::order::F)"),
    ("c3", (2, 3, 4), "nd::zeros<double>({2, 3, 4})"),
    ("f3", (2, 3, 4), "nd::zeros<double>({2, 3, 4}, nd::order::F)"),
    ("p3", (2, 3, 4), "nd::zeros<double>({3, 2, 4}).swapaxes(0, 1)"),
    ("rev", (4, 6), "nd::zeros<double>({4, 6})(nd::slice(nd::none, nd::none, -1), nd::all)"),
    ("bc", (4, 6), "nd::broadcast_to(nd::arange<double>(6), {4, 6})"),
    ("zero", (0, 6), "nd::zeros<double>({0, 6}, nd::order::F)"),
    ("zerot", (6, 0), "nd::zeros<double>({4, 12}).T()(nd::slice(0, 6), nd::slice(0, 0))"),
    ("ones3", (4, 1, 6), "nd::expand_dims(nd::zeros<double>({4, 6}, nd::order::F), 1)"),
    ("k3", (2, 3, 4), "nd::zeros<double>({2, 4, 3}).transpose({0, 2, 1})"),
    ("v1", (6,), "nd::arange<double>(6)"),
    ("s1", (6,), "nd::arange<double>(12)(nd::slice(0, 12, 2))"),
    ("d0", (), "nd::zeros<double>({4, 6})(1, 2, nd::ellipsis)"),
]
SYMBOLIC = [
    ("cs", 2, "nd::zeros<double>({n, m})"),
    ("fs", 2, "nd::zeros<double>({n, m}, nd::order::F)"),
    ("ts", 2, "nd::zeros<double>({m, n}).T()"),
    ("c3s", 3, "nd::zeros<double>({n, 3, m})"),
    ("f3s", 3, "nd::zeros<double>({n, 3, m}, nd::order::F)"),
    ("v1s", 1, "nd::arange<double>(n)"),
    ("s1s", 1, "nd::arange<double>(m)(nd::slice(0, nd::none, 2))"),
    ("fss", 2, "nd::zeros<double>({n, m}, nd::order::F)(nd::slice(0, nd::none, 2), nd::all)"),
]
# Shapes main() passes as (n, m): ordinary and degenerate.
SYMBOLIC_SHAPES = [(4, 6), (1, 6), (4, 1), (1, 1), (0, 6), (3, 2)]

ORDERS = ["C", "F", "A", "K"]


def shape_list(shape, symbolic):
    return "{" + ", ".join(str(d) for d in shape) + "}"


def operations(rank, shape):
    """(label, expression with {x}) for an input of this rank; shape is None
    for symbolic inputs (then n and m are in scope)."""
    ops = []
    ops += [("view", "{x}.view()"), ("squeeze", "{x}.squeeze()"),
            ("expand_dims0", "nd::expand_dims({x}, 0)"),
            ("expand_dims_last", "nd::expand_dims({x}, -1)"),
            ("T", "{x}.T()"), ("transpose", "{x}.transpose()"),
            ("swapaxes01", "{x}.swapaxes(0, 1)"),
            ("moveaxis01", "nd::moveaxis({x}, 0, 1)"),
            ("diagonal", "{x}.diagonal()")]
    if rank == 2:
        ops += [("transpose10", "{x}.transpose({1, 0})")]
    if rank == 3:
        ops += [("transpose102", "{x}.transpose({1, 0, 2})"),
                ("transpose201", "{x}.transpose({2, 0, 1})"),
                ("swapaxes02", "{x}.swapaxes(0, 2)"),
                ("moveaxis02", "nd::moveaxis({x}, 0, 2)"),
                ("moveaxis_neg", "nd::moveaxis({x}, -1, 0)")]
    # Basic indexing.
    rest = ", nd::all" * max(rank - 1, 0)
    ops += [("slice_all", "{x}(nd::all" + rest + ")"),
            ("slice_int0", "{x}(1, nd::ellipsis)"),
            ("slice_int0_all", "{x}(1" + rest + ")"),
            ("slice_int_last", "{x}(nd::ellipsis, 1)"),
            ("slice_partial0", "{x}(nd::slice(0, 1)" + rest + ")"),
            ("slice_step0", "{x}(nd::slice(0, nd::none, 2)" + rest + ")"),
            ("slice_reverse0", "{x}(nd::slice(nd::none, nd::none, -1)" + rest + ")"),
            ("slice_step_last", "{x}(nd::ellipsis, nd::slice(0, nd::none, 2))"),
            ("slice_newaxis", "{x}(nd::newaxis" + rest + ", nd::all)"),
            ("slice_int_newaxis", "{x}(1, nd::newaxis)")]
    # broadcast_to: one more leading axis.
    if shape is not None:
        target = "{" + ", ".join(str(d) for d in (3,) + tuple(shape)) + "}"
    else:
        target = {1: "{3, n}", 2: "{3, n, m}", 3: "{3, n, 3, m}"}[rank]
    ops += [("broadcast_to", "nd::broadcast_to({x}, " + target + ")")]
    for o in ORDERS:
        ops += [("ravel_" + o, "{x}.ravel(nd::order::%s)" % o),
                ("flatten_" + o, "{x}.flatten(nd::order::%s)" % o),
                ("copy_" + o, "{x}.copy(nd::order::%s)" % o),
                ("free_copy_" + o, "nd::copy({x}, nd::order::%s)" % o),
                ("astype_" + o, "{x}.astype<float>(nd::order::%s)" % o)]
    ops += [("ravel", "{x}.ravel()"), ("flatten", "{x}.flatten()"),
            ("copy", "{x}.copy()"), ("free_copy", "nd::copy({x})"),
            ("astype", "{x}.astype<float>()")]
    if shape:  # boolean masks of the input's shape
        mask = "nd::full<bool>(%s, true)" % shape_list(shape, False)
        ops += [("mask", "{x}[%s]" % mask), ("mask_index", "{x}.index(%s)" % mask)]
    for o in ["C", "F", "A"]:
        ops += [("reshape_flat_" + o, "{x}.reshape({-1}, nd::order::%s)" % o)]
        if shape is not None:
            rev = "{" + ", ".join(str(d) for d in reversed(shape)) + "}"
            ops += [("reshape_rev_" + o, "{x}.reshape(%s, nd::order::%s)" % (rev, o)),
                    ("reshape_same_" + o, "{x}.reshape(%s, nd::order::%s)" %
                     (shape_list(shape, False), o)),
                    ("reshape_split_" + o, "{x}.reshape({%d, -1}, nd::order::%s)" %
                     ((shape or (1,))[0], o))]
    ops += [("reshape_flat", "{x}.reshape(-1)"),
            ("reshape_always", "{x}.reshape({-1}, nd::order::C, nd::copy_mode::always)"),
            ("ascontiguousarray", "nd::ascontiguousarray({x})"),
            ("asfortranarray", "nd::asfortranarray({x})"),
            ("take", "{x}.take(idx)"), ("take2d", "{x}.take(idx2)"),
            ("take_axis_last", "{x}.take(idx, -1)"),
            ("index", "{x}.index(idx)"), ("subscript", "{x}[idx]"),
            ("subscript2d", "{x}[idx2]"),
            ("concatenate0", "nd::concatenate({{x}, {x}})"),
            ("concatenate_last", "nd::concatenate({{x}, {x}}, -1)"),
            ("concatenate_axis1", "nd::concatenate({{x}, {x}}, 1)"),
            ("concatenate_c", "nd::concatenate({{x}, nd::ascontiguousarray({x})})"),
            ("concatenate_f", "nd::concatenate({nd::asfortranarray({x}), {x}})"),
            ("squeeze0", "{x}.squeeze(0)"),
            ("transpose_neg", "{x}.transpose({-1" + "".join(", %d" % a for a in range(rank - 1)) + "})"),
            ("reshape_never", "{x}.reshape({-1}, nd::order::C, nd::copy_mode::never)"),
            ("element", "{x}(" + ", ".join(["0"] * rank) + ")")]
    return ops


CREATIONS = [
    ("zeros", "nd::zeros<double>({4, 6})"), ("zeros_F", "nd::zeros<double>({4, 6}, nd::order::F)"),
    ("ones_F", "nd::ones<double>({2, 3, 4}, nd::order::F)"), ("empty", "nd::empty<double>({4, 6})"),
    ("full_F", "nd::full<double>({4, 6}, 1.0, nd::order::F)"), ("arange", "nd::arange<double>(10)"),
    ("zeros_sym", "nd::zeros<double>({n, m})"), ("zeros_sym_F", "nd::zeros<double>({n, m}, nd::order::F)"),
    ("ones_sym3_F", "nd::ones<double>({n, 3, m}, nd::order::F)"),
    ("full_sym", "nd::full<double>({n, m}, 2.0)"), ("arange_sym", "nd::arange<double>(n)"),
]

PRELUDE = r'''// Generated by tests/model-audit/gen_cases.py: do not edit.
#include <nd/nd.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <type_traits>
#include <vector>

namespace audit {
int Failures = 0;
template <class A> bool degenerate(const A &a) {
  int longer = 0;
  for (auto d : a.shape()) {
    if (d == 0)
      return true;
    longer += d > 1;
  }
  return longer <= 1;
}
template <class T> struct is_array : std::false_type {};
template <class T> struct is_array<nd::array<T>> : std::true_type {};
} // namespace audit

// One line per probe: id, C and F flags of the result ('-' for an element),
// whether the expression allocated, whether the source and the result have a
// degenerate shape, and the result's shape ("4x6", "()" for 0-d).
template <class S, class R>
void audit_probe(int id, const nd::copy_counter &counter, const S &source,
                 const R &result) {
  std::size_t copies = counter.count();
  if constexpr (audit::is_array<R>::value) {
    std::string shape;
    for (auto d : result.shape())
      shape += (shape.empty() ? "" : "x") + std::to_string(d);
    std::printf("%d %d %d %d %d %d %s\n", id, int(result.c_contiguous()),
                int(result.f_contiguous()), int(copies > 0),
                int(audit::degenerate(source)), int(audit::degenerate(result)),
                shape.empty() ? "()" : shape.c_str());
  } else {
    std::printf("%d - - %d %d 0 -\n", id, int(copies > 0),
                int(audit::degenerate(source)));
  }
}
template <class R>
void audit_probe(int id, const nd::copy_counter &counter, const R &result) {
  audit_probe(id, counter, result, result);
}

static const auto idx = nd::from_vector(std::vector<long>{0, 1, 0});
static const auto idx2 = nd::from_vector(std::vector<long>{0, 1, 0, 0}, {2, 2});
'''


def main():
    out = sys.argv[1]
    lines = [PRELUDE]
    manifest = []  # id -> label
    exact_funcs, symbolic_funcs = [], []
    next_id = 0

    def probe(label, body, source, expr):
        nonlocal next_id
        i = next_id
        next_id += 1
        manifest.append("%d %s" % (i, label))
        args = "%d, counter, %s%s" % (i, source + ", " if source else "", expr)
        body.append("  try {\n    nd::copy_counter counter;\n    audit_probe(%s);\n"
                    "  } catch (const std::exception &) {\n"
                    "    std::printf(\"%d error\\n\");\n  }" % (args, i))

    for name, shape, setup in EXACT:
        body = []
        for label, expr in operations(len(shape), shape):
            probe("%s %s" % (name, label), body, name, expr.replace("{x}", name))
        exact_funcs.append("audit_case_%s" % name)
        lines.append("void audit_case_%s() {\n  auto %s = %s;\n%s\n}\n" %
                     (name, name, setup, "\n".join(body)))
    for name, rank, setup in SYMBOLIC:
        body = []
        for label, expr in operations(rank, None):
            probe("%s %s" % (name, label), body, name, expr.replace("{x}", name))
        symbolic_funcs.append("audit_case_%s" % name)
        lines.append("void audit_case_%s(long n, long m) {\n"
                     "  auto %s = %s;\n%s\n}\n" % (name, name, setup, "\n".join(body)))
    body = []
    for label, expr in CREATIONS:
        probe("create " + label, body, None, expr)
    symbolic_funcs.append("audit_case_create")
    lines.append("void audit_case_create(long n, long m) {\n%s\n}\n" % "\n".join(body))

    calls = ["  %s();" % f for f in exact_funcs]
    for n, m in SYMBOLIC_SHAPES:
        calls += ["  %s(%d, %d);" % (f, n, m) for f in symbolic_funcs]
    lines.append("int main() {\n%s\n  return 0;\n}\n" % "\n".join(calls))
    with open(out, "w") as f:
        f.write("\n".join(lines))
    with open(out + ".manifest", "w") as f:
        f.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
