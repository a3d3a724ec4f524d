#include "document_origin.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

namespace mlroadmap::cli {

namespace {

bool is_safe_in_shell(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

std::string dollar_quote(std::string_view word) {
  std::string out = "$'";
  for (const char c : word) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (is_control(c)) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "'";
}

// `word` as a POSIX shell reads it back: as it is when it holds only safe characters, else in
// single quotes, or as $'...' when it holds control characters.
std::string command_word(std::string_view word) {
  if (word.empty()) return "''";
  bool safe = true;
  bool control = false;
  for (const char c : word) {
    safe = safe && is_safe_in_shell(c);
    control = control || is_control(c);
  }
  if (safe) return std::string(word);
  if (control) return dollar_quote(word);
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A file as the document names it: never a directory of the machine it was made on.
std::string file_name(const std::string& path) {
  const std::filesystem::path p(path);
  return p.is_absolute() ? p.filename().string() : path;
}

// The words of the command, added one flag at a time.
struct CommandLine {
  std::string text = "mlroadmap plan";
  void add(std::string_view flag) { text += fmt::format(" {}", flag); }
  void add(std::string_view flag, std::string_view value) {
    text += fmt::format(" {} {}", flag, command_word(value));
  }
};

void add_plan_inputs(CommandLine& command, const PlanInputOptions& input) {
  for (const std::string& have : input.have) command.add("--have", have);
  for (const std::string& file : input.have_files) command.add("--have-file", file_name(file));
  for (const std::string& goal : input.goals) command.add("--goal", goal);
  for (const std::string& prefer : input.prefer) command.add("--prefer", prefer);
  if (input.exact_flag != nullptr && input.exact_flag->count() > 0) {
    command.add(input.exact ? "--exact" : "--no-exact");
  }
  if (input.pace_option != nullptr && input.pace_option->count() > 0) {
    command.add("--hours-per-week", fmt::format("{}", input.hours_per_week));
  }
  if (!input.start.empty()) command.add("--start", input.start);
}

// The profile and progress file that shaped the plan: named on the command line (then the
// command names them too) or found where the learner keeps them (then a note says so, since
// the command reads them again only where they exist).
void add_learner_files(CommandLine& command, DocumentOrigin& origin,
                       const PlanInputOptions& input, const Sources& sources) {
  // Left out on purpose, they stay out when the command runs again on another machine.
  if (input.no_profile) command.add("--no-profile");
  if (input.no_progress) command.add("--no-progress");
  if (!sources.profile.empty()) {
    const std::string profile = input.profile == "-" ? "-" : file_name(sources.profile);
    if (!input.profile.empty()) command.add("--profile", profile);
    origin.notes.push_back(fmt::format(
        "{} {} shaped the plan too: its lists add to the command's, its single values give way "
        "to the command's.",
        input.profile.empty() ? "The default profile," : "The profile",
        input.profile.empty() ? profile + "," : profile));
  }
  if (!sources.progress.empty()) {
    const std::string progress = file_name(sources.progress);
    if (!input.progress.empty()) command.add("--progress", progress);
    origin.notes.push_back(fmt::format(
        "{} {} took out what is done or skipped and marked what is being learned.",
        input.progress.empty() ? "The default progress file," : "The progress file",
        input.progress.empty() ? progress + "," : progress));
  }
}

}  // namespace

DocumentOrigin document_origin(const PlanOptions& options, const Sources& sources) {
  DocumentOrigin origin;
  CommandLine command;
  add_plan_inputs(command, options.input);
  add_learner_files(command, origin, options.input, sources);
  const std::string graph = graph_path(options.graph);
  if (!graph.empty()) {
    command.add("--graph", file_name(graph));
    if (options.graph.path.empty()) {
      origin.notes.push_back(fmt::format(
          "The graph {} was named by the MLROADMAP_GRAPH variable; the command names it with "
          "--graph.",
          file_name(graph)));
    }
  }
  command.add("--format", "markdown");
  if (!options.output.path.empty() && options.output.path != "-") {
    command.add("-o", file_name(options.output.path));
  }
  origin.command = std::move(command.text);
  return origin;
}

}  // namespace mlroadmap::cli
