#!/usr/bin/python3
"""Installs Microsoft's SARIF validator from the npm registry into the build
tree (npm install --prefix DIR @microsoft/sarif-multitool@VERSION), once.

Never fails: when npm or the registry is unavailable it says so, and the
SARIF test falls back to the JSON schema (and says which validator ran).
"""
import pathlib
import shutil
import subprocess
import sys

prefix, package = pathlib.Path(sys.argv[1]), sys.argv[2]
marker = prefix / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"
if marker.exists():
    print(f"{package}: already installed in {prefix}")
    sys.exit(0)
npm = shutil.which("npm")
if not npm:
    print("npm not found: SARIF validation will fall back to the JSON schema")
    sys.exit(0)
prefix.mkdir(parents=True, exist_ok=True)
proc = subprocess.run([npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                       package], capture_output=True, text=True, check=False, timeout=240)
print(proc.stdout + proc.stderr)
print(f"{package}: {'installed' if marker.exists() else 'NOT installed'} in {prefix}")
