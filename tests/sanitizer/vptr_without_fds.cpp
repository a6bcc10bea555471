// Does this toolchain's UBSan need a free file descriptor to check a vptr? scripts/lib/checks.sh
// builds and runs this probe before the sanitized integration pass and, if it does, keeps the
// tests that use up every descriptor ([exhausts-fds]) away from the sanitized server.
//
// Why: UBSan's vptr check reads an object's vtable only after asking the runtime whether that
// memory is readable, and on Linux (LLVM 14, Debian 12's clang) the runtime answers by writing it
// into a fresh pipe(). With no descriptor left the pipe fails, the answer is "not readable", and a
// valid object is reported as "object has invalid vptr / <memory cannot be printed>". That is
// what the P-WS-10 fd-exhaustion test produced on a static error_category and a strand's
// shared count.
//
// Run with an argument, the probe uses up every descriptor and then checks a valid object:
// exit status 0 means the check still works without descriptors, non-zero that it does not.
#include <fcntl.h>

#include <cstdio>
#include <memory>

namespace {
struct base {
    virtual ~base() = default;
    virtual int value() { return 1; }
};
struct derived : base {
    int value() override { return 2; }
};
}  // namespace

int main(int argc, char**)
{
    auto object = std::make_unique<derived>();
    if (argc > 1)
        while (::open("/dev/null", O_RDONLY | O_CLOEXEC) >= 0) {
        }
    base* as_base = object.get();
    // The downcast is what UBSan's vptr check inspects.
    return static_cast<derived*>(as_base)->value() == 2 ? 0 : 3;
}
