#pragma once
// The profiles batch and report read: JSON Lines, or CSV with a header row (a file ending in
// .csv, or --input-format csv), one record at a time, and each planned on its own.

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "flags.hpp"
#include "mlroadmap/csv.hpp"
#include "mlroadmap/graph.hpp"
#include "mlroadmap/input.hpp"
#include "mlroadmap/plan.hpp"
#include "mlroadmap/profile.hpp"
#include "mlroadmap/render.hpp"

namespace mlroadmap::cli {

enum class ProfileFormat { automatic, jsonl, csv };

struct ProfileInputOptions {
  std::string path = "-";
  ProfileFormat format = ProfileFormat::automatic;
};
/// The input positional (`what` says what it holds) and --input-format.
void add_profile_input_options(CommandFlags& command, ProfileInputOptions& options,
                               std::string_view what);

/// What one profile came to: a plan or its problems, and its id either way when it has one.
struct PlannedProfile {
  std::string id;
  bool id_is_number = false;
  std::optional<Plan> plan;
  std::vector<Diagnostic> problems;

  RecordId record_id() const { return RecordId{id, id_is_number}; }
};
/// Plans a profile as read; `links`: whether the plan needs what each step waits for.
PlannedProfile plan_profile(const SkillGraph& graph, ProfileRead read, bool links = true);

/// Reads the profiles of an input record by record: a JSON Lines line, or a CSV row (which
/// may go on over several lines inside quotes). Blank lines are skipped.
class ProfileSource {
 public:
  /// The input the options name, its CSV header read; nullopt after saying what is wrong.
  static std::optional<ProfileSource> open(const ProfileInputOptions& options);

  ProfileSource(ProfileSource&&) noexcept;
  ProfileSource& operator=(ProfileSource&&) = delete;
  ~ProfileSource();

  /// The next record and the line it starts on; false at the end.
  bool next(std::string& record, std::size_t& line);
  /// The profile in a record, or its problems. Safe to call from several threads.
  ProfileRead parse(std::string_view record, std::size_t line) const;
  /// The error reading met, if any; print it and end with status 1.
  std::optional<InputError> read_error() const { return input_.read_error(name_); }
  bool csv() const { return columns_.has_value(); }
  /// Tells a person at a terminal that profiles are awaited on standard input.
  void note_when_waiting(std::string_view command) const;

 private:
  ProfileSource(InputFile input, std::string name)
      : input_(std::move(input)), name_(std::move(name)) {}
  bool next_line(std::string_view& line);

  InputFile input_;
  std::string name_;
  std::optional<CsvProfileColumns> columns_;
  std::optional<CsvRecordReader> rows_;  ///< with columns_
  char* buffer_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t line_ = 0;
  bool from_stdin_ = false;
};

}  // namespace mlroadmap::cli
