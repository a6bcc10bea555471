#pragma once
// A test hook for the exception boundaries (docs/security.md): with JB_FAULT_INJECTION=1 in
// the server's environment, inject_fault(where, text) throws when `text` contains
// "jb-fault:<where>". The integration tests send such a text to prove that a bug at that place
// fails one message (or one room) and the server keeps serving. Without the variable it never
// throws, and costs one flag test.

#include <string_view>

namespace jb::util {

bool fault_injection_enabled();
// Throws std::runtime_error when enabled and `text` holds the marker for `where`.
void inject_fault(std::string_view where, std::string_view text);

}  // namespace jb::util
