#pragma once
// The "sources" member of JSON answers made from a learner's files.

#include "json_writer.hpp"
#include "mlroadmap/render.hpp"

namespace mlroadmap::detail {

/// "sources": {"graph": ..., "profile": ... or null, "progress": ... or null}
void write_sources(JsonWriter& json, const Sources& sources);

}  // namespace mlroadmap::detail
