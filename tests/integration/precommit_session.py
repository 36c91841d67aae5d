#!/usr/bin/python3
"""The pre-commit hook, run by Debian's pre-commit from a real `git commit`.

Usage: precommit_session.py --prefix PREFIX --sample DIR --hooks-yaml FILE
                            --workdir DIR [--pre-commit BIN]

PREFIX is an ndtidy install prefix (its bin/ goes first on PATH, as a user's
would). In a fresh git repository holding the sample project (configured
with CMake into build/, for `-p=build`), for each of the two configuration
forms in docs/integration.md (snippets pre-commit-remote, pre-commit-local):
  * "remote": `repo:` = a git repository holding this checkout's
    .pre-commit-hooks.yaml, pinned by `rev:` (pre-commit clones it; a local
    path needs no network);
  * "local":  `repo: local` with the hook spelled out;
a commit that introduces an ndarray finding must be refused with the
diagnostic in the output, and the fixed file must then commit.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import time

import yaml  # Debian: python3-yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from doc_snippets import snippet  # noqa: E402


def remote_config(hooks_repo, rev):
    """Snippet pre-commit-remote, pointed at a local clone of the hooks."""
    config = yaml.safe_load(snippet("pre-commit-remote"))
    config["repos"][0]["repo"] = str(hooks_repo)
    config["repos"][0]["rev"] = rev
    return yaml.safe_dump(config, sort_keys=False)


CHECK = "ndarray-redundant-copy-chain"
CLEAN = "nd::array<double> result = values.copy();"
FINDING = "nd::array<double> result = nd::copy(values.copy());"


def run(argv, cwd, env, check=True):
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False)
    if check and proc.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, argv))} exited {proc.returncode}:\n"
                 f"{proc.stdout}{proc.stderr}")
    return proc


def git(repo, env, *args, check=True):
    return run(["git", "-C", str(repo), *args], repo, env, check)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefix", required=True, type=pathlib.Path)
    parser.add_argument("--sample", required=True, type=pathlib.Path)
    parser.add_argument("--hooks-yaml", required=True, type=pathlib.Path)
    parser.add_argument("--workdir", required=True, type=pathlib.Path)
    parser.add_argument("--pre-commit", default="pre-commit")
    parser.add_argument("--cxx", default="clang++-19")
    args = parser.parse_args()
    started = time.monotonic()

    work = args.workdir.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = dict(os.environ,
               PATH=f"{args.prefix.resolve() / 'bin'}{os.pathsep}{os.environ['PATH']}",
               PRE_COMMIT_HOME=str(work / "pre-commit-cache"),
               GIT_AUTHOR_NAME="ndtidy test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="ndtidy test", GIT_COMMITTER_EMAIL="test@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", HOME=str(work))

    # A hooks repository: pre-commit clones `repo:` at `rev:`, so the manifest
    # must be committed there (this checkout's copy may not be committed yet).
    hooks = work / "ndtidy-hooks"
    hooks.mkdir()
    shutil.copy(args.hooks_yaml, hooks / ".pre-commit-hooks.yaml")
    git(hooks, env, "init", "-q")
    git(hooks, env, "add", ".")
    git(hooks, env, "commit", "-q", "-m", "ndtidy hooks")
    rev = git(hooks, env, "rev-parse", "HEAD").stdout.strip()

    project = work / "project"
    shutil.copytree(args.sample, project)
    (project / ".gitignore").write_text("build/\n")
    # Only the check this test is about: other ndarray-* checks are written
    # concurrently, and the "fixed" commit must not trip over them.
    (project / ".clang-tidy").write_text(f"Checks: '-*,{CHECK}'\n")
    run(["cmake", "-S", project, "-B", project / "build", "-G", "Ninja",
         f"-DCMAKE_CXX_COMPILER={args.cxx}", f"-DCMAKE_PREFIX_PATH={args.prefix.resolve()}"],
        project, env)
    git(project, env, "init", "-q")
    source = project / "src" / "normalize.cpp"
    if CLEAN not in source.read_text():
        sys.exit(f"FAIL: {source} no longer contains {CLEAN!r}")

    for form, config in (("remote", remote_config(hooks, rev)),
                         ("local", snippet("pre-commit-local"))):
        (project / ".pre-commit-config.yaml").write_text(config)
        git(project, env, "add", "-A")
        git(project, env, "commit", "-q", "--no-verify", "-m", f"baseline ({form})")
        run([args.pre_commit, "install"], project, env)

        source.write_text(source.read_text().replace(CLEAN, FINDING))
        git(project, env, "add", str(source))
        refused = git(project, env, "commit", "-m", "introduce a copy chain", check=False)
        output = refused.stdout + refused.stderr
        if refused.returncode == 0:
            sys.exit(f"FAIL ({form}): the commit with a finding was accepted:\n{output}")
        wanted = "normalize.cpp:6:30: error: 'nd::copy()' copies the fresh array"
        if wanted not in output or "[ndarray-redundant-copy-chain,-warnings-as-errors]" \
                not in output:
            sys.exit(f"FAIL ({form}): diagnostic not shown:\n{output}")
        print(f"[{form}] refused commit shows: "
              + next(l for l in output.splitlines() if wanted in l).strip())

        source.write_text(source.read_text().replace(FINDING, CLEAN).replace(
            "double mean", "const double mean"))
        git(project, env, "add", str(source))
        accepted = git(project, env, "commit", "-m", "center without the double copy",
                       check=False)
        if accepted.returncode != 0:
            sys.exit(f"FAIL ({form}): the fixed file did not commit:\n"
                     f"{accepted.stdout}{accepted.stderr}")
        if "ndtidy" not in accepted.stdout + accepted.stderr:
            sys.exit(f"FAIL ({form}): the hook did not run on the fixed commit")
        print(f"[{form}] fixed file committed: "
              f"{git(project, env, 'log', '-1', '--format=%s').stdout.strip()}")
        source.write_text(source.read_text().replace("const double mean", "double mean"))
    print(f"PASS: pre-commit in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
