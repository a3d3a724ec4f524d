#include "profile_input.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "mlroadmap/progress.hpp"
#include "mlroadmap/request.hpp"
#include "mlroadmap/schedule.hpp"
#include "output.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::size_t kMaxRecordBytes = 1 << 20;

Diagnostic record_problem(std::string message, ErrorCode code) {
  return Diagnostic{Severity::error, {}, 0, 0, std::move(message), {}, code};
}

}  // namespace

void add_profile_input_options(CommandFlags& command, ProfileInputOptions& options,
                               std::string_view what) {
  command.add(
      options.path,
      {.names = "input",
       .help = fmt::format("{}: JSON Lines, or CSV with a header row ('-' or none: stdin)", what),
       .takes = Takes::file});
  command.add(options.format,
              {.names = "--input-format",
               .help = "How the profiles are written (default: csv for a .csv file, else jsonl)"},
              std::vector<std::pair<std::string, ProfileFormat>>{{"jsonl", ProfileFormat::jsonl},
                                                                 {"csv", ProfileFormat::csv}});
}

PlannedProfile plan_profile(const SkillGraph& graph, ProfileRead read, bool links) {
  PlannedProfile result;
  result.id = read.profile.id.value_or("");
  result.id_is_number = read.profile.id_is_number;
  if (!read.problems.empty()) {
    result.problems = std::move(read.problems);
    return result;
  }
  auto request = resolve_request(graph, read.profile);
  if (!request) {
    result.problems = std::move(request.error());
    return result;
  }
  request->links = links;
  // Marks come inline only, and move no dates: a pipeline never reads personal state or the
  // clock.
  if (read.profile.progress) {
    follow_progress(*request, replay_progress(graph, *read.profile.progress), std::nullopt);
  }
  Plan plan = make_plan(graph, *request);
  if (const auto schedule = schedule_problem(plan)) {
    result.problems.push_back(record_problem(*schedule, ErrorCode::unschedulable));
    return result;
  }
  result.plan = std::move(plan);
  return result;
}

std::optional<ProfileSource> ProfileSource::open(const ProfileInputOptions& options) {
  auto input = InputFile::open(options.path);
  if (!input) {
    print_error(input.error().message());
    return std::nullopt;
  }
  ProfileSource source(std::move(*input), options.path == "-" ? "<stdin>" : options.path);
  source.from_stdin_ = options.path == "-";
  const bool csv = options.format == ProfileFormat::csv ||
                   (options.format == ProfileFormat::automatic && options.path.size() > 4 &&
                    strcasecmp(options.path.c_str() + options.path.size() - 4, ".csv") == 0);
  if (!csv) {
    source.note_when_waiting("JSON Lines, one object a line");
    return source;
  }
  source.note_when_waiting("CSV with a header row");
  std::string_view header;
  if (!source.next_line(header)) {
    source.columns_ = CsvProfileColumns{};  // an empty file: no profiles
    source.rows_.emplace(source.columns_->delimiter, kMaxRecordBytes);
    return source;
  }
  auto columns = read_csv_profile_header(header, source.name_);
  if (!columns) {
    print_diagnostics({columns.error()});
    return std::nullopt;
  }
  source.rows_.emplace(columns->delimiter, kMaxRecordBytes);
  source.columns_ = std::move(*columns);
  return source;
}

ProfileSource::ProfileSource(ProfileSource&& other) noexcept
    : input_(std::move(other.input_)),
      name_(std::move(other.name_)),
      columns_(std::move(other.columns_)),
      rows_(std::move(other.rows_)),
      buffer_(other.buffer_),
      capacity_(other.capacity_),
      line_(other.line_),
      from_stdin_(other.from_stdin_) {
  other.buffer_ = nullptr;
  other.capacity_ = 0;
}

ProfileSource::~ProfileSource() { std::free(buffer_); }

void ProfileSource::note_when_waiting(std::string_view format) const {
  if (!from_stdin_ || ::isatty(STDIN_FILENO) == 0) return;
  print_note(fmt::format("reading profiles ({}) from standard input; end with Ctrl-D", format));
}

bool ProfileSource::next_line(std::string_view& line) {
  const ssize_t n = ::getline(&buffer_, &capacity_, input_.get());
  if (n < 0) return false;
  std::size_t size = static_cast<std::size_t>(n);
  if (size > 0 && buffer_[size - 1] == '\n') --size;
  if (size > 0 && buffer_[size - 1] == '\r') --size;
  line = std::string_view(buffer_, size);
  if (++line_ == 1) line = without_bom(line);
  return true;
}

bool ProfileSource::next(std::string& record, std::size_t& line) {
  std::string_view text;
  if (!rows_) {
    while (next_line(text)) {
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
      record.assign(text);
      line = line_;
      return true;
    }
    return false;
  }
  // A CSV row goes on over line breaks inside quotes, up to the end of the input.
  bool ended = false;
  while (!ended && next_line(text)) ended = rows_->take(text, line_);
  if (!ended && !rows_->finish()) return false;
  record = rows_->record();
  line = rows_->first_line();
  return true;
}

ProfileRead ProfileSource::parse(std::string_view record, std::size_t line) const {
  if (record.size() > kMaxRecordBytes) {
    ProfileRead read;
    read.problems.push_back(record_problem(
        fmt::format("{} longer than {} bytes", columns_ ? "row" : "line", kMaxRecordBytes),
        ErrorCode::line_too_long));
    return read;
  }
  if (columns_) return read_csv_profile(*columns_, record, name_, line);
  return read_profile(record, name_);
}

}  // namespace mlroadmap::cli
