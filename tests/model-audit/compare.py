#!/usr/bin/env python3
"""The model audit: every claim the checker's model makes about a generated
case must hold in the runtime.

Runs the runtime program (flags of each result, whether it allocated) and
model_audit (the model's facts and copy verdict) on the same cases and fails
on any disagreement:
  - C or F contiguity: "Yes" where the runtime's flag is false, "No" where it
    is true, "NoUnlessDegenerate" where it is true for a shape that is not
    degenerate (a length-0 axis, or at most one axis longer than 1);
  - copy verdict: "View" where the runtime allocated, "Copy" where it did
    not, "CopyUnlessDegenerate" where it did not and the source's shape is
    not degenerate (creation is not counted by the runtime: no verdict check);
  - copyResultLayout(): a C (F) buffer that is not C (F) contiguous, a Flat
    one that is not both;
  - extents: a rank or a known extent that differs from the result's shape.
"Unknown" is always allowed; a case the runtime rejects (an error for some
symbolic shape) is skipped for that shape.

  compare.py --runtime PROG --model TOOL --cases cases.cpp -- ARGS...
"""
import argparse
import collections
import subprocess
import sys
import time


def run(cmd):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True)
    if result.returncode != 0:
        sys.exit("FAILED: %s exited with %d\n%s" % (cmd[0], result.returncode,
                                                   result.stderr))
    return result.stdout.splitlines()


def contiguity_problem(claim, flag, degenerate):
    if claim == "Yes" and not flag:
        return "claims contiguous, is not"
    if claim == "No" and flag:
        return "claims not contiguous, is"
    if claim == "NoUnlessDegenerate" and flag and not degenerate:
        return "claims not contiguous unless degenerate, is (shape not degenerate)"
    return None


def verdict_problem(claim, allocated, source_degenerate):
    if claim == "View" and allocated:
        return "claims a view, copied"
    if claim == "Copy" and not allocated:
        return "claims a copy, did not copy"
    if claim == "CopyUnlessDegenerate" and not allocated and not source_degenerate:
        return "claims a copy unless degenerate, did not copy (source not degenerate)"
    return None


def extents_agree(claim, shape):
    """Whether the model's extents ("4x?") fit the runtime's shape ("4x6")."""
    claimed, actual = claim.split("x"), shape.split("x")
    return len(claimed) == len(actual) and all(
        c == "?" or c == a for c, a in zip(claimed, actual))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runtime", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("compile_args", nargs="*")
    args = parser.parse_args()

    labels = {}
    with open(args.cases + ".manifest") as f:
        for line in f:
            i, label = line.rstrip("\n").split(" ", 1)
            labels[int(i)] = label

    start = time.time()
    runtime = run([args.runtime])
    model = {}
    for line in run([args.model, args.cases, "--"] + args.compile_args):
        fields = line.split()
        model[int(fields[0])] = fields[1:]
    elapsed = time.time() - start

    problems, checked, claims = judge(runtime, model, labels)
    # The audit must be able to fail: with every definite claim inverted,
    # the runtime has to contradict some.
    inverse = {"Yes": "No", "No": "Yes", "View": "Copy", "Copy": "View",
               "C": "F", "F": "C"}
    inverted = {i: [inverse.get(x, x) for x in m] for i, m in model.items()}
    if not judge(runtime, inverted, labels)[0]:
        print("FAILED: the comparison found nothing wrong with inverted claims")
        return 1
    # Nor may it pass by saying nothing: most contiguity claims must be
    # definite (a harness that makes every probe Unknown proves nothing).
    contiguity = sum(claims[k] for k in ("Yes", "No", "NoUnlessDegenerate", "Unknown"))
    if claims["Unknown"] * 2 > contiguity:
        print("FAILED: %d of %d contiguity claims are Unknown" % (claims["Unknown"], contiguity))
        return 1
    # A symbolic case runs once per shape: report each disagreement once.
    unique = sorted(set(problems))
    for p in unique:
        print("MISMATCH " + p)
    print("model audit: %d probes of %d cases checked (%s) in %.1fs, %d disagreements"
          % (checked, len(labels),
             ", ".join("%s %d" % kv for kv in sorted(claims.items())), elapsed,
             len(unique)))
    return 1 if unique else 0


def judge(runtime, model, labels):
    """(problems, probes checked, claim counts) of \p model against \p runtime."""
    problems = []
    checked = 0
    claims = collections.Counter()
    for line in runtime:
        fields = line.split()
        i = int(fields[0])
        label = labels.get(i, "?")
        m = model.get(i)
        if m is None or m[0] == "not-a-model-call":
            problems.append("%s: the model does not classify it" % label)
            continue
        if fields[1] == "error":
            continue
        c, f, allocated, src_deg, res_deg, shape = fields[1:7]
        model_c, model_f, verdict, kind, fresh, extents = m
        checked += 1
        found = []
        if c != "-":
            for order, claim, flag in (("C", model_c, c), ("F", model_f, f)):
                claims[claim] += 1
                p = contiguity_problem(claim, flag == "1", res_deg == "1")
                if p:
                    found.append("%s: %s" % (order, p))
        if shape != "-" and extents != "-":
            claims["extents"] += 1
            if not extents_agree(extents, shape):
                found.append("extents: claims %s, is %s" % (extents, shape))
        if c != "-" and fresh != "Unknown":
            claims["layout " + fresh] += 1
            holds = {"C": c == "1", "F": f == "1", "Flat": c == "1" and f == "1"}[fresh]
            if not holds:
                found.append("copyResultLayout: claims %s" % fresh)
        if kind != "create":
            claims[verdict] += 1
            p = verdict_problem(verdict, allocated == "1", src_deg == "1")
            if p:
                found.append("verdict: %s" % p)
        for p in found:
            problems.append("%s (probe %d): %s [model C=%s F=%s %s; runtime c=%s f=%s "
                            "allocated=%s]" % (label, i, p, model_c, model_f, verdict,
                                               c, f, allocated))
    return problems, checked, claims


if __name__ == "__main__":
    sys.exit(main())
