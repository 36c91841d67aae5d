#!/usr/bin/python3
"""Cross-checks the ndarray-* diagnostics against the nd runtime's copy trace.

Usage:
  crosscheck.py --ndtidy build/bin/ndtidy --include runtime/include
                [--cxx clang++-19] [--jobs 2] [--work DIR] [--only SUBSTR]
                [corpus-dir]

For every program of the corpus (tests/crosscheck/corpus/*.cpp) the script
  1. compiles it and runs it with ND_TRACE_COPIES=all; the runtime prints one
     compiler-style line per buffer it allocates (file:line:col, operation,
     bytes, hidden or explicit);
  2. runs ndtidy --checks='-*,ndarray-*' --fix on a copy of it, which prints
     the static diagnostics and applies their fix-its;
  3. judges every diagnostic against the runtime events of its line:
       ndarray-hidden-copy          a hidden-copy event of the named operation
                                    (and the stated byte count, if any);
       ndarray-redundant-copy-chain both named copies allocated, the inner one
                                    before the outer one;
       ndarray-write-to-copy        a copy event on the written line, on a
                                    note's line, or where the written local
                                    was defined;
       ndarray-unnecessary-copy     an explicit copy event on the line;
       ndarray-ambiguous-alias      the annotations (the runtime cannot tell
                                    "may" from "does");
       ndarray-copy-in-loop         the program's ND_TRACE_COPIES=summary line
                                    for the named operation on the line: it
                                    copied more than once, of the claimed kind
                                    (hidden or explicit), the stated bytes
                                    each time (total = count x bytes), RUNS
                                    times if annotated; a growth claim ("copies
                                    all of") needs each copy larger than the
                                    one before; a stated total ("on each of
                                    the loop's N iterations", "T bytes in
                                    all") must be the summary's total for a
                                    whole number of runs of the loop; an
                                    element-by-element export ("the loop
                                    copies every element of") allocates
                                    nothing: the annotations judge it;
     a claim the runtime contradicts, or one on a line annotated EXPECT-NOT
     for that check, is a false positive (precision must be 100%);
  4. recompiles and reruns the fixed copy: its output must be identical and it
     must not allocate more bytes in total.

Annotations, in a // comment on the line they describe:
  EXPECT: check[, check]     these checks must report this line (the
                             diagnostic or one of its notes is on it)
  EXPECT-NOT: check[, ...]   these checks must not report it
  NOFIND: reason             the runtime copies here, and no check is expected
                             to know it statically (excluded from recall)
  RUNS: n                    the line executes n times: an unconditional
                             hidden-copy claim ("copies", not "copies unless")
                             needs a hidden copy on every one of them
A hidden-copy claim whose message says "when '<fn>' is called from line N"
(or "lines N and M") is conditional on the call path: it needs at least one
hidden copy of the named operation on its line (RUNS does not apply), one of
them of the stated byte count, and each line it names must call '<fn>'.

Cross-function claims: a write-to-copy or redundant-copy-chain claim whose own
lines (the diagnostic's, its notes', the written local's definition) show no
copy is also accepted when the copy happened inside a function of the same
file called on those lines (followed three calls deep), e.g. a helper that
returns flatten() and whose result is written. (The runtime cannot tell
whether the helper returned that copy or a view of its argument; the
annotations, EXPECT-NOT, decide such cases.)

Programs named xf_* exercise cross-function analysis; the summary reports
their recall and precision apart from the rest of the corpus.

An expectation for a check that is not registered (yet) is listed as "check
not available", not as a failure.

Exit status: 0 when every claim holds, no expected finding is missing, and
every fixed program behaves as the original; 1 otherwise.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHECKS = (
    "ndarray-hidden-copy",
    "ndarray-redundant-copy-chain",
    "ndarray-unnecessary-copy",
    "ndarray-write-to-copy",
    "ndarray-ambiguous-alias",
    "ndarray-copy-in-loop",
)

EVENT_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:warning|note): "
    r"(?P<op>[\w:]+)\(\) copied (?P<bytes>\d+) bytes(?:: (?P<reason>.*?))? "
    r"\[nd-(?P<kind>hidden|explicit)-copy\]$")
DIAG_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>warning|error|note): "
    r"(?P<msg>.*?)(?: \[(?P<check>[\w.,-]+)\])?$")
LAYOUT_ORIGIN_RE = re.compile(r"not [CF]-contiguous since it was ")
MARKER_RE = re.compile(r"\b(EXPECT-NOT|EXPECT|NOFIND|RUNS):")
CHECK_NAME_RE = re.compile(r"ndarray-[a-z-]+[a-z]")
QUOTED_CALL_RE = re.compile(r"'(?:[\w:]+::)?(\w+)(?:<[^']*>)?\(\)'")
# "ravel() copies 32768 bytes: ...", "nd::ascontiguousarray() copies ..."
CLAIMED_CALL_RE = re.compile(r"(?:[\w:]+::)?(\w+)(?:<[^>]*>)?\([^)]*\)'? (?:copies|may copy)")
BYTES_RE = re.compile(r"(\d[\d,']*) bytes")
# ND_TRACE_COPIES=summary: "f.cpp:12:9: warning: ravel() copied 5 times, 800 bytes in total: ..."
SUMMARY_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:warning|note): "
    r"(?P<op>[\w:]+)\(\) copied (?P<count>\d+) times?, (?P<bytes>\d+) bytes in total"
    r"(?:: (?P<reason>.*?))? \[nd-(?P<kind>hidden|explicit)-copy\]$")
# copy-in-loop with a known trip count: "on each of the loop's 100 iterations
# (320000 bytes in all)", "the loop copies 90112 bytes in all"
TRIP_RE = re.compile(r"on each of the loop's (\d+) iterations")
TOTAL_RE = re.compile(r"(\d+) bytes in all")
EXPORT_CLAIM_RE = re.compile(r"^the loop copies every element of ")
HIDDEN_CLAIM_RE = re.compile(r"is not [CF]-contiguous|not a dense permutation")
WRITTEN_VAR_RE = re.compile(r"^\s*([A-Za-z_]\w*)\s*[(.]")
# "... when 'summarise' is called from line 43", "... from lines 12 and 30"
CALL_PATH_RE = re.compile(r"when '(?P<fn>[^']+)' is called from lines? "
                          r"(?P<lines>\d+(?:(?:, | and |, and )\d+)*)")
CALLED_NAME_RE = re.compile(r"\b([A-Za-z_]\w*)\s*(?:<[^<>;()]*>)?\s*\(")
CROSS_FUNCTION_PREFIX = "xf_"
COPY_CLAIMS = ("ndarray-hidden-copy", "ndarray-redundant-copy-chain",
               "ndarray-write-to-copy", "ndarray-unnecessary-copy")
EXPLICIT_OPS = {"copy", "flatten", "astype", "take", "index", "mask", "concatenate"}


class Event:
    __slots__ = ("seq", "line", "op", "bytes", "kind", "reason")

    def __init__(self, seq, m):
        self.seq = seq
        self.line = int(m.group("line"))
        self.op = m.group("op").split("::")[-1]
        self.bytes = int(m.group("bytes"))
        self.kind = m.group("kind")
        self.reason = m.group("reason") or ""


class SiteTotal:
    """One line of the ND_TRACE_COPIES=summary output."""
    __slots__ = ("line", "op", "count", "bytes", "kind")

    def __init__(self, m):
        self.line = int(m.group("line"))
        self.op = m.group("op").split("::")[-1]
        self.count = int(m.group("count"))
        self.bytes = int(m.group("bytes"))
        self.kind = m.group("kind")


class Diagnostic:
    def __init__(self, line, col, check, msg):
        self.line, self.col, self.check, self.msg = line, col, check, msg
        self.notes = []  # (line, msg)
        self.verdict = None  # "confirmed" | "contradicted" | "unjudged"
        self.why = ""
        self.evidence = set()  # runtime lines this claim accounts for


def run(cmd, timeout=180, env=None, cwd=None):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=timeout, env=env, cwd=cwd)


def parse_annotations(lines):
    """{line: {"EXPECT": set, "EXPECT-NOT": set, "NOFIND": str}}"""
    notes = {}
    for number, text in enumerate(lines, 1):
        pos = text.find("//")
        if pos < 0:
            continue
        comment = text[pos:]
        marks = list(MARKER_RE.finditer(comment))
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(comment)
            body = comment[m.end():end].strip()
            entry = notes.setdefault(number, {"EXPECT": set(), "EXPECT-NOT": set(), "NOFIND": None,
                                              "RUNS": None})
            if m.group(1) == "NOFIND":
                entry["NOFIND"] = body or "unspecified"
            elif m.group(1) == "RUNS":
                entry["RUNS"] = int(body.split()[0])
            else:
                entry[m.group(1)].update(CHECK_NAME_RE.findall(body))
    return notes


def parse_events(stderr, basename):
    events = []
    for text in stderr.splitlines():
        m = EVENT_RE.match(text.strip())
        if m and os.path.basename(m.group("file")) == basename:
            events.append(Event(len(events), m))
    return events


def parse_summary(stderr, basename):
    totals = []
    for text in stderr.splitlines():
        m = SUMMARY_RE.match(text.strip())
        if m and os.path.basename(m.group("file")) == basename:
            totals.append(SiteTotal(m))
    return totals


def parse_diagnostics(stdout, path):
    diags, errors = [], []
    current = None
    for text in stdout.splitlines():
        m = DIAG_RE.match(text)
        if not m:
            continue
        same_file = os.path.realpath(m.group("file")) == os.path.realpath(path)
        line, col = int(m.group("line")), int(m.group("col"))
        if m.group("sev") == "note":
            if current is not None and same_file:
                current.notes.append((line, m.group("msg")))
            continue
        check = m.group("check") or ""
        if m.group("sev") == "error" or check.startswith("clang-diagnostic"):
            errors.append(text)
            current = None
            continue
        if not same_file or not check.startswith("ndarray-"):
            current = None
            continue
        current = Diagnostic(line, col, check, m.group("msg"))
        diags.append(current)
    return diags, errors


class Program:
    def __init__(self, source):
        self.source = source
        self.name = os.path.splitext(os.path.basename(source))[0]
        with open(source) as f:
            self.text = f.read()
        self.lines = self.text.splitlines()
        self.annotations = parse_annotations(self.lines)
        self.events = []
        self.summary = []    # SiteTotal per call site, from ND_TRACE_COPIES=summary
        self.diags = []
        self.failures = []   # strings: why this program fails
        self.warnings = []   # strings: worth a look, not a failure
        self.fixed = False
        self.bytes_before = self.bytes_after = 0
        self.output = ""
        self.cross_function = self.name.startswith(CROSS_FUNCTION_PREFIX)
        self.functions = function_bodies(self.lines)


def function_bodies(lines):
    """{name: [(first_line, last_line)]}: the bodies of the functions, member
    functions and named lambdas defined in the file (a lexical heuristic:
    a name followed by a parameter list and a braced body)."""
    # Comments and string literals blanked out, positions kept.
    code = [re.sub(r'"(?:[^"\\]|\\.)*"', lambda m: '"' + " " * (len(m.group()) - 2) + '"', line)
            for line in lines]
    code = [line[:line.find("//")] + " " * (len(line) - line.find("//")) if "//" in line else line
            for line in code]
    text = "\n".join(code)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def line_of(pos):
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    bodies = collections.defaultdict(list)
    definition = re.compile(
        r"(?:\b(?P<fn>[A-Za-z_]\w*)\s*\((?P<params>[^;{}]*?)\)[^;{}()=]*\{)"
        r"|(?:\b(?P<lambda>[A-Za-z_]\w*)\s*=\s*\[[^\]]*\]\s*(?:\([^;{}]*?\))?[^;{}()=]*\{)")
    keywords = {"if", "for", "while", "switch", "catch", "return", "sizeof", "decltype"}
    for m in definition.finditer(text):
        name = m.group("fn") or m.group("lambda")
        if name in keywords:
            continue
        if m.group("fn"):
            # A call is preceded by an operator or an opening bracket; a
            # definition by a type (or a class's name: a constructor).
            before = text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()
            if before.endswith(("=", "(", ",", "return", "<<", "+", "-", "*", "/", "?", ":")) and \
                    not before.endswith("::"):
                continue
            if before == "" and not re.match(r"\s*[A-Z]\w*\s*\(", text[m.start():]):
                continue
        depth, pos = 0, m.end() - 1
        while pos < len(text):
            if text[pos] == "{":
                depth += 1
            elif text[pos] == "}":
                depth -= 1
                if depth == 0:
                    break
            pos += 1
        bodies[name].append((line_of(m.start()), line_of(pos)))
    return bodies


def callee_lines(program, lines, depth=3):
    """The lines of the bodies of this file's functions called on `lines`,
    and of the functions they call (`depth` calls deep)."""
    seen, frontier, result = set(), set(lines), set()
    for _ in range(depth):
        called = set()
        for n in frontier:
            if 1 <= n <= len(program.lines):
                code = program.lines[n - 1].split("//")[0]
                called |= {name for name in CALLED_NAME_RE.findall(code)
                           if name in program.functions}
        called -= seen
        seen |= called
        frontier = set()
        for name in called:
            for first, last in program.functions[name]:
                body = set(range(first, last + 1))
                frontier |= body - result
                result |= body
        if not frontier:
            break
    return result


PCH_LOCK = __import__("threading").Lock()


def fresh_pch(args, pch):
    """Rebuilds the precompiled header if a runtime header changed since."""
    with PCH_LOCK:
        newest = max(os.path.getmtime(os.path.join(root, f))
                     for root, _, files in os.walk(args.include) for f in files)
        if not os.path.exists(pch) or os.path.getmtime(pch) < newest:
            build_pch(args)
        return pch if os.path.exists(pch) else None


def compile_and_run(args, source, exe, pch):
    cmd = [args.cxx, "-std=c++20", "-O0", "-Wall", "-Wextra", "-Werror",
           "-I", args.include, "-I", args.corpus]
    if pch:
        cmd += ["-include-pch", pch]
    cmd += [source, "-o", exe]
    built = run(cmd)
    if pch and built.returncode != 0 and "precompiled header" in built.stderr:
        # The runtime's headers changed since the header was precompiled.
        if fresh_pch(args, pch):
            built = run(cmd)
        if built.returncode != 0 and "precompiled header" in built.stderr:
            built = run([c for c in cmd if c not in ("-include-pch", pch)])
    if built.returncode != 0:
        return None, "compile failed:\n" + built.stderr[-3000:]
    env = dict(os.environ, ND_TRACE_COPIES="all")
    ran = run([exe], env=env, timeout=120)
    return ran, None


def run_summary(exe):
    """The program's stderr under ND_TRACE_COPIES=summary."""
    return run([exe], env=dict(os.environ, ND_TRACE_COPIES="summary"), timeout=120).stderr


def work_copies(root, program):
    """A fresh scratch directory for the program, with a copy of it to compile
    and one for ndtidy to fix: (work, basename, original, fixed)."""
    work = os.path.join(root, program.name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "fixed"))
    basename = os.path.basename(program.source)
    original = os.path.join(work, basename)
    fixed = os.path.join(work, "fixed", basename)
    shutil.copyfile(program.source, original)
    shutil.copyfile(program.source, fixed)
    return work, basename, original, fixed


def process(args, program, pch, available):
    work, basename, original, fixed = work_copies(args.work, program)

    ran, error = compile_and_run(args, original, os.path.join(work, "original.exe"), pch)
    if error:
        program.failures.append(error)
        return program
    if ran.returncode != 0:
        program.failures.append("program exited with %d:\n%s" % (ran.returncode, ran.stderr[-2000:]))
        return program
    program.output = ran.stdout
    program.events = parse_events(ran.stderr, basename)
    program.bytes_before = total_bytes(ran.stderr)
    program.summary = parse_summary(run_summary(os.path.join(work, "original.exe")), basename)

    tidy = [args.ndtidy, "--checks=-*,ndarray-*", "--fix", "--quiet", fixed, "--",
            "-std=c++20", "-I", args.include, "-I", args.corpus]
    if args.tidy_pch and pch:
        tidy += ["-include-pch", pch]
    checked = run(tidy)
    if "precompiled header" in checked.stdout + checked.stderr:
        # The runtime's headers changed since the header was precompiled.
        shutil.copyfile(program.source, fixed)
        if fresh_pch(args, pch):
            checked = run(tidy)
        if "precompiled header" in checked.stdout + checked.stderr:
            shutil.copyfile(program.source, fixed)
            checked = run([c for c in tidy if c not in ("-include-pch", pch)])
    program.diags, errors = parse_diagnostics(checked.stdout, fixed)
    if errors:
        program.failures.append("ndtidy reported errors:\n" + "\n".join(errors[:10]))
    with open(fixed) as f:
        fixed_text = f.read()
    if fixed_text != program.text:
        program.fixed = True
        ran_fixed, error = compile_and_run(args, fixed, os.path.join(work, "fixed.exe"), pch)
        if error:
            program.failures.append("fix-its: the fixed program does not compile:\n" + error)
        elif ran_fixed.returncode != 0:
            program.failures.append("fix-its: the fixed program exited with %d" % ran_fixed.returncode)
        else:
            program.bytes_after = total_bytes(ran_fixed.stderr)
            if ran_fixed.stdout != program.output:
                program.failures.append(
                    "fix-its changed the output:\n" + diff(program.output, ran_fixed.stdout))
            if program.bytes_after > program.bytes_before:
                program.failures.append("fix-its allocate more: %d bytes before, %d after" %
                                        (program.bytes_before, program.bytes_after))
            program.fixed_events = parse_events(ran_fixed.stderr, basename)
    else:
        program.bytes_after = program.bytes_before
    judge(program, available)
    return program


def total_bytes(stderr):
    return sum(int(m.group("bytes")) for m in map(EVENT_RE.match, stderr.splitlines()) if m)


def diff(a, b):
    import difflib
    return "".join(list(difflib.unified_diff(a.splitlines(True), b.splitlines(True),
                                             "original", "fixed"))[:40])


def definition_line(program, line, var):
    """The line (at or above `line`) that last binds `var`, or None."""
    # The array types of the program's library (libcheck sets its own).
    types = getattr(program, "array_types", r"\bnd::array<[^>]*>")
    binding = re.compile(r"(?:\bauto\b|%s)\s*&?\s*\b%s\b\s*[={(]|^\s*%s\s*=[^=]"
                         % (types, re.escape(var), re.escape(var)))
    for number in range(line - 1, 0, -1):
        if binding.search(program.lines[number - 1]):
            return number
    return None


def related_lines(program, diag):
    """The diagnostic's line, its notes' lines, and the definition of the
    local written on the diagnostic's line (for claims about earlier calls)."""
    lines = [diag.line] + [n for n, _ in diag.notes]
    m = WRITTEN_VAR_RE.match(program.lines[diag.line - 1]) if diag.line <= len(program.lines) else None
    if m:
        defined = definition_line(program, diag.line, m.group(1))
        if defined:
            lines.append(defined)
    return lines


def judge(program, available):
    by_line = collections.defaultdict(list)
    for e in program.events:
        by_line[e.line].append(e)
    for d in program.diags:
        own_lines = [d.line] + [n for n, _ in d.notes]
        # EXPECT-NOT speaks of the warning and of the call sites it blames;
        # a note saying where a layout came from ("transposed here") claims
        # no copy on its line.
        blamed = [d.line] + [n for n, text in d.notes if not LAYOUT_ORIGIN_RE.match(text)]
        expect_not = [n for n in blamed
                      if d.check in program.annotations.get(n, {}).get("EXPECT-NOT", ())]
        expected = any(d.check in program.annotations.get(n, {}).get("EXPECT", ())
                       for n in own_lines)
        if expect_not:
            d.verdict = "contradicted"
            d.why = "line %d is annotated EXPECT-NOT: %s" % (expect_not[0], d.check)
            continue
        if d.check == "ndarray-hidden-copy":
            judge_hidden(d, by_line, program.annotations.get(d.line, {}).get("RUNS"), program)
        elif d.check == "ndarray-redundant-copy-chain":
            judge_chain(program, d, by_line)
        elif d.check == "ndarray-write-to-copy":
            lines = related_lines(program, d)
            hits = [n for n in lines if by_line.get(n)]
            if not hits:
                # Cross-function: the copy was made in a function called here.
                hits = sorted(n for n in callee_lines(program, lines) if by_line.get(n))
            if hits:
                d.verdict, d.evidence = "confirmed", set(hits)
            else:
                d.verdict = "contradicted"
                d.why = "no copy event at runtime on lines %s" % sorted(set(lines))
        elif d.check == "ndarray-copy-in-loop":
            judge_loop(d, by_line, program.annotations.get(d.line, {}).get("RUNS"), program)
        elif d.check == "ndarray-unnecessary-copy":
            copies = [e for e in by_line.get(d.line, []) if e.kind == "explicit"]
            if copies:
                d.verdict, d.evidence = "confirmed", {d.line}
            else:
                d.verdict, d.why = "contradicted", "no explicit copy event at runtime on this line"
        else:
            d.evidence = set(n for n in related_lines(program, d) if by_line.get(n))
        if d.verdict is None:
            if expected:
                d.verdict = "confirmed"
            else:
                d.verdict, d.why = "unjudged", "not annotated; the runtime cannot judge this claim"
        if d.verdict == "confirmed" and not expected:
            program.warnings.append("%d: unannotated but confirmed: %s [%s]" % (d.line, d.msg, d.check))

    # Expected findings that did not come.
    # A finding may be anchored at the copy with notes at the writes (or the
    # reverse): an expectation is met on the diagnostic's line or a note's.
    found = {(n, d.check) for d in program.diags for n in [d.line] + [l for l, _ in d.notes]}
    program.misses, program.unavailable = [], []
    for line, ann in sorted(program.annotations.items()):
        for check in sorted(ann["EXPECT"]):
            if (line, check) in found:
                continue
            (program.misses if check in available else program.unavailable).append((line, check))
    # The corpus itself, judged by the runtime: a line expected to be a
    # hidden copy must be one.
    for line, ann in program.annotations.items():
        if "ndarray-hidden-copy" in ann["EXPECT"] and not any(
                e.kind == "hidden" for e in by_line.get(line, [])):
            program.failures.append("corpus error: line %d expects ndarray-hidden-copy but the "
                                    "runtime made no hidden copy there" % line)
    # Runtime hidden copies: found statically (some diagnostic accounts for the
    # line), or declared not findable (NOFIND), or neither (reported).
    covered = set()
    for d in program.diags:
        if d.verdict != "contradicted":
            covered |= d.evidence | {d.line}
    program.hidden_lines = sorted({e.line for e in program.events if e.kind == "hidden"})
    program.hidden_covered, program.hidden_nofind, program.hidden_missed = [], [], []
    for line in program.hidden_lines:
        ann = program.annotations.get(line, {})
        if line in covered:
            program.hidden_covered.append(line)
        elif ann.get("NOFIND"):
            program.hidden_nofind.append(line)
        else:
            program.hidden_missed.append(line)


def judge_hidden(d, by_line, runs, program=None):
    named = CLAIMED_CALL_RE.findall(d.msg)[:1] or QUOTED_CALL_RE.findall(d.msg)[:1]
    events = [e for e in by_line.get(d.line, []) if e.kind == "hidden"]
    if named:
        events = [e for e in events if e.op in named] or []
    if not events:
        d.verdict = "contradicted"
        d.why = "no hidden-copy event%s at runtime on this line (events: %s)" % (
            " of " + "/".join(named) if named else "",
            describe(by_line.get(d.line, [])) or "none")
        return
    # "copies ... when 'f' is called from line N": the copy is claimed for some
    # call paths only; the runtime cannot tell the paths apart at this line.
    path = CALL_PATH_RE.search(d.msg)
    if path and program is not None:
        fn = re.sub(r"<.*", "", path.group("fn")).split("::")[-1]
        for number in map(int, re.findall(r"\d+", path.group("lines"))):
            code = program.lines[number - 1].split("//")[0] if 1 <= number <= len(program.lines) else ""
            if re.fullmatch(r"[A-Za-z_]\w*", fn) and fn not in CALLED_NAME_RE.findall(code):
                d.verdict = "contradicted"
                d.why = "the message names line %d as a call of '%s'; that line does not call it" % (
                    number, fn)
                return
    conditional = " unless " in d.msg or "may copy" in d.msg
    if runs is not None and not conditional and not path and len(events) != runs:
        d.verdict = "contradicted"
        d.why = "claims a copy on every execution; the runtime copied in %d of %d" % (
            len(events), runs)
        return
    stated = BYTES_RE.search(d.msg)
    if stated and not conditional:
        claimed = int(re.sub(r"[,']", "", stated.group(1)))
        # On a call-path-conditional claim, other call paths (of unknown
        # layout) may copy other amounts here: one copy of the stated size.
        wrong = all(e.bytes != claimed for e in events) if path else \
            any(e.bytes != claimed for e in events)
        if wrong:
            d.verdict = "contradicted"
            d.why = "claims %d bytes; runtime copied %s" % (
                claimed, sorted({e.bytes for e in events}))
            return
    d.verdict, d.evidence = "confirmed", {d.line}


def judge_loop(d, by_line, runs, program):
    """A copy-in-loop claim against the per-site summary of the run."""
    if EXPORT_CLAIM_RE.search(d.msg):
        # An element-by-element export allocates nothing the runtime sees:
        # the annotations judge it.
        return
    named = CLAIMED_CALL_RE.findall(d.msg)[:1]
    growth = "copies all of" in d.msg
    kind = "hidden" if HIDDEN_CLAIM_RE.search(d.msg) else "explicit"
    sites = [t for t in program.summary
             if t.line == d.line and t.kind == kind and (not named or t.op in named)]
    count, total = sum(t.count for t in sites), sum(t.bytes for t in sites)
    d.verdict, d.evidence = "contradicted", set()
    if count < 2:
        d.why = "the summary shows %d %s cop%s of %s on this line: not repeated" % (
            count, kind, "y" if count == 1 else "ies", "/".join(named) or "any operation")
        return
    conditional = " unless " in d.msg or "that reach it" in d.msg
    if runs is not None and not conditional and count != runs:
        d.why = "claims a copy on every iteration; the summary counts %d of %d" % (count, runs)
        return
    stated = BYTES_RE.search(d.msg)
    if stated and not conditional and not growth:
        claimed = int(re.sub(r"[,']", "", stated.group(1)))
        if total != count * claimed:
            d.why = "claims %d bytes per copy; the summary has %d copies, %d bytes" % (
                claimed, count, total)
            return
    trip, in_all = TRIP_RE.search(d.msg), TOTAL_RE.search(d.msg)
    if trip and in_all:
        # A total per run of the loop: the summary counts whole runs of it.
        n, claimed_total = int(trip.group(1)), int(in_all.group(1))
        runs_of_loop = count // n
        if count % n or total != runs_of_loop * claimed_total:
            d.why = ("claims %d bytes in all over %d iterations; the summary has %d copies, "
                     "%d bytes" % (claimed_total, n, count, total))
            return
    if growth:
        sizes = [e.bytes for e in by_line.get(d.line, []) if not named or e.op in named]
        if any(b <= a for a, b in zip(sizes, sizes[1:])):
            d.why = "claims growth; the copies on this line were %s bytes" % sizes
            return
    d.verdict, d.evidence = "confirmed", {d.line}


def judge_chain(program, d, by_line):
    named = QUOTED_CALL_RE.findall(d.msg)
    lines = related_lines(program, d)
    if len(named) < 2:
        # Message without both names: at least two allocations must be seen.
        events = [e for n in set(lines) for e in by_line.get(n, [])]
        ok = len(events) >= 2
        outer = inner = None
    else:
        outer, inner = named[0], named[1]
        outer_events = [e for e in by_line.get(d.line, []) if e.op == outer]
        if outer == inner:
            ok = len(outer_events) >= 2
        else:
            ok = False
            earlier = set(lines)
            # Lines above, for a single-use local defined before the outer call.
            earlier |= set(range(max(1, d.line - 30), d.line + 1))
            for e in outer_events:
                if any(p.op == inner and p.seq < e.seq and p.line in earlier
                       for p in program.events):
                    ok = True
                    break
        if not ok:
            # Cross-function: the inner copy was made in a function called
            # on these lines (named by its operation, or by the function).
            inside = callee_lines(program, lines)
            inner_ops = {inner} | (EXPLICIT_OPS | {"ravel", "reshape", "ascontiguousarray",
                                                   "asfortranarray"}
                                   if inner in program.functions else set())
            for e in outer_events:
                hits = {p.line for p in program.events
                        if p.op in inner_ops and p.seq < e.seq and p.line in inside}
                if hits:
                    ok = True
                    lines = lines + sorted(hits)
                    break
    if ok:
        d.verdict = "confirmed"
        d.evidence = {n for n in lines if by_line.get(n)}
    else:
        d.verdict = "contradicted"
        d.why = "runtime did not allocate both %s and %s here (events: %s)" % (
            inner, outer, describe([e for n in set(lines) for e in by_line.get(n, [])]) or "none")


def describe(events):
    counted = collections.Counter("%s:%d %s()/%s %dB" % ("L", e.line, e.op, e.kind, e.bytes)
                                  for e in events)
    return ", ".join("%s x%d" % (k, v) if v > 1 else k for k, v in counted.items())


def list_checks(ndtidy):
    out = run([ndtidy, "--checks=-*,ndarray-*", "--list-checks"]).stdout
    return set(CHECK_NAME_RE.findall(out))


def build_pch(args):
    pch = os.path.join(args.work, "nd.hpp.pch")
    header = os.path.join(args.include, "nd", "nd.hpp")
    # Written aside and renamed: a compile running meanwhile sees the old or
    # the new file, never half of one.
    built = run([args.cxx, "-std=c++20", "-O0", "-Wall", "-Wextra", "-Werror", "-x", "c++-header",
                 header, "-I", args.include, "-o", pch + ".tmp"])
    if built.returncode != 0:
        return None
    os.replace(pch + ".tmp", pch)
    return pch


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(here, "corpus"))
    parser.add_argument("--ndtidy", required=True)
    parser.add_argument("--include", required=True, help="the nd runtime's include directory")
    parser.add_argument("--cxx", default="clang++-19")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", help="scratch directory (default: a temporary one)")
    parser.add_argument("--only", help="programs whose name contains this")
    parser.add_argument("--no-pch", action="store_true", help="do not precompile <nd/nd.hpp>")
    parser.add_argument("--no-tidy-pch", dest="tidy_pch", action="store_false",
                        help="run ndtidy without the precompiled header (slower; the "
                             "diagnostics and fixes were identical on the whole corpus)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    args.corpus = os.path.abspath(args.corpus)
    args.include = os.path.abspath(args.include)
    temporary = None
    if not args.work:
        temporary = tempfile.TemporaryDirectory(prefix="crosscheck-")
        args.work = temporary.name
    os.makedirs(args.work, exist_ok=True)

    available = list_checks(args.ndtidy)
    if not available:
        sys.exit("crosscheck: %s lists no ndarray-* check" % args.ndtidy)
    sources = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                     if f.endswith(".cpp") and (not args.only or args.only in f))
    programs = [Program(s) for s in sources]
    pch = None if args.no_pch else build_pch(args)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(args.jobs, 2))) as pool:
        list(pool.map(lambda p: process(args, p, pch, available), programs))
    status = report(programs, available, args.verbose)
    if temporary:
        temporary.cleanup()
    return status


def report(programs, available, verbose):
    failed = False
    stats = {c: collections.Counter() for c in CHECKS}
    # False: the intraprocedural corpus; True: cross-function programs (xf_*).
    group_stats = {False: collections.Counter(), True: collections.Counter()}
    group_checks = {False: collections.defaultdict(collections.Counter),
                    True: collections.defaultdict(collections.Counter)}
    print("crosscheck: %d programs; checks registered: %s" % (
        len(programs), ", ".join(sorted(available)) or "none"))
    for p in programs:
        lines = []
        for d in p.diags:
            stats.setdefault(d.check, collections.Counter())[d.verdict] += 1
            group_stats[p.cross_function][d.verdict] += 1
            if d.verdict == "contradicted":
                lines.append("  FALSE CLAIM %s.cpp:%d:%d [%s] %s\n      -> %s" % (
                    p.name, d.line, d.col, d.check, d.msg, d.why))
        for line, check in getattr(p, "misses", []):
            stats[check]["missed"] += 1
            group_checks[p.cross_function][check]["missed"] += 1
            lines.append("  MISSED %s.cpp:%d [%s]: %s" % (p.name, line, check,
                                                         p.lines[line - 1].strip()))
        for line, check in getattr(p, "unavailable", []):
            stats[check]["unavailable"] += 1
        if hasattr(p, "misses"):  # judged (compiled and ran)
            for check in [c for a in p.annotations.values() for c in a["EXPECT"]]:
                stats[check]["expected"] += 1
                if check in available:
                    group_checks[p.cross_function][check]["expected"] += 1
        for f in p.failures:
            lines.append("  FAIL " + f.replace("\n", "\n      "))
        if lines or p.failures:
            failed = True
        if lines:
            print("%s:" % p.name)
            print("\n".join(lines))
        if verbose:
            for w in p.warnings:
                print("  note %s.cpp:%s" % (p.name, w))
            for d in p.diags:
                print("  %s.cpp:%d:%d %s [%s] %s" % (p.name, d.line, d.col, d.verdict, d.check, d.msg))
    print()
    print("%-30s %9s %9s %9s %10s %8s %9s" % ("check", "claims", "confirmed", "false", "precision",
                                              "expected", "recall"))
    for check in sorted(stats):
        s = stats[check]
        claims = s["confirmed"] + s["contradicted"] + s["unjudged"]
        judged = s["confirmed"] + s["contradicted"]
        precision = "%.1f%%" % (100.0 * s["confirmed"] / judged) if judged else "-"
        if check not in available:
            recall = "n/a (check not available)"
        else:
            found = s["expected"] - s["missed"]
            recall = "%.1f%% (%d/%d)" % (100.0 * found / s["expected"], found, s["expected"]) \
                if s["expected"] else "-"
        print("%-30s %9d %9d %9d %10s %8d %s" % (check, claims, s["confirmed"], s["contradicted"],
                                                 precision, s["expected"], recall))
        if s["unjudged"]:
            print("%-30s (%d unjudged: not annotated, no runtime criterion)" % ("", s["unjudged"]))
    print()
    for cross, label in ((False, "intraprocedural"), (True, "cross-function")):
        count = sum(1 for p in programs if p.cross_function == cross)
        if not count:
            print("%s: no programs" % label)
            continue
        checks = group_checks[cross]
        expected = sum(c["expected"] for c in checks.values())
        met = expected - sum(c["missed"] for c in checks.values())
        g = group_stats[cross]
        judged = g["confirmed"] + g["contradicted"]
        print("%s: %d programs; expected %d/%d met%s; claims %d, false %d, precision %s%s" % (
            label, count, met, expected,
            " (%s)" % ", ".join("%s %d/%d" % (c[len("ndarray-"):], v["expected"] - v["missed"],
                                              v["expected"])
                                for c, v in sorted(checks.items()) if v["expected"])
            if expected else "",
            judged + g["unjudged"], g["contradicted"],
            "%.1f%%" % (100.0 * g["confirmed"] / judged) if judged else "-",
            " (%d unjudged)" % g["unjudged"] if g["unjudged"] else ""))
    hidden = sum(len(p.hidden_lines) for p in programs if hasattr(p, "hidden_lines"))
    covered = sum(len(p.hidden_covered) for p in programs if hasattr(p, "hidden_covered"))
    nofind = sum(len(p.hidden_nofind) for p in programs if hasattr(p, "hidden_nofind"))
    print("\nruntime hidden copies (lines): %d; found statically: %d; declared NOFIND: %d; "
          "other: %d" % (hidden, covered, nofind, hidden - covered - nofind))
    for p in programs:
        for line in getattr(p, "hidden_missed", []):
            print("  not found: %s.cpp:%d: %s" % (p.name, line, p.lines[line - 1].strip()))
    fixed = [p for p in programs if p.fixed]
    broken = [p for p in fixed if any(f.startswith("fix-its") for f in p.failures)]
    saved = sum(p.bytes_before - p.bytes_after for p in fixed)
    print("fix-its: %d programs changed, %d preserved output and allocated no more "
          "(%d bytes saved in total)" % (len(fixed), len(fixed) - len(broken), saved))
    unavailable = sorted({c for p in programs for _, c in getattr(p, "unavailable", [])})
    if unavailable:
        print("check not available (expectations not enforced): " + ", ".join(unavailable))
    print("\ncrosscheck: %s" % ("FAILED" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
