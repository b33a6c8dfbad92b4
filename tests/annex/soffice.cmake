# soffice.cmake: LibreOffice opens the annex and converts it to PDF
# (annex.libreoffice), headless, with a private profile and a time limit.
#
#   cmake -DTALLY=<binary> -DSOFFICE=<soffice> -DSRC=<source dir>
#         -DWORK=<scratch dir> -P soffice.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(ENV{SOURCE_DATE_EPOCH} 1700000000)
set(S ${SRC}/samples/neaspec-2020)
execute_process(
    COMMAND ${TALLY} annex ${S}/responses.csv -c ${S}/codebook.yaml
            -o ${WORK}/neaspec-annex.xlsx
    RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tally annex failed (${rc}):\n${err}")
endif()
execute_process(
    COMMAND ${SOFFICE} --headless
            -env:UserInstallation=file://${WORK}/profile
            --convert-to pdf --outdir ${WORK} ${WORK}/neaspec-annex.xlsx
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
    TIMEOUT 240)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/neaspec-annex.pdf)
    message(FATAL_ERROR "soffice failed (${rc}):\n${out}\n${err}")
endif()
file(SIZE ${WORK}/neaspec-annex.pdf size)
file(READ ${WORK}/neaspec-annex.pdf head LIMIT 5 HEX)
if(size LESS 10000 OR NOT head STREQUAL "255044462d") # "%PDF-"
    message(FATAL_ERROR "not a PDF of the annex (${size} bytes)")
endif()
message(STATUS "LibreOffice converted the annex: ${size} bytes of PDF")
