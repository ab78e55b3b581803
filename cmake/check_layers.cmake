# The layering check: run at build time for each library (see llmg_layer in CMakeLists.txt), and by a
# test on a file that breaks the rule. Fails the build when a file under src/FOLDER includes a project
# header from a folder that is not below it, or a third-party header that only one folder may use.
#   cmake -DFOLDER=render -DALLOWED=site,view,catalog,analysis,ingest,model,base -DSRC=path/to/src
#         [-DSTAMP=out.stamp] -P check_layers.cmake
# checks every .cpp and .h under SRC/FOLDER (FILES=a.cpp,b.h instead checks just those files).
cmake_minimum_required(VERSION 3.25)
set(project_folders base model ingest analysis catalog view site render server export cli)
# Third-party headers owned by one folder: the HTTP libraries by the server, librsvg/cairo by render.
set(owned_headers "httplib.h=server" "microhttpd.h=server" "librsvg/=render" "cairo=render")
string(REPLACE "," ";" ALLOWED "${ALLOWED}")
if(DEFINED FILES)
  string(REPLACE "," ";" FILES "${FILES}")
else()
  file(GLOB_RECURSE FILES "${SRC}/${FOLDER}/*.cpp" "${SRC}/${FOLDER}/*.h")
endif()
set(errors "")
foreach(file IN LISTS FILES)
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    # The included path, in quotes or angle brackets ("a/b.h" and <a/b.h> both resolve through src/).
    if(NOT line MATCHES "#[ \t]*include[ \t]*[\"<]([^\">]+)[\">]")
      continue()
    endif()
    set(header "${CMAKE_MATCH_1}")
    if(header MATCHES "(^|/)\\.\\.(/|$)")
      # A relative climb ("../analysis/x.h", "ingest/../render/y.h") would dodge the folder rule.
      string(APPEND errors "\n  ${file}: ${line}\n    includes name a folder of src/, never a path with '..'")
      continue()
    endif()
    if(header MATCHES "^([a-z_]+)/")
      set(target "${CMAKE_MATCH_1}")
      if(NOT target STREQUAL FOLDER AND target IN_LIST project_folders AND NOT target IN_LIST ALLOWED)
        string(APPEND errors "\n  ${file}: ${line}\n    src/${FOLDER}/ may include only itself and: ${ALLOWED}")
      endif()
    endif()
    foreach(rule IN LISTS owned_headers)
      string(REPLACE "=" ";" rule "${rule}")
      list(GET rule 0 prefix)
      list(GET rule 1 owner)
      string(FIND "${header}" "${prefix}" at)
      if(at EQUAL 0 AND NOT FOLDER STREQUAL owner)
        string(APPEND errors "\n  ${file}: ${line}\n    <${prefix}...> belongs to src/${owner}/ only")
      endif()
    endforeach()
  endforeach()
endforeach()
if(errors)
  message(FATAL_ERROR "layering check failed (data flows base <- model <- ingest <- analysis <- catalog <- view <- "
                      "site <- render <- server, export <- cli):${errors}")
endif()
if(STAMP)
  file(WRITE "${STAMP}" "ok\n")
endif()
