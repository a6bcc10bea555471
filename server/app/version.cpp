#include "app/version.hpp"

#include "version_info.hpp"  // generated at build time (cmake/version_info.cmake)

namespace jb::app {

std::string version_text()
{
    return std::string(JB_VERSION) + " (commit " + JB_GIT_COMMIT + ")";
}

}  // namespace jb::app
