#!/usr/bin/python3
"""The CI lint stage of docs/integration.md, run for real on the sample project.

Subcommands (each is one CTest test, see CMakeLists.txt):

  exit-codes   ndtidy's exit status: 0 with warnings, 1 with
               --warnings-as-errors, 0 on a clean file.
  whole-project
               in a copy of the sample project, runs the steps of
               docs/examples/ndtidy-lint.yml (configure; run-clang-tidy-19
               -clang-tidy-binary=ndtidy -warnings-as-errors over
               compile_commands.json in parallel; ndtidy-sarif; the gate,
               which must fail), then snippet run-clang-tidy-plugin
               (clang-tidy-19 -load=libndtidy.so). Both runs must report
               exactly the sample's two findings. The SARIF goes to
               --sarif-out for the `sarif` test.
  sarif        checks that SARIF's content (rules, locations, fixes: applying
               the SARIF fix to the file must give the fixed line) and
               validates it with Microsoft's SARIF validator
               (@microsoft/sarif-multitool from npm, installed by the
               integration-sarif-tool fixture), falling back to the SARIF
               2.1.0 JSON schema with python3-jsonschema. It prints which
               validator ran; with neither it exits 77 (CTest: skipped).
  converter    ndtidy-sarif on a real ndtidy run: code-point columns after
               non-ASCII text, --help-uri-base, duplicate inputs merged, and
               the SARIF fix reproduces `ndtidy --fix` exactly.
  export-sarif ndtidy --export-sarif (Clang's SarifDocumentWriter) on a real
               run: rules linked to the installed check pages, code-point
               columns, notes as related locations, a fix that reproduces
               `ndtidy --fix`, an empty log when a stale --export-fixes file
               is all there is; validated as for `sarif`.
  changed-lines
               snippet changed-lines (clang-tidy-diff-19.py on
               `git diff -U0`, WarningsAsErrors from snippet ci-clang-tidy):
               only the finding on a changed line is reported, not the
               sample's existing ones, and the exit status is 1.
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

import yaml  # Debian: python3-yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from doc_snippets import for_llvm, snippet  # noqa: E402

CHECK = "ndarray-redundant-copy-chain"
# The sample project's two findings (src/stats.cpp: values.copy().flatten(),
# src/main.cpp: return nd::copy(grid.copy())), as `file:line:col`.
SAMPLE_FINDINGS = {("src/stats.cpp", 15, 24), ("src/main.cpp", 7, 10)}
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


WORKFLOW = pathlib.Path(__file__).resolve().parents[2] / "docs" / "examples" / "ndtidy-lint.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(steps\.([\w-]+)\.outputs\.(\w+)|env\.(\w+))\s*\}\}")


def run_workflow_steps(workflow, cwd, env, expected_status):
    """Runs the workflow's steps that have an `id`, as GitHub would (bash -e,
    $GITHUB_OUTPUT, ${{ steps.*.outputs.* }} / ${{ env.* }} substituted)."""
    doc = yaml.safe_load(workflow.read_text())
    job = next(iter(doc["jobs"].values()))
    env = dict(env, **{k: str(v) for k, v in (doc.get("env") or {}).items()
                       if k not in env}, **{k: str(v) for k, v in (job.get("env") or {}).items()})
    uses = [s["uses"] for s in job["steps"] if "uses" in s]
    if not any(u.startswith("github/codeql-action/upload-sarif@") for u in uses):
        sys.exit(f"FAIL: the workflow does not upload SARIF: {uses}")
    outputs, results = {}, {}
    for step in job["steps"]:
        if "id" not in step or "run" not in step:
            continue

        def substitute(match):
            if match.group(4):
                return env.get(match.group(4), "")
            return outputs.get(match.group(2), {}).get(match.group(3), "")

        script = for_llvm(EXPRESSION.sub(substitute, step["run"]))
        output_file = cwd / f".github-output-{step['id']}"
        output_file.write_text("")
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                              cwd=cwd, env=dict(env, GITHUB_OUTPUT=str(output_file)),
                              capture_output=True, text=True, check=False)
        outputs[step["id"]] = dict(line.split("=", 1) for line in
                                   output_file.read_text().splitlines() if "=" in line)
        results[step["id"]] = proc
        want = expected_status.get(step["id"], 0)
        if proc.returncode != want:
            sys.exit(f"FAIL: workflow step {step['id']} exited {proc.returncode}, expected "
                     f"{want}:\n{script}\n{proc.stdout}{proc.stderr}")
        print(f"workflow step {step['id']}: exit {proc.returncode} {outputs[step['id']] or ''}")
    return results


def whole_project(args):
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    project = work / "project"
    shutil.copytree(args.sample, project)
    env = dict(os.environ, NDTIDY_PREFIX=str(args.prefix),
               PATH=f"{args.prefix / 'bin'}{os.pathsep}{os.environ['PATH']}")

    # 1. The GitHub Actions workflow's own steps: configure, run-clang-tidy
    #    with ndtidy (-warnings-as-errors, -export-fixes), SARIF, gate.
    started = time.monotonic()
    steps = run_workflow_steps(WORKFLOW, project, env, {"gate": 1})
    lint = steps["lint"]
    got = findings(lint.stdout + lint.stderr, project.resolve())
    if got != SAMPLE_FINDINGS:
        sys.exit(f"FAIL [workflow]: found {sorted(got)}, expected {sorted(SAMPLE_FINDINGS)}"
                 f"\n{lint.stdout}{lint.stderr}")
    if "[ndarray-redundant-copy-chain,-warnings-as-errors]" not in lint.stdout + lint.stderr:
        sys.exit("FAIL [workflow]: findings are not errors with -warnings-as-errors")
    workflow_text = " ".join(for_llvm(WORKFLOW.read_text()).split())
    for name in ("run-clang-tidy-ndtidy", "sarif-convert"):
        if " ".join(snippet(name).split()) not in workflow_text:
            sys.exit(f"FAIL: snippet {name} is not what the workflow runs")
    print(f"[ndtidy] run-clang-tidy -j: {len(got)} findings; workflow steps in "
          f"{time.monotonic() - started:.1f} s")

    # 2. The plugin form (snippet run-clang-tidy-plugin): clang-tidy-19 -load.
    started = time.monotonic()
    (project / "ndtidy-fixes.yaml").unlink()
    plugin = subprocess.run(["bash", "-eo", "pipefail", "-c", snippet("run-clang-tidy-plugin")],
                            cwd=project, env=env, capture_output=True, text=True, check=False)
    got = findings(plugin.stdout + plugin.stderr, project.resolve())
    if plugin.returncode != 0 or got != SAMPLE_FINDINGS:
        sys.exit(f"FAIL [plugin]: exit {plugin.returncode}, found {sorted(got)}, expected "
                 f"{sorted(SAMPLE_FINDINGS)}\n{plugin.stdout}{plugin.stderr}")
    if CHECK not in (project / "ndtidy-fixes.yaml").read_text():
        sys.exit("FAIL [plugin]: -export-fixes wrote no finding")
    print(f"[plugin] run-clang-tidy -j -load: {len(got)} findings, exit 0, in "
          f"{time.monotonic() - started:.1f} s")
    shutil.copy(project / "ndtidy.sarif", args.sarif_out)
    print(f"PASS: whole-project runs; the workflow's SARIF copied to {args.sarif_out}")


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
        if driver["rules"][result["ruleIndex"]]["id"] != result["ruleId"]:
            sys.exit(f"FAIL: result not tied to its rule: {result}")
        if result["ruleId"] != CHECK:  # other ndarray-* checks: validated only
            continue
        loc = result["locations"][0]["physicalLocation"]
        region = loc["region"]
        path = loc["artifactLocation"]["uri"]
        got.add((path, region["startLine"], region["startColumn"]))
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
    check_sarif_content(log, args.project.resolve(), args.version)
    args.workdir.mkdir(parents=True, exist_ok=True)
    validate(args.sarif_out, args.npm_prefix, args.workdir)
    print("PASS: SARIF content and validation")


def validate(sarif_path, npm_prefix, work):
    """Both validators that are available; exits 77 (CTest: skipped) with
    neither."""
    package = npm_prefix / "node_modules" / "@microsoft" / "sarif-multitool-linux"
    binary = package / "Sarif.Multitool"
    schema = os.environ.get("NDTIDY_SARIF_SCHEMA") or package / "sarif-2.1.0.json"
    validators = []
    if binary.exists():
        if not os.access(binary, os.X_OK):
            binary.chmod(0o755)  # npm may skip the package's chmod postinstall
        validators.append(validate_with_multitool(binary, sarif_path, work))
    if pathlib.Path(schema).is_file():
        validators.append(validate_with_schema(schema, sarif_path))
    if not validators:
        print("SKIPPED: SARIF NOT VALIDATED: @microsoft/sarif-multitool could not be installed "
              "from npm and NDTIDY_SARIF_SCHEMA names no sarif-schema-2.1.0.json")
        sys.exit(77)
    for v in validators:
        print(f"validator ran: {v}")
    if not binary.exists():
        print("note: @microsoft/sarif-multitool unavailable; schema validation only")


def changed_lines(args):
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    project = work / "project"
    shutil.copytree(args.sample, project)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", HOME=str(work), BASE_REF="HEAD",
               NDTIDY_PREFIX=str(args.prefix),
               PATH=f"{args.prefix / 'bin'}{os.pathsep}{os.environ['PATH']}")
    run(["cmake", "-S", project, "-B", project / "build", "-G", "Ninja",
         f"-DCMAKE_CXX_COMPILER={args.cxx}", f"-DCMAKE_PREFIX_PATH={args.prefix}"], expect=0)
    (project / ".gitignore").write_text("build/\n")
    # Narrowed from ndarray-* to the check asserted on (as the sample's own
    # .clang-tidy is).
    config = snippet("ci-clang-tidy")
    if "'-*,ndarray-*'" not in config:
        sys.exit("FAIL: snippet ci-clang-tidy no longer enables ndarray-*")
    (project / "ci.clang-tidy").write_text(config.replace("ndarray-*", CHECK))
    for git_args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        run(["git", *git_args], cwd=project, env=env, expect=0)
    source = project / "src" / "normalize.cpp"
    clean = "nd::array<double> result = values.copy();"
    source.write_text(source.read_text().replace(
        clean, "nd::array<double> result = nd::copy(values.copy());"))
    script = snippet("changed-lines")
    tidy_diff = for_llvm("clang-tidy-diff-19.py")
    if tidy_diff not in script:
        sys.exit(f"FAIL: snippet changed-lines does not run {tidy_diff}")
    script = script.replace(tidy_diff, str(args.tidy_diff))
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", script], cwd=project, env=env,
                          capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    got = findings(output, project.resolve())
    want = {("src/normalize.cpp", 6, 30)}
    if got != want:
        sys.exit(f"FAIL: clang-tidy-diff reported {sorted(got)}, expected {sorted(want)} "
                 f"(the unchanged stats.cpp/main.cpp findings must not appear)\n{output}")
    if proc.returncode != 1 or "[ndarray-redundant-copy-chain,-warnings-as-errors]" \
            not in output:
        sys.exit(f"FAIL: with WarningsAsErrors clang-tidy-diff exited {proc.returncode}:\n"
                 f"{output}")
    print(f"PASS: changed-lines run reports only {sorted(got)}, exit 1 (WarningsAsErrors)")


def converter(args):
    """ndtidy-sarif details on a real ndtidy run: code-point columns after
    non-ASCII text, --help-uri-base, merging duplicate inputs, and a SARIF
    fix that reproduces `ndtidy --fix` byte for byte."""
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    text = ("#include <nd/nd.hpp>\n\n"
            "nd::array<double> f(const nd::array<double> &a) {\n"
            "  /* \u00abr\u00e9sum\u00e9\u00bb */ return a.copy().flatten();\n}\n")
    source = work / "unicode.cpp"
    source.write_text(text, encoding="utf-8")
    ndtidy = args.prefix / "bin" / "ndtidy"
    flags = ["--", "-std=c++20", f"-I{args.prefix / 'include'}"]
    fixes = work / "fixes.yaml"
    out = run([ndtidy, f"--checks=-*,{CHECK}", f"--export-fixes={fixes}", source, *flags],
              expect=0)
    (line, byte_col), = [(int(m.group(2)), int(m.group(3))) for m in DIAG.finditer(out.stdout)]
    fixed_copy = work / "fixed" / source.name
    fixed_copy.parent.mkdir()
    fixed_copy.write_text(text, encoding="utf-8")
    run([ndtidy, f"--checks=-*,{CHECK}", "--fix", fixed_copy, *flags], expect=0)

    base = "https://example.org/ndtidy/docs/checks/"
    sarif_path = work / "out.sarif"
    run([args.prefix / "bin" / "ndtidy-sarif", fixes, fixes, "--source-root", work,
         "--help-uri-base", base, "-o", sarif_path], expect=0)
    log = json.loads(sarif_path.read_text())
    run0 = log["runs"][0]
    if len(run0["results"]) != 1:
        sys.exit(f"FAIL: the same YAML given twice gave {len(run0['results'])} results")
    result = run0["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    prefix_bytes = text.splitlines()[line - 1].encode("utf-8")[:byte_col - 1]
    want_col = len(prefix_bytes.decode("utf-8")) + 1
    if (region["startLine"], region["startColumn"]) != (line, want_col) or want_col == byte_col:
        sys.exit(f"FAIL: SARIF region {region}, ndtidy says byte column {byte_col} = "
                 f"code point column {want_col}")
    if run0["tool"]["driver"]["rules"][0]["helpUri"] != f"{base}{CHECK}.md":
        sys.exit(f"FAIL: helpUri {run0['tool']['driver']['rules'][0]['helpUri']}")
    changes = result["fixes"][0]["artifactChanges"][0]
    if changes["artifactLocation"] != {"uri": source.name, "uriBaseId": "SRCROOT"}:
        sys.exit(f"FAIL: fix location {changes['artifactLocation']}")
    applied = apply_sarif_fix(text, changes["replacements"])
    if applied != fixed_copy.read_text(encoding="utf-8"):
        sys.exit(f"FAIL: SARIF fix gives\n{applied}\nndtidy --fix gives\n"
                 f"{fixed_copy.read_text(encoding='utf-8')}")
    print(f"PASS: byte column {byte_col} -> SARIF column {want_col}; duplicates merged; "
          f"helpUri {base}{CHECK}.md; SARIF fix == ndtidy --fix")


NOTE = re.compile(r"^(/\S+?):(\d+):(\d+): note: (.*)$", re.MULTILINE)


def export_sarif(args):
    """ndtidy --export-sarif on a file with a fix-it after non-ASCII text and
    a finding with notes."""
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    text = ("#include <nd/nd.hpp>\n\n"
            "nd::array<double> f(const nd::array<double> &a) {\n"
            "  /* \u00abr\u00e9sum\u00e9\u00bb */ return a.copy().flatten();\n}\n\n"
            "double g() {\n"
            "  auto a = nd::zeros<double>({300, 400});\n"
            "  auto t = a.T();\n"
            "  auto r = t.ravel();\n"
            "  return r(0);\n}\n")
    source = work / "sample.cpp"
    source.write_text(text, encoding="utf-8")
    ndtidy = args.prefix / "bin" / "ndtidy"
    flags = ["--", "-std=c++20", f"-I{args.prefix / 'include'}"]
    checks = f"--checks=-*,{CHECK},ndarray-hidden-copy"
    if "--export-sarif=" not in snippet("export-sarif"):
        sys.exit("FAIL: snippet export-sarif no longer uses --export-sarif")
    sarif_path = work / "out.sarif"
    out = run([ndtidy, checks, f"--export-sarif={sarif_path}", source, *flags], expect=0)
    warnings = [(m.group(5), int(m.group(2)), int(m.group(3))) for m in DIAG.finditer(out.stdout)]
    notes = [(int(m.group(2)), int(m.group(3)), m.group(4)) for m in NOTE.finditer(out.stdout)]
    if len(warnings) != 2 or not notes:
        sys.exit(f"FAIL: expected two warnings with notes from ndtidy:\n{out.stdout}")
    fixed_copy = work / "fixed" / source.name
    fixed_copy.parent.mkdir()
    fixed_copy.write_text(text, encoding="utf-8")
    run([ndtidy, f"--checks=-*,{CHECK}", "--fix", fixed_copy, *flags], expect=0)

    log = json.loads(sarif_path.read_text())
    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    pages = args.prefix / "share" / "doc" / "ndtidy" / "checks"
    for rule in rules:
        page = pages / f"{rule['id']}.md"
        if rule["helpUri"] != page.as_uri() or rule["name"] == rule["id"]:
            sys.exit(f"FAIL: rule {rule}: helpUri should be {page.as_uri()}")
        description = rule["fullDescription"]["text"]
        if len(description) < 20 or description not in " ".join(page.read_text().split()):
            sys.exit(f"FAIL: rule {rule['id']} description not from its page: {description!r}")
    results = {r["ruleId"]: r for r in run0["results"]}
    if sorted(results) != sorted(name for name, _, _ in warnings) or len(run0["results"]) != 2:
        sys.exit(f"FAIL: results {[r['ruleId'] for r in run0['results']]}, ndtidy: {warnings}")

    chain = results[CHECK]
    region = chain["locations"][0]["physicalLocation"]["region"]
    (_, line, byte_col), = [w for w in warnings if w[0] == CHECK]
    prefix_bytes = text.splitlines()[line - 1].encode("utf-8")[:byte_col - 1]
    want_col = len(prefix_bytes.decode("utf-8")) + 1
    if (region["startLine"], region["startColumn"]) != (line, want_col) or want_col == byte_col:
        sys.exit(f"FAIL: SARIF region {region}, ndtidy says byte column {byte_col} = "
                 f"code point column {want_col}")
    changes = chain["fixes"][0]["artifactChanges"][0]
    if changes["artifactLocation"]["uri"] != source.as_uri():
        sys.exit(f"FAIL: fix location {changes['artifactLocation']}")
    applied = apply_sarif_fix(text, changes["replacements"])
    if applied != fixed_copy.read_text(encoding="utf-8"):
        sys.exit(f"FAIL: SARIF fix gives\n{applied}\nndtidy --fix gives\n"
                 f"{fixed_copy.read_text(encoding='utf-8')}")

    related = [(loc["physicalLocation"]["region"]["startLine"],
                loc["physicalLocation"]["region"]["startColumn"], loc["message"]["text"])
               for loc in results["ndarray-hidden-copy"].get("relatedLocations", [])]
    if related != notes:
        sys.exit(f"FAIL: related locations {related}, ndtidy's notes {notes}")

    # A stale --export-fixes file from an earlier run holds nothing of this one.
    clean = work / "clean.cpp"
    clean.write_text("#include <nd/nd.hpp>\nint h() { return 0; }\n")
    stale = work / "stale.yaml"
    run([ndtidy, checks, f"--export-fixes={stale}", source, *flags], expect=0)
    empty_path = work / "empty.sarif"
    run([ndtidy, checks, f"--export-fixes={stale}", f"--export-sarif={empty_path}", clean,
         *flags], expect=0)
    if json.loads(empty_path.read_text())["runs"][0]["results"]:
        sys.exit("FAIL: the SARIF of a clean run has results (from a stale --export-fixes file)")

    validate(sarif_path, args.npm_prefix, work)
    print(f"PASS: --export-sarif: {len(rules)} rules linked to their pages; byte column "
          f"{byte_col} -> SARIF column {want_col}; SARIF fix == ndtidy --fix; "
          f"{len(notes)} notes as related locations; clean run after a stale file: no results")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["exit-codes", "whole-project", "sarif",
                                            "changed-lines", "converter", "export-sarif"])
    parser.add_argument("--prefix", type=pathlib.Path, required=True)
    parser.add_argument("--sample", type=pathlib.Path, required=True)
    parser.add_argument("--project", type=pathlib.Path,
                        help="sarif: the project the SARIF was made in")
    parser.add_argument("--workdir", type=pathlib.Path, required=True)
    parser.add_argument("--sarif-out", type=pathlib.Path)
    parser.add_argument("--npm-prefix", type=pathlib.Path)
    parser.add_argument("--version")
    parser.add_argument("--tidy-diff", default="clang-tidy-diff-19.py")
    parser.add_argument("--cxx", default="clang++-19")
    args = parser.parse_args()
    args.prefix = args.prefix.resolve()
    args.workdir = args.workdir.resolve()
    started = time.monotonic()
    {"exit-codes": exit_codes, "whole-project": whole_project, "sarif": sarif,
     "changed-lines": changed_lines, "converter": converter,
     "export-sarif": export_sarif}[args.command](args)
    print(f"({args.command}: {time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
