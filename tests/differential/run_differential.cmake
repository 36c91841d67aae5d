# CTest driver: generate NumPy cases with a seed, then replay them against nd.
#   cmake -DPYTHON=... -DGENERATOR=... -DREPLAY=... -DOUT_DIR=... -P run_differential.cmake
# The seed is fixed unless the environment sets ND_DIFF_SEED; it is printed
# either way so a failure can be reproduced.
set(seed 20240601)
if(DEFINED ENV{ND_DIFF_SEED} AND NOT "$ENV{ND_DIFF_SEED}" STREQUAL "")
  set(seed "$ENV{ND_DIFF_SEED}")
endif()
message(STATUS "differential: seed ${seed} (override with ND_DIFF_SEED)")
set(cases "${OUT_DIR}/cases-${seed}.txt")
execute_process(
  COMMAND "${PYTHON}" "${GENERATOR}" --seed "${seed}" -o "${cases}"
  RESULT_VARIABLE gen_rc)
if(NOT gen_rc EQUAL 0)
  message(FATAL_ERROR "gen_cases.py failed (seed ${seed}): ${gen_rc}")
endif()
execute_process(COMMAND "${REPLAY}" "${cases}" RESULT_VARIABLE replay_rc)
if(NOT replay_rc EQUAL 0)
  message(FATAL_ERROR "nd differs from NumPy (seed ${seed}); cases in ${cases}")
endif()
