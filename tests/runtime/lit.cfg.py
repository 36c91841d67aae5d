# lit suite for the nd runtime: each test is a C++ program compiled against
# runtime/include; it prints shapes, strides, flags, shares-memory results and
# copy events, and FileCheck compares them with values taken from NumPy.
# --param sanitize=1 builds every program with ASan + UBSan.
import os
import lit.formats

config.name = "nd-runtime" + ("-sanitized" if lit_config.params.get("sanitize") else "")
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp"]
config.excludes = ["Inputs", "unit", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.suite_binary_dir

cxx_flags = ["-std=c++20", "-O1", "-g", "-Wall", "-Wextra", "-Werror",
             "-I", config.runtime_include,
             "-I", os.path.join(config.test_source_root, "Inputs")]
if lit_config.params.get("sanitize"):
    cxx_flags += ["-fsanitize=address,undefined", "-fno-sanitize-recover=all",
                  "-fno-omit-frame-pointer"]
    config.environment["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
link = []
if config.runtime_library:
    link.append(config.runtime_library)

config.substitutions.append(
    ("%ndcxx", " ".join([config.cxx] + cxx_flags) + " %s " + " ".join(link)))
config.substitutions.append(("%FileCheck", os.path.join(config.llvm_bin, "FileCheck")))

# Where std::source_location::current(), as a default argument of a member
# function, puts the column of a call like `a.T().ravel()`: Clang 19 at the
# start of the call expression (`a`), Clang 22 at the member's name
# (`ravel`). Trace tests that check columns use the prefix
# <PREFIX>-%member_loc (EXPR or NAME) for those lines.
def clang_major(cxx):
    import re
    import subprocess
    try:
        out = subprocess.run([cxx, "--version"], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout
    except OSError:
        return None
    match = re.search(r"clang version (\d+)", out)
    return int(match.group(1)) if match else None


_major = clang_major(config.cxx)
config.substitutions.append(
    ("%member_loc", "NAME" if _major is not None and _major >= 22 else "EXPR"))
config.substitutions.append(("%not", os.path.join(config.llvm_bin, "not")))
# Tests set ND_TRACE_COPIES themselves; do not inherit it.
config.environment.pop("ND_TRACE_COPIES", None)
