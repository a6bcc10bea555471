#pragma once
// Tells systemd (Type=notify) when the server is ready and when it is stopping, with
// libsystemd's sd_notify. Outside systemd (no NOTIFY_SOCKET), and in a build without
// libsystemd, these do nothing.

#include <string>

namespace jb::app {

void notify_ready(const std::string& status);
void notify_stopping();

}  // namespace jb::app
