"""Compares `--list-checks` outputs with each other and with docs/checks/*.md."""
import os
import sys


def listed(path):
    with open(path) as f:
        return sorted(line.strip() for line in f if line.strip().startswith("ndarray-"))


def main(plugin, standalone, docs):
    from_plugin, from_standalone = listed(plugin), listed(standalone)
    from_docs = sorted(name[:-3] for name in os.listdir(docs) if name.endswith(".md"))
    for name in from_plugin:
        print(name)
    failed = False
    for label, other in (("standalone ndtidy", from_standalone), ("docs/checks", from_docs)):
        if other != from_plugin:
            print("mismatch: plugin lists %s, %s has %s" % (from_plugin, label, other))
            failed = True
    if not from_plugin:
        print("the plugin lists no ndarray-* check: did --load fail?")
        failed = True
    if failed:
        return 1
    print("%d checks listed by the plugin, the standalone binary and docs/checks agree"
          % len(from_plugin))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
