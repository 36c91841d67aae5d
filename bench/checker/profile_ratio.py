#!/usr/bin/env python3
"""The ndarray checks' own time as a share of a whole ndtidy run.

Runs `ndtidy --checks=-*,ndarray-* --enable-check-profile` on each file a
number of times and prints, per file, clang-tidy's check-profile total (CPU,
user + system) and the CPU time of the whole process (from wait4), and their
ratio. Parsing a TU that includes <torch/torch.h> takes seconds; the ratio
says what the checks add on top.

    bench/checker/profile_ratio.py --ndtidy build/bin/ndtidy --repeat 3 \
        tests/libcheck/torch/hc_permute_contiguous.cpp -- -std=c++17 \
        -Itests/libcheck/torch
"""

import argparse
import os
import re
import subprocess
import sys

# "   0.1807 (100.0%)   0.0000 (100.0%)   0.1807 (100.0%)   0.1848 (100.0%)  Total":
# user, system, user + system, wall.
COLUMN = re.compile(r"([\d.]+) \(\s*[\d.]+%\)")


def run_once(ndtidy, source, compile_args):
    cmd = [ndtidy, "--checks=-*,ndarray-*", "--enable-check-profile",
           "--quiet", source, "--"] + compile_args
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"ndtidy failed on {source} ({proc.returncode}):\n{output}")
    checks = None
    for line in output.splitlines():
        columns = COLUMN.findall(line)
        if line.rstrip().endswith(" Total") and len(columns) == 4:
            checks = float(columns[2])  # user + system
    if checks is None:
        sys.exit(f"no check-profile total in the output for {source}:\n"
                 f"{output}")
    return checks, usage.ru_utime + usage.ru_stime


def main():
    argv = sys.argv[1:]
    compile_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, compile_args = argv[:i], argv[i + 1:]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ndtidy", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("sources", nargs="+")
    args = parser.parse_args(argv)
    print(f"{'file':40} {'checks (s)':>10} {'process (s)':>11} {'ratio':>7}")
    for source in args.sources:
        for _ in range(args.repeat):
            checks, process = run_once(args.ndtidy, source, compile_args)
            print(f"{os.path.basename(source):40} {checks:10.3f} "
                  f"{process:11.3f} {100 * checks / process:6.1f}%")


if __name__ == "__main__":
    main()
