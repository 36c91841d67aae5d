#!/usr/bin/python3
"""Generate NumPy-oracle cases for the nd differential replayer (replay.cpp).

Run with Debian's /usr/bin/python3 (NumPy 1.24.2):

    /usr/bin/python3 gen_cases.py --seed 1234 --count 2200 -o cases.txt

Every expected value in the output is computed here by NumPy; nothing is
hand-written. The random part draws arrays (shapes with 0 and 1 dims, 0-d, C
or F order), chains of views (basic indexing with negative steps, integers,
newaxis, ellipsis; transposes, swapaxes, moveaxis, squeeze, expand_dims,
diagonal, broadcast_to) and then one operation; the fixed part ports the
edge cases of NumPy's own tests (spec section 7) into the same format.

NumPy 2.1's reshape(copy=...) is not available in 1.24; it is emulated from
the 1.24 primitives following shape.c `_reshape_with_copy_arg` (the code the
spec shows is identical in both versions apart from the copy argument).

Output format (one token list per line, blocks end with `end`):

    seed <n>                      the seed the file was generated with
    case <id> <label>             starts a case
    src <dt> <kind> <ord> <shape> source: dt f8|i4|i1, kind arange|zeros,
                                  ord C|F; arange = arange(n).reshape(shape, ord)
    step <op> <args..>            a view step on the current array (succeeds)
    bcopy                         (shares) b starts as np.copy(src), else src
    bstep <op> <args..>           (shares) a step building the second array b
    in <array>                    the array after the steps
    op <op> <args..>              the operation under test
    out <array> <shares>          result; shares = np.shares_memory(out, in)
    err <category> <message..>    the op raised (category: value index axis
                                  attribute type too_hard overflow)
    srcvals <vals>                (fill) the source's values after the op
    scalar <value>                (getitem) the element
    overlap <exact> <bounds> <may_exact> <k>:<r>   (shares) 0/1 answers and
                                  shares_memory(max_work=k) -> yes|no|too_hard
    ovl <k>:<r>,... A <off> <isz> <shape> <strides> B <off> <isz> <shape> <strides>
                                  raw overlap problem on one buffer (bytes)
    dio <b> <simplify> <k>:<r>,... <a>:<ub> ...   bounded Diophantine problem
    end

    <array> = <shape> <strides> <flags> <vals>
    shape / strides: comma lists, '-' when empty (0-d); strides in bytes
    flags: 4 chars C F O W ('.' when false): c_contiguous f_contiguous
           owndata writeable
    vals:  v:<comma list in C order> (v: when empty), or for big arrays
           sum:<count>:<sum>:<weighted> with weighted = sum((i+1)*v) mod 1e9+7

Step/op encodings: idx <items> (items: i<int> | s<start>:<stop>:<step> with _
for None | all | new | ell), T, transpose <perm|_>, swapaxes <a> <b>,
moveaxis <s> <d>, expand_dims <ax>, squeeze <ax|_>, diagonal <off> <a1> <a2>,
broadcast <shape>, view, ravel <ord|_>, flatten <ord|_>, copy <ord|_>
(ndarray.copy), npcopy <ord|_> (np.copy), ascontig, asfortran,
reshape <shape> <ord|_> <mode|_> (mode if_needed|always|never),
setshape <shape>, getitem <ints>, fill <value>, shares <k>.
"""

import argparse
import itertools
import random
import sys

import numpy as np
from numpy.lib.stride_tricks import as_strided
from numpy.core._multiarray_tests import solve_diophantine

DTYPES = {"f8": np.float64, "i4": np.int32, "i1": np.int8}
MOD = 1_000_000_007


# ---------------------------------------------------------------- encoding
def enc_list(xs):
    xs = list(xs)
    return ",".join(str(int(x)) for x in xs) if xs else "-"


def enc_vals(arr):
    flat = [int(v) for v in np.asarray(arr).reshape(-1, order="C")] if arr.size else []
    if len(flat) <= 400:
        return "v:" + ",".join(str(v) for v in flat)
    weighted = sum((i + 1) * v for i, v in enumerate(flat)) % MOD
    return "sum:%d:%d:%d" % (len(flat), sum(flat), weighted)


def enc_flags(arr):
    f = arr.flags
    return "".join(c if on else "." for c, on in
                   (("C", f.c_contiguous), ("F", f.f_contiguous),
                    ("O", f.owndata), ("W", f.writeable)))


def enc_array(arr):
    return "%s %s %s %s" % (enc_list(arr.shape), enc_list(arr.strides),
                            enc_flags(arr), enc_vals(arr))


def error_category(exc):
    name = type(exc).__name__
    return {"AxisError": "axis", "IndexError": "index", "ValueError": "value",
            "AttributeError": "attribute", "TypeError": "type",
            "TooHardError": "too_hard", "OverflowError": "overflow"}.get(name)


def enc_ord(o):
    return "_" if o is None else o


def enc_item(it):
    if it is None:
        return "new"
    if it is Ellipsis:
        return "ell"
    if isinstance(it, slice):
        if it == slice(None):
            return "all"
        f = lambda v: "_" if v is None else str(v)
        return "s%s:%s:%s" % (f(it.start), f(it.stop), f(1 if it.step is None else it.step))
    return "i%d" % it


# --------------------------------------------------------------- operations
def owner(x):
    """The array that owns x's buffer (walks .base, through DummyArray)."""
    while True:
        if isinstance(x, np.ndarray) and x.flags.owndata:
            return x
        b = getattr(x, "base", None)
        if b is None:
            return x
        x = b


def fill_strides(shape, itemsize, order):
    """_array_fill_strides: contiguous strides, zero dims counted as 1."""
    strides = [0] * len(shape)
    step = itemsize
    axes = range(len(shape)) if order == "F" else reversed(range(len(shape)))
    for i in axes:
        strides[i] = step
        if shape[i]:
            step *= shape[i]
    return tuple(strides)


def reshape_with_copy(a, shape, order, mode):
    """NumPy 2.1 ndarray.reshape(shape, order, copy=mode) from 1.24 parts."""
    kw = {} if order is None else {"order": order}
    if mode in (None, "if_needed"):
        return a.reshape(shape, **kw)
    if mode == "never":
        r = a.reshape(shape, **kw)  # raises the same errors first
        if owner(r) is not owner(a):
            raise ValueError("Unable to avoid creating a copy while reshaping.")
        return r
    # always: errors as 1.24 (K first, then the unknown-dimension checks).
    template = a.reshape(shape, **kw)
    o = order or "C"
    if o == "A":
        o = "F" if (a.flags.f_contiguous and not a.flags.c_contiguous) else "C"
    c = a.copy(order=o)
    r = as_strided(c, shape=template.shape,
                   strides=fill_strides(template.shape, a.itemsize, o))
    assert np.array_equal(r, c.reshape(template.shape, order=o))
    return r


def apply_op(a, op):
    name, args = op[0], op[1:]
    if name == "idx":
        return a[tuple(args[0])]
    if name == "T":
        return a.T
    if name == "transpose":
        return a.transpose() if args[0] is None else a.transpose(args[0])
    if name == "swapaxes":
        return a.swapaxes(args[0], args[1])
    if name == "moveaxis":
        return np.moveaxis(a, args[0], args[1])
    if name == "expand_dims":
        return np.expand_dims(a, args[0])
    if name == "squeeze":
        return a.squeeze() if args[0] is None else a.squeeze(axis=args[0])
    if name == "diagonal":
        return a.diagonal(args[0], args[1], args[2])
    if name == "broadcast":
        return np.broadcast_to(a, args[0])
    if name == "view":
        return a.view()
    if name == "ravel":
        return a.ravel() if args[0] is None else a.ravel(args[0])
    if name == "flatten":
        return a.flatten() if args[0] is None else a.flatten(args[0])
    if name == "copy":
        return a.copy() if args[0] is None else a.copy(args[0])
    if name == "npcopy":
        return np.copy(a) if args[0] is None else np.copy(a, order=args[0])
    if name == "ascontig":
        return np.ascontiguousarray(a)
    if name == "asfortran":
        return np.asfortranarray(a)
    if name == "reshape":
        return reshape_with_copy(a, args[0], args[1], args[2])
    if name == "setshape":
        b = a.view()
        b.shape = args[0]
        return b
    raise AssertionError(name)


def enc_op(op):
    name, args = op[0], op[1:]
    if name == "idx":
        return "idx " + " ".join(enc_item(it) for it in args[0])
    if name in ("T", "view", "ascontig", "asfortran"):
        return name
    if name == "transpose":
        return "transpose " + ("_" if args[0] is None else enc_list(args[0]))
    if name in ("swapaxes", "moveaxis"):
        return "%s %d %d" % (name, args[0], args[1])
    if name == "expand_dims":
        return "expand_dims %d" % args[0]
    if name == "squeeze":
        return "squeeze " + ("_" if args[0] is None else str(args[0]))
    if name == "diagonal":
        return "diagonal %d %d %d" % tuple(args)
    if name in ("broadcast", "setshape"):
        return "%s %s" % (name, enc_list(args[0]))
    if name in ("ravel", "flatten", "copy", "npcopy"):
        return "%s %s" % (name, enc_ord(args[0]))
    if name == "reshape":
        return "reshape %s %s %s" % (enc_list(args[0]), enc_ord(args[1]),
                                     "_" if args[2] is None else args[2])
    if name == "getitem":
        return "getitem " + enc_list(args[0])
    if name == "fill":
        return "fill %d" % args[0]
    if name == "shares":
        return "shares %d" % args[0]
    raise AssertionError(name)


def make_source(dt, kind, order, shape):
    n = int(np.prod(shape, dtype=np.int64))
    if kind == "zeros":
        return np.zeros(shape, dtype=DTYPES[dt], order=order)
    return np.arange(n, dtype=DTYPES[dt]).reshape(shape, order=order)


# ------------------------------------------------------------------- cases
class Writer:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.labels = {}

    def case(self, label, src, steps, op, bsteps=None, bcopy=False):
        """Evaluates one case with NumPy and writes it; returns False when a
        step fails (the caller then draws another case)."""
        arr_src = make_source(*src)
        a = arr_src
        try:
            for s in steps:
                a = apply_op(a, s)
            if op[0] == "shares":
                b = np.copy(arr_src) if bcopy else arr_src
                for s in bsteps:
                    b = apply_op(b, s)
        except Exception as exc:  # noqa: BLE001 - invalid chain: redraw
            if error_category(exc) is None:
                raise
            return False
        lines = ["case %d %s" % (self.count, label),
                 "src %s %s %s %s" % (src[0], src[1], src[2], enc_list(src[3]))]
        lines += ["step " + enc_op(s) for s in steps]
        if op[0] == "shares":
            if bcopy:
                lines.append("bcopy")
            lines += ["bstep " + enc_op(s) for s in bsteps]
        lines.append("in " + enc_array(a))
        lines.append("op " + enc_op(op))
        try:
            lines += self.result(arr_src, a, op, b if op[0] == "shares" else None)
        except Exception as exc:  # noqa: BLE001 - NumPy's error is the oracle
            cat = error_category(exc)
            if cat is None:
                raise
            msg = str(exc).replace("\n", " ")
            lines.append("err %s %s" % (cat, msg))
        lines.append("end")
        self.out.write("\n".join(lines) + "\n")
        self.count += 1
        key = label.split(":")[0]
        self.labels[key] = self.labels.get(key, 0) + 1
        return True

    def result(self, src, a, op, b):
        name = op[0]
        if name == "getitem":
            return ["scalar %d" % int(a[tuple(op[1])])]
        if name == "fill":
            a.fill(op[1])
            return ["srcvals " + enc_vals(src)]
        if name == "shares":
            k = op[1]
            exact = np.shares_memory(a, b)
            bounds = np.may_share_memory(a, b)
            may_exact = np.may_share_memory(a, b, max_work=-1)
            try:
                capped = "yes" if np.shares_memory(a, b, max_work=k) else "no"
            except np.TooHardError:
                capped = "too_hard"
            return ["overlap %d %d %d %d:%s" % (exact, bounds, may_exact, k, capped)]
        r = apply_op(a, op)
        return ["out %s %d" % (enc_array(r), np.shares_memory(r, a))]

    def raw(self, line):
        self.out.write(line + "\nend\n")
        self.count += 1
        key = line.split()[0]
        self.labels[key] = self.labels.get(key, 0) + 1


# ----------------------------------------------------------- random drawing
ORDERS = ["C", "F", "A", "K"]


def draw_shape(rng, max_ndim=4):
    ndim = rng.choices(range(max_ndim + 1), weights=[8, 22, 30, 25, 15][:max_ndim + 1])[0]
    return tuple(rng.choices([0, 1, 2, 3, 4, 5, 6], weights=[4, 20, 25, 22, 14, 9, 6])[0]
                 for _ in range(ndim))


def draw_source(rng):
    shape = draw_shape(rng)
    dt = rng.choices(["f8", "i4"], weights=[85, 15])[0]
    kind = rng.choices(["arange", "zeros"], weights=[85, 15])[0]
    return (dt, kind, rng.choice("CF"), shape)


def draw_slice(rng, n):
    def bound():
        return None if rng.random() < 0.35 else rng.randint(-n - 2, n + 2)
    step = rng.choice([1, 1, 1, 2, 3, -1, -1, -2, -3, 4])
    return slice(bound(), bound(), step)


def draw_index(rng, shape, valid=True):
    ndim = len(shape)
    k = rng.randint(0, ndim)
    items = []
    for ax in range(k):
        n = shape[ax]
        r = rng.random()
        if r < 0.45:
            items.append(draw_slice(rng, n))
        elif r < 0.7 and n > 0:
            items.append(rng.randint(-n, n - 1))
        else:
            items.append(slice(None))
    if rng.random() < 0.25:
        items.insert(rng.randint(0, len(items)), Ellipsis)
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        items.insert(rng.randint(0, len(items)), None)
    if not valid:
        r = rng.random()
        if r < 0.4 and ndim > 0:  # out-of-range integer
            ax = rng.randrange(ndim)
            bad = rng.choice([shape[ax], shape[ax] + 2, -shape[ax] - 1])
            items = [slice(None)] * ax + [bad]
        elif r < 0.7 and ndim < 4:  # too many indices
            items = [0] * ndim + [slice(None)]
        else:  # two ellipses
            items = [Ellipsis, slice(None), Ellipsis]
    # The replayer instantiates a(...) for up to 4 items of each kind.
    while len(items) > 4:
        extra = [i for i, it in enumerate(items) if it is None or it is Ellipsis]
        items.pop(rng.choice(extra) if extra else -1)
    # Only integers would be element access in nd; NumPy's a[1, ...] is the
    # equivalent view. An empty index tuple becomes a[...].
    if all(isinstance(it, int) for it in items):
        items = items[:3] + [Ellipsis]
    return ("idx", items)


def draw_axis(rng, ndim, valid=True):
    if valid:
        return rng.randint(-ndim, ndim - 1)
    return rng.choice([ndim, ndim + 1, -ndim - 1])


def draw_view_step(rng, shape):
    ndim = len(shape)
    kinds = ["idx"] * 8 + ["T", "transpose", "swapaxes", "moveaxis", "expand_dims",
                           "squeeze", "view"]
    if ndim >= 2:
        kinds += ["diagonal"]
    kinds += ["broadcast"]
    kind = rng.choice(kinds)
    if kind == "idx":
        return draw_index(rng, shape)
    if ndim == 0 and kind in ("swapaxes", "moveaxis"):
        kind = "T"
    if kind in ("T", "view"):
        return (kind,)
    if kind == "transpose":
        if rng.random() < 0.2:
            return ("transpose", None)
        perm = list(range(ndim))
        rng.shuffle(perm)
        return ("transpose", tuple(perm))
    if kind in ("swapaxes", "moveaxis"):
        return (kind, draw_axis(rng, ndim), draw_axis(rng, ndim))
    if kind == "expand_dims":
        return ("expand_dims", draw_axis(rng, ndim + 1))
    if kind == "squeeze":
        ones = [i for i, d in enumerate(shape) if d == 1]
        if ones and rng.random() < 0.5:
            return ("squeeze", rng.choice(ones) - (ndim if rng.random() < 0.3 else 0))
        return ("squeeze", None)
    if kind == "diagonal":
        a1, a2 = rng.sample(range(ndim), 2)
        return ("diagonal", rng.randint(-2, 2), a1, a2)
    # broadcast: prepend dims and/or stretch dims of 1.
    target = [d if d != 1 or rng.random() < 0.5 else rng.randint(2, 3) for d in shape]
    target = [rng.randint(1, 3) for _ in range(rng.choice([0, 0, 1]))] + target
    return ("broadcast", tuple(target))


def factor_shape(rng, size):
    """A random shape with the given size (may include 1s)."""
    if size == 0:
        dims = [rng.choice([0, 1, 2, 3]) for _ in range(rng.randint(1, 3))]
        dims[rng.randrange(len(dims))] = 0
        return dims
    dims = []
    rest = size
    for _ in range(rng.randint(0, 3)):
        divs = [d for d in range(1, rest + 1) if rest % d == 0]
        d = rng.choice(divs)
        dims.append(d)
        rest //= d
    dims.append(rest)
    if rng.random() < 0.3:
        dims.insert(rng.randint(0, len(dims)), 1)
    if size == 1 and rng.random() < 0.3:
        dims = []
    rng.shuffle(dims)
    return dims


def draw_reshape(rng, a):
    size = a.size
    r = rng.random()
    if r < 0.7:
        target = factor_shape(rng, size)
        if target and rng.random() < 0.4:
            target[rng.randrange(len(target))] = rng.choice([-1, -1, -1, -2])
    elif r < 0.8:
        target = list(a.shape)  # same shape: the PyArray_View shortcut
    elif r < 0.9:
        target = factor_shape(rng, size + rng.randint(1, 3))  # size mismatch
    else:
        target = factor_shape(rng, max(size, 1)) + [-1, -1]  # two unknowns
    order = rng.choices([None, "C", "F", "A", "K"], weights=[25, 25, 25, 17, 8])[0]
    mode = rng.choices([None, "if_needed", "always", "never"], weights=[30, 15, 20, 35])[0]
    return ("reshape", tuple(target), order, mode)


def draw_op(rng, a):
    shape = a.shape
    ndim = a.ndim
    kind = rng.choices(
        ["ravel", "flatten", "reshape", "copy", "npcopy", "ascontig", "asfortran",
         "squeeze", "expand_dims", "diagonal", "transpose", "swapaxes", "moveaxis",
         "idx", "getitem", "fill", "setshape", "shares", "view"],
        weights=[16, 6, 26, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 8, 4, 3, 5, 0, 1])[0]
    valid = rng.random() < 0.85
    if kind in ("ravel", "flatten", "copy", "npcopy"):
        return (kind, rng.choice([None] + ORDERS))
    if kind in ("ascontig", "asfortran", "view"):
        return (kind,)
    if kind == "reshape":
        return draw_reshape(rng, a)
    if kind == "setshape":
        r = draw_reshape(rng, a)
        return ("setshape", r[1])
    if kind == "squeeze":
        if not valid and ndim > 0:
            non_one = [i for i, d in enumerate(shape) if d != 1]
            if non_one:
                return ("squeeze", rng.choice(non_one))
            return ("squeeze", draw_axis(rng, ndim, False))
        if 1 in shape and rng.random() < 0.5:
            return ("squeeze", shape.index(1))
        return ("squeeze", None)
    if kind == "expand_dims":
        return ("expand_dims", draw_axis(rng, ndim + 1, valid))
    if kind == "diagonal":
        if ndim < 2:
            return ("diagonal", 0, 0, 1)
        if not valid:
            if rng.random() < 0.5:
                ax = rng.randrange(ndim)
                return ("diagonal", 0, ax, ax - ndim if rng.random() < 0.5 else ax)
            return ("diagonal", 0, 0, draw_axis(rng, ndim, False))
        a1, a2 = rng.sample(range(ndim), 2)
        return ("diagonal", rng.randint(-3, 3), a1, a2)
    if kind == "transpose":
        if not valid:
            return ("transpose", tuple(rng.choice([[0] * max(ndim, 2), list(range(ndim + 1))])))
        perm = list(range(ndim))
        rng.shuffle(perm)
        return ("transpose", tuple(perm))
    if kind in ("swapaxes", "moveaxis"):
        if ndim == 0 and valid:
            return ("T",)
        return (kind, draw_axis(rng, ndim, valid), draw_axis(rng, ndim, True if ndim else valid))
    if kind == "idx":
        return draw_index(rng, shape, valid)
    if kind == "getitem":
        if ndim == 0 or ndim > 4 or a.size == 0:  # the replayer spells a(i, j, k, l) at most
            return draw_index(rng, shape, valid)
        idx = [rng.randint(-d, d - 1) for d in shape]
        if not valid:
            ax = rng.randrange(ndim)
            idx[ax] = rng.choice([shape[ax], -shape[ax] - 1])
        return ("getitem", tuple(idx))
    if kind == "fill":
        return ("fill", rng.randint(100, 999))
    raise AssertionError(kind)


def random_cases(rng, w, count):
    made = 0
    while made < count:
        src = draw_source(rng)
        steps = []
        a = make_source(*src)
        for _ in range(rng.choices([0, 1, 2, 3], weights=[25, 35, 25, 15])[0]):
            s = draw_view_step(rng, a.shape)
            try:
                a2 = apply_op(a, s)
            except Exception as exc:  # noqa: BLE001
                if error_category(exc) is None:
                    raise
                continue
            if a2.size > 2000:
                continue
            a = a2
            steps.append(s)
        if rng.random() < 0.12:
            # Pairs of views of one source (or of a copy) for shares_memory.
            bsteps = []
            b = make_source(*src)
            for _ in range(rng.randint(0, 2)):
                s = draw_view_step(rng, b.shape)
                try:
                    b = apply_op(b, s)
                except Exception as exc:  # noqa: BLE001
                    if error_category(exc) is None:
                        raise
                    continue
                bsteps.append(s)
            k = rng.choice([1, 1, 2, 3, 5])
            made += w.case("shares:random", src, steps, ("shares", k), bsteps,
                           bcopy=rng.random() < 0.1)
            continue
        op = draw_op(rng, a)
        made += w.case("%s:random" % op[0], src, steps, op)


def overlap_problems(rng, w, count):
    """Raw strided views of one byte buffer; NumPy answers for several caps."""
    buf = np.zeros(4096, dtype=np.uint8)
    caps = [-1, 0, 1, 2, 3, 4, 6, 10, 25]
    dts = {1: np.int8, 2: np.int16, 4: np.int32, 8: np.int64}

    def view():
        isz = rng.choice([1, 2, 4, 8])
        ndim = rng.randint(0, 4)
        shape = [rng.choice([0, 1, 2, 3, 4, 5, 7, 9, 12]) if rng.random() > 0.05 else 0
                 for _ in range(ndim)]
        strides = [rng.choice([0, 1, -1]) * rng.randint(1, 60) if rng.random() < 0.8 else
                   rng.choice([isz, -isz, 2 * isz, 7, 13]) for _ in range(ndim)]
        lo = sum(s * (d - 1) for s, d in zip(strides, shape) if s < 0 and d > 0)
        hi = sum(s * (d - 1) for s, d in zip(strides, shape) if s > 0 and d > 0)
        off = rng.randint(-lo, max(-lo, 1200 - hi))
        arr = np.ndarray(shape, dtype=dts[isz], buffer=buf, offset=off, strides=strides)
        return arr, off, isz, shape, strides

    made = 0
    while made < count:
        a, oa, ia, sa, ta = view()
        b, ob, ib, sb, tb = view()
        answers = []
        for k in caps:
            try:
                answers.append("%d:%s" % (k, "yes" if np.shares_memory(a, b, max_work=k) else "no"))
            except np.TooHardError:
                answers.append("%d:too_hard" % k)
        w.raw("ovl %s A %d %d %s %s B %d %d %s %s" % (
            ",".join(answers), oa, ia, enc_list(sa), enc_list(ta),
            ob, ib, enc_list(sb), enc_list(tb)))
        made += 1


def diophantine_problems(rng, w, count):
    """NumPy's own solver (test helper) on random bounded problems, as in
    test_mem_overlap.py::test_diophantine_fuzz, including huge values."""
    max_int = np.iinfo(np.int64).max
    caps = [-1, 1, 2, 3, 5, 8, 20]
    made = 0
    while made < count:
        n = rng.randint(0, 6)
        if rng.random() < 0.1:
            a_max, u_max = max_int // rng.choice([1, 2, 3]), max_int // rng.choice([1, 2, 7])
        else:
            a_max = 1 + rng.randint(0, 10) ** rng.randint(1, 6)
            u_max = rng.randint(0, 10) ** rng.randint(1, 6)
        terms = [(rng.randint(1, a_max), rng.randint(0, min(u_max + 1, max_int - 1)))
                 for _ in range(n)]
        b_ub = min(max_int - 2, sum(x * u for x, u in terms))
        b = rng.randint(-1, b_ub + 1)
        simplify = rng.randint(0, 1)
        A = tuple(t[0] for t in terms)
        U = tuple(t[1] for t in terms)
        answers = []
        for k in caps:
            try:
                x = solve_diophantine(A, U, b, max_work=k, simplify=simplify)
                answers.append("%d:%s" % (k, "no" if x is None else "yes"))
            except RuntimeError:  # "Too much work done"
                answers.append("%d:too_hard" % k)
            except OverflowError:
                answers.append("%d:overflow" % k)
        w.raw("dio %d %d %s %s" % (b, simplify, ",".join(answers),
                                    " ".join("%d:%d" % t for t in terms)))
        made += 1


# --------------------------------------------------------------- fixed cases
def fixed_cases(w):
    """NumPy's edge-case tests (spec section 7) as cases. Arrays NumPy builds
    with `a.strides = ...` or as_strided are rebuilt with public views that
    give the same layout property (the nd API has no stride setter)."""
    f8 = lambda kind, order, shape: ("f8", kind, order, tuple(shape))
    A = lambda *shape: f8("arange", "C", shape)
    orders = [None] + ORDERS

    # test_multiarray.py TestMethods.test_ravel
    for src in (A(2, 2), f8("arange", "F", (2, 2))):
        for o in orders:
            w.case("test_ravel:contig", src, [], ("ravel", o))
            w.case("test_ravel:reshape-1", src, [], ("reshape", (-1,), o if o != "K" else "A", None))
    for o in orders:
        w.case("test_ravel:reversed_rows", A(2, 2), [("idx", [slice(None, None, -1), slice(None)])],
               ("ravel", o))
        w.case("test_ravel:1d_step2", A(10), [("idx", [slice(None, None, 2)])], ("ravel", o))
        # arange(4)[::-1].reshape(2, 2)
        w.case("test_ravel:negative", A(4), [("idx", [slice(None, None, -1)]),
                                             ("reshape", (2, 2), None, None)], ("ravel", o))
        w.case("test_ravel:0d", A(), [], ("ravel", o))
    # Non-contiguous, with a size-1 axis: arange(16)[::2].reshape(2,1,2,2).swapaxes(-1,-2)
    w.case("test_ravel:size1_noncontig", A(16),
           [("idx", [slice(None, None, 2)]), ("reshape", (2, 1, 2, 2), None, None),
            ("swapaxes", -1, -2)], ("ravel", "K"))
    # Contiguous with a size-1 axis whose stride does not match (NumPy sets
    # it to 123; here newaxis gives 0 and a transpose gives 64).
    w.case("test_ravel:size1_stride0", A(8),
           [("reshape", (2, 2, 2), None, None), ("idx", [slice(None), None]),
            ("swapaxes", -1, -2)], ("ravel", "K"))
    w.case("test_ravel:size1_stride_mismatch", A(8),
           [("reshape", (1, 2, 2, 2), None, None), ("transpose", (1, 0, 3, 2))], ("ravel", "K"))
    # 1-element array with odd strides (NumPy: strides (123, 432)).
    w.case("test_ravel:one_element_odd_strides", A(10, 10),
           [("idx", [slice(3, 4, 7), slice(5, 6, 9)])], ("ravel", "K"))
    # b = arange(32)[::2].reshape(2,2,2,2); b[..., ::2] and b[::2, ...]
    b_steps = [("idx", [slice(None, None, 2)]), ("reshape", (2, 2, 2, 2), None, None)]
    for o in ORDERS:
        w.case("test_ravel:b_last_step2", A(32), b_steps + [("idx", [Ellipsis, slice(None, None, 2)])],
               ("ravel", o))
        w.case("test_ravel:b_first_step2", A(32), b_steps + [("idx", [slice(None, None, 2), Ellipsis])],
               ("ravel", o))
    # test_regression.py test_ravel_with_order: ones(2).ravel('F') is a view.
    w.case("test_ravel_with_order", f8("zeros", "C", (2,)), [], ("ravel", "F"))

    # test_api.py test_contiguous_flags. a = ones((4,4,1))[::2] with stride
    # -123 on the size-1 axis; here [::-1] of that axis (stride -8).
    a_steps = [("idx", [slice(None, None, 2), slice(None), slice(None, None, -1)])]
    ones441 = f8("zeros", "C", (4, 4, 1))
    w.case("test_contiguous_flags:a", ones441, a_steps, ("view",))
    w.case("test_contiguous_flags:b", f8("zeros", "C", (2, 2, 1, 2, 2)), [], ("swapaxes", 3, 4))
    w.case("test_contiguous_flags:empty", f8("zeros", "C", (2, 2, 0, 2, 2)), [], ("view",))
    w.case("test_contiguous_flags:F_unit", f8("arange", "F", (1, 2, 1)), [], ("view",))
    w.case("test_contiguous_flags:empty22", f8("zeros", "C", (2, 2)), [], ("view",))
    w.case("test_contiguous_flags:empty22F", f8("zeros", "F", (2, 2)), [], ("view",))
    w.case("test_contiguous_flags:ascontig", ones441, a_steps, ("ascontig",))
    w.case("test_contiguous_flags:a0", ones441, a_steps, ("idx", [0, Ellipsis]))
    w.case("test_contiguous_flags:a_new", ones441, a_steps,
           ("idx", [None, slice(None, None, 4), Ellipsis, None]))
    b_sw = [("swapaxes", 3, 4)]
    w.case("test_contiguous_flags:b00", f8("zeros", "C", (2, 2, 1, 2, 2)), b_sw, ("idx", [0, 0, Ellipsis]))
    w.case("test_contiguous_flags:b_empty", f8("zeros", "C", (2, 2, 1, 2, 2)), b_sw,
           ("idx", [slice(None), slice(None), slice(0, 0)]))  # b[:, :, 0:0, :, :]
    w.case("test_contiguous_flags:ravel", ones441, a_steps, ("ravel", None))
    w.case("test_contiguous_flags:squeeze", f8("zeros", "C", (1, 3, 1)), [], ("squeeze", None))

    # test_regression.py reshape regressions.
    w.case("test_reshape_zero_strides", f8("arange", "C", (1,)),
           [("broadcast", (5,))], ("reshape", (5, 1), None, None))
    for o in (None, "F"):
        w.case("test_reshape_trailing_ones_strides", ("i4", "zeros", "C", (12,)),
               [("idx", [slice(None, None, 2)])], ("reshape", (3, 2, 1, 1), o, None))
    w.case("test_reshape_trailing_ones_strides:0d", ("i4", "zeros", "C", ()), [],
           ("reshape", (1, 1), None, None))
    w.case("test_reshape_size_overflow", A(20), [("idx", [slice(None, None, 2)])],
           ("reshape", (2, 13, 419, 691, 823, 2977518503), None, None))
    w.case("test_reshape_order", A(6), [], ("reshape", (2, 3), "F", None))
    w.case("test_reshape_order:column", A(4, 2), [("idx", [slice(None), 1])],
           ("reshape", (2, 2), "F", None))
    w.case("test_reshape_zero_size", f8("zeros", "C", (0, 2)), [], ("setshape", (-1, 2)))
    w.case("test_squeeze_contiguous:a", f8("zeros", "C", (1, 2)), [], ("squeeze", None))
    w.case("test_squeeze_contiguous:b", f8("zeros", "F", (2, 2, 2)),
           [("idx", [slice(None), slice(None), slice(None, None, 2)])], ("squeeze", None))
    w.case("test_copymodule_preserves_f_contiguity", f8("arange", "F", (2, 2)), [], ("npcopy", "K"))

    # Spec section 3/8 examples and test_numeric.py test_reshape_copy_arg.
    s44 = [("idx", [slice(None), slice(None, None, 2)])]  # (4,2) strides (32,16)
    for target in ((2, 2, 4), (4, 2, 2), (16,)):
        w.case("spec_reshape_nocopy", A(4, 6), [("idx", [slice(None), slice(0, 4)])],
               ("reshape", target, None, None))
    w.case("spec_reshape_nocopy:m", f8("zeros", "C", (4, 1, 3)), [("idx", [slice(None, None, 2)])],
           ("reshape", (2, 3), None, None))
    for mode in (None, "if_needed", "always", "never"):
        for order in ("C", "F"):
            w.case("test_reshape_copy_arg", A(2, 3), [("T",)], ("reshape", (6,), order, mode))
            w.case("test_reshape_copy_arg", A(2, 3), [], ("reshape", (3, 2), order, mode))
            w.case("test_reshape_copy_arg", A(4, 4), s44, ("reshape", (8,), order, mode))
    for shape in ((6,), (3, 2), (2, 3)):
        w.case("spec_shape_setter", A(2, 3), [("T",)], ("setshape", shape))
        w.case("spec_shape_setter:F", f8("arange", "F", (2, 3)), [], ("setshape", shape))
    w.case("spec_reshape_unknown", A(2, 3), [], ("reshape", (-2, 3), None, None))
    w.case("spec_reshape_unknown", f8("zeros", "C", (0, 3)), [], ("reshape", (-1, 0), None, None))
    w.case("spec_reshape_unknown", f8("zeros", "C", (0, 3)), [], ("reshape", (-1,), None, None))
    w.case("spec_reshape_K", A(2, 3), [], ("reshape", (3, 2), "K", None))
    w.case("spec_reshape_K", A(2, 3), [], ("reshape", (2, 3), "K", None))
    for op in (("copy", None), ("npcopy", None), ("flatten", None), ("ascontig",), ("asfortran",)):
        w.case("spec_copies", f8("arange", "F", (2, 3)), [], op)
        w.case("spec_copies", A(2, 3, 4), [("transpose", (1, 0, 2))], op)
    w.case("spec_diagonal_readonly", A(3, 4), [], ("diagonal", 0, 0, 1))
    w.case("spec_diagonal_readonly", A(3, 4), [("diagonal", 1, 0, 1)], ("fill", 5))
    w.case("spec_broadcast_readonly", A(3), [("broadcast", (4, 3))], ("view",))
    w.case("spec_broadcast_readonly", A(3), [("broadcast", (4, 3))], ("ravel", None))
    w.case("spec_broadcast_readonly", A(3), [("broadcast", (4, 3))], ("flatten", None))
    w.case("spec_views", A(2, 3), [], ("idx", [Ellipsis]))

    # test_mem_overlap.py test_may_share_memory_manual through the public
    # API (int8 zeros; the int16 reinterpretation is covered by ovl cases).
    for base in ([], [("idx", [slice(None), slice(None), slice(None, None, 2), slice(None)])]):
        shape = (13, 21, 23 * (2 if base else 1), 22)
        for flips in itertools.product([slice(None), slice(None, None, -1)], repeat=4):
            x = base + ([("idx", list(flips))] if any(f.step for f in flips) else [])
            src = ("i1", "zeros", "C", shape)
            w.case("test_may_share_memory_manual:rows", src, x + [("idx", [slice(None), 0])],
                   ("shares", 1), x + [("idx", [slice(None), 1])])
            w.case("test_may_share_memory_manual:steps", src,
                   x + [("idx", [slice(None), slice(None, None, 7)])],
                   ("shares", 1), x + [("idx", [slice(None), slice(3, None, 3)])])
    w.case("test_may_share_memory_manual:unit", ("i1", "zeros", "C", (1,)), [], ("shares", 1), [])
    w.case("test_may_share_memory_manual:unit_copy", ("i1", "zeros", "C", (1,)), [], ("shares", 1), [],
           bcopy=True)
    # test_shares_memory_api and the spec's section 6 table.
    x456 = ("i1", "zeros", "C", (4, 5, 6))
    w.case("test_shares_memory_api", x456, [], ("shares", 1), [])
    w.case("test_shares_memory_api:copy", x456, [], ("shares", 1), [], bcopy=True)
    w.case("test_shares_memory_api:too_hard", x456,
           [("idx", [slice(None), slice(None, None, 2), slice(None, None, 3)])], ("shares", 1),
           [("idx", [slice(None), slice(None, None, 3), slice(None, None, 2)])])
    y = A(10)
    w.case("spec_overlap:even_odd", y, [("idx", [slice(None, None, 2)])], ("shares", 1),
           [("idx", [slice(1, None, 2)])])
    w.case("spec_overlap:columns", A(4, 5), [("idx", [slice(None), 0])], ("shares", 1),
           [("idx", [slice(None), 1])])
    w.case("spec_overlap:rows", A(4, 5), [("idx", [0, Ellipsis])], ("shares", 1), [("idx", [1, Ellipsis])])
    w.case("spec_overlap:empty", y, [("idx", [slice(3, 3)])], ("shares", 1), [])
    w.case("spec_overlap:reversed", y, [("idx", [slice(None, None, -2)])], ("shares", 1),
           [("idx", [slice(-2, None, -2)])])
    # test_may_share_memory_manual's itemsize checks need a view(int16); as
    # raw problems on one buffer (NumPy's answers for every cap).
    buf = np.zeros(13 * 21 * 23 * 22, dtype=np.int8)
    x = buf.reshape(13, 21, 23, 22)
    xp = buf.view(np.int16).reshape(13, 21, 23, 11)
    pairs = [(x[:, ::7], xp), (x[:, ::7], xp[:, 3::3]), (buf[6:7], xp[:, ::7]), (buf[6:6], xp[:, ::7])]
    base_addr = buf.__array_interface__["data"][0]
    for a, b in pairs:
        answers = []
        for k in [-1, 0, 1, 2, 3, 4, 6, 10, 25]:
            try:
                answers.append("%d:%s" % (k, "yes" if np.shares_memory(a, b, max_work=k) else "no"))
            except np.TooHardError:
                answers.append("%d:too_hard" % k)
        off = lambda arr: arr.__array_interface__["data"][0] - base_addr
        w.raw("ovl %s A %d %d %s %s B %d %d %s %s" % (
            ",".join(answers), off(a), a.itemsize, enc_list(a.shape), enc_list(a.strides),
            off(b), b.itemsize, enc_list(b.shape), enc_list(b.strides)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--count", type=int, default=2200, help="random operation cases")
    ap.add_argument("--overlap", type=int, default=400, help="raw overlap problems")
    ap.add_argument("--diophantine", type=int, default=300, help="raw Diophantine problems")
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w")
    out.write("# generated by gen_cases.py with NumPy %s\nseed %d\n" % (np.__version__, args.seed))
    w = Writer(out)
    fixed_cases(w)
    nfixed = w.count
    random_cases(rng, w, args.count)
    overlap_problems(rng, w, args.overlap)
    diophantine_problems(rng, w, args.diophantine)
    if out is not sys.stdout:
        out.close()
    summary = ", ".join("%s %d" % kv for kv in sorted(w.labels.items()))
    print("gen_cases: seed %d: %d cases (%d fixed); %s" % (args.seed, w.count, nfixed, summary),
          file=sys.stderr)


if __name__ == "__main__":
    main()
