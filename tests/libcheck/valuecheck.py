#!/usr/bin/python3
"""Cross-checks the ndarray checks on Eigen/xtensor against the real libraries.

Usage:
  valuecheck.py --library eigen|xtensor --ndtidy build/bin/ndtidy
                [--cxx clang++] [--work DIR] [--only SUBSTR] [-v]

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
     be an ndarray-hidden-temporary warning on a probed line that shows a
     copy in both builds, of the stated byte count if the message states
     one, and not on an EXPECT-NOT line (a message saying the callee's
     writes are lost needs the line's write probe, below, to show them
     lost in both builds), or an ndarray-aliasing warning
     judged as below (no other check models these libraries);
  4. requires a diagnostic on every EXPECT line.

ndarray-aliasing is judged by the results of the assignments: an aliasing
line runs the assignment in a child process and compares what it computed
with the result computed without aliasing (value_probe.hpp's
probe::aliased prints `A<line> result=right|wrong|abort`). A diagnostic of
ndarray-aliasing is confirmed when its line's result is wrong in the
-DNDEBUG build and wrong or aborted in the debug build, aborted if the
message says debug builds abort, not aborted if it says no assertion
catches it. `EXPECT: ndarray-aliasing` lines must show that, `EXPECT-NOT`
lines a right result in both builds. The program is then fixed with
ndtidy --fix, rebuilt and run: every line whose diagnostic carried a
fix-it, and every EXPECT-NOT line, must show a right result in both builds.
The two builds must print the same output apart from the aliasing results.

The copy checks are judged by the same probes: an ndarray-unnecessary-copy
claim by an allocation on its line (a by-value parameter's line, marked
`COPIES-AT: name`, by every call marked `COPY-OF: name`), an
ndarray-redundant-copy-chain claim by two allocations on its line, an
ndarray-write-to-copy claim by a write probe showing the write lost
(probe::wrote prints `W<line> write=lost|reached`), each in both builds.
After ndtidy --fix the program must print the same (apart from probe
records), keep its write verdicts, allocate no more bytes on any probed
line, and fewer times on each line a copy check's fix-it changed.

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
ALIASING = "ndarray-aliasing"
# The copy checks, judged by allocations and write-through (see judge_copy).
UNNECESSARY = "ndarray-unnecessary-copy"
CHAIN = "ndarray-redundant-copy-chain"
WRITE = "ndarray-write-to-copy"
COPY_CHECKS = (UNNECESSARY, CHAIN, WRITE)
CHECKS = (CHECK, ALIASING) + COPY_CHECKS
STATS = ("claims", "confirmed", "expected", "met", "alias_claims",
         "alias_confirmed", "alias_expected", "alias_met", "fixits") + \
    tuple("%s_%s" % (c, k) for c in COPY_CHECKS
          for k in ("claims", "confirmed", "expected", "met", "fixits"))

LIBRARIES = {
    "eigen": {
        "header": "/usr/include/eigen3/Eigen/Dense",
        "flags": ["-std=c++17", "-I/usr/include/eigen3"],
    },
    "xtensor": {
        "header": "/usr/include/xtensor/xarray.hpp",
        "flags": ["-std=c++17"],
    },
}
# Clang 19 parses xtensor 0.24 only without P0522; Clang 22 has no flag to
# turn it off and parses xtensor with it.
P0522_OFF = {"xtensor": ["-fno-relaxed-template-template-args",
                         "-Wno-deprecated-no-relaxed-template-template-args"]}
# A program whose behaviour exists only without P0522 says so on a line
# `// NEEDS-P0522-OFF: <why>`; under a Clang that cannot turn P0522 off it
# is not run (and says why), since there is no behaviour to judge claims by.
NEEDS_P0522_OFF = re.compile(r"//\s*NEEDS-P0522-OFF:\s*(.*)")


def clang_major(cxx):
    """The major version of the Clang at `cxx` (clang++ -dumpversion)."""
    out = subprocess.run([cxx, "-dumpversion"], stdout=subprocess.PIPE,
                         universal_newlines=True, check=True).stdout
    return int(out.strip().split(".")[0])


def library_flags(args, library):
    flags = list(LIBRARIES[library]["flags"])
    if args.clang_major < 20:
        flags += P0522_OFF.get(library, [])
    return flags
BUILDS = {"debug": ["-O0", "-g"], "ndebug": ["-O2", "-DNDEBUG"]}

RECORD = re.compile(r"^L(\d+) seen=(\w+) copy=(\w+) copy_bytes=(\d+) "
                    r"allocs=(\d+) bytes=(\d+)$")
ALIAS_RECORD = re.compile(r"^A(\d+) result=(\w+)$")
WRITE_RECORD = re.compile(r"^W(\d+) write=(\w+)$")
# A by-value parameter is copied at its calls: its line carries
# `COPIES-AT: name`, each probed call line `COPY-OF: name`.
COPIES_AT = re.compile(r"//.*\bCOPIES-AT: (\w+)")
COPY_OF = re.compile(r"//.*\bCOPY-OF: (\w+)")
FIXED = re.compile(r"^(.*?):(\d+):(\d+): note: FIX-IT applied")
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*) \[([\w.-]+)\]$")
BYTES = re.compile(r" of (\d+) bytes")
# An ndarray-hidden-temporary claim that the callee's writes do not reach
# the argument's variable: the line's write probe must show them lost.
LOST_WRITES = "the writes are lost"


def annotations(path, check=CHECK):
    expect, expect_not = set(), set()
    with open(path) as f:
        for number, line in enumerate(f, 1):
            if re.search(r"//.*\bEXPECT: " + check + r"\b", line):
                expect.add(number)
            if re.search(r"//.*\bEXPECT-NOT: " + check + r"\b", line):
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


def alias_records(output):
    return {int(m.group(1)): m.group(2) for m in
            map(ALIAS_RECORD.match, output.splitlines()) if m}


def write_records(output):
    return {int(m.group(1)): m.group(2) for m in
            map(WRITE_RECORD.match, output.splitlines()) if m}


def without_alias_records(output):
    return [line for line in output.splitlines()
            if not ALIAS_RECORD.match(line)]


def plain_output(output):
    """The program's own output, without any probe record."""
    return [line for line in output.splitlines()
            if not (ALIAS_RECORD.match(line) or WRITE_RECORD.match(line) or
                    RECORD.match(line))]


def copy_labels(path):
    """{parameter line: name} and {name: [call lines]} of the COPIES-AT /
    COPY-OF annotations."""
    at, calls = {}, {}
    with open(path) as f:
        for number, line in enumerate(f, 1):
            m = COPIES_AT.search(line)
            if m:
                at[number] = m.group(1)
            m = COPY_OF.search(line)
            if m:
                calls.setdefault(m.group(1), []).append(number)
    return at, calls


def copy_lines(line, labels):
    """The probed lines whose allocations show the copy a diagnostic on
    line claims: the line itself, or for a by-value parameter its calls."""
    at, calls = labels
    if line in at:
        return calls.get(at[line], [])
    return [line]


def judge_copy(check, line, runs, writes, labels):
    """None when the runs confirm a claim of one of the copy checks."""
    if check == WRITE:
        seen = [w.get(line) for w in writes.values()]
        if any(v is None for v in seen):
            return "the line runs no write probe"
        if any(v != "lost" for v in seen):
            return "the run shows the write %s" % "/".join(seen)
        return None
    lines = copy_lines(line, labels)
    if not lines:
        return "no probed call of the parameter (COPY-OF)"
    need = 2 if check == CHAIN else 1
    for probed in lines:
        for build, rec in runs.items():
            if probed not in rec:
                return "line %d is not probed" % probed
            if rec[probed]["allocs"] < need:
                return "line %d allocates %d times (%s), %d needed" % (
                    probed, rec[probed]["allocs"], build, need)
    return None


def diagnostics(args, flags, source, fix=False):
    cmd = [args.ndtidy, "--checks=-*,ndarray-*"] + (["--fix"] if fix else []
                                                     ) + [source, "--"] + \
        flags + ["-I" + HERE]
    done = subprocess.run(cmd, capture_output=True, text=True)
    found, fixed = [], set()
    for line in (done.stdout + done.stderr).splitlines():
        m = DIAG.match(line)
        if m and os.path.samefile(m.group(1), source):
            found.append((int(m.group(2)), m.group(4), m.group(5),
                          m.group(6)))
        m = FIXED.match(line)
        if m and found and os.path.samefile(m.group(1), source):
            fixed.add(found[-1][0])
    return (found, fixed) if fix else found


def judge_aliasing(line, message, alias):
    """None when the runs confirm an ndarray-aliasing claim on line."""
    debug, ndebug = alias["debug"].get(line), alias["ndebug"].get(line)
    if debug is None or ndebug is None:
        return "the line runs no aliasing probe"
    if ndebug != "wrong" or debug not in ("wrong", "abort"):
        return "the run shows debug=%s ndebug=%s" % (debug, ndebug)
    if "debug builds abort" in message and debug != "abort":
        return "says debug builds abort, the debug run shows %s" % debug
    if "no assertion" in message and debug != "wrong":
        return "says no assertion catches it, the debug run shows %s" % debug
    return None


def check_fixes(args, flags, source, name, alias_lines, expect_not,
                copy_claimed, outputs, labels):
    """Problems of the program after ndtidy --fix, the number of
    ndarray-aliasing fix-its applied, and the copy checks' fix-its applied
    per check. The fix-its of the copy checks must keep the program's
    output (when no aliasing fix-it changed its results) and its write
    verdicts, and allocate no more on any probed line; the lines they fix
    must allocate less."""
    copy = os.path.join(args.work, name + ".fixed.cpp")
    with open(source) as f, open(copy, "w") as g:
        g.write(f.read())
    _, fixed_all = diagnostics(args, flags, copy, fix=True)
    fixed = fixed_all & alias_lines
    copy_fixed = {c: fixed_all & lines for c, lines in copy_claimed.items()}
    runs, outs = {}, {}
    for build in BUILDS:
        out, err = build_and_run(args, flags, copy, name + ".fixed", build)
        if err:
            return ["after --fix the program " + err], len(fixed), {}
        runs[build] = alias_records(out)
        outs[build] = out
    problems = []
    for line in sorted(fixed | expect_not):
        for build, rec in runs.items():
            if rec.get(line) != "right":
                problems.append("after --fix, line %d shows %s (%s)" %
                                (line, rec.get(line), build))
    for build in BUILDS:
        before, after = outputs[build], outs[build]
        if not fixed and plain_output(before) != plain_output(after):
            problems.append("after --fix the output differs (%s)" % build)
        if write_records(before) != write_records(after):
            problems.append("after --fix a write verdict differs (%s)" % build)
        old, new = records(before), records(after)
        for line, rec in sorted(new.items()):
            if line in old and rec["bytes"] > old[line]["bytes"]:
                problems.append("after --fix line %d allocates %d bytes, "
                                "%d before (%s)" % (line, rec["bytes"],
                                                    old[line]["bytes"], build))
        for check, lines in copy_fixed.items():
            for line in lines:
                for probed in copy_lines(line, labels):
                    if probed in new and probed in old and \
                            new[probed]["allocs"] >= old[probed]["allocs"]:
                        problems.append(
                            "after the %s fix-it, line %d still allocates "
                            "%d times (%s)" % (check, probed,
                                               new[probed]["allocs"], build))
    return problems, len(fixed), {c: len(l) for c, l in copy_fixed.items()}


def check_program(args, library, source):
    flags = library_flags(args, library)
    name = os.path.splitext(os.path.basename(source))[0]
    problems, lines = [], []
    outputs = {}
    for build in BUILDS:
        out, err = build_and_run(args, flags, source, name, build)
        if err:
            return [err], dict.fromkeys(STATS, 0)
        outputs[build] = out
    if without_alias_records(outputs["debug"]) != without_alias_records(
            outputs["ndebug"]):
        problems.append("the debug and -DNDEBUG builds print different output")
    runs = {build: records(out) for build, out in outputs.items()}
    alias = {build: alias_records(out) for build, out in outputs.items()}
    alias_expect, alias_expect_not = annotations(source, ALIASING)
    for line in sorted(alias_expect | alias_expect_not):
        if line not in alias["debug"] or line not in alias["ndebug"]:
            problems.append("line %d is annotated but runs no aliasing probe"
                            % line)
        elif line in alias_expect and (
                alias["ndebug"][line] != "wrong" or
                alias["debug"][line] not in ("wrong", "abort")):
            problems.append("line %d: EXPECT %s, but the run shows "
                            "debug=%s ndebug=%s" % (
                                line, ALIASING, alias["debug"][line],
                                alias["ndebug"][line]))
        elif line in alias_expect_not and any(
                a[line] != "right" for a in alias.values()):
            problems.append("line %d: EXPECT-NOT %s, but the run shows "
                            "debug=%s ndebug=%s" % (
                                line, ALIASING, alias["debug"][line],
                                alias["ndebug"][line]))

    writes = {build: write_records(out) for build, out in outputs.items()}
    labels = copy_labels(source)
    copy_expect = {}
    for check in COPY_CHECKS:
        c_expect, c_expect_not = annotations(source, check)
        copy_expect[check] = (c_expect, c_expect_not)
        for line in sorted(c_expect):
            verdict = judge_copy(check, line, runs, writes, labels)
            if verdict:
                problems.append("line %d: EXPECT %s, but %s" %
                                (line, check, verdict))
        for line in sorted(c_expect_not):
            if check == WRITE:
                if any(w.get(line, "reached") != "reached"
                       for w in writes.values()):
                    problems.append("line %d: EXPECT-NOT %s, but the write "
                                    "is lost" % (line, check))

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
    copy_stats = {c: {"claims": 0, "confirmed": 0, "claimed": set()}
                  for c in COPY_CHECKS}
    claimed = set()
    alias_claimed = set()
    confirmed = 0
    alias_confirmed = 0
    alias_claims = 0
    for line, severity, message, check in found:
        rec = runs["debug"].get(line)
        verdict = None
        aliasing = check == ALIASING and severity != "error"
        if severity != "error" and check in COPY_CHECKS:
            verdict = ("on an EXPECT-NOT line" if line in copy_expect[check][1]
                       else judge_copy(check, line, runs, writes, labels))
            if verdict:
                problems.append("false claim at line %d (%s): %s [%s]" %
                                (line, verdict, message, check))
            else:
                copy_stats[check]["confirmed"] += 1
            copy_stats[check]["claims"] += 1
            copy_stats[check]["claimed"].add(line)
            lines.append("  L%d: %s [%s]" % (line, message, check))
            continue
        if severity == "error" or check not in CHECKS:
            verdict = "unexpected %s from %s" % (severity, check)
        elif aliasing:
            verdict = ("on an EXPECT-NOT line" if line in alias_expect_not
                       else judge_aliasing(line, message, alias))
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
            elif LOST_WRITES in message and any(
                    w.get(line) != "lost" for w in writes.values()):
                verdict = "says the writes are lost, the run shows %s" % (
                    "/".join(str(w.get(line)) for w in writes.values()))
        if verdict:
            problems.append("false claim at line %d (%s): %s" %
                            (line, verdict, message))
        elif aliasing:
            alias_confirmed += 1
        else:
            confirmed += 1
        if aliasing:
            alias_claimed.add(line)
            alias_claims += 1
            detail = "  [debug=%s ndebug=%s]" % (alias["debug"].get(line),
                                                 alias["ndebug"].get(line))
        else:
            claimed.add(line)
            detail = "" if rec is None else \
                "  [copy_bytes=%d allocs=%d bytes=%d]" % (
                    rec["copy_bytes"], rec["allocs"], rec["bytes"])
        lines.append("  L%d: %s%s" % (line, message, detail))
    for line in sorted(expect - claimed):
        problems.append("line %d: expected %s, ndtidy said nothing" %
                        (line, CHECK))
    for line in sorted(alias_expect - alias_claimed):
        problems.append("line %d: expected %s, ndtidy said nothing" %
                        (line, ALIASING))
    for check in COPY_CHECKS:
        for line in sorted(copy_expect[check][0] -
                           copy_stats[check]["claimed"]):
            problems.append("line %d: expected %s, ndtidy said nothing" %
                            (line, check))
    fixits = 0
    copy_fixits = {}
    copy_claimed = {c: copy_stats[c]["claimed"] for c in COPY_CHECKS}
    if alias_claimed or alias_expect_not or any(copy_claimed.values()):
        fix_problems, fixits, copy_fixits = check_fixes(
            args, flags, source, name, alias_claimed, alias_expect_not,
            copy_claimed, outputs, labels)
        problems += fix_problems
    # The copy checks' claims are counted apart, below.
    copy_claims = sum(copy_stats[c]["claims"] for c in COPY_CHECKS)
    stats = {"claims": len(found) - alias_claims - copy_claims,
             "confirmed": confirmed,
             "expected": len(expect), "met": len(expect & claimed),
             "alias_claims": alias_claims,
             "alias_confirmed": alias_confirmed,
             "alias_expected": len(alias_expect),
             "alias_met": len(alias_expect & alias_claimed),
             "fixits": fixits}
    for check in COPY_CHECKS:
        stats[check + "_claims"] = copy_stats[check]["claims"]
        stats[check + "_confirmed"] = copy_stats[check]["confirmed"]
        stats[check + "_expected"] = len(copy_expect[check][0])
        stats[check + "_met"] = len(copy_expect[check][0] &
                                    copy_stats[check]["claimed"])
        stats[check + "_fixits"] = copy_fixits.get(check, 0)
    if args.verbose:
        problems = problems + lines
    return problems, stats


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", required=True, choices=sorted(LIBRARIES))
    parser.add_argument("--ndtidy", required=True)
    parser.add_argument("--cxx", default="clang++-19")
    parser.add_argument("--work", default=None)
    parser.add_argument("--only", default="",
                        help="only the programs whose name contains this")
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
                     if f.endswith(".cpp") and args.only in f)
    args.clang_major = clang_major(args.cxx)
    if args.clang_major >= 20:
        kept = []
        for source in sources:
            with open(source) as f:
                needs = NEEDS_P0522_OFF.search(f.read())
            if needs:
                print("skip %s: needs P0522 off, which Clang %d cannot do: %s"
                      % (os.path.basename(source), args.clang_major,
                         needs.group(1).strip()))
            else:
                kept.append(source)
        sources = kept
    failed = False
    total = dict.fromkeys(STATS, 0)
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
    print("%s: %d programs; %s: %d claims, %d confirmed by the runs; "
          "%d of %d expected findings; %d fix-its keep the reference result"
          % (args.library, len(sources), ALIASING, total["alias_claims"],
             total["alias_confirmed"], total["alias_met"],
             total["alias_expected"], total["fixits"]))
    for check in COPY_CHECKS:
        print("%s: %d programs; %s: %d claims, %d confirmed by the runs; "
              "%d of %d expected findings; %d fix-its keep the output and "
              "allocate less" % (
                  args.library, len(sources), check, total[check + "_claims"],
                  total[check + "_confirmed"], total[check + "_met"],
                  total[check + "_expected"], total[check + "_fixits"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
