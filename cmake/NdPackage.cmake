# The Debian package: `cpack -G DEB` in a build tree (scripts/package) makes
# ndtidy_<version>+llvm<major>_amd64.deb with everything `cmake --install`
# puts under /usr, plus what a Debian binary package must carry: man pages
# for the tools (help2man, from their --help), the copyright file and a
# Debian changelog. One package per LLVM major, all named `ndtidy`: the
# plugin loads only into the clang-tidy it was built for, so two majors are
# alternatives, not companions.
#
# Depends: computed by dpkg-shlibdeps from what the binaries link (libLLVM,
# libclang-cpp, clangd's gRPC/protobuf ...), plus the packages found by path,
# not by linking: Clang's builtin headers (libclang-common-<major>-dev owns
# /usr/lib/clang/<major>, where the tools look for them) and python3-yaml for
# ndtidy-sarif.
if(NOT NDTIDY_BUILD_CHECKER)
  return()
endif()

set(NDTIDY_DEB_VERSION "${PROJECT_VERSION}+llvm${NDTIDY_LLVM_VERSION_MAJOR}")
set(NDTIDY_DEB_MAINTAINER "ndtidy developers <ndtidy@lists.ndtidy.dev>" CACHE STRING
  "Maintainer field of the Debian package (set it when you publish a build)")
set(_nd_debdoc "${PROJECT_BINARY_DIR}/package/doc")

# Man pages. help2man runs the built tools, so they are generated at build
# time; without help2man the package is still built, and the package test
# says what is missing.
find_program(NDTIDY_HELP2MAN help2man)
if(NDTIDY_HELP2MAN)
  set(_nd_man "${PROJECT_BINARY_DIR}/package/man")
  set(_nd_pages)
  foreach(_nd_tool ndtidy ndtidy-clangd ndtidy-sarif)
    if(_nd_tool STREQUAL "ndtidy")
      set(_nd_exe $<TARGET_FILE:ndtidy>)
      set(_nd_what "find accidental array copies (clang-tidy with the ndarray-* checks built in)")
    elseif(_nd_tool STREQUAL "ndtidy-clangd")
      set(_nd_exe $<TARGET_FILE:ndtidy-clangd>)
      set(_nd_what "clangd with the ndarray-* clang-tidy checks built in")
    else()
      set(_nd_exe ${PROJECT_SOURCE_DIR}/scripts/ndtidy-sarif)
      set(_nd_what "convert clang-tidy --export-fixes YAML to SARIF 2.1.0")
    endif()
    add_custom_command(OUTPUT ${_nd_man}/${_nd_tool}.1.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${_nd_man}
      COMMAND ${NDTIDY_HELP2MAN} --no-info --no-discard-stderr
              --name "${_nd_what}" --section 1
              --version-string "${_nd_tool} ${PROJECT_VERSION} (LLVM ${NDTIDY_LLVM_VERSION_MAJOR})"
              --include ${PROJECT_SOURCE_DIR}/cmake/ndtidy-man.h2m
              --output ${_nd_man}/${_nd_tool}.1 ${_nd_exe}
      COMMAND gzip -9nf ${_nd_man}/${_nd_tool}.1
      DEPENDS ${_nd_exe} ${PROJECT_SOURCE_DIR}/cmake/ndtidy-man.h2m
      COMMENT "help2man: ${_nd_tool}.1"
      VERBATIM)
    list(APPEND _nd_pages ${_nd_man}/${_nd_tool}.1.gz)
  endforeach()
  add_custom_target(ndtidy_man_pages ALL DEPENDS ${_nd_pages})
  install(FILES ${_nd_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: the Debian package will have no man pages")
endif()

# /usr/share/doc/ndtidy: copyright (Debian's machine-readable format), the
# Debian changelog, and the project's docs.
string(TIMESTAMP _nd_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
# Debian ships the Apache 2.0 text in common-licenses; the copyright file
# points there and carries LICENSE's own part, the LLVM exceptions.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE _nd_license)
string(FIND "${_nd_license}" "---- LLVM Exceptions" _nd_at)
string(SUBSTRING "${_nd_license}" ${_nd_at} -1 _nd_exceptions)
string(STRIP "${_nd_exceptions}" _nd_exceptions)
string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" _nd_exceptions "${_nd_exceptions}")
string(REGEX REPLACE "\n" "\n " _nd_exceptions "${_nd_exceptions}")
file(WRITE ${_nd_debdoc}/copyright
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ndtidy

Files: *
Copyright: 2026 the ndtidy developers
License: Apache-2.0 with LLVM exception

License: Apache-2.0 with LLVM exception
 Licensed under the Apache License, Version 2.0 (the \"License\"); you may not
 use this software except in compliance with the License.
 .
 On Debian systems, the full text of the Apache License, Version 2.0 can be
 found in /usr/share/common-licenses/Apache-2.0.
 .
 ${_nd_exceptions}
")
file(WRITE ${_nd_debdoc}/changelog
"ndtidy (${NDTIDY_DEB_VERSION}) unstable; urgency=medium

  * ndtidy ${PROJECT_VERSION} built against LLVM ${NDTIDY_LLVM_VERSION_MAJOR}.
    The changes are in /usr/share/doc/ndtidy/CHANGELOG.md.

 -- ${NDTIDY_DEB_MAINTAINER}  ${_nd_date}
")
add_custom_command(OUTPUT ${_nd_debdoc}/changelog.gz
  COMMAND gzip -9nc ${_nd_debdoc}/changelog > ${_nd_debdoc}/changelog.gz
  DEPENDS ${_nd_debdoc}/changelog)
add_custom_target(ndtidy_deb_changelog ALL DEPENDS ${_nd_debdoc}/changelog.gz)
install(FILES ${_nd_debdoc}/copyright ${_nd_debdoc}/changelog.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT debian EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ndtidy)
set(CPACK_PACKAGE_VERSION "${NDTIDY_DEB_VERSION}")
set(CPACK_PACKAGE_CONTACT "${NDTIDY_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clang-tidy checks for accidental array copies in C++ numerical code")
set(CPACK_PACKAGE_DESCRIPTION
"ndtidy finds copies nobody meant in C++ array code: hidden copies (a
ravel or reshape of a transposed array), redundant copy chains, writes
into a temporary copy that never reach the source, needless deep copies,
copies repeated in loops, aliasing assignments and hidden temporaries at
function boundaries. It knows its own NumPy-exact array library (nd),
libtorch, OpenCV, Eigen and xtensor.
.
This package, built against LLVM ${NDTIDY_LLVM_VERSION_MAJOR}, contains the standalone
ndtidy, ndtidy-clangd for editors, the plugin for
clang-tidy-${NDTIDY_LLVM_VERSION_MAJOR} --load, the nd headers with their CMake package,
and the documentation.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libclang-common-${NDTIDY_LLVM_VERSION_MAJOR}-dev, python3, python3-yaml")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "clang-tidy-${NDTIDY_LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The default components and the Debian files (a plain `cmake --install`
# leaves those out).
set(CPACK_DEB_COMPONENT_INSTALL OFF)
set(CPACK_INSTALL_CMAKE_PROJECTS
  "${PROJECT_BINARY_DIR};ndtidy;ALL;/"
  "${PROJECT_BINARY_DIR};ndtidy;debian;/")
include(CPack)
