#!/usr/bin/python3
"""The CI lint stage of docs/integration.md, run for real on the sample project.

Subcommands (each is one CTest test, see CMakeLists.txt):

  exit-codes   ndtidy's exit status: 0 with warnings, 1 with
               --warnings-as-errors, 0 on a clean file.
  whole-project
               run-clang-tidy-19 over the sample's compile_commands.json in
               parallel (-j2), once loading the plugin into clang-tidy-19
               (-load) and once with -clang-tidy-binary=ndtidy; both must find
               exactly the sample's two findings, fail with
               -warnings-as-errors, and export fixes that ndtidy-sarif turns
               into SARIF (written to --sarif-out for the `sarif` test).
  sarif        checks that SARIF's content (rules, locations, fixes: applying
               the SARIF fix to the file must give the fixed line) and
               validates it with Microsoft's SARIF validator
               (@microsoft/sarif-multitool from npm, installed by the
               integration-sarif-tool fixture), falling back to the SARIF
               2.1.0 JSON schema with python3-jsonschema. It prints which
               validator ran; with neither it exits 77 (CTest: skipped).
  changed-lines
               clang-tidy-diff-19.py on `git diff -U0`: only the finding on
               a changed line is reported, not the sample's existing ones.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

CHECK = "ndarray-redundant-copy-chain"
# The sample project's two findings (src/stats.cpp: values.copy().flatten(),
# src/main.cpp: nd::copy(grid.copy())), as `file:line:col`.
SAMPLE_FINDINGS = {("src/stats.cpp", 15, 24), ("src/main.cpp", 7, 30)}
DIAG = re.compile(r"^(/\S+?):(\d+):(\d+): (warning|error): .*\[([\w,-]+)\]$", re.MULTILINE)


def run(argv, cwd=None, env=None, expect=None):
    proc = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, check=False)
    if expect is not None and proc.returncode != expect:
        sys.exit(f"FAIL: {' '.join(map(str, argv))} exited {proc.returncode}, "
                 f"expected {expect}:\n{proc.stdout}{proc.stderr}")
    return proc


def findings(output, root):
    found = set()
    for m in DIAG.finditer(output):
        if CHECK not in m.group(5).split(","):
            continue
        path = pathlib.Path(m.group(1))
        try:
            path = path.relative_to(root)
        except ValueError:
            pass
        found.add((path.as_posix(), int(m.group(2)), int(m.group(3))))
    return found


def exit_codes(args):
    ndtidy = args.prefix / "bin" / "ndtidy"
    src = args.sample / "src"
    flags = ["--", "-std=c++20", f"-I{args.prefix / 'include'}", f"-I{src}"]
    checks = f"--checks=-*,{CHECK}"
    run([ndtidy, checks, src / "stats.cpp", *flags], expect=0)
    strict = run([ndtidy, checks, "--warnings-as-errors=*", src / "stats.cpp", *flags], expect=1)
    if "1 warning treated as error" not in strict.stderr:
        sys.exit(f"FAIL: no 'treated as error' summary:\n{strict.stderr}")
    run([ndtidy, checks, "--warnings-as-errors=*", src / "normalize.cpp", *flags], expect=0)
    print("PASS: exit status 0 with warnings, 1 with --warnings-as-errors=*, 0 when clean")


def whole_project(args):
    build = args.sample_build
    if not (build / "compile_commands.json").is_file():
        sys.exit(f"FAIL: {build}/compile_commands.json is missing (fixture not run?)")
    root = args.sample.resolve()
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    runners = {
        "plugin": ["-load", args.prefix / "lib" / "libndtidy.so"],
        "ndtidy": ["-clang-tidy-binary", args.prefix / "bin" / "ndtidy"],
    }
    for name, how in runners.items():
        started = time.monotonic()
        fixes = work / f"fixes-{name}.yaml"
        proc = run([args.run_clang_tidy, "-p", build, "-j", "2", "-quiet",
                    "-export-fixes", fixes, *how], cwd=root, expect=0)
        got = findings(proc.stdout + proc.stderr, root)
        if got != SAMPLE_FINDINGS:
            sys.exit(f"FAIL [{name}]: found {sorted(got)}, expected {sorted(SAMPLE_FINDINGS)}"
                     f"\n{proc.stdout}{proc.stderr}")
        if not fixes.is_file() or CHECK not in fixes.read_text():
            sys.exit(f"FAIL [{name}]: -export-fixes wrote no {CHECK} entry")
        print(f"[{name}] run-clang-tidy -j2: {len(got)} findings in "
              f"{time.monotonic() - started:.1f} s")
    # The CI gate: the same run fails once warnings are errors (one file,
    # selected by run-clang-tidy's file regex, keeps this cheap).
    strict = run([args.run_clang_tidy, "-p", build, "-j", "2", "-quiet",
                  "-warnings-as-errors=*", *runners["ndtidy"], "src/stats.cpp"], cwd=root)
    if strict.returncode == 0:
        sys.exit("FAIL: run-clang-tidy -warnings-as-errors=* exited 0 with findings")
    print(f"run-clang-tidy -warnings-as-errors=*: exit status {strict.returncode}")
    run([args.prefix / "bin" / "ndtidy-sarif", work / "fixes-ndtidy.yaml",
         "--source-root", root, "-o", args.sarif_out], expect=0)
    print(f"PASS: whole-project runs; SARIF written to {args.sarif_out}")


def apply_sarif_fix(text, replacements):
    """Apply SARIF replacements (1-based lines, code-point columns)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line, column):
        return starts[line - 1] + column - 1

    for rep in sorted(replacements, key=lambda r: (r["deletedRegion"]["startLine"],
                                                   r["deletedRegion"]["startColumn"]),
                      reverse=True):
        region = rep["deletedRegion"]
        begin = offset(region["startLine"], region["startColumn"])
        end = offset(region["endLine"], region["endColumn"])
        text = text[:begin] + rep.get("insertedContent", {}).get("text", "") + text[end:]
    return text


def check_sarif_content(log, root, version):
    run0 = log["runs"][0]
    driver = run0["tool"]["driver"]
    if driver.get("version") != version:
        sys.exit(f"FAIL: SARIF tool version {driver.get('version')}, project is {version}")
    rules = {r["id"]: r for r in driver["rules"]}
    rule = rules.get(CHECK)
    if not rule:
        sys.exit(f"FAIL: no rule {CHECK} in {list(rules)}")
    page = pathlib.Path(rule["helpUri"][len("file://"):])
    if not rule["helpUri"].startswith("file:///") or not page.is_file() or \
            page.name != f"{CHECK}.md" or page.parent.name != "checks":
        sys.exit(f"FAIL: helpUri {rule['helpUri']} is not the installed check page")
    summary = rule["shortDescription"]["text"]
    if summary == CHECK or " ".join(page.read_text().split()).find(summary) < 0 or \
            rule["help"]["markdown"] != page.read_text():
        sys.exit(f"FAIL: short description/help not taken from {page}: {summary!r}")
    print(f"rule {CHECK}: helpUri {rule['helpUri']}\n  shortDescription {summary!r}")
    base = pathlib.Path(run0["originalUriBaseIds"]["SRCROOT"]["uri"][len("file://"):])
    if base.resolve() != root:
        sys.exit(f"FAIL: SRCROOT is {base}, expected {root}")
    got = set()
    for result in run0["results"]:
        loc = result["locations"][0]["physicalLocation"]
        region = loc["region"]
        path = loc["artifactLocation"]["uri"]
        got.add((path, region["startLine"], region["startColumn"]))
        if result["ruleId"] != CHECK or driver["rules"][result["ruleIndex"]]["id"] != CHECK:
            sys.exit(f"FAIL: result not tied to its rule: {result}")
        changes = result["fixes"][0]["artifactChanges"]
        original = (root / path).read_text()
        fixed = apply_sarif_fix(original, changes[0]["replacements"])
        line = fixed.splitlines()[region["startLine"] - 1].strip()
        print(f"  {path}:{region['startLine']}:{region['startColumn']} "
              f"fix -> {line!r}")
        if ".copy()." in line or "nd::copy(" in line:
            sys.exit(f"FAIL: the SARIF fix leaves the chain: {line!r}")
    if got != SAMPLE_FINDINGS:
        sys.exit(f"FAIL: SARIF results at {sorted(got)}, expected {sorted(SAMPLE_FINDINGS)}")


def validate_with_multitool(binary, sarif, work):
    """Microsoft's validator: SARIF rules (SARIF1xxx/2xxx) on our log.

    It skips, silently, a log that does not deserialize (e.g. an invalid
    enum value), so it runs next to the schema check, not instead of it.
    Its platform binary is called directly: the npm wrapper passes the
    arguments through a shell."""
    def findings(path):
        report = work / (path.stem + ".validation.sarif")
        proc = run([binary, "validate", path, "--output", report, "--log", "ForceOverwrite"])
        if proc.returncode != 0:
            sys.exit(f"FAIL: sarif-multitool validate exited {proc.returncode}:\n{proc.stdout}")
        results = json.loads(report.read_text())["runs"][0].get("results", [])
        return [r for r in results if r.get("level", "warning") in ("error", "warning")]

    bad = findings(sarif)
    if bad:
        sys.exit("FAIL: sarif-multitool reports:\n" + "\n".join(
            f"  {r['ruleId']}: {r['message'].get('text', r['message'])}" for r in bad))
    # Control: a rule violation (rule name == id, SARIF1001) must be caught.
    control = json.loads(sarif.read_text())
    rule = control["runs"][0]["tool"]["driver"]["rules"][0]
    rule["name"] = rule["id"]
    control_path = work / "control-name-equals-id.sarif"
    control_path.write_text(json.dumps(control, indent=2))
    if "SARIF1001" not in {r["ruleId"] for r in findings(control_path)}:
        sys.exit("FAIL: sarif-multitool missed SARIF1001 in the control log")
    version = json.loads((binary.parent / "package.json").read_text())["version"]
    return f"@microsoft/sarif-multitool {version} validate"


def validate_with_schema(schema_path, sarif):
    """The SARIF 2.1.0 JSON schema, with python3-jsonschema."""
    import jsonschema  # Debian: python3-jsonschema
    schema = json.loads(pathlib.Path(schema_path).read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    log = json.loads(pathlib.Path(sarif).read_text())
    errors = list(validator.iter_errors(log))
    if errors:
        sys.exit("FAIL: not valid SARIF 2.1.0:\n" + "\n".join(
            f"  {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:20]))
    # Control: an invalid level must be rejected.
    log["runs"][0]["results"][0]["level"] = "fatal"
    if not list(validator.iter_errors(log)):
        sys.exit("FAIL: the schema accepted an invalid result level")
    return f"JSON schema {schema_path} ({validator_class.__name__}, python3-jsonschema)"


def sarif(args):
    if not args.sarif_out.is_file():
        sys.exit(f"FAIL: {args.sarif_out} missing (integration-whole-project not run?)")
    log = json.loads(args.sarif_out.read_text())
    check_sarif_content(log, args.sample.resolve(), args.version)
    args.workdir.mkdir(parents=True, exist_ok=True)
    package = args.npm_prefix / "node_modules" / "@microsoft" / "sarif-multitool-linux"
    binary = package / "Sarif.Multitool"
    schema = os.environ.get("NDTIDY_SARIF_SCHEMA") or package / "sarif-2.1.0.json"
    validators = []
    if binary.exists():
        if not os.access(binary, os.X_OK):
            binary.chmod(0o755)  # npm may skip the package's chmod postinstall
        validators.append(validate_with_multitool(binary, args.sarif_out, args.workdir))
    if pathlib.Path(schema).is_file():
        validators.append(validate_with_schema(schema, args.sarif_out))
    if not validators:
        print("SKIPPED: SARIF NOT VALIDATED: @microsoft/sarif-multitool could not be installed "
              "from npm and NDTIDY_SARIF_SCHEMA names no sarif-schema-2.1.0.json")
        sys.exit(77)
    for v in validators:
        print(f"validator ran: {v}")
    if not binary.exists():
        print("note: @microsoft/sarif-multitool unavailable; schema validation only")
    print("PASS: SARIF content and validation")


def changed_lines(args):
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    project = work / "project"
    shutil.copytree(args.sample, project)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", HOME=str(work))
    run(["cmake", "-S", project, "-B", project / "build", "-G", "Ninja",
         f"-DCMAKE_CXX_COMPILER={args.cxx}", f"-DCMAKE_PREFIX_PATH={args.prefix}"], expect=0)
    (project / ".gitignore").write_text("build/\n")
    for git_args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        run(["git", *git_args], cwd=project, env=env, expect=0)
    source = project / "src" / "normalize.cpp"
    text = source.read_text()
    clean = "nd::array<double> result = values.copy();"
    source.write_text(text.replace(clean, "nd::array<double> result = nd::copy(values.copy());"))
    diff = run(["git", "diff", "-U0", "HEAD"], cwd=project, env=env, expect=0).stdout
    proc = subprocess.run([args.tidy_diff, "-p1", "-path", "build", "-j", "2",
                           "-clang-tidy-binary", args.prefix / "bin" / "ndtidy"],
                          input=diff, cwd=project, capture_output=True, text=True, check=False)
    got = findings(proc.stdout + proc.stderr, project.resolve())
    want = {("src/normalize.cpp", 6, 30)}
    if got != want:
        sys.exit(f"FAIL: clang-tidy-diff reported {sorted(got)}, expected {sorted(want)} "
                 f"(the unchanged stats.cpp/main.cpp findings must not appear)\n"
                 f"{proc.stdout}{proc.stderr}")
    if proc.returncode != 0:
        sys.exit(f"FAIL: clang-tidy-diff exited {proc.returncode} on warnings")
    # clang-tidy-diff passes everything after `--` to the compiler, so a CI
    # gate sets WarningsAsErrors in a config file instead.
    gate = work / "ci.clang-tidy"
    gate.write_text("Checks: '-*,ndarray-*'\nWarningsAsErrors: '*'\n")
    strict = subprocess.run([args.tidy_diff, "-p1", "-path", "build", "-quiet",
                             "-config-file", gate,
                             "-clang-tidy-binary", args.prefix / "bin" / "ndtidy"],
                            input=diff, cwd=project, capture_output=True, text=True, check=False)
    if strict.returncode != 1 or "[ndarray-redundant-copy-chain,-warnings-as-errors]" \
            not in strict.stdout + strict.stderr:
        sys.exit(f"FAIL: with WarningsAsErrors clang-tidy-diff exited {strict.returncode}:\n"
                 f"{strict.stdout}{strict.stderr}")
    print(f"PASS: changed-lines run reports only {sorted(got)} (exit 0; exit 1 with "
          "WarningsAsErrors)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["exit-codes", "whole-project", "sarif",
                                            "changed-lines"])
    parser.add_argument("--prefix", type=pathlib.Path, required=True)
    parser.add_argument("--sample", type=pathlib.Path, required=True)
    parser.add_argument("--sample-build", type=pathlib.Path)
    parser.add_argument("--workdir", type=pathlib.Path, required=True)
    parser.add_argument("--sarif-out", type=pathlib.Path)
    parser.add_argument("--npm-prefix", type=pathlib.Path)
    parser.add_argument("--version")
    parser.add_argument("--run-clang-tidy", default="run-clang-tidy-19")
    parser.add_argument("--tidy-diff", default="clang-tidy-diff-19.py")
    parser.add_argument("--cxx", default="clang++-19")
    args = parser.parse_args()
    args.prefix = args.prefix.resolve()
    args.workdir = args.workdir.resolve()
    started = time.monotonic()
    {"exit-codes": exit_codes, "whole-project": whole_project, "sarif": sarif,
     "changed-lines": changed_lines}[args.command](args)
    print(f"({args.command}: {time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
