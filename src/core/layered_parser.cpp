// The graph parser's reading under a layer (an overlay laid over the graph as it is read):
// each item the layer changes is dropped or read from the layer's text instead, and the
// layer's own items come after the graph's.
#include <fmt/format.h>

#include <optional>

#include "graph_parser.hpp"

namespace mlroadmap::detail {

namespace {

// The id of the object at `at` when it is its first member, written plainly; else nothing.
std::optional<std::string_view> leading_id(std::string_view text, std::size_t at) {
  const char* p = text.data() + at;
  const char* const end = text.data() + text.size();
  const auto next = [&p, end] {  // the next byte that is not white space, or 0
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    return p < end ? *p++ : '\0';
  };
  if (next() != '{' || next() != '"' || end - p < 3 || p[0] != 'i' || p[1] != 'd' ||
      p[2] != '"') {
    return std::nullopt;
  }
  p += 3;
  if (next() != ':' || next() != '"') return std::nullopt;
  const char* const start = p;
  while (p < end && *p != '"' && *p != '\\') ++p;
  if (p == end || *p != '"') return std::nullopt;
  return std::string_view(start, static_cast<std::size_t>(p - start));
}

}  // namespace

// What the layer does with the graph's item whose id is `id`, its own item marked as met.
// Roles are few, and may all change when the default moves: only other ids are sifted first.
ReadLayer::Action GraphParser::layer_action(ItemKind kind, std::string_view id) {
  if (kind != ItemKind::role && !layer_->may_name(id)) return {};
  const ReadLayer::Action action = layer_->action(kind, id);
  if (action.item != ReadLayer::kNone) {
    matched_[static_cast<std::size_t>(kind)][action.item] = true;
  }
  return action;
}

// The graph's item [begin, end), passed over under an action other than keep: read from the
// layer's text instead when it is replaced.
void GraphParser::passed_over(ItemKind kind, ReadLayer::Action action, std::size_t begin,
                              std::size_t end) {
  if (action.kind == ReadLayer::Action::replace) {
    read_layer_item(kind, layer_->patch(kind, action.item, begin, end));
  }
}

// The graph's item at the reader, when the layer changes items of its kind: dropped, or read
// from the layer's text instead (true); or left to be read as it is (false).
bool GraphParser::take_layered(ItemKind kind) {
  if (layer_ == nullptr || !layer_touches_[static_cast<std::size_t>(kind)]) return false;
  const std::size_t begin = json_.offset();
  const auto id = leading_id(json_.text(), begin);
  if (!id) throw LayerDeclined{};
  const ReadLayer::Action action = layer_action(kind, *id);
  if (action.kind == ReadLayer::Action::keep) return false;
  json_.skim_value();
  passed_over(kind, action, begin, json_.offset());
  return true;
}

// The graph's item that started at `begin` and whose id, its first member, was just read, when
// the layer changes it: the rest passed over, then dropped or read from the layer's text
// instead (true); or left to be read on (false).
bool GraphParser::layered(ItemKind kind, std::string_view id, std::size_t begin) {
  const ReadLayer::Action action = layer_action(kind, id);
  if (action.kind == ReadLayer::Action::keep) return false;
  std::string_view key;
  std::size_t key_offset;
  while (json_.next_member(key, key_offset)) json_.skim_value();
  passed_over(kind, action, begin, json_.offset());
  return true;
}

// An item of the layer's text, changed or new, read into the same graph. Its reader ends with
// it: the layer's text after it may be being written by the other half of a split read.
void GraphParser::read_layer_item(ItemKind kind, ReadLayer::Placed item) {
  JsonReader json(layer_->text().substr(0, item.end),
                  JsonLimits{limits_.max_depth, limits_.max_string_bytes}, item.begin, 2);
  GraphParser parser(json, messages_, builder_, limits_, nullptr, layer_);
  parser.layer_items_ = false;  // it reads the layer's own item
  switch (kind) {
    case ItemKind::category:
      parser.parse_category(fmt::format("category #{}", ++category_ordinal_));
      break;
    case ItemKind::skill: parser.parse_skill(); break;
    case ItemKind::role: parser.parse_role(); break;
  }
}

// The layer's items of a kind that the graph does not have, after the graph's.
void GraphParser::read_layer_items(ItemKind kind) {
  if (layer_ == nullptr) return;
  const std::size_t k = static_cast<std::size_t>(kind);
  lists_read_[k] = true;
  for (std::uint32_t i = 0; i < matched_[k].size(); ++i) {
    if (!matched_[k][i]) read_layer_item(kind, layer_->new_item(kind, i));
  }
}

// The layer's own values of the graph's title, version and description (null deletes one).
void GraphParser::read_layer_top_fields() {
  for (const std::string_view key : {"version", "title", "description"}) {
    const auto at = layer_->top_field(key);
    if (!at) continue;
    JsonReader json(layer_->text(), JsonLimits{limits_.max_depth, limits_.max_string_bytes},
                    *at, 1);
    if (json.peek() == JsonType::null) continue;
    GraphParser parser(json, messages_, builder_, limits_, nullptr, layer_);
    parser.parse_top_field(key);
  }
}

}  // namespace mlroadmap::detail
