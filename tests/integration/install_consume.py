#!/usr/bin/python3
"""`cmake --install` and a user project consuming the installed package.

  install  --build DIR --prefix DIR
      installs the build tree into a fresh prefix and checks the layout
      (tools, plugin, Clang's builtin headers, runtime headers, CMake
      config), that the installed plugin loads into clang-tidy-19 and that
      the installed ndtidy knows the ndarray checks.
  consume  --prefix DIR --sample DIR --sample-build DIR
      configures the sample project with find_package(ndtidy) from that
      prefix and SAMPLE_LINT=ON (CMAKE_CXX_CLANG_TIDY = ndtidy_EXECUTABLE),
      builds it, checks that ndtidy's diagnostics appear in the build output
      and that the program links nd::runtime and runs. The build directory
      (with compile_commands.json) is kept. The sample's CMakeLists.txt must
      contain snippet cmake-consume of docs/integration.md verbatim.
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from doc_snippets import llvm_major, snippet  # noqa: E402

CHECK = "ndarray-redundant-copy-chain"


def run(argv, **kwargs):
    proc = subprocess.run([str(a) for a in argv], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False, **kwargs)
    if proc.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, argv))} exited {proc.returncode}:\n"
                 f"{proc.stdout}{proc.stderr}")
    return proc


def install(args):
    prefix = args.prefix
    shutil.rmtree(prefix, ignore_errors=True)
    run(["cmake", "--install", args.build, "--prefix", prefix])
    expected = ["bin/ndtidy", "bin/ndtidy-clangd", "bin/ndtidy-sarif", "lib/ndtidy/libndtidy.so",
                f"lib/clang/{llvm_major()}/include/stddef.h", "include/nd/nd.hpp",
                "lib/cmake/ndtidy/ndtidyConfig.cmake",
                "lib/cmake/ndtidy/ndtidyConfigVersion.cmake",
                f"share/doc/ndtidy/checks/{CHECK}.md"]
    missing = [p for p in expected if not (prefix / p).exists()]
    if missing:
        sys.exit(f"FAIL: not installed: {missing}")
    plugin = run([args.clang_tidy, f"--load={prefix / 'lib/ndtidy/libndtidy.so'}",
                  "--checks=-*,ndarray-*", "--list-checks"])
    standalone = run([prefix / "bin/ndtidy", "--checks=-*,ndarray-*", "--list-checks"])
    for name, proc in (("plugin", plugin), ("ndtidy", standalone)):
        if CHECK not in proc.stdout:
            sys.exit(f"FAIL: installed {name} does not list {CHECK}:\n{proc.stdout}")
    print(f"PASS: installed {len(expected)} expected paths; plugin and ndtidy list {CHECK}")


def consume(args):
    if snippet("cmake-consume") not in (args.sample / "CMakeLists.txt").read_text():
        sys.exit("FAIL: docs snippet cmake-consume is not in the sample's CMakeLists.txt")
    build = args.sample_build
    shutil.rmtree(build, ignore_errors=True)
    configure = run(["cmake", "-S", args.sample, "-B", build, "-G", "Ninja",
                     f"-DCMAKE_CXX_COMPILER={args.cxx}", f"-DCMAKE_PREFIX_PATH={args.prefix}",
                     "-DSAMPLE_LINT=ON"])
    wanted = f"Found ndtidy 0.1.0: {args.prefix / 'bin/ndtidy'}"
    if wanted not in configure.stdout:
        sys.exit(f"FAIL: configure did not report {wanted!r}:\n{configure.stdout}")
    built = run(["cmake", "--build", build, "-j", "2"])
    found = {line.split(": warning:")[0].split("/sample-project/")[-1]
             for line in built.stdout.splitlines() if f"[{CHECK}]" in line}
    want = {"src/stats.cpp:15:24", "src/main.cpp:7:10"}
    if found != want:
        sys.exit(f"FAIL: CMAKE_CXX_CLANG_TIDY diagnostics {sorted(found)}, expected "
                 f"{sorted(want)}:\n{built.stdout}")
    if not (build / "compile_commands.json").is_file():
        sys.exit("FAIL: no compile_commands.json")
    program = run([build / "sample_app"])
    print(f"build shows {sorted(found)}; sample_app prints {program.stdout.strip()!r}")
    print("PASS: find_package(ndtidy) + nd::runtime + CMAKE_CXX_CLANG_TIDY")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["install", "consume"])
    parser.add_argument("--build", type=pathlib.Path)
    parser.add_argument("--prefix", type=pathlib.Path, required=True)
    parser.add_argument("--sample", type=pathlib.Path)
    parser.add_argument("--sample-build", type=pathlib.Path)
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--cxx", default="clang++-19")
    args = parser.parse_args()
    started = time.monotonic()
    {"install": install, "consume": consume}[args.command](args)
    print(f"({args.command}: {time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
