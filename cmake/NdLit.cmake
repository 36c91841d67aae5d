# ndtidy_add_lit_suite(NAME <ctest name> SOURCE_DIR <dir with lit.cfg.py>
#                      [PARAMS k=v ...] [DEPENDS targets...])
#
# Configures <SOURCE_DIR>/lit.site.cfg.py.in into the binary directory and
# registers a CTest test that runs lit on it. Every suite sees the same
# site variables (paths of the built tools, the LLVM 19 bin directory...).
function(ndtidy_add_lit_suite)
  cmake_parse_arguments(ARG "" "NAME;SOURCE_DIR" "PARAMS;DEPENDS" ${ARGN})
  file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${ARG_SOURCE_DIR}")
  set(site_dir "${PROJECT_BINARY_DIR}/${rel}")
  set(NDTIDY_SUITE_SOURCE_DIR "${ARG_SOURCE_DIR}")
  set(NDTIDY_SUITE_BINARY_DIR "${site_dir}")
  configure_file("${PROJECT_SOURCE_DIR}/tests/lit.site.cfg.py.in"
                 "${site_dir}/lit.site.cfg.py" @ONLY)
  set(params "")
  foreach(p IN LISTS ARG_PARAMS)
    list(APPEND params "--param" "${p}")
  endforeach()
  add_test(NAME ${ARG_NAME}
           COMMAND "${NDTIDY_PYTHON}" "${NDTIDY_LIT}" -sv ${params} "${site_dir}")
  set_tests_properties(${ARG_NAME} PROPERTIES LABELS lit)
endfunction()
