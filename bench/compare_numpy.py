#!/usr/bin/python3
"""Runs the nd benchmarks and times the same operations in NumPy, in one run,
and prints the issue's three target ratios plus the other comparisons.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 \\
        bench/compare_numpy.py build/bench/runtime_bench \\
        [--kernel-bench build/bench/kernel_bench] [--size 4096] [--check]

Needs Debian's /usr/bin/python3 with python3-numpy (the pyenv python3 on PATH
has no NumPy). OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, when set by the
environment, can slow NumPy down, so unset them for this command only.

Timing rules, the same on both sides: the time of one operation including
the allocation (and release) of its result, best of the runs. Google
Benchmark runs --repetitions repetitions of --min-time seconds each; at the
default 0.01 s a 128 MiB copy is a single iteration, so its fastest repetition
is a best-of-N single shot, like NumPy's fastest of --numpy-runs calls timed
with time.perf_counter. CPU times (user + system: Google Benchmark's cpu_time,
time.process_time) are printed too: on a shared machine they are steadier.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time

import numpy as np

TARGET_MEMCPY = 0.9
TARGET_TRANSPOSE = 2.0


def run_benchmark(binary, size, repetitions, min_time):
    """Runs a Google Benchmark binary on one size; returns {name: best run}."""
    command = [
        binary,
        "--benchmark_format=json",
        f"--benchmark_filter=/{size}(/|$)",
        f"--benchmark_repetitions={repetitions}",
        f"--benchmark_min_time={min_time}",
    ]
    print("$ " + " ".join(command), flush=True)
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    report = json.loads(result.stdout)
    best = {}
    for entry in report["benchmarks"]:
        if entry.get("run_type") != "iteration" or entry.get("error_occurred"):
            continue
        name = entry["name"].split("/")[0]
        unit = _unit_seconds(entry["time_unit"])
        wall, cpu = entry["real_time"] * unit, entry["cpu_time"] * unit
        if name not in best:
            best[name] = dict(entry, seconds=wall, cpu_seconds=cpu)
        else:  # fastest repetition, separately for each clock
            best[name]["seconds"] = min(best[name]["seconds"], wall)
            best[name]["cpu_seconds"] = min(best[name]["cpu_seconds"], cpu)
    return best


def _unit_seconds(unit):
    return {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]


def numpy_best(operation, runs):
    """Best wall time and best CPU time (user + system, as Google Benchmark's
    cpu_time) of `runs` calls; the result is dropped inside the timing."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        operation()
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        best_wall = min(best_wall, time.perf_counter() - start_wall)
    return best_wall, best_cpu


def time_numpy(size, runs):
    a = np.arange(size * size, dtype=np.float64).reshape(size, size)
    # The same checks the C++ side makes: which of these are views.
    assert not np.shares_memory(a.T.ravel(), a)
    assert np.shares_memory(a.ravel(), a)
    preallocated = np.empty_like(a)
    np.copyto(preallocated, a)  # fault the pages in
    operations = {
        "flatten": lambda: a.flatten(),
        "T.ravel": lambda: a.T.ravel(),
        "T.flatten": lambda: a.T.flatten(),
        "[:, ::2].flatten": lambda: a[:, ::2].flatten(),
        "ravel (view)": lambda: a.ravel(),
        "copyto (prefaulted)": lambda: np.copyto(preallocated, a),
    }
    wall, cpu = {}, {}
    for name, op in operations.items():
        wall[name], cpu[name] = numpy_best(op, runs)
    return wall, cpu


def ms(seconds):
    return f"{seconds * 1e3:9.3f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runtime_bench", help="path of the runtime_bench binary")
    parser.add_argument("--kernel-bench", help="path of kernel_bench (kernel-only figures)")
    parser.add_argument("--size", type=int, default=4096, help="n of the n x n arrays")
    parser.add_argument("--repetitions", type=int, default=10)
    parser.add_argument("--min-time", type=float, default=0.01,
                        help="--benchmark_min_time per repetition, seconds")
    parser.add_argument("--numpy-runs", type=int, default=10)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a target is missed")
    args = parser.parse_args()

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs; "
          f"NumPy {np.__version__} ({sys.executable})")
    for variable in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if variable in os.environ:
            print(f"warning: {variable} is set; run under "
                  f"`env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE` for fair NumPy figures")

    nd = run_benchmark(args.runtime_bench, args.size, args.repetitions, args.min_time)
    kernel = {}
    if args.kernel_bench:
        kernel = run_benchmark(args.kernel_bench, args.size, args.repetitions, args.min_time)
    print(f"NumPy: best of {args.numpy_runs} runs per operation", flush=True)
    npy, npy_cpu = time_numpy(args.size, args.numpy_runs)
    with open("/proc/loadavg") as loadavg:
        print("load average after the run: " + " ".join(loadavg.read().split()[:3]))

    def gib_per_s(seconds, size_bytes):
        return size_bytes / seconds / 2**30

    n = args.size
    nbytes = n * n * 8
    print(f"\n== {n} x {n} float64 ({n * n * 8 / 2**20:.0f} MiB), wall time, best run ==")
    rows = [
        ("contiguous flatten", "BM_FlattenContiguous", "flatten"),
        ("transposed ravel (hidden copy)", "BM_RavelTransposed", "T.ravel"),
        ("transposed flatten", "BM_FlattenTransposed", "T.flatten"),
        ("stepped slice [:, ::2] flatten", "BM_FlattenSteppedSlice", "[:, ::2].flatten"),
        ("ravel of a C array (view)", "BM_RavelView", "ravel (view)"),
    ]
    print(f"{'operation':34} {'nd':>12} {'NumPy':>12} {'NumPy/nd':>9}"
          f"   (CPU time: {'nd':>9} {'NumPy':>12} {'NumPy/nd':>9})")
    for label, bench, op in rows:
        nd_s, np_s = nd[bench]["seconds"], npy[op]
        nd_c, np_c = nd[bench]["cpu_seconds"], npy_cpu[op]
        print(f"{label:34} {ms(nd_s)} {ms(np_s)} {np_s / nd_s:8.2f}x"
              f"   ({ms(nd_c)} {ms(np_c)} {np_c / nd_c:8.2f}x)")
    print(f"{'memcpy into nd-allocated buffer':34} {ms(nd['BM_MemcpyFreshBuffer']['seconds'])}")
    print(f"{'memcpy into huge-page buffer':34} {ms(nd['BM_MemcpyFreshHugeBuffer']['seconds'])}")
    if "BM_TransposeFreshHugeBuffer" in nd:
        print(f"{'transpose into huge-page buffer':34} "
              f"{ms(nd['BM_TransposeFreshHugeBuffer']['seconds'])}")
    print(f"{'memcpy, prefaulted destination':34} {ms(nd['BM_Memcpy']['seconds'])}"
          f" {ms(npy['copyto (prefaulted)'])}  (NumPy: np.copyto)")
    if kernel:
        print("kernel only (prefaulted destination, nd::detail::strided_copy):")
        for name in ("BM_Memcpy", "BM_KernelContiguous", "BM_KernelTranspose",
                     "BM_TransposeUntiled", "BM_KernelSteppedColumns"):
            if name in kernel:
                moved = nbytes // 2 if name == "BM_KernelSteppedColumns" else nbytes
                print(f"  {name:32} {ms(kernel[name]['seconds'])} "
                      f"{gib_per_s(kernel[name]['seconds'], moved):7.2f} GiB/s   "
                      f"(CPU {ms(kernel[name]['cpu_seconds'])})")

    def ratios(clock, np_times):
        memcpy = nd["BM_MemcpyFreshBuffer"][clock] / nd["BM_FlattenContiguous"][clock]
        transpose = np_times["T.ravel"] / nd["BM_RavelTransposed"][clock]
        return memcpy, transpose

    ratio_memcpy, ratio_transpose = ratios("seconds", npy)
    cpu_memcpy, cpu_transpose = ratios("cpu_seconds", npy_cpu)
    huge = nd.get("BM_TransposeFreshHugeBuffer")
    view_bytes = nd["BM_RavelView"]["allocated_bytes"]
    view_copies = nd["BM_RavelView"]["copies"]
    results = [
        ratio_memcpy >= TARGET_MEMCPY,
        ratio_transpose >= TARGET_TRANSPOSE,
        view_bytes == 0 and view_copies == 0,
    ]
    verdict = ["MISSED", "met"]
    print("\n== targets (wall time; CPU time in brackets) ==")
    print(f"(1) contiguous copy throughput / memcpy throughput: {ratio_memcpy:.3f} "
          f"[{cpu_memcpy:.3f}] (target >= {TARGET_MEMCPY}: {verdict[results[0]]})")
    print("    a.flatten() vs std::memcpy of the same bytes into a buffer allocated as nd allocates")
    if kernel and "BM_KernelContiguous" in kernel:
        k_wall = kernel["BM_Memcpy"]["seconds"] / kernel["BM_KernelContiguous"]["seconds"]
        k_cpu = kernel["BM_Memcpy"]["cpu_seconds"] / kernel["BM_KernelContiguous"]["cpu_seconds"]
        print(f"    kernel alone, prefaulted destination: {k_wall:.3f} [{k_cpu:.3f}]")
    print(f"(2) NumPy a.T.ravel() time / nd a.T().ravel() time: {ratio_transpose:.2f}x "
          f"[{cpu_transpose:.2f}x] (target >= {TARGET_TRANSPOSE}x: {verdict[results[1]]})")
    if huge:
        print(f"    with huge-page buffers (NumPy's allocation policy): "
              f"{npy['T.ravel'] / huge['seconds']:.2f}x "
              f"[{npy_cpu['T.ravel'] / huge['cpu_seconds']:.2f}x] (BM_TransposeFreshHugeBuffer)")
    print(f"(3) bytes allocated by a ravel that is a view: {view_bytes:g} "
          f"({view_copies:g} copies; target 0: {verdict[results[2]]})")
    if args.check and not all(results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
