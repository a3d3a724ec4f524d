// mlroadmap report: the profiles of a cohort planned and added up, which skills most learners
// still need and how many hours each learner has ahead.

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "mlroadmap/cohort.hpp"
#include "mlroadmap/render_pipeline.hpp"
#include "mlroadmap/threads.hpp"
#include "profile_input.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::size_t kChunkRecords = 4096;

struct Record {
  std::string text;
  std::size_t line;
};

// Plans records [begin, end) of a chunk into a tally of their own.
void tally_range(const SkillGraph& graph, const ProfileSource& source,
                 const std::vector<Record>& records, std::size_t begin, std::size_t end,
                 CohortTally& tally) {
  for (std::size_t k = begin; k < end; ++k) {
    PlannedProfile planned =
        plan_profile(graph, source.parse(records[k].text, records[k].line), false);
    if (!planned.plan) {
      tally.add_failure();
      continue;
    }
    tally.add_plan(*planned.plan, CohortLearner{std::move(planned.id), planned.id_is_number});
  }
}

// A chunk planned on the workers, each a contiguous part, joined in input order.
void tally_chunk(const SkillGraph& graph, const ProfileSource& source,
                 const std::vector<Record>& records, unsigned workers, CohortTally& total) {
  if (workers == 1 || records.size() < 64) {
    tally_range(graph, source, records, 0, records.size(), total);
    return;
  }
  std::vector<CohortTally> parts(workers, CohortTally(graph));
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      OneThreadHere here;
      tally_range(graph, source, records, records.size() * w / workers,
                  records.size() * (w + 1) / workers, parts[w]);
    });
  }
  for (std::thread& t : threads) t.join();
  for (CohortTally& part : parts) total.join(std::move(part));
}

}  // namespace

void setup_report(CommandFlags& command, ReportOptions& options) {
  add_profile_input_options(command, options.input, "Profiles of the cohort");
  add_graph_options(command, options.graph);
  add_output_options(
      command, options.output,
      {OutputFormat::text, OutputFormat::json, OutputFormat::csv, OutputFormat::markdown});
}

int run_report(const ReportOptions& options) {
  const auto format = resolve_format(options.output);
  if (!format) return kUsageError;
  const auto graph = load_graph_for(options.graph);
  if (!graph) return kDataError;
  auto source = ProfileSource::open(options.input);
  if (!source) return kDataError;

  const unsigned workers = std::clamp(thread_limit(), 1u, 8u);
  CohortTally tally(*graph);
  std::vector<Record> records;
  Record record;
  while (source->next(record.text, record.line)) {
    records.push_back(std::move(record));
    if (records.size() == kChunkRecords) {
      tally_chunk(*graph, *source, records, workers, tally);
      records.clear();
    }
  }
  tally_chunk(*graph, *source, records, workers, tally);
  if (const auto failure = source->read_error()) {
    print_error(failure->message());
    return kDataError;
  }
  const CohortReport report = tally.finish();
  std::string out;
  switch (*format) {
    case OutputFormat::json: out = render_report_json(*graph, report); break;
    case OutputFormat::csv: out = render_report_csv(*graph, report); break;
    case OutputFormat::markdown: out = render_report_markdown(*graph, report); break;
    default: out = render_report_text(*graph, report, text_style(options.output)); break;
  }
  if (!emit(options.output, out)) return kDataError;
  if (report.failed == 0) return kSuccess;
  print_error(fmt::format("{} of {} profiles failed", report.failed, report.profiles));
  return kPartialFailure;
}

}  // namespace mlroadmap::cli
