#include "app/service_notify.hpp"

#ifdef JB_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace jb::app {

void notify_ready([[maybe_unused]] const std::string& status)
{
#ifdef JB_HAVE_SYSTEMD
    sd_notifyf(0, "READY=1\nSTATUS=%s", status.c_str());
#endif
}

void notify_stopping()
{
#ifdef JB_HAVE_SYSTEMD
    sd_notify(0, "STOPPING=1");
#endif
}

}  // namespace jb::app
