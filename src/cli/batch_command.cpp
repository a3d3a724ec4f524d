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
#include "mlroadmap/progress.hpp"
#include "mlroadmap/render.hpp"
#include "mlroadmap/request.hpp"
#include "mlroadmap/schedule.hpp"
#include "mlroadmap/threads.hpp"

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
  // Marks come inline only, and move no dates: a batch never reads personal state or the clock.
  if (profile->progress) {
    follow_progress(*request, replay_progress(graph, *profile->progress), std::nullopt);
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

void setup_batch(CommandFlags& command, BatchOptions& options) {
  command.add(options.input, {.names = "input",
                              .help = "JSON Lines file of profiles ('-' or none: stdin)",
                              .takes = Takes::file});
  command.add(options.out_dir, {.names = "--out-dir",
                                .help = "Write one file per profile into DIR (named after its "
                                        "id) instead",
                                .takes = Takes::directory});
  add_graph_options(command, options.graph);
  add_output_options(command, options.output,
                     {OutputFormat::json, OutputFormat::markdown, OutputFormat::text});
}

namespace {

// Plans the lines of a batch a chunk at a time and sends their records on in input order: to
// standard output, written while the next chunk is planned; kept for the -o file, replaced once,
// whole; or, with --out-dir, as one file per profile and a record saying where it went.
class BatchRun {
 public:
  BatchRun(const BatchOptions& options, const SkillGraph& graph, OutputFormat format,
           std::string input_name, unsigned workers)
      : options_(options),
        graph_(graph),
        format_(format),
        input_name_(std::move(input_name)),
        workers_(workers),
        to_file_(!options.output.path.empty() && options.output.path != "-"),
        to_dir_(!options.out_dir.empty()) {}
  ~BatchRun() {
    if (writer_.joinable()) writer_.join();
  }
  BatchRun(const BatchRun&) = delete;
  BatchRun& operator=(const BatchRun&) = delete;

  /// Takes a profile line and its 1-based number; a full chunk is planned and sent on.
  void add(std::string_view text, std::size_t number) {
    lines_.emplace_back(text);
    numbers_.push_back(number);
    if (lines_.size() == kChunkLines) run_chunk();
  }

  /// Plans the lines left and waits until every record has been written.
  void finish() {
    if (!write_failed_) run_chunk();
    if (writer_.joinable()) writer_.join();
  }

  /// Replaces the -o file with every record; false when any writing failed.
  bool commit() {
    if (to_file_ && !write_failed_ && !emit(options_.output, collected_)) write_failed_ = true;
    return !write_failed_;
  }

  bool write_failed() const { return write_failed_; }
  bool any_failed() const { return any_failed_; }

 private:
  static constexpr std::size_t kChunkLines = 4096;

  void record_for(std::size_t k) {
    const LineResult result = plan_line(graph_, lines_[k], input_name_);
    if (!result.plan) {
      failed_[k] = 1;
      records_[k] = render_batch_failure(result.id, numbers_[k], result.problems);
    } else if (!to_dir_) {
      records_[k] = render_batch_plan(graph_, *result.plan, result.id, numbers_[k]);
    } else {
      write_document(k, result);
    }
  }

  // The plan of line k as a file in --out-dir, named after its id: once only, whatever the
  // ids of other lines.
  void write_document(std::size_t k, const LineResult& result) {
    std::string name = file_stem(result.id, numbers_[k]);
    if (!used_names_.insert(name).second) {
      name = fmt::format("{}-line-{}", name, numbers_[k]);
      used_names_.insert(name);
    }
    name += extension(format_);
    const std::string path = (std::filesystem::path(options_.out_dir) / name).string();
    const std::string document =
        format_ == OutputFormat::markdown ? render_plan_markdown(graph_, *result.plan)
        : format_ == OutputFormat::text   ? render_plan_text(graph_, *result.plan, TextStyle{})
                                          : render_plan_json(graph_, *result.plan);
    if (write_file_atomically(path, document)) {
      records_[k] = render_batch_written(result.id, numbers_[k], name);
    } else {
      failed_[k] = 1;
      Diagnostic d;
      d.message = fmt::format("cannot write '{}'", path);
      records_[k] = render_batch_failure(result.id, numbers_[k], {d});
    }
  }

  // The lines of a chunk are planned on every worker, each taking every n-th line.
  void plan_chunk() {
    records_.assign(lines_.size(), std::string());
    failed_.assign(lines_.size(), 0);
    if (to_dir_ || workers_ == 1 || lines_.size() < 64) {
      // Files are written one at a time: names must be unique in input order.
      for (std::size_t k = 0; k < lines_.size(); ++k) record_for(k);
      return;
    }
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers_; ++w) {
      threads.emplace_back([this, w] {
        OneThreadHere here;  // the workers are the threads: each plan stays on its worker
        for (std::size_t k = w; k < lines_.size(); k += workers_) record_for(k);
      });
    }
    for (std::thread& t : threads) t.join();
  }

  void run_chunk() {
    plan_chunk();
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      any_failed_ = any_failed_ || failed_[k] != 0;
      if (to_file_) collected_ += records_[k];
    }
    if (writer_.joinable()) writer_.join();  // the previous chunk is out
    if (!to_file_ && !write_failed_) {
      // Written, piece by piece, while the next chunk is planned.
      written_ = std::move(records_);
      writer_ = std::thread([this] {
        if (!write_stdout(written_)) write_failed_ = true;
      });
    }
    records_.clear();
    lines_.clear();
    numbers_.clear();
  }

  const BatchOptions& options_;
  const SkillGraph& graph_;
  const OutputFormat format_;
  const std::string input_name_;
  const unsigned workers_;
  const bool to_file_;
  const bool to_dir_;
  std::vector<std::string> lines_;
  std::vector<std::size_t> numbers_;
  std::vector<std::string> records_;
  std::vector<std::string> written_;  // the chunk being written
  std::vector<char> failed_;
  std::set<std::string> used_names_;
  std::string collected_;  // with -o everything is kept, and the file replaced once, whole
  bool any_failed_ = false;
  std::atomic<bool> write_failed_ = false;
  std::thread writer_;
};

}  // namespace

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

  // Lines are read and written in chunks; the lines of a chunk are planned on as many workers
  // as the thread limit allows (MLROADMAP_THREADS, else one per core, at most 8), each taking
  // every n-th line, and their records written back in input order.
  const unsigned workers = std::clamp(thread_limit(), 1u, 8u);
  BatchRun batch(options, *graph, *format, input_name, workers);
  LineReader reader(input->get());
  std::string_view text;
  std::size_t line = 0;
  while (reader.next(text) && !batch.write_failed()) {
    ++line;
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    batch.add(text, line);
  }
  batch.finish();
  const auto read_failure = input->read_error(input_name);
  const bool written = batch.commit();
  if (read_failure) {
    print_error(read_failure->message());
    return kDataError;
  }
  if (!written) return kDataError;
  return batch.any_failed() ? kPartialFailure : kSuccess;
}

}  // namespace mlroadmap::cli
