#!/usr/bin/env python3
"""Runs one ndtidy check on a test file and verifies what a user would see.

Usage (from a lit RUN line, through the %check_ndtidy substitution):

  check_ndtidy.py [--check-suffixes=A,B] <file> <checks> <tmp-prefix>
                  [-- <clang-tidy args> [-- <compiler args>]]

The test file carries its expectations as comments:

  // CHECK-MESSAGES: :[[@LINE+1]]:12: warning: ... [ndarray-...]
  // CHECK-NOTES:    (diagnostics and their notes; not combinable with MESSAGES)
  // CHECK-FIXES:    a line of the file after fix-its are applied
  // CHECK-MESSAGES-LLVM22: (any kind, any suffix) only when the tools are
  //                 built against that LLVM major (--llvm-major), for output
  //                 that differs because Clang itself does

For every tool configured (the clang-tidy plugin and the standalone ndtidy
binary), the runner:
  1. writes a copy of the file with the CHECK comments blanked, so line
     numbers stay put and the checks cannot match their own text;
  2. runs the tool with -fix on that copy;
  3. FileChecks the diagnostics, failing on any warning or error the test did
     not expect (any note too, with CHECK-NOTES);
  4. FileChecks the fixed file against the CHECK-FIXES lines;
  5. compiles the fixed file, so a fix-it can never break the build.
A file with no CHECK-MESSAGES/NOTES lines must produce no diagnostics.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys

CHECK_KINDS = ("MESSAGES", "NOTES", "FIXES")


def parse_args(argv):
    if "--" in argv:
        split = argv.index("--")
        own, rest = argv[:split], argv[split + 1:]
    else:
        own, rest = argv, []
    if "--" in rest:
        split = rest.index("--")
        tidy_args, compile_args = rest[:split], rest[split + 1:]
    else:
        tidy_args, compile_args = rest, []

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", help="clang-tidy binary of the build's LLVM")
    parser.add_argument("--plugin", help="the ndtidy plugin, for --load")
    parser.add_argument("--ndtidy", help="the standalone ndtidy binary")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--cxx", required=True, help="compiler for the fixed file")
    parser.add_argument("--llvm-major", default="",
                        help="the LLVM major of the tools: CHECK-<KIND>-LLVM<major> lines apply")
    parser.add_argument("--check-suffixes", default="",
                        help="comma-separated suffixes: CHECK-MESSAGES-<S>")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp_prefix")
    args = parser.parse_args(own)
    args.tidy_args = tidy_args
    args.compile_args = compile_args
    return args


def tools(args):
    """The tool configurations every test runs through."""
    configured = []
    if args.clang_tidy and args.plugin:
        configured.append(("plugin", [args.clang_tidy, "--load=" + args.plugin]))
    if args.ndtidy:
        configured.append(("standalone", [args.ndtidy]))
    if not configured:
        sys.exit("check_ndtidy.py: no tool configured (--clang-tidy/--plugin or --ndtidy)")
    return configured


def prefixes(suffixes):
    """CHECK prefixes per kind, e.g. {'MESSAGES': ['CHECK-MESSAGES-A'], ...}."""
    names = [s.strip() for s in suffixes.split(",") if s.strip()] or [""]
    return {kind: ["CHECK-%s%s" % (kind, "-" + s if s else "") for s in names]
            for kind in CHECK_KINDS}


def blank_check_comments(text):
    """Removes every `// CHECK-...:` comment, keeping the line structure."""
    pattern = re.compile(r"//\s*CHECK-(?:%s)[\w-]*:.*$" % "|".join(CHECK_KINDS))
    return "\n".join(pattern.sub("", line) for line in text.split("\n"))


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def filecheck(args, what, input_text, check_file, prefix_list, extra):
    cmd = [args.filecheck, check_file, "--input-file=-", "--dump-input=fail",
           "--check-prefixes=" + ",".join(prefix_list)] + extra
    result = subprocess.run(cmd, input=input_text, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    if result.returncode != 0:
        print("FileCheck failed on %s:\n%s" % (what, result.stdout))
        return False
    return True


def check_one_tool(args, name, command, original, used):
    tag = "%s.%s" % (args.temp_prefix, name)
    ext = os.path.splitext(args.input)[1] or ".cpp"
    source = tag + ext
    with open(source, "w") as f:
        f.write(blank_check_comments(original))

    tidy_args = list(args.tidy_args)
    if not any(a.startswith("--config") for a in tidy_args):
        tidy_args.append("--config={}")
    cmd = (command + [source, "-fix", "--checks=-*," + args.checks] + tidy_args +
           ["--"] + args.compile_args)
    print("[%s] %s" % (name, " ".join(shlex.quote(c) for c in cmd)))
    result = run(cmd)
    output = result.stdout
    ok = True
    if result.returncode != 0 and "--warnings-as-errors" not in " ".join(tidy_args):
        print("[%s] clang-tidy exited with %d:\n%s" % (name, result.returncode, output))
        ok = False

    # The "FIX-IT applied" notes say nothing the fixed file does not show.
    diagnostics = "\n".join(line for line in output.splitlines()
                            if "note: FIX-IT applied suggested code changes" not in line)
    if used["MESSAGES"]:
        ok &= filecheck(args, "[%s] diagnostics" % name, diagnostics, args.input,
                        used["MESSAGES"], ["-implicit-check-not={{warning|error}}:"])
    elif used["NOTES"]:
        ok &= filecheck(args, "[%s] diagnostics and notes" % name, diagnostics,
                        args.input, used["NOTES"],
                        ["-implicit-check-not={{note|warning|error}}:"])
    elif re.search(r"\b(warning|error):", diagnostics):
        print("[%s] expected no diagnostics, got:\n%s" % (name, diagnostics))
        ok = False

    with open(source) as f:
        fixed = f.read()
    if used["FIXES"]:
        ok &= filecheck(args, "[%s] fixed file" % name, fixed, args.input,
                        used["FIXES"], ["-strict-whitespace"])

    compiled = run([args.cxx, "-fsyntax-only", "-x", "c++", source] + args.compile_args)
    if compiled.returncode != 0:
        print("[%s] the fixed file does not compile:\n%s" % (name, compiled.stdout))
        ok = False
    return ok


def main(argv):
    args = parse_args(argv)
    with open(args.input) as f:
        original = f.read()
    wanted = prefixes(args.check_suffixes)
    used = {kind: [p for p in wanted[kind] if re.search(re.escape(p) + r":", original)]
            for kind in CHECK_KINDS}
    if used["MESSAGES"] and used["NOTES"]:
        sys.exit("check_ndtidy.py: CHECK-MESSAGES and CHECK-NOTES cannot be combined")
    for kind in CHECK_KINDS:
        missing = set(wanted[kind]) - set(used[kind])
        if used[kind] and missing:
            sys.exit("check_ndtidy.py: no %s lines for %s" % (kind, sorted(missing)))
    # Expectations of one LLVM major only, where Clang itself differs:
    # CHECK-MESSAGES-LLVM22 (after CHECK-MESSAGES[-<suffix>]) applies to a
    # build against LLVM 22 and is ignored by the others.
    if args.llvm_major:
        for kind in CHECK_KINDS:
            for p in wanted[kind]:
                major_prefix = "%s-LLVM%s" % (p, args.llvm_major)
                if re.search(re.escape(major_prefix) + r":", original):
                    used[kind].append(major_prefix)
        if used["MESSAGES"] and used["NOTES"]:
            sys.exit("check_ndtidy.py: CHECK-MESSAGES and CHECK-NOTES cannot be combined")

    ok = True
    for name, command in tools(args):
        ok &= check_one_tool(args, name, command, original, used)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
