# Turns INPUT into a C++ source defining `std::string_view mlroadmap::detail::SYMBOL()`.
# Run as a script (cmake -P) so the build needs nothing beyond CMake itself.
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT}; do not edit.\n#include <string_view>\n\nnamespace mlroadmap::detail {\nnamespace {\nconstexpr char data[] = {\n${bytes}'\\0'};\n}\nstd::string_view ${SYMBOL}() { return {data, ${size}}; }\n}  // namespace mlroadmap::detail\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
