// The table of subcommands: name, summary, the examples their help ends with, and the
// functions that declare and run each.

#include "commands.hpp"

#include <algorithm>
#include <memory>
#include <type_traits>

namespace mlroadmap::cli {

namespace {

template <typename Options>
Options options_of(void (*setup)(CommandFlags&, Options&));

// Declares a command's flags with `setup` on a fresh options struct, which then lives as long
// as the returned runner, which hands it to `run` (with every command's description when `run`
// asks).
template <auto setup, auto run>
CommandRun declare(CommandFlags& command) {
  using Options = decltype(options_of(setup));
  auto options = std::make_shared<Options>();
  setup(command, *options);
  return [options](const std::vector<CommandInfo>& commands) {
    if constexpr (std::is_invocable_v<decltype(run), const std::vector<CommandInfo>&,
                                      const Options&>) {
      return run(commands, *options);
    } else {
      return run(*options);
    }
  };
}

struct Command {
  std::string_view name;
  std::string_view summary;
  std::vector<Example> examples;
  CommandRun (*declare)(CommandFlags& command);
};

const Command kCommands[] = {
    {"plan",
     "Plan what to learn for a goal: every unmet prerequisite, in order, by stage",
     {{"mlroadmap plan --have python,sql", "Plan for someone who knows Python and SQL"},
      {"mlroadmap plan --goal data-scientist --hours-per-week 10 --start 2027-01-04",
       "Ten hours a week towards Data Scientist, with dates"},
      {"mlroadmap plan --have python,sql -o roadmap.md",
       "Keep the plan as a Markdown document"}},
     declare<setup_plan, run_plan>},
    {"skills",
     "List the skills, by category, with hours and a summary",
     {{"mlroadmap skills", "Every skill, by category"},
      {"mlroadmap skills --category math", "The skills of one category"},
      {"mlroadmap skills --categories", "The categories, with how many skills each holds"}},
     declare<setup_skills, run_skills>},
    {"show",
     "Everything about one skill: summary, prerequisites and why, what it unlocks, resources, "
     "milestone",
     {{"mlroadmap show pytorch", "All about PyTorch"},
      {"mlroadmap show 'linear algebra' --format json", "The same for programs, by name"}},
     declare<setup_show, run_show>},
    {"why",
     "Why a skill is in your plan: the chains from your goal down to it, with reasons",
     {{"mlroadmap why linear-algebra", "Why the default goal needs linear algebra"},
      {"mlroadmap why docker --have python --goal mlops-engineer",
       "Why an MLOps engineer who knows Python still needs Docker"}},
     declare<setup_why, run_why>},
    {"next",
     "What you can start right now, the skills that unlock most of your plan first",
     {{"mlroadmap next --have python,sql", "What to start today, knowing Python and SQL"},
      {"mlroadmap next -n 3 --goal nlp-engineer", "The three best first steps to NLP engineer"}},
     declare<setup_next, run_next>},
    {"roles",
     "The roles: how they differ, what each takes from nothing, pay where known",
     {{"mlroadmap roles", "Every role with its hours and pay"},
      {"mlroadmap roles -q", "Only the role ids, one a line"}},
     declare<setup_roles, run_roles>},
    {"graph",
     "Draw the whole graph by category, or with --goal/--have a plan by stage",
     {{"mlroadmap graph -o graph.dot", "The whole graph for Graphviz"},
      {"mlroadmap graph --goal mlops-engineer --format mermaid",
       "The MLOps engineer plan as a Mermaid diagram"}},
     declare<setup_graph, run_graph>},
    {"validate",
     "Check skill graph files: every error and warning, with file, line and column",
     {{"mlroadmap validate my-graph.json", "Every problem in a graph file"},
      {"mlroadmap validate my-graph.json --format json", "The same for programs"}},
     declare<setup_validate, run_validate>},
    {"merge",
     "Print a graph that extends another merged into one self-contained graph file",
     {{"mlroadmap merge --graph company.json", "The overlay company.json with what it extends"},
      {"mlroadmap merge --graph company.json -o pinned.json", "The same, kept in a file"},
      {"MLROADMAP_GRAPH=company.json mlroadmap merge",
       "The graph every command uses when MLROADMAP_GRAPH names company.json"}},
     declare<setup_merge, run_merge>},
    {"batch",
     "Plan for many people at once: JSON Lines or CSV profiles in, one plan per profile out",
     {{"mlroadmap batch profiles.jsonl", "One JSON plan per line of profiles.jsonl"},
      {"mlroadmap batch profiles.jsonl --out-dir plans --format markdown",
       "One Markdown document per profile in plans/"},
      {"mlroadmap batch people.csv --format csv -o plans.csv",
       "Profiles from a spreadsheet, every step of every plan as one table"}},
     declare<setup_batch, run_batch>},
    {"match",
     "Match skill names as people and exports write them to the graph's skills",
     {{"mlroadmap match Skills.csv", "Which skills of a LinkedIn export the graph knows"},
      {"mlroadmap match names.txt --format csv -o matches.csv",
       "Matched, ambiguous and unknown names as a spreadsheet"}},
     declare<setup_match, run_match>},
    {"report",
     "Add up a cohort's plans: the skills most learners still need, each learner's hours",
     {{"mlroadmap report cohort.csv", "A table of what a cohort still needs"},
      {"mlroadmap report cohort.jsonl --format markdown -o cohort.md",
       "The same as a Markdown document"}},
     declare<setup_report, run_report>},
    {"completions",
     "Print a completion script for bash, zsh or fish",
     {{"source <(mlroadmap completions bash)", "Complete in this bash session"},
      {"mlroadmap completions fish > ~/.config/fish/completions/mlroadmap.fish",
       "Complete in every fish session"}},
     declare<setup_completions, run_completions>},
    {"help",
     "Show the help of the program, or of a command",
     {{"mlroadmap help", "What the program does, and its commands"},
      {"mlroadmap help plan", "Every flag of plan (the same as mlroadmap plan --help)"}},
     declare<setup_help, run_help>},
};

}  // namespace

std::vector<DeclaredCommand> declare_commands(CLI::App& app, std::string_view first) {
  // Help, completions (which describe every command) and anything unknown get them all.
  const bool one = first != "completions" && first != "help" && is_command(first);
  std::vector<DeclaredCommand> declared;
  for (const Command& c : kCommands) {
    if (one && c.name != first) continue;
    CLI::App* command = app.add_subcommand(std::string(c.name), std::string(c.summary));
    CommandFlags flags(*command);
    CommandRun run = c.declare(flags);
    declared.push_back({command, std::move(run),
                        CommandInfo{std::string(c.name), std::string(c.summary),
                                    c.examples, flags.flags()}});
  }
  return declared;
}

bool is_command(std::string_view name) {
  return std::any_of(std::begin(kCommands), std::end(kCommands),
                     [&](const Command& c) { return c.name == name; });
}

std::vector<Example> program_examples() {
  return {{"mlroadmap plan --have python,sql", "Plan for someone who knows Python and SQL"},
          {"mlroadmap next --have python,sql", "What to start today"},
          {"mlroadmap why linear-algebra --goal nlp-engineer",
           "Why an NLP engineer needs linear algebra"}};
}

}  // namespace mlroadmap::cli
