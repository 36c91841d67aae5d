#!/usr/bin/python3
"""Cross-checks ndarray-hidden-temporary against what Eigen or xtensor does.

Usage:
  valuecheck.py --library eigen|xtensor --ndtidy build/bin/ndtidy
                [--cxx clang++] [--work DIR] [-v]

libcheck.py's sibling for the libraries with value semantics (Debian 12:
Eigen 3.4.0, xtensor 0.24.3). Their hidden temporaries are often fixed-size
objects on the stack, which no allocation trace sees, so the corpus
(tests/libcheck/<library>/*.cpp) probes each call instead: a probed line
reads

  probe::from(a); f(a.transpose()); probe::done(__LINE__); // EXPECT: ...

and the callee calls probe::saw(m) on its parameter (value_probe.hpp). The
run prints per line whether the callee saw the source's own elements or a
copy, the copy's size, and what malloc was asked for in between.

For every program the script
  1. builds it twice, with assertions (-O0 -g) and with -O2 -DNDEBUG, runs
     both and requires the same output;
  2. checks the corpus against the runs: a line annotated
     `EXPECT: ndarray-hidden-temporary` shows a copy in both builds, one
     annotated `EXPECT-NOT: ndarray-hidden-temporary` shows none;
  3. runs ndtidy --checks='-*,ndarray-*' and judges every diagnostic: it must
     be an ndarray-hidden-temporary warning (no other check models these
     libraries) on a probed line that shows a copy in both builds, of the
     stated byte count if the message states one, and not on an EXPECT-NOT
     line;
  4. requires a diagnostic on every EXPECT line.

Exit status 0 when all holds, 1 otherwise, 77 when the library's headers are
absent.
"""

import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = "ndarray-hidden-temporary"

LIBRARIES = {
    "eigen": {
        "header": "/usr/include/eigen3/Eigen/Dense",
        "flags": ["-std=c++17", "-I/usr/include/eigen3"],
    },
    # Clang 19 parses xtensor 0.24 only without P0522.
    "xtensor": {
        "header": "/usr/include/xtensor/xarray.hpp",
        "flags": ["-std=c++17", "-fno-relaxed-template-template-args",
                  "-Wno-deprecated-no-relaxed-template-template-args"],
    },
}
BUILDS = {"debug": ["-O0", "-g"], "ndebug": ["-O2", "-DNDEBUG"]}

RECORD = re.compile(r"^L(\d+) seen=(\w+) copy=(\w+) copy_bytes=(\d+) "
                    r"allocs=(\d+) bytes=(\d+)$")
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*) \[([\w.-]+)\]$")
BYTES = re.compile(r" of (\d+) bytes")


def annotations(path):
    expect, expect_not = set(), set()
    with open(path) as f:
        for number, line in enumerate(f, 1):
            if re.search(r"//.*\bEXPECT: " + CHECK + r"\b", line):
                expect.add(number)
            if re.search(r"//.*\bEXPECT-NOT: " + CHECK + r"\b", line):
                expect_not.add(number)
    return expect, expect_not


def build_and_run(args, flags, source, name, build):
    exe = os.path.join(args.work, name + "." + build)
    compile_cmd = [args.cxx] + flags + BUILDS[build] + ["-I" + HERE, source,
                                                        "-o", exe]
    done = subprocess.run(compile_cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return None, "does not build (%s):\n%s" % (build, done.stderr)
    run = subprocess.run([exe], capture_output=True, text=True)
    if run.returncode != 0:
        return None, "fails (%s): exit %d\n%s" % (build, run.returncode,
                                                   run.stderr)
    return run.stdout, None


def records(output):
    result = {}
    for line in output.splitlines():
        m = RECORD.match(line)
        if m:
            result[int(m.group(1))] = {
                "copy": m.group(3) == "yes",
                "copy_bytes": int(m.group(4)),
                "allocs": int(m.group(5)),
                "bytes": int(m.group(6)),
            }
    return result


def diagnostics(args, flags, source):
    cmd = [args.ndtidy, "--checks=-*,ndarray-*", source, "--"] + flags + [
        "-I" + HERE]
    done = subprocess.run(cmd, capture_output=True, text=True)
    found = []
    for line in (done.stdout + done.stderr).splitlines():
        m = DIAG.match(line)
        if m and os.path.samefile(m.group(1), source):
            found.append((int(m.group(2)), m.group(4), m.group(5),
                          m.group(6)))
    return found


def check_program(args, library, source):
    flags = LIBRARIES[library]["flags"]
    name = os.path.splitext(os.path.basename(source))[0]
    problems, lines = [], []
    outputs = {}
    for build in BUILDS:
        out, err = build_and_run(args, flags, source, name, build)
        if err:
            return [err], {"claims": 0, "confirmed": 0, "expected": 0,
                           "met": 0}
        outputs[build] = out
    if outputs["debug"] != outputs["ndebug"]:
        problems.append("the debug and -DNDEBUG builds print different output")
    runs = {build: records(out) for build, out in outputs.items()}

    def copies(line):
        return all(line in r and r[line]["copy"] for r in runs.values())

    def probed(line):
        return all(line in r for r in runs.values())

    expect, expect_not = annotations(source)
    for line in sorted(expect | expect_not):
        if not probed(line):
            problems.append("line %d is annotated but not probed" % line)
        elif line in expect and not copies(line):
            problems.append("line %d: EXPECT, but the run shows no copy" % line)
        elif line in expect_not and any(r[line]["copy"]
                                        for r in runs.values()):
            problems.append("line %d: EXPECT-NOT, but the run shows a copy"
                            % line)

    found = diagnostics(args, flags, source)
    claimed = set()
    confirmed = 0
    for line, severity, message, check in found:
        rec = runs["debug"].get(line)
        verdict = None
        if severity == "error" or check != CHECK:
            verdict = "unexpected %s from %s" % (severity, check)
        elif line in expect_not:
            verdict = "on an EXPECT-NOT line"
        elif not probed(line) or not copies(line):
            verdict = "the run shows no copy"
        else:
            stated = BYTES.search(message)
            if stated and any(int(stated.group(1)) != r[line]["copy_bytes"]
                              for r in runs.values()):
                verdict = "states %s bytes, the copy has %d" % (
                    stated.group(1), rec["copy_bytes"])
        if verdict:
            problems.append("false claim at line %d (%s): %s" %
                            (line, verdict, message))
        else:
            confirmed += 1
        claimed.add(line)
        lines.append("  L%d: %s%s" % (
            line, message,
            "" if rec is None else "  [copy_bytes=%d allocs=%d bytes=%d]" %
            (rec["copy_bytes"], rec["allocs"], rec["bytes"])))
    for line in sorted(expect - claimed):
        problems.append("line %d: expected %s, ndtidy said nothing" %
                        (line, CHECK))
    stats = {"claims": len(found), "confirmed": confirmed,
             "expected": len(expect), "met": len(expect & claimed)}
    if args.verbose:
        problems = problems + lines
    return problems, stats


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", required=True, choices=sorted(LIBRARIES))
    parser.add_argument("--ndtidy", required=True)
    parser.add_argument("--cxx", default="clang++-19")
    parser.add_argument("--work", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(LIBRARIES[args.library]["header"]):
        print("%s not installed (%s absent)" %
              (args.library, LIBRARIES[args.library]["header"]))
        return 77
    args.work = args.work or os.path.join(os.getcwd(),
                                          "valuecheck-" + args.library)
    os.makedirs(args.work, exist_ok=True)
    corpus = os.path.join(HERE, args.library)
    sources = sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                     if f.endswith(".cpp"))
    failed = False
    total = {"claims": 0, "confirmed": 0, "expected": 0, "met": 0}
    for source in sources:
        problems, stats = check_program(args, args.library, source)
        for key in total:
            total[key] += stats[key]
        bad = [p for p in problems if not p.startswith("  L")]
        failed = failed or bool(bad)
        print("%s %s" % ("FAIL" if bad else "ok  ", os.path.basename(source)))
        for p in problems:
            print("    " + p)
    print("%s: %d programs; %s: %d claims, %d confirmed by the runs; "
          "%d of %d expected findings" %
          (args.library, len(sources), CHECK, total["claims"],
           total["confirmed"], total["met"], total["expected"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
