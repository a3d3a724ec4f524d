#pragma once

namespace mlroadmap::cli {

/// The exit statuses documented in the README and the man page.
enum ExitCode : int {
  kSuccess = 0,
  kDataError = 1,       ///< a bad graph, an unreadable or unwritable file
  kUsageError = 2,      ///< a bad flag, or an unknown command, skill or role
  kPartialFailure = 3,  ///< batch: some profiles failed, the others were planned
};

}  // namespace mlroadmap::cli
