#!/usr/bin/python3
"""A real LSP session with ndtidy-clangd, the way an editor drives it.

Usage: lsp_session.py --clangd BIN --ndtidy BIN --include DIR --workdir DIR

Writes a project (main.cpp, compile_commands.json, and the .clangd of
docs/integration.md narrowed to ndarray-redundant-copy-chain) into
--workdir, then speaks JSON-RPC over stdio:
initialize -> didOpen -> publishDiagnostics -> codeAction -> shutdown.

The .clangd is the usual one, with no FastCheckFilter: clangd's default
filter (Strict) must run the ndarray checks, which ndtidy-clangd counts as
fast, and still drop a check clangd measures slow
(misc-const-correctness, also enabled). A second session with an explicit
`FastCheckFilter: None` must then run that slow check too: the user's
setting still decides.

Passes only if
  * the ndarray-redundant-copy-chain diagnostics arrive at the positions
    ndtidy (the command line tool, same module) reports for the same file,
    with the check name as the diagnostic code and source clang-tidy, and
    nothing but ndarray-* diagnostics arrives;
  * no error diagnostic arrives (so <cstddef>, <vector> and <nd/nd.hpp>
    resolve: Clang's builtin headers are found through the resource dir);
  * the resource directory clangd uses exists and holds stddef.h;
  * each finding's quick fix, applied as the returned WorkspaceEdit, turns
    the line into what `ndtidy --fix` produces for it.
"""

import argparse
import json
import os
import pathlib
import queue
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from doc_snippets import for_llvm, snippet  # noqa: E402

SOURCE = """\
#include <cstddef>
#include <vector>

#include <nd/nd.hpp>

std::size_t count(const std::vector<int> &v) { return v.size(); }

nd::array<double> flat_copy(const nd::array<double> &a) {
  return a.copy().flatten();
}

nd::array<double> snapshot(const nd::array<double> &a) {
  return nd::copy(a.copy());
}

nd::array<double> clean(const nd::array<double> &a) {
  return a.copy().ravel();
}

int answer() {
  int x = 42;
  return x;
}
"""
CHECK = "ndarray-redundant-copy-chain"
# In clangd's own table as slow (TidyFastChecks.inc, 19 and 22): its default
# filter drops it. It flags `int x` in answer().
SLOW_CHECK = "misc-const-correctness"
# The .clangd of docs/integration.md (snippet clangd-config), narrowed from
# ndarray-* to the check asserted on: the tests of one integration must not
# depend on every check being finished.
CLANGD_CONFIG = snippet("clangd-config")
if "Add: ndarray-*" not in CLANGD_CONFIG or "FastCheckFilter" in CLANGD_CONFIG:
    sys.exit("FAIL: snippet clangd-config should enable ndarray-* with clangd's default filter")
CLANGD_CONFIG = CLANGD_CONFIG.replace("Add: ndarray-*", f"Add: [{CHECK}, {SLOW_CHECK}]")
TIMEOUT = 60.0


class LspClient:
    def __init__(self, argv, stderr):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr)
        self.inbox = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"id": request_id, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == request_id and "method" not in m)
        if "error" in reply:
            raise RuntimeError(f"{method} failed: {reply['error']}")
        return reply["result"]

    def wait(self, predicate, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no matching message from the server")
            message = self.inbox.get(timeout=remaining)
            if message is None:
                raise RuntimeError(f"server exited (status {self.proc.wait()})")
            if "method" in message and "id" in message:
                # A server->client request (progress tokens, ...): acknowledge.
                self.send({"id": message["id"], "result": None})
                continue
            if predicate(message):
                return message


def ndtidy_reports(ndtidy, source, build_dir):
    """`file:line:col` of each ndarray finding, and the --fix'ed text."""
    fixed = build_dir / "fixed.cpp"
    fixed.write_text(source.read_text())
    out = subprocess.run([str(ndtidy), "-p", str(build_dir), f"--checks=-*,{CHECK}", str(source)],
                         capture_output=True, text=True, check=False)
    reports = [(int(m.group(1)), int(m.group(2)), m.group(3)) for m in re.finditer(
        rf"^{re.escape(str(source))}:(\d+):(\d+): warning: .*\[([\w-]+)\]$",
        out.stdout, re.MULTILINE)]
    # --fix rewrites the file in place: run it on a copy under its own name.
    work = build_dir / "fix"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    (work / source.name).write_text(source.read_text())
    subprocess.run([str(ndtidy), f"--checks=-*,{CHECK}", "--fix", str(work / source.name),
                    "--", "-std=c++20", f"-I{INCLUDE}"], capture_output=True, check=True)
    return reports, (work / source.name).read_text()


def apply_edit(text, edits):
    """Apply LSP TextEdits (ASCII text: UTF-16 columns == bytes)."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(pos):
        return offsets[pos["line"]] + pos["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def explicit_filter(args, work, source):
    """A user's `FastCheckFilter: None` runs the check clangd measures slow."""
    config = CLANGD_CONFIG.rstrip("\n") + "\n    FastCheckFilter: None\n"
    (work / ".clangd").write_text(config)
    uri = source.as_uri()
    with open(work / "clangd-none.log", "wb") as log:
        client = LspClient([args.clangd, "--background-index=false",
                            f"--compile-commands-dir={work}"], log)
        try:
            client.request("initialize", {"processId": os.getpid(), "rootUri": work.as_uri(),
                                          "capabilities": {}})
            client.notify("initialized", {})
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "cpp", "version": 1, "text": SOURCE}})
            published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"]["uri"] == uri
                                    and m["params"]["diagnostics"])
            codes = sorted(str(d.get("code")) for d in published["params"]["diagnostics"])
            client.request("shutdown", None)
            client.notify("exit", None)
        finally:
            if client.proc.poll() is None:
                client.proc.kill()
    if SLOW_CHECK not in codes or codes.count(CHECK) != 2:
        sys.exit(f"FAIL: with FastCheckFilter: None, diagnostics {codes}; expected "
                 f"{SLOW_CHECK} and two {CHECK}")
    print(f"explicit FastCheckFilter: None: {codes}")


def main():
    global INCLUDE
    parser = argparse.ArgumentParser()
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--ndtidy", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--workdir", required=True, type=pathlib.Path)
    args = parser.parse_args()
    INCLUDE = args.include

    work = args.workdir.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    source = work / "main.cpp"
    source.write_text(SOURCE)
    (work / ".clangd").write_text(CLANGD_CONFIG)
    (work / "compile_commands.json").write_text(json.dumps([{
        "directory": str(work), "file": str(source),
        "arguments": [for_llvm("clang++-19"), "-std=c++20", f"-I{args.include}", "-c", str(source)]}]))

    expected, fixed_by_ndtidy = ndtidy_reports(args.ndtidy, source, work)
    if len(expected) != 2 or any(name != CHECK for _, _, name in expected):
        sys.exit(f"FAIL: ndtidy itself should report 2 {CHECK} findings, got {expected}")

    log_path = work / "clangd.log"
    started = time.monotonic()
    with open(log_path, "wb") as log:
        client = LspClient([args.clangd, "--log=verbose", "--background-index=false",
                            f"--compile-commands-dir={work}"], log)
        try:
            uri = source.as_uri()
            client.request("initialize", {
                "processId": os.getpid(), "rootUri": work.as_uri(),
                "capabilities": {"textDocument": {
                    "publishDiagnostics": {"relatedInformation": True},
                    "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                        "valueSet": ["quickfix", "refactor"]}}}}}})
            client.notify("initialized", {})
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "cpp", "version": 1, "text": SOURCE}})
            # The first publishDiagnostics may be empty (preamble first).
            published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"]["uri"] == uri
                                    and m["params"]["diagnostics"])
            diagnostics = published["params"]["diagnostics"]
            print(f"publishDiagnostics after {time.monotonic() - started:.1f} s:")
            for d in diagnostics:
                print("  ", json.dumps(d))

            errors = [d for d in diagnostics if d.get("severity") == 1]
            if errors:
                sys.exit(f"FAIL: error diagnostics (headers not found?): {errors}")
            ours = [d for d in diagnostics if d.get("code") == CHECK]
            got = sorted((d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1)
                         for d in ours)
            want = sorted((line, col) for line, col, _ in expected)
            if got != want:
                sys.exit(f"FAIL: {CHECK} diagnostics at {got}, ndtidy reports {want}")
            if any(d.get("code") == SLOW_CHECK for d in diagnostics):
                sys.exit(f"FAIL: {SLOW_CHECK} ran under clangd's default filter")
            others = [d for d in diagnostics if d not in ours]
            if any(not str(d.get("code", "")).startswith("ndarray-") for d in others):
                sys.exit(f"FAIL: unexpected diagnostics {others}")
            for d in ours:
                if d.get("source") != "clang-tidy" or d["range"]["end"]["line"] != \
                        d["range"]["start"]["line"]:
                    sys.exit(f"FAIL: unexpected diagnostic shape {d}")

            lines = SOURCE.splitlines()
            fixed_lines = fixed_by_ndtidy.splitlines()
            for d in ours:
                actions = client.request("textDocument/codeAction", {
                    "textDocument": {"uri": uri}, "range": d["range"],
                    "context": {"diagnostics": [d], "only": ["quickfix"]}})
                fixes = [a for a in actions if a.get("kind") == "quickfix" and "edit" in a]
                if len(fixes) != 1:
                    sys.exit(f"FAIL: expected one quick fix for {d['range']}, got {actions}")
                edit = fixes[0]["edit"]
                edits = edit.get("changes", {}).get(uri)
                if edits is None:
                    edits = [e for dc in edit.get("documentChanges", [])
                             if dc["textDocument"]["uri"] == uri for e in dc["edits"]]
                after = apply_edit(SOURCE, edits).splitlines()
                row = d["range"]["start"]["line"]
                changed = [i for i in range(len(lines)) if lines[i] != after[i]]
                if changed != [row] or after[row] != fixed_lines[row]:
                    sys.exit(f"FAIL: quick fix gives {after[row]!r} on lines {changed}, "
                             f"ndtidy --fix gives {fixed_lines[row]!r}")
                print(f"codeAction '{fixes[0]['title']}': {lines[row].strip()!r} -> "
                      f"{after[row].strip()!r}")
            client.request("shutdown", None)
            client.notify("exit", None)
            client.proc.stdin.close()
            try:  # clangd may finish indexing the standard library first
                client.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                print("note: clangd still indexing after exit; killed")
        finally:
            if client.proc.poll() is None:
                client.proc.kill()

    explicit_filter(args, work, source)

    log = log_path.read_text(errors="replace")
    dirs = set(re.findall(r"-resource-dir=(\S+)", log))
    if not dirs:
        sys.exit("FAIL: clangd's log shows no -resource-dir")
    for d in dirs:
        if not (pathlib.Path(d) / "include" / "stddef.h").is_file():
            sys.exit(f"FAIL: resource dir {d} has no include/stddef.h")
    print(f"resource dir: {', '.join(sorted(dirs))}")
    print(f"PASS: LSP session in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
