#!/usr/bin/python3
"""The Debian package, built and checked the way a user or a distribution would.

  deb_check.py --build DIR --work DIR --llvm MAJOR

1. `cpack -G DEB` on the build tree makes ndtidy_<version>+llvm<major>_amd64.deb.
2. Its control file: the package name, the version, and Depends naming this
   major's LLVM and Clang libraries and Clang's builtin headers.
3. Its contents: the tools, the plugin, the nd headers, the CMake package,
   the docs, the man pages, copyright and changelog.
4. `dpkg-deb -x` into a scratch root; the root's /usr/lib/clang is Debian's
   (what the libclang-common-<major>-dev dependency provides). Then, from the
   scratch root: `ndtidy --version`; `ndtidy` on a sample that includes the
   packaged nd headers, with the expected diagnostic; `--export-sarif`;
   an LSP session with `ndtidy-clangd` (tests/integration/lsp_session.py:
   clangd's default FastCheckFilter, diagnostics and quick fixes); the plugin
   loaded into clang-tidy-<major>; `man` renders the pages.
5. `lintian --fail-on error`: no errors.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

CHECK = "ndarray-redundant-copy-chain"
SAMPLE = """#include <nd/nd.hpp>

double total(const nd::array<double> &grid) {
  nd::array<double> flat = grid.copy().flatten();
  double sum = 0;
  for (std::ptrdiff_t i = 0; i < flat.size(); ++i)
    sum += flat(i);
  return sum;
}
"""
# The flatten() in SAMPLE, which copies the fresh copy.
WANT_AT = "sample.cpp:4:40"


def fail(message):
    sys.exit(f"FAIL: {message}")


def run(argv, ok=(0,), **kwargs):
    proc = subprocess.run([str(a) for a in argv], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False, **kwargs)
    if proc.returncode not in ok:
        fail(f"{' '.join(map(str, argv))} exited {proc.returncode}:\n"
             f"{proc.stdout[-4000:]}{proc.stderr[-4000:]}")
    return proc


def build_package(build, work, major):
    out = work / "deb"
    shutil.rmtree(out, ignore_errors=True)
    run(["cpack", "-G", "DEB", "--config", build / "CPackConfig.cmake", "-B", out])
    debs = sorted(out.glob("*.deb"))
    pattern = re.compile(rf"ndtidy_[0-9.]+\+llvm{major}_amd64\.deb")
    if len(debs) != 1 or not pattern.fullmatch(debs[0].name):
        fail(f"cpack made {[d.name for d in debs]}, expected one {pattern.pattern}")
    return debs[0]


def check_control(deb, major):
    fields = {}
    for line in run(["dpkg-deb", "--field", deb]).stdout.splitlines():
        if ": " in line and not line.startswith(" "):
            key, value = line.split(": ", 1)
            fields[key] = value
    depends = {d.strip().split(" ")[0] for d in fields.get("Depends", "").split(",")}
    wanted = {f"libclang-common-{major}-dev", f"libllvm{major}", f"libclang-cpp{major}",
              "python3-yaml"}
    if fields.get("Package") != "ndtidy" or wanted - depends:
        fail(f"control: Package {fields.get('Package')!r}, Depends lacks "
             f"{sorted(wanted - depends)}:\n{fields}")
    return fields


def check_contents(deb):
    listing = run(["dpkg-deb", "--contents", deb]).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    wanted = ["/usr/bin/ndtidy", "/usr/bin/ndtidy-clangd", "/usr/bin/ndtidy-sarif",
              "/usr/lib/ndtidy/libndtidy.so", "/usr/include/nd/nd.hpp",
              "/usr/lib/cmake/ndtidy/ndtidyConfig.cmake",
              f"/usr/share/doc/ndtidy/checks/{CHECK}.md",
              "/usr/share/doc/ndtidy/integration.md",
              "/usr/share/doc/ndtidy/copyright", "/usr/share/doc/ndtidy/changelog.gz",
              "/usr/share/man/man1/ndtidy.1.gz", "/usr/share/man/man1/ndtidy-clangd.1.gz"]
    missing = [p for p in wanted if p not in paths]
    if missing:
        fail(f"not in the package: {missing}")
    if any(p.startswith("/usr/lib/clang") for p in paths):
        fail("the package ships /usr/lib/clang, which libclang-common-*-dev owns")
    return len(paths)


def findings(text):
    return sorted(set(re.findall(rf"(sample\.cpp:\d+:\d+): warning: .*\[{CHECK}\]", text)))


def check_installed(deb, work, major):
    root = work / "root"
    shutil.rmtree(root, ignore_errors=True)
    run(["dpkg-deb", "-x", deb, root])
    # What the package's Depends provide on a real install.
    (root / "usr/lib/clang").symlink_to("/usr/lib/clang")
    usr = root / "usr"
    version = run([usr / "bin/ndtidy", "--version"]).stdout
    if not re.search(rf"ndtidy version [0-9.]+ .*LLVM {major}\.", version):
        fail(f"ndtidy --version does not name ndtidy's version and LLVM {major}:\n{version}")

    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir()
    sample = project / "sample.cpp"
    sample.write_text(SAMPLE)
    flags = ["-std=c++20", f"-I{usr / 'include'}"]
    (project / "compile_commands.json").write_text(json.dumps([{
        "directory": str(project), "file": str(sample),
        "arguments": ["clang++", *flags, "-c", str(sample)]}]))

    sarif = project / "out.sarif"
    tidy = run([usr / "bin/ndtidy", "--checks=-*,ndarray-*", f"--export-sarif={sarif}",
                "-p", project, sample], ok=(0, 1))
    if findings(tidy.stdout) != [WANT_AT]:
        fail(f"installed ndtidy reported {findings(tidy.stdout)}, expected [{WANT_AT}]:\n"
             f"{tidy.stdout}{tidy.stderr}")
    results = json.loads(sarif.read_text())["runs"][0]["results"]
    if [r["ruleId"] for r in results] != [CHECK]:
        fail(f"--export-sarif results: {[r['ruleId'] for r in results]}")

    # The editor's view: tests/integration's LSP session (default
    # FastCheckFilter, quick fixes applied), driven against the packaged
    # ndtidy-clangd.
    lsp = run([sys.executable, pathlib.Path(__file__).parent.parent / "integration/lsp_session.py",
               "--clangd", usr / "bin/ndtidy-clangd", "--ndtidy", usr / "bin/ndtidy",
               "--include", usr / "include", "--workdir", work / "lsp"])
    if "PASS" not in lsp.stdout:
        fail(f"LSP session with the packaged ndtidy-clangd:\n{lsp.stdout}{lsp.stderr}")

    plugin = run([f"clang-tidy-{major}", f"--load={usr / 'lib/ndtidy/libndtidy.so'}",
                  "--checks=-*,ndarray-*", "--list-checks"])
    if CHECK not in plugin.stdout:
        fail(f"clang-tidy-{major} with the packaged plugin does not list {CHECK}")

    for page in ("ndtidy", "ndtidy-clangd"):
        text = run(["man", "-l", usr / f"share/man/man1/{page}.1.gz"],
                   env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80"}).stdout
        if not text.lstrip().startswith(page.upper()) or "SEE ALSO" not in text:
            fail(f"man page {page}.1 renders as:\n{text[:1000]}")


def check_lintian(deb):
    if not shutil.which("lintian"):
        fail("lintian is not installed (scripts/setup installs it)")
    proc = run(["lintian", "--fail-on", "error", deb], ok=(0, 1, 2))
    errors = [l for l in proc.stdout.splitlines() if l.startswith("E: ")]
    if proc.returncode != 0 or errors:
        fail(f"lintian reports errors (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return [l for l in proc.stdout.splitlines() if l.startswith("W: ")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=pathlib.Path, required=True)
    parser.add_argument("--work", type=pathlib.Path, required=True)
    parser.add_argument("--llvm", required=True)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    deb = build_package(args.build, args.work, args.llvm)
    fields = check_control(deb, args.llvm)
    count = check_contents(deb)
    check_installed(deb, args.work, args.llvm)
    warnings = check_lintian(deb)
    print(f"PASS: {deb.name} ({deb.stat().st_size // 1024} KiB, {count} paths), "
          f"Depends: {fields['Depends']}")
    print("PASS: from dpkg-deb -x: ndtidy, --export-sarif, ndtidy-clangd (default "
          "FastCheckFilter), the plugin in clang-tidy-" + args.llvm + ", man pages")
    print(f"PASS: lintian: no errors, {len(warnings)} warnings" +
          "".join(f"\n  {w}" for w in warnings))


if __name__ == "__main__":
    main()
