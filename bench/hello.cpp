// The floor for a program's start-up: a C++ program that prints one line with fmt.
#include <fmt/format.h>

int main() {
  fmt::print("hello\n");
  return 0;
}
