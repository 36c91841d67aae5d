#!/usr/bin/python3
"""Times the ndarray-* checks against a trivial check on generated code.

Usage:
  time_checker.py --ndtidy build/bin/ndtidy --include runtime/include
                  [--functions 320] [--adversarial 1000] [--repeat 5]
                  [--max-overhead 10] [--adversarial-budget 60]
                  [--chain 3000] [--chain-max-ratio 2]

In one run it generates (gen_tu.py) a translation unit of hundreds of
functions and a second one holding only the adversarial function, then runs
ndtidy on each, alternating between

  nd:      --checks='-*,ndarray-*'
  trivial: --checks='-*,readability-braces-around-statements'

so that both see the same machine load. Each figure is the best of --repeat
runs, as the child's CPU time (user + sys, from wait4: robust when other
jobs share the machine) and as wall-clock time. Parsing dominates both; the
difference is the checks. Each round runs both back to back (which one
first alternates between rounds), and the overhead is the median over the
rounds of cpu(nd) / cpu(trivial) - 1: on this project's machines the
trivial run's own CPU time drifts by up to 10% between rounds, which a
ratio of two best-of figures taken in different rounds does not cancel
and a ratio within one round does. The best-of figures and their ratio are
printed too. It also reports the ndarray checks' own time from
clang-tidy's --enable-check-profile.

A third TU holds one statement chaining --chain view calls (a.T().T()...):
the ndarray checks must stay linear in its length.

Exit status 1 if the overhead exceeds --max-overhead percent (when given),
if the adversarial function takes longer than --adversarial-budget seconds
under the ndarray checks, or if on the chain they take more than
--chain-max-ratio times the trivial check's CPU time.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_tu  # noqa: E402

ND = "--checks=-*,ndarray-*"
TRIVIAL = "--checks=-*,readability-braces-around-statements"


def tidy_cmd(args, checks, source, extra=()):
    return [args.ndtidy, checks, "--quiet", *extra, source, "--",
            "-std=c++20", "-I", args.include]


class Done:
    def __init__(self, returncode, stdout, stderr, wall, cpu):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr
        self.wall, self.cpu = wall, cpu


def timed(cmd):
    """Runs cmd; returns its wall time and its own CPU time (user + sys)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = Done(child.returncode, out.read(), err.read(), wall, usage.ru_utime + usage.ru_stime)
    if done.returncode != 0 and "error:" in done.stdout + done.stderr:
        sys.exit("time_checker: %s failed:\n%s" % (" ".join(cmd), (done.stdout + done.stderr)[-3000:]))
    return done


def check_profile(args, source, workdir):
    """Seconds spent in ndarray-* checks (user+sys) per clang-tidy's profile."""
    prefix = os.path.join(workdir, "profile")
    os.makedirs(prefix, exist_ok=True)
    timed(tidy_cmd(args, ND, source, ["--enable-check-profile",
                                      "--store-check-profile=" + prefix]))
    total = 0.0
    for name in os.listdir(prefix):
        with open(os.path.join(prefix, name)) as f:
            data = json.load(f)
        for key, value in data.get("profile", {}).items():
            if "ndarray-" in key and key.endswith(".wall"):
                total += float(value)
        os.remove(os.path.join(prefix, name))
    return total


def measure(args, source, repeat):
    """Best-of-repeat CPU and wall times for both configurations, alternating,
    and the CPU ratio nd/trivial of each round (best["ratios"])."""
    best = {key: float("inf") for key in ("nd", "trivial", "nd_wall", "trivial_wall")}
    best["ratios"] = []
    warnings = 0
    order = (("trivial", TRIVIAL), ("nd", ND))
    for round_ in range(repeat):
        cpu = {}
        for name, checks in order if round_ % 2 == 0 else order[::-1]:
            done = timed(tidy_cmd(args, checks, source))
            cpu[name] = done.cpu
            best[name] = min(best[name], done.cpu)
            best[name + "_wall"] = min(best[name + "_wall"], done.wall)
            if name == "nd":
                warnings = done.stdout.count("[ndarray-")
        best["ratios"].append(cpu["nd"] / cpu["trivial"])
    return best, warnings


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ndtidy", required=True)
    parser.add_argument("--include", required=True, help="the nd runtime's include directory")
    parser.add_argument("--functions", type=int, default=320)
    parser.add_argument("--adversarial", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--max-overhead", type=float, help="percent; fail above it")
    parser.add_argument("--adversarial-budget", type=float, default=60.0, help="seconds")
    parser.add_argument("--chain", type=int, default=3000,
                        help="calls in the long-chain statement (0: skip it)")
    parser.add_argument("--chain-max-ratio", type=float, default=2.0,
                        help="fail if ndarray-* CPU exceeds this times the trivial check's")
    parser.add_argument("--keep", help="write the generated files into this directory")
    args = parser.parse_args()

    workdir = args.keep or tempfile.mkdtemp(prefix="checker-bench-")
    os.makedirs(workdir, exist_ok=True)
    big = os.path.join(workdir, "generated.cpp")
    adversarial = os.path.join(workdir, "adversarial.cpp")
    with open(big, "w") as f:
        text = gen_tu.generate(args.functions, 0)
        f.write(text)
    big_lines = text.count("\n")
    with open(adversarial, "w") as f:
        text = gen_tu.generate(0, args.adversarial)
        f.write(text)
    adversarial_lines = text.count("\n")

    status = 0
    best, warnings = measure(args, big, args.repeat)
    paired = median(best["ratios"])
    overhead = 100.0 * (paired - 1.0)
    in_checks = check_profile(args, big, workdir)
    print("generated TU: %d lines, %d functions, %d ndarray warnings" % (big_lines, args.functions,
                                                                        warnings))
    print("  trivial check (best of %d): %.3f s CPU, %.3f s wall" % (
        args.repeat, best["trivial"], best["trivial_wall"]))
    print("  ndarray-*     (best of %d): %.3f s CPU, %.3f s wall" % (
        args.repeat, best["nd"], best["nd_wall"]))
    print("  ratio ndarray/trivial per round: median %.3f CPU (overhead %+.1f%%), range "
          "%.3f-%.3f over %d rounds" % (paired, overhead, min(best["ratios"]),
                                        max(best["ratios"]), len(best["ratios"])))
    print("  ratio of the best-of figures: %.3f CPU, %.3f wall; ndarray checks' own "
          "time (--enable-check-profile, wall): %.3f s" % (
              best["nd"] / best["trivial"], best["nd_wall"] / best["trivial_wall"],
              in_checks))
    if args.max_overhead is not None and overhead > args.max_overhead:
        print("  FAIL: overhead above %.1f%%" % args.max_overhead)
        status = 1

    adv_best, adv_warnings = measure(args, adversarial, max(1, min(args.repeat, 3)))
    adv_checks = check_profile(args, adversarial, workdir)
    print("adversarial function: %d branches in 3 nested loops (%d lines), %d ndarray warnings" % (
        args.adversarial, adversarial_lines, adv_warnings))
    print("  trivial check: %.3f s CPU; ndarray-*: %.3f s CPU, %.3f s wall (ratio %.3f CPU); "
          "ndarray checks' own time %.3f s; budget %.0f s wall" % (
              adv_best["trivial"], adv_best["nd"], adv_best["nd_wall"],
              adv_best["nd"] / adv_best["trivial"], adv_checks, args.adversarial_budget))
    if adv_best["nd_wall"] > args.adversarial_budget:
        print("  FAIL: the adversarial function exceeds its budget")
        status = 1
    if args.chain:
        chain = os.path.join(workdir, "chain.cpp")
        with open(chain, "w") as f:
            f.write(gen_tu.generate_chain(args.chain))
        chain_best, _ = measure(args, chain, 1)
        ratio = chain_best["nd"] / chain_best["trivial"]
        print("long chain: one statement of %d calls; trivial check %.3f s CPU, ndarray-* %.3f s "
              "CPU (ratio %.3f, limit %.1f)" % (args.chain, chain_best["trivial"], chain_best["nd"],
                                                ratio, args.chain_max_ratio))
        if ratio > args.chain_max_ratio:
            print("  FAIL: the ndarray checks are not linear in the chain's length")
            status = 1
    print("time_checker: %s" % ("FAILED" if status else "passed"))
    return status


if __name__ == "__main__":
    sys.exit(main())
