"""Snippets of docs/integration.md, so that the tests run what the docs say.

In the docs, a snippet is the fenced code block right after a line
`<!-- snippet: NAME -->`. `snippet(NAME)` returns its text; a missing or
duplicated name fails the calling test.

The docs spell Debian's versioned LLVM tools for LLVM 19 (`clang-tidy-19`,
`run-clang-tidy-19`, `clang++-19`, ...) and say to use the same tools of the
other major with an LLVM 22 build. `for_llvm()` does that replacement for the
major under test (NDTIDY_LLVM in the environment, set by CTest).
"""
import os
import pathlib
import re
import sys

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "integration.md"
PATTERN = re.compile(r"^<!-- snippet: ([\w-]+) -->\n```[\w-]*\n(.*?)^```$",
                     re.MULTILINE | re.DOTALL)


def snippets(doc=DOC):
    found = {}
    for match in PATTERN.finditer(doc.read_text(encoding="utf-8")):
        if match.group(1) in found:
            sys.exit(f"FAIL: snippet {match.group(1)!r} appears twice in {doc}")
        found[match.group(1)] = match.group(2)
    return found


DOC_LLVM = "19"
VERSIONED_TOOL = re.compile(
    r"\b(clang\+\+|clang-tidy-diff|run-clang-tidy|clang-tidy|clangd|clang|llvm)-%s\b" % DOC_LLVM)


def llvm_major():
    return os.environ.get("NDTIDY_LLVM") or DOC_LLVM


def for_llvm(text, major=None):
    """`text` with the docs' LLVM 19 tool names turned into `major`'s."""
    major = major or llvm_major()
    return VERSIONED_TOOL.sub(lambda m: f"{m.group(1)}-{major}", text)


def snippet(name, doc=DOC):
    found = snippets(doc)
    if name not in found:
        sys.exit(f"FAIL: no snippet {name!r} in {doc} (have {sorted(found)})")
    return for_llvm(found[name])
