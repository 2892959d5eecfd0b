# The wasm preset's toolchain: emsdk's Emscripten when $EMSDK is set (emsdk_env.sh sets it; the version
# to install is in emsdk-version.txt), else Debian's package (apt-get install emscripten).
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
  include("$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
elseif(EXISTS "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")
  include("/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")
else()
  message(FATAL_ERROR "Emscripten not found: set EMSDK (source emsdk_env.sh) or apt-get install emscripten")
endif()
