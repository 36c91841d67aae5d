# The oracle side of describe.hpp: prints NumPy arrays in the same format.
# Usage: /usr/bin/python3 -c 'from describe import *; ...'
import numpy as np

def tup(t):
    t = tuple(int(x) for x in t)
    return "(" + ",".join(str(x) for x in t) + ("," if len(t) == 1 else "") + ")"

def describe(label, a):
    f = a.flags
    print(f"{label}: shape={tup(a.shape)} strides={tup(a.strides)} C={int(f.c_contiguous)} "
          f"F={int(f.f_contiguous)} own={int(f.owndata)} w={int(f.writeable)}")

def values(label, a):
    print(f"{label}:" + "".join(" %g" % v for v in np.asarray(a).ravel(order="C")))
