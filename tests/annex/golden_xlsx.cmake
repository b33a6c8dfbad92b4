# golden_xlsx.cmake: the annex workbook is reproducible and its XML parts
# equal a golden copy (annex.golden-xlsx).
#
#   cmake -DTALLY=<binary> -DSRC=<source dir> -DWORK=<scratch dir>
#         -P golden_xlsx.cmake
#
# Two runs with the same SOURCE_DATE_EPOCH must give byte-identical files;
# then the parts (unzipped with cmake -E tar, as libxlsxwriter's own tests
# compare XML rather than zip bytes) must equal tests/annex/golden/. With
# TALLY_UPDATE_GOLDEN=1 the golden copy is rewritten instead.
set(golden ${SRC}/tests/annex/golden)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/parts)
set(ENV{SOURCE_DATE_EPOCH} 1700000000)
foreach(run a b)
    execute_process(
        COMMAND ${TALLY} annex ${SRC}/tests/annex/fixture.csv
                -c ${SRC}/tests/annex/codebook.yaml -o ${WORK}/${run}.xlsx
        RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "tally annex failed (${rc}):\n${err}")
    endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
                ${WORK}/a.xlsx ${WORK}/b.xlsx RESULT_VARIABLE same)
if(NOT same EQUAL 0)
    message(FATAL_ERROR "two runs gave different files")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${WORK}/a.xlsx
                WORKING_DIRECTORY ${WORK}/parts RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake -E tar could not unzip the workbook")
endif()
file(GLOB_RECURSE parts RELATIVE ${WORK}/parts ${WORK}/parts/*.xml)
list(FILTER parts EXCLUDE REGEX "^docProps/app.xml$")
if("$ENV{TALLY_UPDATE_GOLDEN}" STREQUAL "1")
    file(REMOVE_RECURSE ${golden})
    foreach(p ${parts})
        configure_file(${WORK}/parts/${p} ${golden}/${p} COPYONLY)
    endforeach()
    return()
endif()
file(GLOB_RECURSE want RELATIVE ${golden} ${golden}/*.xml)
if(NOT "${parts}" STREQUAL "${want}")
    message(FATAL_ERROR "parts differ:\n got ${parts}\nwant ${want}")
endif()
foreach(p ${parts})
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
                    ${WORK}/parts/${p} ${golden}/${p} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${p} differs: diff ${golden}/${p} "
                            "${WORK}/parts/${p}")
    endif()
endforeach()
