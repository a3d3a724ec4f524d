#include "mlroadmap/graph_loader.hpp"

namespace mlroadmap {
namespace detail {
std::string_view builtin_graph_json();  // generated from data/ml-engineer.json at build time
}

std::string_view builtin_graph_text() { return detail::builtin_graph_json(); }

GraphLoadResult load_builtin_graph() {
  LoadOptions options;
  options.text_outlives_graph = true;  // compiled into the program
  return load_graph(builtin_graph_text(), kBuiltinGraphName, options);
}

}  // namespace mlroadmap
