# ferretConfig.cmake - CMake's find_package(ferret) for the ferret fuzzing
# engine, installed by ferret's `make install` as
# PREFIX/lib/cmake/ferret/ferretConfig.cmake (from tools/pkg/).
#
#   find_package(ferret REQUIRED)
#   add_executable(fuzz_parser fuzz_parser.c parser.c)
#   target_link_libraries(fuzz_parser PRIVATE ferret::ferret)
#
# ferret::ferret is an imported static library: linking to it adds
#  - the instrumentation, -fsanitize=fuzzer-no-link, as a compile option of
#    the sources of whatever links to it (INTERFACE_COMPILE_OPTIONS) and as a
#    link option (INTERFACE_LINK_OPTIONS);
#  - PREFIX/include (ferret.h) to their include path;
#  - PREFIX/lib/libferret.a to the link line, after the target's own objects
#    (CMake puts libraries there), so the linker takes from the archive what
#    they need: main, unless the program has its own, and the coverage
#    callbacks.
# The sanitizer (-fsanitize=address ...) stays the project's choice.  Only
# the sources of a target that links to ferret::ferret are instrumented; a
# library the harness tests should be built with -fsanitize=fuzzer-no-link
# too (target_compile_options), or link to ferret::ferret itself.
#
# The prefix is found from this file's own place (three directories up), so
# an installed tree can be moved or staged with DESTDIR.  ferret needs
# clang: with another C or C++ compiler enabled, the package is "not found"
# with one message saying so (and find_package(ferret REQUIRED) stops).
# CMake 3.13 or later (INTERFACE_LINK_OPTIONS).

if(CMAKE_VERSION VERSION_LESS 3.13)
    set(ferret_FOUND FALSE)
    set(ferret_NOT_FOUND_MESSAGE "ferret's package needs CMake 3.13 or later (INTERFACE_LINK_OPTIONS); this is ${CMAKE_VERSION}")
    return()
endif()

foreach(_ferret_lang C CXX)
    if(CMAKE_${_ferret_lang}_COMPILER_LOADED AND NOT CMAKE_${_ferret_lang}_COMPILER_ID MATCHES "Clang")
        set(ferret_FOUND FALSE)
        set(ferret_NOT_FOUND_MESSAGE "ferret needs clang (-fsanitize=fuzzer-no-link), but the ${_ferret_lang} compiler is ${CMAKE_${_ferret_lang}_COMPILER} (${CMAKE_${_ferret_lang}_COMPILER_ID}): configure a new build directory with -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
        return()
    endif()
endforeach()

get_filename_component(_ferret_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT EXISTS "${_ferret_prefix}/lib/libferret.a" OR NOT EXISTS "${_ferret_prefix}/include/ferret.h")
    set(ferret_FOUND FALSE)
    set(ferret_NOT_FOUND_MESSAGE "ferret's package in ${CMAKE_CURRENT_LIST_DIR} has no ${_ferret_prefix}/lib/libferret.a or ${_ferret_prefix}/include/ferret.h: reinstall ferret (make install PREFIX=${_ferret_prefix})")
    return()
endif()

if(NOT TARGET ferret::ferret)
    add_library(ferret::ferret STATIC IMPORTED)
    set_target_properties(ferret::ferret PROPERTIES
        IMPORTED_LOCATION "${_ferret_prefix}/lib/libferret.a"
        IMPORTED_LINK_INTERFACE_LANGUAGES "C"
        INTERFACE_INCLUDE_DIRECTORIES "${_ferret_prefix}/include"
        INTERFACE_COMPILE_OPTIONS "-fsanitize=fuzzer-no-link"
        INTERFACE_LINK_OPTIONS "-fsanitize=fuzzer-no-link")
endif()

set(ferret_INCLUDE_DIRS "${_ferret_prefix}/include")
set(ferret_LIBRARIES ferret::ferret)
unset(_ferret_prefix)
unset(_ferret_lang)
