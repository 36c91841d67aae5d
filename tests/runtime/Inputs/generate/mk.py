# Builds a lit test from a C++ body and the equivalent NumPy program: the
# CHECK lines are NumPy's output.
import subprocess, sys, os
def make(name, header, cpp, py):
    inputs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    out = subprocess.run(["/usr/bin/python3", "-c", "import sys; sys.path.insert(0, %r)\nfrom describe import *\nimport numpy as np\n" % inputs + py],
                         capture_output=True, text=True, check=True).stdout
    out_escaped = out.replace("[[", "{{\\[\\[}}")
    checks = "\n".join("// CHECK-NEXT: " + l if i else "// CHECK: " + l for i, l in enumerate(out_escaped.splitlines()))
    text = f"""// {header}
// Expected lines: NumPy 1.24.2's output for the same operations (the Python
// lines are in each comment), printed by Inputs/describe.py.
// RUN: %ndcxx -o %t && %t | %FileCheck %s
#include "describe.hpp"

int main() {{
{cpp}
}}

{checks}
"""
    open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", name + ".cpp"), "w").write(text)
    print(out)
