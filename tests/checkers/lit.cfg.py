# lit suite for the ndarray-* checks. Each test runs through both delivery
# forms: clang-tidy-<major> with the plugin loaded, and the standalone ndtidy,
# for the LLVM major of the build tree (NDTIDY_LLVM).
import os
import lit.formats

config.name = "ndtidy-checker"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.suite_binary_dir

# The build's LLVM major, as a feature (REQUIRES: llvm-22), and for
# expectations that differ because Clang itself does (CHECK-MESSAGES-LLVM22
# lines, see tests/tools/check_ndtidy.py).
config.available_features.add("llvm-" + config.llvm_major)
config.substitutions.append(("%llvm_major", config.llvm_major))

# That LLVM's FileCheck/not/count, never Debian's LLVM 14 ones on /usr/bin.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])

clang_tidy = os.path.join(config.llvm_bin, "clang-tidy")
runner = os.path.join(config.ndtidy_source_root, "tests", "tools", "check_ndtidy.py")
config.substitutions.append(("%check_ndtidy", " ".join([
    config.python, runner,
    "--clang-tidy=" + clang_tidy,
    "--plugin=" + config.ndtidy_plugin,
    "--ndtidy=" + config.ndtidy_binary,
    "--filecheck=" + os.path.join(config.llvm_bin, "FileCheck"),
    "--cxx=" + config.cxx,
    "--llvm-major=" + config.llvm_major,
])))
config.substitutions.append(("%nd_flags", "-std=c++20 -I" + config.runtime_include))
config.substitutions.append(("%clang_tidy_plugin",
                             clang_tidy + " --load=" + config.ndtidy_plugin))
config.substitutions.append(("%ndtidy", config.ndtidy_binary))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%docs_dir", os.path.join(config.ndtidy_source_root, "docs")))

# Models of real libraries are tested against the libraries' own headers, as
# Debian installs them (scripts/setup); without them those tests are skipped.
if os.path.exists("/usr/include/ATen/ATen.h"):
    config.available_features.add("torch")
config.substitutions.append(("%torch_flags", "-std=c++17"))
if os.path.exists("/usr/include/opencv4/opencv2/core.hpp"):
    config.available_features.add("opencv")
config.substitutions.append(("%opencv_flags", "-std=c++17 -I/usr/include/opencv4"))
if os.path.exists("/usr/include/eigen3/Eigen/Dense"):
    config.available_features.add("eigen")
config.substitutions.append(("%eigen_flags", "-std=c++17 -I/usr/include/eigen3"))
# Clang 19 parses xtensor 0.24 only without P0522 (relaxed template template
# arguments): otherwise `rebind_container` is ambiguous. Clang 22 has no way
# to turn P0522 off (the flag is gone) and parses xtensor 0.24 with it.
if os.path.exists("/usr/include/xtensor/xarray.hpp"):
    config.available_features.add("xtensor")
config.substitutions.append(("%xtensor_flags",
                             "-std=c++17 -fno-relaxed-template-template-args"
                             if config.llvm_major == "19" else "-std=c++17"))
