# golden.cmake: run one CLI golden test case (tests/cli/<case>/).
#
#   cmake -DTALLY=<binary> -DCASE=<case dir> -DWORK=<scratch dir>
#         -DSAMPLES=<samples dir> [-DFIXTURES=<dir>] -P golden.cmake
#
# The case's `cmd` file is one shell command line, run with sh in WORK,
# where `samples` points at the repository's samples, `fixtures` at
# tests/fixtures (binary files: workbooks, SPSS files) and `tally` at the
# binary; its standard output must equal `stdout.exact`, its standard error
# `stderr.exact` (empty when the file is absent) and its exit status the
# number in `exit` (0 when absent). With TALLY_UPDATE_GOLDEN=1 in the
# environment the expectations are rewritten instead (zstd's
# --set-exact-output).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(CREATE_LINK ${SAMPLES} ${WORK}/samples SYMBOLIC)
if(DEFINED FIXTURES)
    file(CREATE_LINK ${FIXTURES} ${WORK}/fixtures SYMBOLIC)
endif()
# TALLY_TEST_WRAPPER (environment), e.g. "valgrind --error-exitcode=99
# -q": every tally the case runs runs under it (.ci/run's memcheck of the
# CLI cases; ctest -T memcheck would check cmake and sh instead).
if(DEFINED ENV{TALLY_TEST_WRAPPER} AND NOT "$ENV{TALLY_TEST_WRAPPER}" STREQUAL "")
    file(WRITE ${WORK}/tally
         "#!/bin/sh\nexec $ENV{TALLY_TEST_WRAPPER} ${TALLY} \"$@\"\n")
    execute_process(COMMAND chmod 755 ${WORK}/tally)
else()
    file(CREATE_LINK ${TALLY} ${WORK}/tally SYMBOLIC)
endif()
file(READ ${CASE}/cmd cmd)
string(STRIP "${cmd}" cmd)
execute_process(
    COMMAND sh -c "PATH=.:$PATH; ${cmd}"
    WORKING_DIRECTORY ${WORK}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)

if("$ENV{TALLY_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${CASE}/stdout.exact "${out}")
    if(err STREQUAL "")
        file(REMOVE ${CASE}/stderr.exact)
    else()
        file(WRITE ${CASE}/stderr.exact "${err}")
    endif()
    if(rc EQUAL 0)
        file(REMOVE ${CASE}/exit)
    else()
        file(WRITE ${CASE}/exit "${rc}\n")
    endif()
    return()
endif()

set(want_out "")
set(want_err "")
set(want_rc 0)
if(EXISTS ${CASE}/stdout.exact)
    file(READ ${CASE}/stdout.exact want_out)
endif()
if(EXISTS ${CASE}/stderr.exact)
    file(READ ${CASE}/stderr.exact want_err)
endif()
if(EXISTS ${CASE}/exit)
    file(READ ${CASE}/exit want_rc)
    string(STRIP "${want_rc}" want_rc)
endif()

set(failed "")
if(NOT rc STREQUAL want_rc)
    string(APPEND failed "exit status ${rc}, expected ${want_rc}\n")
endif()
foreach(stream out err)
    if(NOT "${${stream}}" STREQUAL "${want_${stream}}")
        file(WRITE ${WORK}/std${stream}.actual "${${stream}}")
        string(APPEND failed "std${stream} differs: diff ${CASE}/"
               "std${stream}.exact ${WORK}/std${stream}.actual\n")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "command: ${cmd}\n${failed}stderr was:\n${err}")
endif()
