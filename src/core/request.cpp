#include "mlroadmap/request.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mlroadmap/names.hpp"

namespace mlroadmap {

namespace {

Diagnostic problem(std::string message, ErrorCode code = ErrorCode::bad_value) {
  return Diagnostic{Severity::error, {}, 0, 0, std::move(message), {}, code};
}

// Exactness, pace and start date, the flags winning over the profile; what is wrong, if any.
std::optional<Diagnostic> resolve_settings(const Profile& profile, const RequestFlags& flags,
                                           PlanRequest& request) {
  request.exact = flags.exact.value_or(profile.exact.value_or(false));
  request.hours_per_week = flags.hours_per_week.value_or(profile.hours_per_week.value_or(0));
  if (!flags.start.empty()) {
    request.start = parse_date(flags.start);
    if (!request.start) {
      return problem(fmt::format("--start: '{}' is not a date as YYYY-MM-DD", flags.start));
    }
  } else {
    request.start = profile.start;
  }
  // A profile's start always comes with its pace, so only a --start flag can lack one.
  if (request.start && request.hours_per_week <= 0) {
    return problem("--start needs a pace: give --hours-per-week too");
  }
  return std::nullopt;
}

void resolve_have(const SkillGraph& graph, const std::vector<std::string>& names,
                  PlanRequest& request, std::vector<Diagnostic>& problems) {
  for (const std::string& name : names) {
    if (const auto skill = resolve_skill(graph, name)) {
      request.have.push_back(*skill);
    } else {
      problems.push_back(problem(skill.error(), ErrorCode::unknown_skill));
    }
  }
}

void resolve_goals(const SkillGraph& graph, const std::vector<std::string>& names,
                   PlanRequest& request, std::vector<Diagnostic>& problems) {
  for (const std::string& name : names) {
    const auto goal = resolve_goal(graph, name);
    if (!goal) {
      problems.push_back(problem(goal.error(), ErrorCode::unknown_goal));
    } else if (std::find(request.goals.begin(), request.goals.end(), *goal) ==
               request.goals.end()) {
      request.goals.push_back(*goal);
    }
  }
}

// `label` names where the names come from, for messages: the flag or the profile's field.
void resolve_prefer(const SkillGraph& graph, const std::vector<std::string>& names,
                    std::string_view label, PlanRequest& request,
                    std::vector<Diagnostic>& problems) {
  for (const std::string& name : names) {
    const auto skill = resolve_skill(graph, name);
    if (!skill) {
      problems.push_back(
          problem(fmt::format("{}: {}", label, skill.error()), ErrorCode::unknown_skill));
    } else if (std::find(request.prefer.begin(), request.prefer.end(), *skill) ==
               request.prefer.end()) {
      request.prefer.push_back(*skill);
    }
  }
}

const std::vector<std::string>& or_none(const std::optional<std::vector<std::string>>& names) {
  static const std::vector<std::string> kNone;
  return names ? *names : kNone;
}

}  // namespace

std::expected<PlanRequest, std::vector<Diagnostic>> resolve_request(const SkillGraph& graph,
                                                                    const Profile& profile,
                                                                    const RequestFlags& flags) {
  PlanRequest request;
  if (auto wrong = resolve_settings(profile, flags, request)) {
    return std::unexpected(std::vector<Diagnostic>{std::move(*wrong)});
  }
  std::vector<Diagnostic> problems;
  resolve_have(graph, or_none(flags.have ? flags.have : profile.have), request, problems);
  resolve_goals(graph, flags.goals.empty() ? or_none(profile.goals) : flags.goals, request,
                problems);
  if (flags.prefer.empty()) {
    resolve_prefer(graph, or_none(profile.prefer), "prefer", request, problems);
  } else {
    resolve_prefer(graph, flags.prefer, "--prefer", request, problems);
  }
  if (!problems.empty()) return std::unexpected(std::move(problems));
  return request;
}

}  // namespace mlroadmap
