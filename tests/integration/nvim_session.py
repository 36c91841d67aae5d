#!/usr/bin/python3
"""Drive ndtidy-clangd from a real editor: headless Neovim's LSP client.

Usage: nvim_session.py --nvim BIN --prefix DIR --include DIR --workdir DIR

Writes a one-finding project (same .clangd as the LSP session test) and the
init.lua of docs/integration.md (snippet nvim-init, which starts
`ndtidy-clangd` from PATH: PREFIX/bin goes first), runs nvim_lsp.lua in
`nvim --headless -u init.lua`, and passes if Neovim received the
ndarray-redundant-copy-chain diagnostic at the `flatten` token, fetched the
quick fix and wrote the fixed line (`a.copy().flatten()` -> `a.flatten()`)
to disk.
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from doc_snippets import for_llvm, snippet  # noqa: E402
from lsp_session import CHECK, CLANGD_CONFIG, SOURCE  # noqa: E402

ONE_FINDING = SOURCE.replace("return nd::copy(a.copy());", "return a.copy();")


def main():
    parser = argparse.ArgumentParser()
    for flag in ("--nvim", "--prefix", "--include"):
        parser.add_argument(flag, required=True)
    parser.add_argument("--workdir", required=True, type=pathlib.Path)
    args = parser.parse_args()

    work = args.workdir.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    source = work / "main.cpp"
    source.write_text(ONE_FINDING)
    (work / ".clangd").write_text(CLANGD_CONFIG)
    (work / "compile_commands.json").write_text(json.dumps([{
        "directory": str(work), "file": str(source),
        "arguments": [for_llvm("clang++-19"), "-std=c++20", f"-I{args.include}", "-c", str(source)]}]))

    lines = ONE_FINDING.splitlines()
    row = next(i for i, l in enumerate(lines) if "a.copy().flatten()" in l)
    want = {"code": CHECK, "line": row + 1, "col": lines[row].index("flatten") + 1,
            "fixed_line": lines[row].replace("a.copy().flatten()", "a.flatten()")}

    init = work / "init.lua"
    init.write_text(snippet("nvim-init"))
    script = pathlib.Path(__file__).resolve().parent / "nvim_lsp.lua"
    bindir = pathlib.Path(args.prefix).resolve() / "bin"
    env = dict(os.environ, NDTIDY_FILE=str(source), NDTIDY_CHECK=CHECK,
               PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}",
               XDG_STATE_HOME=str(work / "state"), XDG_DATA_HOME=str(work / "data"),
               XDG_CACHE_HOME=str(work / "cache"))
    started = time.monotonic()
    run = subprocess.run([args.nvim, "--headless", "-u", str(init), "-i", "NONE",
                          "-c", f"luafile {script}"], env=env, cwd=work,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=120, check=False)
    output = run.stdout + run.stderr
    result = next((l[len("RESULT "):] for l in output.splitlines() if l.startswith("RESULT ")),
                  None)
    if run.returncode != 0 or result is None:
        sys.exit(f"FAIL: nvim exited {run.returncode}:\n{output}")
    got = json.loads(result)
    print(f"Neovim: {got}")
    for key, value in want.items():
        if got[key] != value:
            sys.exit(f"FAIL: {key} is {got[key]!r}, expected {value!r}")
    on_disk = source.read_text().splitlines()
    if on_disk[row] != want["fixed_line"] or len(on_disk) != len(lines):
        sys.exit(f"FAIL: the written file has {on_disk[row]!r}")
    print(f"PASS: Neovim session in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
