# `cmake --install` rules and the CMake package a user project finds with
# `find_package(ndtidy)`:
#   nd::runtime                  the runtime headers (and library, if any)
#   ndtidy::ndtidy, ndtidy::clangd, ndtidy::plugin   imported tools
#   ndtidy_EXECUTABLE, ndtidy_CLANGD_EXECUTABLE, ndtidy_PLUGIN, ndtidy_SARIF_EXECUTABLE
# Layout under the prefix: bin/{ndtidy,ndtidy-clangd,ndtidy-sarif},
# lib/ndtidy/libndtidy.so (the plugin, in its own directory: not a shared
# library to link), lib/clang/<major> (Clang's builtin headers, see below),
# include/nd, lib/cmake/ndtidy, share/doc/ndtidy (docs/, checks/ among them).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(NDTIDY_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/ndtidy")

# Runtime: exported as nd::runtime.
target_include_directories(nd_runtime INTERFACE
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
set_target_properties(nd_runtime PROPERTIES EXPORT_NAME runtime)
install(TARGETS nd_runtime EXPORT ndtidyRuntimeTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
install(EXPORT ndtidyRuntimeTargets NAMESPACE nd::
  FILE ndtidyRuntimeTargets.cmake DESTINATION ${NDTIDY_INSTALL_CMAKEDIR})

# Tools. The SARIF converter goes along, and the docs: SARIF's rule help
# links to the check pages in share/doc/ndtidy/checks.
install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/ndtidy-sarif
  DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/ndtidy
  FILES_MATCHING PATTERN "*.md" PATTERN "*.yml")
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/ndtidy)
if(NDTIDY_BUILD_CHECKER)
  install(TARGETS ndtidy ndtidy-clangd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # clang-tidy and clangd look for Clang's builtin headers in
  # <bin>/../lib/clang/<major> (not LIBDIR: Clang hard-codes "lib"). Link it
  # to the resource directory of the Clang these tools were built against.
  # Under /usr (the Debian package) that directory is Debian's own
  # (libclang-common-<major>-dev), so nothing is linked.
  install(TARGETS ndtidy_plugin LIBRARY DESTINATION lib/ndtidy)
  install(CODE "
    set(_nd_res \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/clang/${NDTIDY_LLVM_VERSION_MAJOR}\")
    if(NOT \"\${CMAKE_INSTALL_PREFIX}\" STREQUAL \"/usr\" AND NOT EXISTS \"\${_nd_res}\")
      file(MAKE_DIRECTORY \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/clang\")
      message(STATUS \"Linking: \${_nd_res} -> ${NDTIDY_CLANG_RESOURCE_DIR}\")
      file(CREATE_LINK \"${NDTIDY_CLANG_RESOURCE_DIR}\" \"\${_nd_res}\" SYMBOLIC)
    endif()")
  set(NDTIDY_PACKAGE_HAS_TOOLS ON)
else()
  set(NDTIDY_PACKAGE_HAS_TOOLS OFF)
endif()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ndtidyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/ndtidyConfig.cmake
  INSTALL_DESTINATION ${NDTIDY_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_BINDIR CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/ndtidyConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/ndtidyConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/ndtidyConfigVersion.cmake
  DESTINATION ${NDTIDY_INSTALL_CMAKEDIR})
