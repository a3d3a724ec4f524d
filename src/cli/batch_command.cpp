// mlroadmap batch: one plan per JSON Lines profile, the graph loaded once. A bad line becomes an
// error record and the batch goes on; the exit status says whether any line failed.

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/names.hpp"
#include "mlroadmap/profile.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::size_t kMaxLineBytes = 1 << 20;

// A file name from a profile id that cannot leave the directory or hide: letters, digits,
// '.', '-' and '_' kept, everything else '_', no leading dot, at most 100 bytes.
std::string file_stem(std::string_view id, std::size_t line) {
  std::string stem;
  for (const char c : id.substr(0, 100)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    stem += keep ? c : '_';
  }
  if (stem.empty() || stem.find_first_not_of('.') == std::string::npos) {
    return fmt::format("line-{}", line);
  }
  if (stem.front() == '.') stem.front() = '_';
  return stem;
}

std::string_view extension(OutputFormat format) {
  switch (format) {
    case OutputFormat::json: return ".json";
    case OutputFormat::markdown: return ".md";
    case OutputFormat::text: return ".txt";
    case OutputFormat::dot: return ".dot";
    case OutputFormat::mermaid: return ".mmd";
    case OutputFormat::ids: return ".txt";
  }
  return ".txt";
}

// Reads lines of any length up to a bound; longer lines are reported, not truncated.
class LineReader {
 public:
  explicit LineReader(std::FILE* file) : file_(file) {}
  ~LineReader() { std::free(buffer_); }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool next(std::string_view& line) {
    const ssize_t n = ::getline(&buffer_, &capacity_, file_);
    if (n < 0) return false;
    std::size_t size = static_cast<std::size_t>(n);
    if (size > 0 && buffer_[size - 1] == '\n') --size;
    if (size > 0 && buffer_[size - 1] == '\r') --size;
    line = std::string_view(buffer_, size);
    return true;
  }

 private:
  std::FILE* file_;
  char* buffer_ = nullptr;
  std::size_t capacity_ = 0;
};

}  // namespace

void setup_batch(CLI::App& app, BatchOptions& options) {
  CLI::App* command = app.add_subcommand(
      "batch", "Plan for many people at once: JSON Lines profiles in, one JSON plan per line out");
  command->add_option("input", options.input, "JSON Lines file of profiles ('-' or none: stdin)")
      ->type_name("FILE");
  command->add_option("--out-dir", options.out_dir,
                      "Write one file per profile into DIR (named after its id) instead")
      ->type_name("DIR");
  add_graph_options(*command, options.graph);
  add_output_options(*command, options.output,
                     {OutputFormat::json, OutputFormat::markdown, OutputFormat::text});
}

int run_batch(const BatchOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  if (options.out_dir.empty() && *format != OutputFormat::json) {
    print_error("batch writes JSON Lines to its output; other formats need --out-dir");
    return kUsageError;
  }
  if (!options.out_dir.empty() && !std::filesystem::is_directory(options.out_dir)) {
    print_error(fmt::format("--out-dir: '{}' is not a directory", options.out_dir));
    return kDataError;
  }
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;

  std::FILE* input = options.input == "-" ? stdin : std::fopen(options.input.c_str(), "rb");
  if (input == nullptr) {
    print_error(fmt::format("cannot open '{}': {}", options.input, std::strerror(errno)));
    return kDataError;
  }
  const std::string input_name = options.input == "-" ? "<stdin>" : options.input;

  std::string out;  // records, written in large pieces
  bool any_failed = false;
  bool write_failed = false;
  std::set<std::string> used_names;
  const auto flush = [&] {
    if (!out.empty() && !emit(options.output, out)) write_failed = true;
    out.clear();
  };
  LineReader reader(input);
  std::string_view text;
  std::size_t line = 0;
  std::string collected;  // with -o everything is kept, and the file replaced once, whole
  const bool to_file = !options.output.path.empty() && options.output.path != "-";
  while (reader.next(text) && !write_failed) {
    ++line;
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::string record;
    if (text.size() > kMaxLineBytes) {
      any_failed = true;
      Diagnostic d;
      d.message = fmt::format("line longer than {} bytes", kMaxLineBytes);
      record = render_batch_failure({}, line, {d});
    } else if (auto profile = parse_profile(text, input_name); !profile) {
      any_failed = true;
      record = render_batch_failure({}, line, profile.error());
    } else {
      const std::string id = profile->id.value_or("");
      std::vector<Diagnostic> problems;
      PlanRequest request;
      request.exact = profile->exact.value_or(false);
      request.hours_per_week = profile->hours_per_week.value_or(0);
      request.start = request.hours_per_week > 0 ? profile->start : std::nullopt;
      for (const std::string& name : profile->have.value_or(std::vector<std::string>{})) {
        if (const auto skill = resolve_skill(*graph, name)) {
          request.have.push_back(*skill);
        } else {
          problems.push_back(Diagnostic{Severity::error, {}, 0, 0, skill.error(), {}});
        }
      }
      for (const std::string& name : profile->goals.value_or(std::vector<std::string>{})) {
        if (const auto goal = resolve_goal(*graph, name)) {
          if (std::find(request.goals.begin(), request.goals.end(), *goal) == request.goals.end()) {
            request.goals.push_back(*goal);
          }
        } else {
          problems.push_back(Diagnostic{Severity::error, {}, 0, 0, goal.error(), {}});
        }
      }
      if (!problems.empty()) {
        any_failed = true;
        record = render_batch_failure(id, line, problems);
      } else {
        const Plan plan = make_plan(*graph, request);
        if (const auto problem = schedule_problem(plan)) {
          any_failed = true;
          record = render_batch_failure(id, line, {Diagnostic{Severity::error, {}, 0, 0, *problem, {}}});
        } else if (options.out_dir.empty()) {
          record = render_batch_plan(*graph, plan, id, line);
        } else {
          std::string name = file_stem(id, line);
          if (!used_names.insert(name).second) {
            name = fmt::format("{}-line-{}", name, line);
            used_names.insert(name);
          }
          name += extension(*format);
          const std::string path = (std::filesystem::path(options.out_dir) / name).string();
          const std::string document =
              *format == OutputFormat::markdown ? render_plan_markdown(*graph, plan)
              : *format == OutputFormat::text   ? render_plan_text(*graph, plan, TextStyle{})
                                                : render_plan_json(*graph, plan);
          if (write_file_atomically(path, document)) {
            record = render_batch_written(id, line, name);
          } else {
            any_failed = true;
            Diagnostic d;
            d.message = fmt::format("cannot write '{}'", path);
            record = render_batch_failure(id, line, {d});
          }
        }
      }
    }
    if (to_file) {
      collected += record;
    } else {
      out += record;
      if (out.size() >= (1 << 16)) flush();
    }
  }
  const bool read_failed = std::ferror(input) != 0;
  if (input != stdin) std::fclose(input);
  if (to_file) {
    if (!emit(options.output, collected)) write_failed = true;
  } else {
    flush();
  }
  if (read_failed) {
    print_error(fmt::format("cannot read '{}': {}", input_name, std::strerror(errno)));
    return kDataError;
  }
  if (write_failed) return kDataError;
  return any_failed ? kPartialFailure : kSuccess;
}

}  // namespace mlroadmap::cli
