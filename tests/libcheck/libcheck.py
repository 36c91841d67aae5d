#!/usr/bin/python3
"""Cross-checks the ndarray-* diagnostics against what a real library allocates.

Usage:
  libcheck.py --library torch|opencv --ndtidy build/bin/ndtidy
              [--cxx clang++] [--jobs 1] [--work DIR] [--only SUBSTR]
              [--trace-only] [--allow-missing] [-v] [corpus-dir]

The sibling of tests/crosscheck/crosscheck.py for libtorch 1.13 and OpenCV 4.6
(Debian 12). The corpus is tests/libcheck/<library>/*.cpp. For every program
the script
  1. compiles it (-g -O0) against the real library, linked with
     alloc_trace.cpp, and runs it; the tracer prints one line per buffer the
     library allocated, "prog.cpp:LINE: alloc BYTES", attributed to the first
     frame of the backtrace inside the program's own file;
  2. checks the corpus against that trace (this alone is --trace-only):
       EXPECT hidden-copy / unnecessary-copy   the line allocates (RUNS: n:
                                               at least n times)
       EXPECT redundant-copy-chain             the line allocates twice
       EXPECT write-to-copy                    the written line, or the
                                               definition of the written
                                               local, allocates
       EXPECT-NOT hidden-copy                  the line allocates nothing
       EXPECT impossible-view                  the call threw (print.hpp's
                                               threw(line) prints "throw L<n>")
       EXPECT-NOT impossible-view              it did not
     a write-to-copy line may instead show the write lost: the corpus's
     written() helper prints "write L<n>: lost|reached" after a write (how an
     OpenCV row(i) = row(j), which allocates nothing, is proved lost); an
     EXPECT-NOT write-to-copy line that prints a verdict must print "reached";
  3. runs ndtidy --checks='-*,ndarray-*' --fix (MinElements 0) on a copy and judges every
     diagnostic against the trace, as crosscheck.py does:
       hidden-copy          an allocation on its line, of the stated byte
                            count if the message states one;
       redundant-copy-chain two allocations on its line, its notes' lines or
                            the written local's definition;
       write-to-copy        an allocation on the written line, a note's line
                            or the written local's definition, or the write
                            shown lost (and never shown reached);
       unnecessary-copy     an allocation on its line;
       impossible-view      the call on its line threw;
       others               the annotations;
     a claim on a line annotated EXPECT-NOT for that check is false too;
  4. recompiles and reruns the fixed copy: the same output, and no more bytes
     allocated in total; a write that a write-to-copy fix-it repaired must now
     be shown "reached", and only what is printed after it may change.

Annotations are crosscheck.py's (EXPECT, EXPECT-NOT, NOFIND, RUNS). An
expectation for a check that is not registered is listed as "check not
available", not as a failure.

Exit status 1 on a false claim, a missing expectation (unless
--allow-missing), a fix-it that changes the output or allocates more, a
program that does not build or run, or an annotation the trace contradicts.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "crosscheck"))
import crosscheck  # noqa: E402  (shared annotation and diagnostic parsing)
from crosscheck import (BYTES_RE, LAYOUT_ORIGIN_RE, diff, list_checks,  # noqa: E402
                        parse_diagnostics, related_lines, run)

LIBRARIES = {
    "torch": {
        "define": "LIBCHECK_TORCH",
        "flags": ["-std=c++17", "-I/usr/include/torch/csrc/api/include"],
        "libs": ["-ltorch", "-ltorch_cpu", "-lc10", "-ldl"],
        "types": r"(?:\b(?:at|torch)::)?\bTensor\b",
    },
    "opencv": {
        "define": "LIBCHECK_OPENCV",
        "flags": ["-std=c++17", "-I/usr/include/opencv4"],
        "libs": ["-lopencv_core", "-ldl"],
        "types": r"(?:\bcv::)?\bMat(?:_<[^>]*>)?",
    },
}
CHECKS = crosscheck.CHECKS + ("ndarray-impossible-view",)
ALLOC_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): alloc (?P<bytes>\d+)$")
TOTAL_RE = re.compile(r"^alloc-trace: total (?P<bytes>\d+) bytes")
# Printed by the corpus's written() helper after a write: did it reach the source?
WRITE_RE = re.compile(r"^write L(?P<line>\d+): (?P<verdict>lost|reached)$", re.M)
THROW_RE = re.compile(r"^throw L(?P<line>\d+)$", re.M)
# Annotations that the trace must confirm (an allocation on the line).
ALLOCATING = ("ndarray-hidden-copy", "ndarray-unnecessary-copy")


class Program(crosscheck.Program):
    def __init__(self, source, library):
        super().__init__(source)  # text, lines, annotations, diags, failures, ...
        self.array_types = LIBRARIES[library]["types"]  # for related_lines()
        self.allocs = collections.defaultdict(list)  # line -> [bytes]
        self.corpus_errors = []
        self.checked = []  # (line, annotation, trace summary, verdict)
        self.misses, self.unavailable = [], []
        self.seconds = {}
        self.writes = {}  # line -> "lost" | "reached"
        self.throws = set()  # lines whose call threw (print.hpp's threw())


def build_tracer(args):
    lib = LIBRARIES[args.library]
    obj = os.path.join(args.work, "alloc_trace_%s.o" % args.library)
    built = run([args.cxx] + lib["flags"] + ["-g", "-O0", "-D" + lib["define"], "-c",
                                             os.path.join(HERE, "alloc_trace.cpp"), "-o", obj])
    if built.returncode != 0:
        sys.exit("libcheck: the tracer does not compile:\n" + built.stderr[-3000:])
    return obj


def compile_and_run(args, source, exe, tracer):
    """(completed run, None) or (None, error). Times go to args.times."""
    lib = LIBRARIES[args.library]
    start = time.monotonic()
    built = run([args.cxx] + lib["flags"] + ["-I", args.corpus, "-g", "-O0", "-Wall", source,
                                             tracer, "-o", exe]
                + lib["libs"], timeout=600)
    seconds = time.monotonic() - start
    if built.returncode != 0:
        return None, "compile failed:\n" + built.stderr[-3000:], seconds
    env = dict(os.environ, LIBCHECK_SOURCE=os.path.basename(source), OMP_NUM_THREADS="1")
    ran = run([exe], env=env, timeout=120)
    if ran.returncode != 0:
        return None, "program exited with %d:\n%s" % (ran.returncode, ran.stderr[-2000:]), seconds
    return ran, None, seconds


def parse_trace(stderr, basename):
    allocs, total = collections.defaultdict(list), 0
    for text in stderr.splitlines():
        m = ALLOC_RE.match(text.strip())
        if m and os.path.basename(m.group("file")) == basename:
            allocs[int(m.group("line"))].append(int(m.group("bytes")))
        m = TOTAL_RE.match(text.strip())
        if m:
            total = int(m.group("bytes"))
    return allocs, total


def process(args, program, tracer, available):
    lib = LIBRARIES[args.library]
    work, basename, original, fixed = crosscheck.work_copies(args.work, program)

    ran, error, program.seconds["compile"] = compile_and_run(
        args, original, os.path.join(work, "original.exe"), tracer)
    if error:
        program.failures.append(error)
        return program
    program.output = ran.stdout
    program.writes = {int(m.group("line")): m.group("verdict") for m in WRITE_RE.finditer(ran.stdout)}
    program.throws = {int(m.group("line")) for m in THROW_RE.finditer(ran.stdout)}
    program.allocs, program.bytes_before = parse_trace(ran.stderr, basename)
    verify_annotations(program)
    if args.trace_only:
        return program

    start = time.monotonic()
    # MinElements 0: the corpus keeps its tensors small (fast to build and
    # run), and every claim is judged, whatever its size.
    checked = run([args.ndtidy, "--checks=-*,ndarray-*", "--fix", "--quiet",
                   "--config={CheckOptions: {MinElements: 0}}", fixed, "--"]
                  + lib["flags"] + ["-I", args.corpus], timeout=600)
    program.seconds["ndtidy"] = time.monotonic() - start
    program.diags, errors = parse_diagnostics(checked.stdout, fixed)
    if errors:
        program.failures.append("ndtidy reported errors:\n" + "\n".join(errors[:10]))
    with open(fixed) as f:
        if f.read() != program.text:
            program.fixed = True
    if program.fixed:
        ran_fixed, error, _ = compile_and_run(args, fixed, os.path.join(work, "fixed.exe"), tracer)
        if error:
            program.failures.append("fix-its: the fixed program fails: " + error)
        else:
            _, program.bytes_after = parse_trace(ran_fixed.stderr, basename)
            compare_fixed_output(program, ran_fixed.stdout)
            if program.bytes_after > program.bytes_before:
                program.failures.append("fix-its allocate more: %d bytes before, %d after" %
                                        (program.bytes_before, program.bytes_after))
    else:
        program.bytes_after = program.bytes_before
    judge(program, available)
    return program


def compare_fixed_output(program, fixed_output):
    """The fixed program prints what the original printed, except that a write
    a write-to-copy fix-it repaired now reaches its source."""
    repaired = {d.line for d in program.diags if d.check == "ndarray-write-to-copy"}
    after = {int(m.group("line")): m.group("verdict") for m in WRITE_RE.finditer(fixed_output)}
    for line in sorted(repaired & set(after)):
        if program.writes.get(line) == "lost" and after[line] == "lost":
            program.failures.append("fix-its: the write on line %d is still lost" % line)

    # Up to the first repaired write the output must be identical; after it
    # the program computes with the data the write now puts in place, so
    # what it prints may differ (the verdicts above say it is the repair).
    def kept(text):
        out = []
        for t in text.splitlines(True):
            m = WRITE_RE.match(t)
            if m and int(m.group("line")) in repaired:
                if after.get(int(m.group("line"))) == "reached" and \
                        program.writes.get(int(m.group("line"))) == "lost":
                    break
                continue
            out.append(t)
        return "".join(out)
    if kept(fixed_output) != kept(program.output):
        program.failures.append("fix-its changed the output:\n" + diff(program.output, fixed_output))


def trace_text(allocs):
    return "alloc " + "+".join(str(b) for b in allocs) if allocs else "no alloc"


def verify_annotations(program):
    """Every copy annotation is confirmed by the trace (the corpus is right)."""
    for line, ann in sorted(program.annotations.items()):
        here = program.allocs.get(line, [])
        for check in sorted(ann["EXPECT"]):
            if check in ALLOCATING:
                need = ann["RUNS"] or 1
                ok = len(here) >= need
                trace = trace_text(here)
            elif check == "ndarray-redundant-copy-chain":
                ok = len(here) >= 2
                trace = trace_text(here)
            elif check == "ndarray-write-to-copy":
                # A copy was written (an allocation here or where the written
                # local was defined), or the write did not reach its source.
                lines = written_lines(program, line)
                hits = [n for n in lines if program.allocs.get(n)]
                verdict = program.writes.get(line)
                ok = (bool(hits) or verdict == "lost") and verdict != "reached"
                trace = ", ".join("L%d %s" % (n, trace_text(program.allocs[n])) for n in hits) \
                    or "no alloc on %s" % ", ".join("L%d" % n for n in lines)
                if verdict:
                    trace += ", write " + verdict
            elif check == "ndarray-impossible-view":
                ok = line in program.throws
                trace = "threw" if ok else "did not throw"
            else:  # ambiguous-alias: nothing to count
                ok, trace = None, trace_text(here)
            program.checked.append((line, "EXPECT " + check, trace, ok))
            if ok is False:
                program.corpus_errors.append("line %d expects %s but the trace shows %s" %
                                             (line, check, trace))
        for check in sorted(ann["EXPECT-NOT"]):
            ok = not here if check == "ndarray-hidden-copy" else None
            trace = trace_text(here)
            if check == "ndarray-impossible-view":
                ok = line not in program.throws
                trace = "did not throw" if ok else "threw"
            if check == "ndarray-write-to-copy" and line in program.writes:
                ok = program.writes[line] == "reached"
                trace += ", write " + program.writes[line]
            program.checked.append((line, "EXPECT-NOT " + check, trace, ok))
            if ok is False:
                program.corpus_errors.append("line %d is EXPECT-NOT %s but the trace shows %s" %
                                             (line, check, trace))
        if ann["NOFIND"]:
            program.checked.append((line, "NOFIND", trace_text(here), None))


def written_lines(program, line):
    """The line and the definition of the local written on it."""
    lines = [line]
    m = crosscheck.WRITTEN_VAR_RE.match(program.lines[line - 1])
    if m:
        defined = crosscheck.definition_line(program, line, m.group(1))
        if defined:
            lines.append(defined)
    return lines


def judge(program, available):
    allocs = program.allocs
    for d in program.diags:
        own = [d.line] + [n for n, _ in d.notes]
        blamed = [d.line] + [n for n, text in d.notes if not LAYOUT_ORIGIN_RE.match(text)]
        expect_not = [n for n in blamed
                      if d.check in program.annotations.get(n, {}).get("EXPECT-NOT", ())]
        expected = any(d.check in program.annotations.get(n, {}).get("EXPECT", ()) for n in own)
        if expect_not:
            d.verdict, d.why = "contradicted", "line %d is annotated EXPECT-NOT: %s" % (
                expect_not[0], d.check)
            continue
        here = allocs.get(d.line, [])
        if d.check == "ndarray-hidden-copy":
            conditional = " unless " in d.msg or "may copy" in d.msg or " when '" in d.msg
            stated = BYTES_RE.search(d.msg)
            runs = program.annotations.get(d.line, {}).get("RUNS")
            if not here:
                d.verdict, d.why = "contradicted", "the library allocated nothing on this line"
            elif stated and not conditional and \
                    int(re.sub(r"[,']", "", stated.group(1))) not in here:
                d.verdict, d.why = "contradicted", "claims %s bytes; the trace shows %s" % (
                    stated.group(1), trace_text(here))
            elif runs and not conditional and len(here) < runs:
                d.verdict, d.why = "contradicted", "claims a copy on each of %d runs; %s" % (
                    runs, trace_text(here))
            else:
                d.verdict = "confirmed"
        elif d.check in ("ndarray-redundant-copy-chain", "ndarray-write-to-copy"):
            lines = sorted(set(related_lines(program, d)))
            count = sum(len(allocs.get(n, [])) for n in lines)
            need = 2 if d.check == "ndarray-redundant-copy-chain" else 1
            lost = d.check == "ndarray-write-to-copy" and program.writes.get(d.line) == "lost"
            if d.check == "ndarray-write-to-copy" and program.writes.get(d.line) == "reached":
                d.verdict, d.why = "contradicted", "the program shows the write reached its source"
            elif count >= need or lost:
                d.verdict = "confirmed"
            else:
                d.verdict, d.why = "contradicted", "%d allocation(s) on lines %s; %d needed" % (
                    count, lines, need)
        elif d.check == "ndarray-impossible-view":
            if d.line in program.throws:
                d.verdict = "confirmed"
            else:
                d.verdict, d.why = "contradicted", "the call did not throw"
        elif d.check == "ndarray-unnecessary-copy":
            if here:
                d.verdict = "confirmed"
            else:
                d.verdict, d.why = "contradicted", "the library allocated nothing on this line"
        elif expected:
            d.verdict = "confirmed"
        else:
            d.verdict, d.why = "unjudged", "not annotated; the trace cannot judge this claim"
    found = {(n, d.check) for d in program.diags for n in [d.line] + [l for l, _ in d.notes]}
    for line, ann in sorted(program.annotations.items()):
        for check in sorted(ann["EXPECT"]):
            if (line, check) not in found:
                (program.misses if check in available else program.unavailable).append((line, check))


def said(program, line):
    return "; ".join("%s%s" % (d.check[len("ndarray-"):], "" if d.line == line else "(note)")
                     for d in program.diags
                     if line == d.line or line in [n for n, _ in d.notes]) or "-"


def report(args, programs, available):
    failed = False
    stats = collections.defaultdict(collections.Counter)
    confirmed_annotations = total_annotations = 0
    print("libcheck %s: %d programs%s; checks registered: %s" % (
        args.library, len(programs), " (trace only)" if args.trace_only else "",
        ", ".join(sorted(available))))
    for p in programs:
        problems = ["  FAIL " + f.replace("\n", "\n      ") for f in p.failures]
        problems += ["  CORPUS ERROR " + e for e in p.corpus_errors]
        for d in p.diags:
            stats[d.check][d.verdict] += 1
            if d.verdict == "contradicted":
                problems.append("  FALSE CLAIM %s.cpp:%d:%d [%s] %s\n      -> %s" % (
                    p.name, d.line, d.col, d.check, d.msg, d.why))
        for line, check in p.misses:
            stats[check]["missed"] += 1
            if not args.allow_missing:
                problems.append("  MISSED %s.cpp:%d [%s]: %s" % (p.name, line, check,
                                                               p.lines[line - 1].strip()))
        for line, check in p.unavailable:
            stats[check]["unavailable"] += 1
        if not p.failures:
            for ann in p.annotations.values():
                for check in ann["EXPECT"]:
                    stats[check]["expected"] += 1
        good = sum(1 for c in p.checked if c[3])
        confirmed_annotations += good
        total_annotations += sum(1 for c in p.checked if c[3] is not None)
        if problems:
            failed = True
        timing = " ".join("%s %.1fs" % kv for kv in sorted(p.seconds.items()))
        print("%s: trace confirms %d/%d annotations; ndtidy: %s; %s" % (
            p.name, good, sum(1 for c in p.checked if c[3] is not None),
            "not run" if args.trace_only or p.failures else "%d diagnostics" % len(p.diags),
            timing))
        if args.verbose or problems:
            for line, what, trace, ok in p.checked:
                mark = {True: "ok", False: "WRONG", None: "--"}[ok]
                ndtidy = "" if args.trace_only else "  ndtidy: " + said(p, line)
                print("  L%-4d %-42s trace: %-22s %s%s" % (line, what, trace, mark, ndtidy))
            if not args.trace_only:
                annotated = {line for line, *_ in p.checked}
                for d in p.diags:
                    if d.line not in annotated:
                        print("  L%-4d (not annotated) [%s] %s -> %s" % (
                            d.line, d.check, d.msg, d.verdict))
        if problems:
            print("\n".join(problems))
    print()
    print("trace: %d/%d annotations confirmed" % (confirmed_annotations, total_annotations))
    if not args.trace_only:
        print("%-30s %7s %9s %6s %10s %8s %s" % ("check", "claims", "confirmed", "false",
                                                  "precision", "expected", "recall"))
        for check in CHECKS:
            s = stats[check]
            judged = s["confirmed"] + s["contradicted"]
            claims = judged + s["unjudged"]
            precision = "%.1f%%" % (100.0 * s["confirmed"] / judged) if judged else "-"
            if check not in available:
                recall = "n/a (check not available)"
            elif s["expected"]:
                found = s["expected"] - s["missed"]
                recall = "%.1f%% (%d/%d)" % (100.0 * found / s["expected"], found, s["expected"])
            else:
                recall = "-"
            print("%-30s %7d %9d %6d %10s %8d %s" % (check, claims, s["confirmed"],
                                                      s["contradicted"], precision,
                                                      s["expected"], recall))
            if s["unjudged"]:
                print("%-30s (%d unjudged: not annotated, no trace criterion)" % ("", s["unjudged"]))
        fixed = [p for p in programs if p.fixed]
        broken = [p for p in fixed if any(f.startswith("fix-its") for f in p.failures)]
        print("fix-its: %d programs changed, %d kept their output and allocated no more "
              "(%d bytes saved)" % (len(fixed), len(fixed) - len(broken),
                                    sum(p.bytes_before - p.bytes_after for p in fixed)))
        if args.allow_missing and any(p.misses for p in programs):
            print("missed expectations not enforced (--allow-missing): %d" %
                  sum(len(p.misses) for p in programs))
        unavailable = sorted({c for p in programs for _, c in p.unavailable})
        if unavailable:
            print("check not available (expectations not enforced): " + ", ".join(unavailable))
    compile_times = [p.seconds["compile"] for p in programs if "compile" in p.seconds]
    if compile_times:
        print("compile+link per program: mean %.1fs, max %.1fs" % (
            sum(compile_times) / len(compile_times), max(compile_times)))
    tidy_times = [p.seconds["ndtidy"] for p in programs if "ndtidy" in p.seconds]
    if tidy_times:
        print("ndtidy per program: mean %.1fs, max %.1fs" % (
            sum(tidy_times) / len(tidy_times), max(tidy_times)))
    print("\nlibcheck %s: %s" % (args.library, "FAILED" if failed else "passed"))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="default: tests/libcheck/<library>")
    parser.add_argument("--library", required=True, choices=sorted(LIBRARIES))
    parser.add_argument("--ndtidy", help="required unless --trace-only")
    parser.add_argument("--cxx", default="/usr/lib/llvm-19/bin/clang++")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--work", help="scratch directory (default: a temporary one)")
    parser.add_argument("--only", help="programs whose name contains this")
    parser.add_argument("--trace-only", action="store_true",
                        help="only compile, run and check the annotations against the trace")
    parser.add_argument("--allow-missing", action="store_true",
                        help="report expected findings that did not come, without failing")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not args.trace_only and not args.ndtidy:
        parser.error("--ndtidy is required unless --trace-only")
    corpus = args.corpus = os.path.abspath(args.corpus or os.path.join(HERE, args.library))
    temporary = None
    if not args.work:
        temporary = tempfile.TemporaryDirectory(prefix="libcheck-")
        args.work = temporary.name
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)

    available = set(CHECKS) if args.trace_only else list_checks(args.ndtidy)
    if not available:
        sys.exit("libcheck: %s lists no ndarray-* check" % args.ndtidy)
    programs = [Program(os.path.join(corpus, f), args.library) for f in sorted(os.listdir(corpus))
                if f.endswith(".cpp") and (not args.only or args.only in f)]
    if not programs:
        sys.exit("libcheck: no program in %s" % corpus)
    tracer = build_tracer(args)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(lambda p: process(args, p, tracer, available), programs))
    status = report(args, programs, available)
    if temporary:
        temporary.cleanup()
    return status


if __name__ == "__main__":
    sys.exit(main())
