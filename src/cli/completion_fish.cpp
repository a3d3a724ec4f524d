// The fish completion script.

#include <fmt/format.h>

#include "completion_scripts.hpp"

namespace mlroadmap::cli {

namespace {

constexpr std::string_view kHelpers = R"sh(# fish completion for mlroadmap
complete -c mlroadmap -f

# Names the program knows: skills, roles, goals (roles and skills), categories or subjects (all
# three), of the graph
# named by --graph on the line (else MLROADMAP_GRAPH's, else the built-in one).
function __mlroadmap_names --argument-names kind
    set -l tokens (commandline -opc)
    set -l graph
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --graph
                set -q tokens[(math $i + 1)]; and set graph --graph $tokens[(math $i + 1)]
            case '--graph=*'
                set graph --graph (string replace -- --graph= '' $tokens[$i])
        end
    end
    switch $kind
        case categories
            mlroadmap categories -q $graph 2>/dev/null
        case goals
            mlroadmap roles -q $graph 2>/dev/null
            mlroadmap skills -q $graph 2>/dev/null
        case subjects
            mlroadmap skills -q $graph 2>/dev/null
            mlroadmap roles -q $graph 2>/dev/null
            mlroadmap categories -q $graph 2>/dev/null
        case '*'
            mlroadmap $kind -q $graph 2>/dev/null
    end
end

# Names after the last comma of a list, with the list so far in front.
function __mlroadmap_list --argument-names kind
    set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))
    set -l before (string replace -r -- '[^,]*$' '' $token)
    for name in (__mlroadmap_names $kind)
        echo $before$name
    end
end

function __mlroadmap_at_start
    test (count (commandline -opc)) -eq 1
end

# Whether none of the spellings given is on the line before the word being completed. With
# --value first, the word just before it does not count: it is the flag whose value is being
# completed.
function __mlroadmap_unused
    set -l tokens (commandline -opc)
    set -l names $argv
    if test "$argv[1]" = --value
        set -e names[1]
        set -e tokens[-1]
    end
    for token in $tokens[3..-1]
        for name in $names
            test "$token" = $name; and return 1
            string match -q -- "$name=*" $token; and return 1
        end
    end
    return 0
end

)sh";

// The function that tells whether the word being completed is a given argument of a command:
// `__mlroadmap_at show 0` (its first), `__mlroadmap_at validate 0+` (any), or without a
// position whether the command is that one.
std::string position_function(const std::vector<CommandInfo>& commands) {
  std::string out = R"sh(function __mlroadmap_at --argument-names command position
    set -l tokens (commandline -opc)
    test (count $tokens) -ge 2; and test "$tokens[2]" = $command; or return 1
    test -n "$position"; or return 0
    set -l n 0
    set -l skip 0
    set -l only 0
    for token in $tokens[3..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        if test $only = 0
            if test "$token" = --
                set only 1
                continue
            end
            if string match -q -- '-?*' $token
)sh";
  out += fmt::format("                contains -- $token {}; and set skip 1\n",
                     fmt::join(valued_spellings(commands), " "));
  out += R"sh(                continue
            end
        end
        set n (math $n + 1)
    end
    # The word is the value of the flag before it, not an argument.
    test $skip = 0; or return 1
    if string match -q -- '*+' $position
        test $n -ge (string trim -c + -- $position)
    else
        test $n -eq $position
    end
end

)sh";
  return out;
}

// "-x -a '...'": what fish offers for a value of this kind.
std::string value_spec(const Flag& flag, const std::vector<CommandInfo>& commands) {
  switch (flag.takes) {
    case Takes::nothing: return {};
    case Takes::choice: return fmt::format(" -x -a {}", shell_quote(fmt::format("{}", fmt::join(flag.choices, " "))));
    case Takes::skills: return " -x -a '(__mlroadmap_list skills)'";
    case Takes::goals: return " -x -a '(__mlroadmap_list goals)'";
    case Takes::skill: return " -x -a '(__mlroadmap_names skills)'";
    case Takes::subject: return " -x -a '(__mlroadmap_names subjects)'";
    case Takes::category: return " -x -a '(__mlroadmap_names categories)'";
    case Takes::command: return fmt::format(" -x -a {}", shell_quote(command_names(commands)));
    case Takes::file: return " -r -F";
    case Takes::directory: return " -x -a '(__fish_complete_directories)'";
    default: return " -x";  // a number, a size, a date: nothing to offer
  }
}

std::string flag_line(const CommandInfo& command, const Flag& flag,
                      const std::vector<CommandInfo>& commands) {
  std::string names;
  for (const std::string& s : flag.spellings()) {
    const bool is_long = s.starts_with("--");
    names += fmt::format(" {} {}", is_long ? "-l" : "-s", s.substr(is_long ? 2 : 1));
  }
  // A flag that is not repeatable is offered until one of its spellings is given.
  std::string when = "__mlroadmap_at " + command.name;
  if (!flag.repeatable) {
    when += fmt::format("; and __mlroadmap_unused{} {}",
                        flag.takes == Takes::nothing ? "" : " --value",
                        fmt::join(flag.spellings(), " "));
  }
  return fmt::format("complete -c mlroadmap -n {}{}{} -d {}\n", shell_quote(when), names,
                     value_spec(flag, commands), shell_quote(flag.help));
}

std::string argument_line(const CommandInfo& command, const Flag& flag, std::size_t position,
                          const std::vector<CommandInfo>& commands) {
  const std::string when = fmt::format("__mlroadmap_at {} {}{}", command.name, position,
                                       flag.repeatable ? "+" : "");
  std::string spec = value_spec(flag, commands);
  if (flag.takes == Takes::file) spec = " -F";
  if (spec.starts_with(" -x")) spec.replace(0, 3, " -f");
  return fmt::format("complete -c mlroadmap -n {}{}\n", shell_quote(when), spec);
}

}  // namespace

std::string fish_completion(const std::vector<CommandInfo>& commands) {
  std::string out(kHelpers);
  out += position_function(commands);
  out += "complete -c mlroadmap -n __mlroadmap_at_start -s h -l help -d 'Show this help'\n";
  out += "complete -c mlroadmap -n __mlroadmap_at_start -l version -d 'Show the version'\n";
  for (const CommandInfo& c : commands) {
    out += fmt::format("complete -c mlroadmap -n __mlroadmap_at_start -a {} -d {}\n", c.name,
                       shell_quote(c.summary));
  }
  for (const CommandInfo& c : commands) {
    std::size_t position = 0;
    for (const Flag& flag : c.flags) {
      out += flag.positional() ? argument_line(c, flag, position++, commands)
                               : flag_line(c, flag, commands);
    }
  }
  return out;
}

}  // namespace mlroadmap::cli
