#include "overlay_chain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "mlroadmap/input.hpp"
#include "overlay_doc.hpp"
#include "overlay_references.hpp"

namespace mlroadmap::detail {

namespace {

// More graphs than this extending each other is surely a mistake.
constexpr std::size_t kMaxChain = 32;

struct Link {
  std::uint32_t file;
  OverlayShape shape;
};

class Chain {
 public:
  Chain(const LoadOptions& limits, SourceFile builtin)
      : limits_(limits),
        json_{limits.max_depth, limits.max_string_bytes},
        builtin_(std::move(builtin)) {}

  MergedText merge(std::string_view text, std::string_view file_name);

 private:
  void report(std::uint32_t file, std::size_t offset, std::string message) {
    out_.diagnostics.push_back(SourceMap::identity(files_, file)
                                   .diagnostic(Severity::error, SourcePlace{file, offset},
                                               std::move(message)));
  }
  bool failed() const { return has_errors(out_.diagnostics); }
  bool read(std::uint32_t file);
  std::optional<std::uint32_t> open_base(const Link& link);
  void merge_links();

  LoadOptions limits_;
  JsonLimits json_;
  SourceFile builtin_;
  std::vector<SourceFile> files_;
  std::vector<std::string> identities_;  // what each file is, to find a loop
  std::vector<Link> links_;              // the file given first, then what each extends
  std::optional<GraphShape> root_;
  std::uint32_t root_file_ = 0;
  MergedText out_;
};

// The file as a base (a graph without `extends`, which ends the chain) or as an overlay.
bool Chain::read(std::uint32_t file) {
  const std::string_view text = files_[file].text;
  try {
    GraphShape shape = scan_graph(text, json_);
    if (shape.top.member("extends") == nullptr) {
      root_ = std::move(shape);
      root_file_ = file;
      return true;
    }
    std::vector<ShapeProblem> problems;
    OverlayShape overlay = read_overlay(text, std::move(shape.top), json_, problems);
    for (ShapeProblem& p : problems) report(file, p.offset, std::move(p.message));
    links_.push_back(Link{file, std::move(overlay)});
    return problems.empty();
  } catch (const JsonSyntaxError& e) {
    report(file, e.offset, e.message);
    return false;
  }
}

std::string identity_of(const std::filesystem::path& path) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(path, error);
  return error ? path.lexically_normal().string() : canonical.string();
}

// The graph `link` extends, read and added to the files; nothing after reporting why not.
std::optional<std::uint32_t> Chain::open_base(const Link& link) {
  const SourceFile& from = files_[link.file];
  const std::string& extends = link.shape.extends;
  const std::string name = base_name(from.name, extends, builtin_.name);
  const std::string identity =
      extends == kExtendsBuiltin ? std::string(kExtendsBuiltin) : identity_of(name);
  if (const auto seen = std::find(identities_.begin(), identities_.end(), identity);
      seen != identities_.end()) {
    std::string loop;
    for (auto i = static_cast<std::size_t>(seen - identities_.begin()); i < files_.size(); ++i) {
      loop += fmt::format("{} extends ", files_[i].name);
    }
    report(link.file, link.shape.extends_offset,
           fmt::format("'extends' makes a loop: {}{}", loop, name));
    return std::nullopt;
  }
  if (links_.size() >= kMaxChain) {
    report(link.file, link.shape.extends_offset,
           fmt::format("more than {} graphs extend one another", kMaxChain));
    return std::nullopt;
  }
  std::string_view text = builtin_.text;
  if (extends != kExtendsBuiltin) {
    auto read = read_input(name, limits_.max_file_bytes);
    if (!read) {
      report(link.file, link.shape.extends_offset,
             fmt::format("the graph it extends cannot be read: {}", read.error().message()));
      return std::nullopt;
    }
    out_.owned.push_back(std::move(*read));
    text = out_.owned.back();
  }
  files_.push_back(SourceFile{std::move(name), text});
  identities_.push_back(std::move(identity));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

// The overlays laid over the first base one after another, the last given last.
void Chain::merge_links() {
  std::string merged;
  std::string_view base = files_[root_file_].text;
  SourceMap base_map = SourceMap::identity(files_, root_file_);
  GraphShape shape = std::move(*root_);
  if (links_.empty()) merged = std::string(base);  // extends nothing: itself
  for (auto link = links_.rbegin(); link != links_.rend(); ++link) {
    if (link != links_.rbegin()) shape = scan_graph(base, json_);
    const SourceMap overlay_map = SourceMap::identity(files_, link->file);
    const StepInput input{base,         base_map,    shape, files_[link->file].text,
                          overlay_map, link->file, link->shape, json_};
    StepResult step = apply_overlay(input, out_.diagnostics);
    if (failed()) return;
    step.merged.map().set_files(files_);
    Splice dropped = drop_references(step.merged.text(), step.merged.map(), step.removals, json_,
                                     limits_.lint, out_.diagnostics);
    if (failed()) return;
    merged = std::move(dropped.text());
    base = merged;
    base_map = std::move(dropped.map());
    base_map.set_files(files_);
  }
  out_.text = std::move(merged);
  out_.map = std::move(base_map);
}

MergedText Chain::merge(std::string_view text, std::string_view file_name) {
  files_.push_back(SourceFile{std::string(file_name), text});
  identities_.push_back(file_name.empty() || file_name.front() == '<'
                            ? std::string(file_name)
                            : identity_of(std::filesystem::path(file_name)));
  std::uint32_t current = 0;
  while (read(current) && !root_) {
    const auto next = open_base(links_.back());
    if (!next) break;
    current = *next;
  }
  if (root_ && !failed()) {
    try {
      merge_links();
    } catch (const JsonSyntaxError& e) {
      // The pieces were all read once already; only a limit (depth) can be met again here.
      out_.diagnostics.push_back(Diagnostic{Severity::error, std::string(file_name), 0, 0,
                                            fmt::format("merged graph: {}", e.message), {}});
    }
  }
  out_.map.set_files(files_);
  return std::move(out_);
}

}  // namespace

MergedText merge_overlays(std::string_view text, std::string_view file_name,
                          const LoadOptions& limits, SourceFile builtin) {
  return Chain(limits, std::move(builtin)).merge(text, file_name);
}

std::string base_name(std::string_view from, std::string_view extends,
                      std::string_view builtin) {
  if (extends == kExtendsBuiltin) return std::string(builtin);
  std::filesystem::path path(extends);
  const bool real_file = !from.empty() && from.front() != '<';
  if (path.is_relative() && real_file) path = std::filesystem::path(from).parent_path() / path;
  return path.lexically_normal().string();
}

void sort_by_place(std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& files) {
  const auto rank = [&files](const Diagnostic& d) {
    std::size_t file = files.size();
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i].name == d.file) file = i;
    }
    return d.line == 0 ? std::tuple(file, UINT32_MAX, UINT32_MAX)
                       : std::tuple(file, d.line, d.column);
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&rank](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
}

}  // namespace mlroadmap::detail
