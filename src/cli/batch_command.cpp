// mlroadmap batch: one plan per JSON Lines profile, the graph loaded once. A bad line becomes an
// error record and the batch goes on; the exit status says whether any line failed.

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <set>
#include <thread>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/render.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "mlroadmap/threads.hpp"
#include "profile_input.hpp"

namespace mlroadmap::cli {

namespace {

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
    case OutputFormat::csv: return ".csv";
  }
  return ".txt";
}

// The --out-dir directory, made with its parents when it does not exist; false after saying
// why when it cannot be.
bool make_out_dir(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return true;
  if (std::filesystem::exists(path, error)) {
    print_error(fmt::format("--out-dir: '{}' is not a directory", path));
    return false;
  }
  std::filesystem::create_directories(path, error);
  if (error) {
    print_error(fmt::format("--out-dir: cannot create '{}': {}", path, error.message()));
    return false;
  }
  return true;
}

}  // namespace

void setup_batch(CommandFlags& command, BatchOptions& options) {
  add_profile_input_options(command, options.input, "Profiles");
  command.add(options.out_dir, {.names = "--out-dir",
                                .help = "Write one file per profile into DIR (named after its "
                                        "id) instead",
                                .takes = Takes::directory});
  add_graph_options(command, options.graph);
  add_output_options(
      command, options.output,
      {OutputFormat::json, OutputFormat::csv, OutputFormat::markdown, OutputFormat::text});
}

namespace {

// Plans the lines of a batch a chunk at a time and sends their records on in input order: to
// standard output, written while the next chunk is planned; kept for the -o file, replaced once,
// whole; or, with --out-dir, as one file per profile and a record saying where it went.
class BatchRun {
 public:
  BatchRun(const BatchOptions& options, const SkillGraph& graph, OutputFormat format,
           const ProfileSource& source, unsigned workers)
      : options_(options),
        graph_(graph),
        format_(format),
        source_(source),
        workers_(workers),
        to_file_(!options.output.path.empty() && options.output.path != "-"),
        to_dir_(!options.out_dir.empty()) {
    if (format_ != OutputFormat::csv || to_dir_) return;
    // One header for the whole batch, before any profile's rows.
    if (to_file_) {
      collected_ = render_batch_csv_header();
    } else if (!write_stdout(render_batch_csv_header())) {
      write_failed_ = true;
    }
  }
  ~BatchRun() {
    if (writer_.joinable()) writer_.join();
  }
  BatchRun(const BatchRun&) = delete;
  BatchRun& operator=(const BatchRun&) = delete;

  /// Takes a profile line and its 1-based number; a full chunk is planned and sent on.
  void add(const std::string& text, std::size_t number) {
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
  std::size_t profiles() const { return profiles_; }
  std::size_t failed() const { return failed_count_; }

 private:
  static constexpr std::size_t kChunkLines = 4096;

  void record_for(std::size_t k) {
    const PlannedProfile result = plan_profile(graph_, source_.parse(lines_[k], numbers_[k]));
    const bool csv = format_ == OutputFormat::csv && !to_dir_;
    if (!result.plan) {
      failed_[k] = 1;
      records_[k] = csv ? render_batch_csv_failure(result.record_id(), numbers_[k], result.problems)
                        : render_batch_failure(result.record_id(), numbers_[k], result.problems);
    } else if (!to_dir_) {
      records_[k] =
          csv ? render_batch_csv_plan(graph_, *result.plan, result.record_id(), numbers_[k])
              : render_batch_plan(graph_, *result.plan, result.record_id(), numbers_[k]);
    } else {
      write_document(k, result);
    }
  }

  // The plan of line k as a file in --out-dir, named after its id: once only, whatever the
  // ids of other lines.
  void write_document(std::size_t k, const PlannedProfile& result) {
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
        : format_ == OutputFormat::csv    ? render_plan_csv(graph_, *result.plan)
                                          : render_plan_json(graph_, *result.plan);
    if (write_file_atomically(path, document)) {
      records_[k] = render_batch_written(result.record_id(), numbers_[k], name);
    } else {
      failed_[k] = 1;
      records_[k] = render_batch_failure(result.record_id(), numbers_[k],
                                         {Diagnostic{Severity::error,
                                                     {},
                                                     0,
                                                     0,
                                                     fmt::format("cannot write '{}'", path),
                                                     {},
                                                     ErrorCode::write_failed}});
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
    profiles_ += lines_.size();
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      failed_count_ += failed_[k] != 0 ? 1 : 0;
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
  const ProfileSource& source_;
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
  std::size_t profiles_ = 0;
  std::size_t failed_count_ = 0;
  std::atomic<bool> write_failed_ = false;
  std::thread writer_;
};

}  // namespace

int run_batch(const BatchOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  if (options.out_dir.empty() && *format != OutputFormat::json && *format != OutputFormat::csv) {
    print_error("batch writes JSON Lines or CSV to its output; other formats need --out-dir");
    return kUsageError;
  }
  if (!options.out_dir.empty() && !make_out_dir(options.out_dir)) return kDataError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;

  auto source = ProfileSource::open(options.input);
  if (!source) return kDataError;

  // Records are read and written in chunks; the records of a chunk are planned on as many
  // workers as the thread limit allows (MLROADMAP_THREADS, else one per core, at most 8), each
  // taking every n-th record, and their results written back in input order.
  const unsigned workers = std::clamp(thread_limit(), 1u, 8u);
  BatchRun batch(options, *graph, *format, *source, workers);
  std::string record;
  std::size_t line = 0;
  while (!batch.write_failed() && source->next(record, line)) batch.add(record, line);
  batch.finish();
  const auto read_failure = source->read_error();
  const bool written = batch.commit();
  if (read_failure) {
    print_error(read_failure->message());
    return kDataError;
  }
  if (!written) return kDataError;
  if (batch.failed() == 0) return kSuccess;
  print_error(fmt::format("{} of {} profiles failed", batch.failed(), batch.profiles()));
  return kPartialFailure;
}

}  // namespace mlroadmap::cli
