#include "split_parse.hpp"

#include <fmt/format.h>

#include "graph_parser.hpp"
#include "json_object.hpp"
#include "machinery.hpp"

namespace mlroadmap::detail {

// What the helper reads with: the same text and limits, a reader that starts inside the skills
// array of the document object, messages of its own (any one of them makes its part unused).
struct SkillsTail::Part {
  Part(std::string_view text, std::size_t start, const GraphBuilder& whole,
       const LoadOptions& limits, const MappedFile* mapped)
      : json(text, JsonLimits{limits.max_depth, limits.max_string_bytes}, start, 2),
        messages(text, {}, limits.max_errors),
        builder(text, limits.text_outlives_graph),
        parser(json, messages, builder, limits, mapped) {
    builder.copy_categories(whole);
  }
  JsonReader json;
  Messages messages;
  GraphBuilder builder;
  GraphParser parser;
  std::size_t end = 0;  // past the array, once the helper read to its end cleanly
};

SkillsTail::SkillsTail(std::string_view text, std::size_t first, const GraphBuilder& whole,
                       const LoadOptions& limits, const MappedFile* mapped) {
  // The first element: its line's indentation is what the helper's first line must have.
  first = text.find_first_not_of(" \t\r\n", first);
  if (first == std::string_view::npos || text[first] != '{' ||
      text.size() - first < kTextWorthAThread || thread_budget() < 2) {
    return;
  }
  const std::size_t line = text.rfind('\n', first);
  if (line == std::string_view::npos) return;
  const std::string_view indent = text.substr(line + 1, first - line - 1);
  if (indent.find_first_not_of(" \t") != std::string_view::npos) return;
  const std::string pattern = fmt::format("\n{}{{", indent);
  const std::size_t found = text.find(pattern, first + (text.size() - first) * 47 / 100);
  if (found == std::string_view::npos) return;
  start_ = found + pattern.size() - 1;
  part_ = std::make_unique<Part>(text, start_, whole, limits, mapped);
  thread_ = std::jthread([part = part_.get()](std::stop_token stop) {
    OneThreadHere mark;
    try {
      if (part->parser.parse_skills_to_end(stop)) part->end = part->json.offset();
    } catch (...) {
      // A syntax error, too many errors, or no memory: the other thread meets it again itself.
    }
  });
}

SkillsTail::~SkillsTail() = default;

bool SkillsTail::take(GraphBuilder& builder, JsonReader& json) {
  thread_.join();
  if (part_->end == 0 || !part_->messages.diagnostics().empty()) return false;
  builder.append(part_->builder);
  json.resume_after_container(part_->end);
  return true;
}

}  // namespace mlroadmap::detail
