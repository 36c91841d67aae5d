"""Snippets of docs/integration.md, so that the tests run what the docs say.

In the docs, a snippet is the fenced code block right after a line
`<!-- snippet: NAME -->`. `snippet(NAME)` returns its text; a missing or
duplicated name fails the calling test.
"""
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


def snippet(name, doc=DOC):
    found = snippets(doc)
    if name not in found:
        sys.exit(f"FAIL: no snippet {name!r} in {doc} (have {sorted(found)})")
    return found[name]
