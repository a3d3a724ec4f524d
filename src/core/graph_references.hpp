#pragma once
// Names and references of a parsed graph: every skill's id, name and aliases go into the name
// table, then every prerequisite, category and role reference is looked up, in bulk.

#include "graph_builder.hpp"
#include "json_object.hpp"
#include "mapped_file.hpp"

namespace mlroadmap::detail {

/// Adds every skill's id, name and aliases to the builder's name table; a key that two skills
/// claim is an error, reported at the later one.
void register_names(GraphBuilder& builder, Messages& messages);

/// Resolves what skills, prerequisites and roles name; unknown names are errors, with the
/// closest known ones. `mapped`, when the text is a mapped file, takes back pages behind.
void resolve_references(GraphBuilder& builder, Messages& messages, const MappedFile* mapped);

}  // namespace mlroadmap::detail
