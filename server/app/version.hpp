#pragma once
// What --version prints: CMake's project version and the git commit the binary was built from.

#include <string>

namespace jb::app {

// "0.1.0 (commit 1a2b3c4d5e6f)"
std::string version_text();

}  // namespace jb::app
