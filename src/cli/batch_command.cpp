// mlroadmap batch: one plan per JSON Lines profile, the graph loaded once. A bad line becomes an
// error record and the batch goes on; the exit status says whether any line failed.

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <set>
#include <thread>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/input.hpp"
#include "mlroadmap/profile.hpp"
#include "mlroadmap/render.hpp"
#include "mlroadmap/request.hpp"
#include "mlroadmap/schedule.hpp"

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

// What one profile line comes to: a plan (with the document for --out-dir) or its problems.
struct LineResult {
  std::string id;
  std::optional<Plan> plan;
  std::vector<Diagnostic> problems;
};

LineResult plan_line(const SkillGraph& graph, std::string_view text, const std::string& input) {
  LineResult result;
  if (text.size() > kMaxLineBytes) {
    result.problems.push_back(Diagnostic{
        Severity::error, {}, 0, 0, fmt::format("line longer than {} bytes", kMaxLineBytes), {}});
    return result;
  }
  auto profile = parse_profile(text, input);
  if (!profile) {
    result.problems = std::move(profile.error());
    return result;
  }
  result.id = profile->id.value_or("");
  auto request = resolve_request(graph, *profile);
  if (!request) {
    result.problems = std::move(request.error());
    return result;
  }
  Plan plan = make_plan(graph, *request);
  if (const auto schedule = schedule_problem(plan)) {
    result.problems.push_back(Diagnostic{Severity::error, {}, 0, 0, *schedule, {}});
    return result;
  }
  result.plan = std::move(plan);
  return result;
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

void setup_batch(CLI::App& command, BatchOptions& options) {
  command.add_option("input", options.input, "JSON Lines file of profiles ('-' or none: stdin)")
      ->type_name("FILE");
  command
      .add_option("--out-dir", options.out_dir,
                  "Write one file per profile into DIR (named after its id) instead")
      ->type_name("DIR");
  add_graph_options(command, options.graph);
  add_output_options(command, options.output,
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

  auto input = InputFile::open(options.input);
  if (!input) {
    print_error(input.error().message());
    return kDataError;
  }
  const std::string input_name = options.input == "-" ? "<stdin>" : options.input;
  const bool to_file = !options.output.path.empty() && options.output.path != "-";
  const bool to_dir = !options.out_dir.empty();

  // Lines are read and written in chunks; the lines of a chunk are planned on every core, each
  // worker taking every n-th line, and their records written back in input order.
  const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  constexpr std::size_t kChunkLines = 4096;
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
  std::vector<std::string> records;
  std::vector<std::string> written;  // the chunk being written
  std::vector<char> failed;
  std::set<std::string> used_names;
  std::string collected;  // with -o everything is kept, and the file replaced once, whole
  bool any_failed = false;
  std::atomic<bool> write_failed = false;
  std::thread writer;

  const auto record_for = [&](std::size_t k) {
    const LineResult result = plan_line(*graph, lines[k], input_name);
    if (!result.plan) {
      failed[k] = 1;
      records[k] = render_batch_failure(result.id, numbers[k], result.problems);
      return;
    }
    if (!to_dir) {
      records[k] = render_batch_plan(*graph, *result.plan, result.id, numbers[k]);
      return;
    }
    std::string name = file_stem(result.id, numbers[k]);
    if (!used_names.insert(name).second) {
      name = fmt::format("{}-line-{}", name, numbers[k]);
      used_names.insert(name);
    }
    name += extension(*format);
    const std::string path = (std::filesystem::path(options.out_dir) / name).string();
    const std::string document =
        *format == OutputFormat::markdown ? render_plan_markdown(*graph, *result.plan)
        : *format == OutputFormat::text   ? render_plan_text(*graph, *result.plan, TextStyle{})
                                          : render_plan_json(*graph, *result.plan);
    if (write_file_atomically(path, document)) {
      records[k] = render_batch_written(result.id, numbers[k], name);
    } else {
      failed[k] = 1;
      Diagnostic d;
      d.message = fmt::format("cannot write '{}'", path);
      records[k] = render_batch_failure(result.id, numbers[k], {d});
    }
  };

  const auto run_chunk = [&] {
    records.assign(lines.size(), std::string());
    failed.assign(lines.size(), 0);
    if (to_dir || workers == 1 || lines.size() < 64) {
      // Files are written one at a time: names must be unique in input order.
      for (std::size_t k = 0; k < lines.size(); ++k) record_for(k);
    } else {
      std::vector<std::thread> threads;
      for (unsigned w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
          for (std::size_t k = w; k < lines.size(); k += workers) record_for(k);
        });
      }
      for (std::thread& t : threads) t.join();
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
      any_failed = any_failed || failed[k] != 0;
      if (to_file) collected += records[k];
    }
    if (writer.joinable()) writer.join();  // the previous chunk is out
    if (!to_file && !write_failed) {
      // Written, piece by piece, while the next chunk is planned.
      written = std::move(records);
      writer = std::thread([&] {
        if (!write_stdout(written)) write_failed = true;
      });
    }
    records.clear();
    lines.clear();
    numbers.clear();
  };

  LineReader reader(input->get());
  std::string_view text;
  std::size_t line = 0;
  while (reader.next(text) && !write_failed) {
    ++line;
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    lines.emplace_back(text);
    numbers.push_back(line);
    if (lines.size() == kChunkLines) run_chunk();
  }
  if (!write_failed) run_chunk();
  if (writer.joinable()) writer.join();
  const auto read_failure = input->read_error(input_name);
  if (to_file && !write_failed && !emit(options.output, collected)) write_failed = true;
  if (read_failure) {
    print_error(read_failure->message());
    return kDataError;
  }
  if (write_failed) return kDataError;
  return any_failed ? kPartialFailure : kSuccess;
}

}  // namespace mlroadmap::cli
