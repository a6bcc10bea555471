#pragma once
// The admin's subcommands of the same binary, run against the configured database (the same
// --config, environment and options as the server) while the server may be running:
//   journeyboard audit [--since DATE]   the audit trail, oldest first
//   journeyboard backup DEST            a consistent copy with SQLite's online backup API

#include <optional>

namespace jb::app {

// Runs the subcommand named by argv[1], if it is one; its exit status. Nothing if argv[1] is no
// subcommand (then the server starts).
std::optional<int> run_command(int argc, char** argv, char** environment);

}  // namespace jb::app
