// mlroadmap match: skill names as people and exports write them, matched to the graph's skills.

#include <algorithm>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/input.hpp"
#include "mlroadmap/match.hpp"
#include "mlroadmap/render_pipeline.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::size_t kMaxNameListBytes = std::size_t{16} << 20;

}  // namespace

void setup_match(CommandFlags& command, MatchOptions& options) {
  command.add(options.input,
              {.names = "input",
               .help = "Skill names, one a line, or a CSV file with a Name (or name, skill) "
                       "column such as LinkedIn's Skills.csv ('-' or none: stdin)",
               .takes = Takes::file});
  add_graph_options(command, options.graph);
  add_output_options(command, options.output,
                     {OutputFormat::text, OutputFormat::json, OutputFormat::csv});
}

int run_match(const MatchOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  const auto text = read_input(options.input, kMaxNameListBytes);
  if (!text) {
    print_error(text.error().message());
    return kDataError;
  }
  const auto list = read_name_list(*text, options.input == "-" ? "<stdin>" : options.input);
  if (!list) {
    print_diagnostics({list.error()});
    return kDataError;
  }
  const SkillMatcher matcher(*graph);
  std::vector<SkillMatch> matches;
  matches.reserve(list->names.size());
  for (const std::string& name : list->names) matches.push_back(matcher.match(name));

  std::string out;
  switch (*format) {
    case OutputFormat::json: out = render_matches_json(*graph, matches); break;
    case OutputFormat::csv: out = render_matches_csv(*graph, matches); break;
    default: out = render_matches_text(*graph, matches, text_style(options.output)); break;
  }
  if (!emit(options.output, out)) return kDataError;
  const bool all = std::all_of(matches.begin(), matches.end(), [](const SkillMatch& m) {
    return m.status == MatchStatus::matched;
  });
  return all ? kSuccess : kPartialFailure;
}

}  // namespace mlroadmap::cli
