#!/usr/bin/python3
"""Runs bench/loop_bench.cpp's binary once and prints, for each pair of a
loop that repeats a copy and the same loop with the copy made once, the ratio
of their times (best real time of the repetitions).

Usage: bench/loop_ratios.py build/bench/loop_bench [--repetitions N]
"""

import argparse
import json
import subprocess
import sys

PAIRS = (
    ("BM_ConcatenateInLoop", "BM_CollectThenConcatenate",
     "x = concatenate({x, part}) in a loop / collect, then concatenate once"),
    ("BM_RavelPerElement", "BM_RavelHoisted",
     "a.T().ravel()(i) per element / ravel() hoisted before the loop"),
    ("BM_ExportByElement", "BM_ExportToVector",
     "v.push_back(a(i)) over all of a / a.to_vector()"),
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    cmd = [args.binary, "--benchmark_format=json",
           "--benchmark_repetitions=%d" % args.repetitions,
           "--benchmark_min_time=0.01"]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True, text=True).stdout
    best = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        name = b["run_name"]
        ns = b["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
        best[name] = min(best.get(name, ns), ns)
    print("command: %s" % " ".join(cmd))
    print("%-28s %-28s %14s %14s %9s" % ("repeated", "once", "repeated", "once", "ratio"))
    for slow, fast, what in PAIRS:
        for name in sorted(best):
            if not name.startswith(slow + "/"):
                continue
            size = name[len(slow):]
            other = fast + size
            if other not in best:
                continue
            print("%-28s %-28s %11.1f us %11.1f us %8.1fx" % (
                name, other, best[name] / 1e3, best[other] / 1e3, best[name] / best[other]))
        print("  (%s)" % what)
    return 0


if __name__ == "__main__":
    sys.exit(main())
