#pragma once
// One progress event read from JSON, shared by the progress file and the inline `progress`
// list of a batch line.

#include "json_object.hpp"
#include "mlroadmap/progress.hpp"

namespace mlroadmap::detail {

/// Reads the event object at the reader's place into `event`: `skill`, `state` and `date`
/// required, `note` optional, nothing else. False after reporting what is wrong.
bool read_progress_event(ObjectReader& in, const Owner& owner, ProgressEvent& event);

}  // namespace mlroadmap::detail
