// The default paths, apart so that only this file is rebuilt for a package (FHS) build.
#include "app/config.hpp"

#ifndef JB_DEFAULT_DB
#define JB_DEFAULT_DB "./data/journeyboard.db"
#define JB_DEFAULT_STATIC "./web/dist"
#define JB_DEFAULT_TEMPLATES "./templates"
#define JB_DEFAULT_CONFIG ""
#endif

namespace jb::app {

const default_path_set default_paths{JB_DEFAULT_DB, JB_DEFAULT_STATIC, JB_DEFAULT_TEMPLATES,
                                     JB_DEFAULT_CONFIG};

}  // namespace jb::app
