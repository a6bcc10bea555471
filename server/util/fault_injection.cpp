#include "util/fault_injection.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace jb::util {

bool fault_injection_enabled()
{
    static const bool enabled = [] {
        const char* v = std::getenv("JB_FAULT_INJECTION");
        return v && std::string_view(v) == "1";
    }();
    return enabled;
}

void inject_fault(std::string_view where, std::string_view text)
{
    if (!fault_injection_enabled())
        return;
    const std::string marker = "jb-fault:" + std::string(where);
    if (text.find(marker) != std::string_view::npos)
        throw std::runtime_error("injected fault at " + std::string(where));
}

}  // namespace jb::util
