#pragma once
// The numbered table of steps that `plan` and `next` print: a name column that wraps long
// names inside itself, columns of fixed width after it, and a last column that gives way on a
// narrow terminal.

#include <cstddef>
#include <string>
#include <vector>

#include "render_shared.hpp"

namespace mlroadmap::detail {

struct TableRow {
  std::size_t number = 0;
  std::string name;                ///< shown in bold
  std::string extra;               ///< plain words after the name: " (goal) [project]"
  std::vector<std::string> cells;  ///< after the name, right-aligned in columns as wide as their widest cell
  std::string last;                ///< the last column: cut with "…" when the width is short
};

struct TableLayout {
  std::size_t width = 80;  ///< the terminal's columns
  bool unwrapped = false;  ///< one line a row whatever the width, nothing cut
};

/// Where each column of a table starts and how wide it is.
class StepTable {
 public:
  StepTable(const std::vector<TableRow>& rows, TableLayout layout);

  /// The row's lines, each ending in a newline.
  std::string render(const TableRow& row, const Painter& paint) const;

  /// Where names start: continuation lines under a row are indented this far.
  std::size_t indent() const { return indent_; }

 private:
  std::size_t number_ = 1;
  std::size_t indent_ = 5;
  std::size_t name_ = 0;
  std::vector<std::size_t> cells_;
  std::size_t last_ = 0;
  bool unwrapped_ = false;
};

}  // namespace mlroadmap::detail
