// Loading a graph: the text is read (mapped when it is a file), parsed into a builder, its
// names registered and references resolved, then checked as a whole. Each step lives in its
// own unit: graph_parser (the schema walk), graph_builder (the only writer of a graph),
// graph_references (names and lookups), graph_checks (cycles, reachability), split_parse (a
// large skills array on two threads), mapped_file.
#include "mlroadmap/graph_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "graph_builder.hpp"
#include "graph_checks.hpp"
#include "graph_parser.hpp"
#include "graph_references.hpp"
#include "json_object.hpp"
#include "mapped_file.hpp"
#include "overlay_chain.hpp"
#include "overlay_in_load.hpp"
#include "mlroadmap/input.hpp"

namespace mlroadmap {

namespace {

GraphLoadResult failure(std::string_view file, std::string message) {
  GraphLoadResult result;
  result.diagnostics.push_back(
      Diagnostic{Severity::error, std::string(file), 0, 0, std::move(message), {}, {}});
  return result;
}

GraphLoadResult finish(detail::Messages& messages, detail::GraphBuilder& builder) {
  GraphLoadResult result;
  result.diagnostics = messages.take_sorted();
  if (!has_errors(result.diagnostics)) result.graph = builder.finish();
  return result;
}

GraphLoadResult load_overlay(std::string_view text, std::string_view file_name,
                             const LoadOptions& limits);
GraphLoadResult load_merged_overlay(std::string_view text, std::string_view file_name,
                                    const LoadOptions& limits);

// Loads `text`; `map`, for a merged graph, places its messages in the files it came from.
GraphLoadResult load_text(std::string_view text, std::string_view file_name,
                          const LoadOptions& limits, const detail::MappedFile* mapped,
                          const detail::SourceMap* map = nullptr) {
  // Offsets into the text are kept in 32 bits.
  constexpr std::size_t kLargestText = 0xFFFFFFFFu;
  if (text.size() > std::min(limits.max_file_bytes, kLargestText)) {
    return failure(file_name,
                   fmt::format("graph is {} bytes, larger than the limit of {} bytes", text.size(),
                               std::min(limits.max_file_bytes, kLargestText)));
  }
  detail::Messages messages = map != nullptr
                                  ? detail::Messages(text, *map, limits.max_errors)
                                  : detail::Messages(text, file_name, limits.max_errors);
  detail::GraphBuilder builder(text, limits.text_outlives_graph);
  detail::JsonReader json(text, detail::JsonLimits{limits.max_depth, limits.max_string_bytes});
  try {
    detail::GraphParser(json, messages, builder, limits, mapped).parse_document();
  } catch (const detail::JsonSyntaxError& e) {
    messages.diagnostics().push_back(messages.make(Severity::error, e.offset, e.message));
    return finish(messages, builder);
  } catch (const detail::ExtendsFound&) {
    if (map != nullptr) return failure(file_name, "a merged graph may not extend another");
    return load_overlay(text, file_name, limits);
  } catch (const detail::TooManyErrors&) {
    return finish(messages, builder);
  }
  try {
    detail::register_names(builder, messages);
    detail::resolve_references(builder, messages, mapped);
    // Cycles among what did load, so one run reports every problem: a reference that did not
    // resolve is left out of the search.
    detail::check_cycles(builder, messages);
    if (!has_errors(messages.diagnostics()) && limits.lint) {
      detail::check_reachable(builder, messages);
    }
  } catch (const detail::TooManyErrors&) {
  }
  return finish(messages, builder);
}

// A graph that extends another. One overlay on a graph is laid over it as the graph is read,
// where it can be; else the chain is merged on text.
GraphLoadResult load_overlay(std::string_view text, std::string_view file_name,
                             const LoadOptions& limits) {
  auto read = detail::load_overlay_in_one_read(
      text, file_name, limits,
      detail::SourceFile{std::string(kBuiltinGraphName), builtin_graph_text()});
  if (read) return GraphLoadResult{std::move(read), {}};
  return load_merged_overlay(text, file_name, limits);
}

// The chain of an overlay merged on text, then loaded; its messages placed in the files that
// wrote them, after the merge's own.
GraphLoadResult load_merged_overlay(std::string_view text, std::string_view file_name,
                                    const LoadOptions& limits) {
  detail::MergedText merged = detail::merge_overlays(
      text, file_name, limits, detail::SourceFile{std::string(kBuiltinGraphName), builtin_graph_text()});
  GraphLoadResult result;
  if (!has_errors(merged.diagnostics)) {
    LoadOptions options = limits;
    options.text_outlives_graph = false;
    result = load_text(merged.text, file_name, options, nullptr, &merged.map);
  }
  result.diagnostics.insert(result.diagnostics.end(),
                            std::make_move_iterator(merged.diagnostics.begin()),
                            std::make_move_iterator(merged.diagnostics.end()));
  detail::sort_by_place(result.diagnostics, merged.map.files());
  if (has_errors(result.diagnostics)) result.graph.reset();
  return result;
}

// An input error as the loader words it: the diagnostic already names the file.
std::string loader_words(const InputError& error) {
  switch (error.kind) {
    case InputError::Kind::cannot_open:
      return fmt::format("cannot open: {}", std::strerror(error.error_number));
    case InputError::Kind::too_large:
      return fmt::format("graph is larger than the limit of {} bytes", error.max_bytes);
    case InputError::Kind::cannot_read: break;
  }
  return fmt::format("cannot read: {}", std::strerror(error.error_number));
}

}  // namespace

GraphLoadResult load_graph(std::string_view text, std::string_view file_name,
                           const LoadOptions& limits) {
  return load_text(text, file_name, limits, nullptr);
}

GraphLoadResult load_graph_file(const std::string& path, const LoadOptions& limits) {
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? "<stdin>" : path;
  if (!from_stdin) {
    auto mapped = detail::MappedFile::map(path, limits.max_file_bytes);
    if (!mapped) return failure(name, std::move(mapped.error()));
    if (*mapped) return load_text((*mapped)->text(), name, limits, &**mapped);
  }
  // Standard input, a pipe or an empty file: read whole.
  const auto text = read_input(path, limits.max_file_bytes);
  if (!text) return failure(name, loader_words(text.error()));
  return load_graph(*text, name, limits);
}

}  // namespace mlroadmap
