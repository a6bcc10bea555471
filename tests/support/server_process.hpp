#pragma once
// The real `journeyboard` binary, run as a child process for integration tests: an ephemeral
// port (--port 0), a temporary database and a tiny built web client in a temporary folder.
// The port comes from the one line the server prints when it listens. Stopping is either
// graceful (SIGTERM, exit status checked by the caller) or a crash (SIGKILL). The destructor
// kills a server that still runs and removes the folder, so a failing test leaves nothing.

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace jb::test {

// A fresh folder under the system temp dir, removed with its content on destruction.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Writes a minimal web client (index.html, hashed assets, a manifest, an icon, robots.txt)
// into `dir`, as the server expects to find in --static.
void write_tiny_web_client(const std::filesystem::path& dir);

// How the child is started, for tests of the server's own limits (docs/security.md).
struct launch_options {
    // RLIMIT_NOFILE (soft, hard) for the child only.
    std::optional<std::pair<unsigned long, unsigned long>> open_files;
    std::vector<std::string> env;  // "NAME=value" added to the child's environment
};

class server_process {
public:
    // Starts the server; waits for its listening line. Throws std::runtime_error if it exits
    // or prints nothing within the start-up timeout.
    // With a `stderr_file`, the server's stderr is appended to it instead of the test's.
    server_process(std::vector<std::string> args, const std::filesystem::path& stderr_file = {},
                   const launch_options& launch = {});
    ~server_process();
    server_process(const server_process&) = delete;
    server_process& operator=(const server_process&) = delete;

    unsigned short port() const { return port_; }
    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0; }
    // SIGTERM, then waits; the exit status (or 128 + signal if it was killed by one).
    int terminate();
    // The two halves of terminate(), for tests that watch the shutdown from a client.
    void send_terminate();
    int wait_exit();
    // SIGKILL, then waits (a crash: nothing gets to clean up).
    void kill();

private:
    int wait();

    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    unsigned short port_ = 0;
};

// What most tests want: a server with its own temporary database and web client that can be
// stopped and started again on the same database (restart tests). With JB_TEST_DB_URL set, the
// database is that PostgreSQL one instead (scripts/test's store-pg suite).
class test_server {
public:
    // With `log_stderr`, what the server writes on stderr goes to a file that log() reads
    // (for tests that check what the server logs).
    explicit test_server(std::vector<std::string> extra_args = {}, bool log_stderr = false,
                         launch_options launch = {});

    unsigned short port() const { return process_->port(); }
    pid_t pid() const { return process_->pid(); }
    std::filesystem::path db_path() const { return dir_.path() / "data" / "journeyboard.db"; }
    std::filesystem::path web_dir() const { return dir_.path() / "web"; }
    std::filesystem::path log_path() const { return dir_.path() / "server.log"; }
    std::string log() const;  // everything logged so far (log_stderr only)

    int stop();    // graceful; returns the exit status
    void begin_stop();  // SIGTERM without waiting; then finish_stop()
    int finish_stop();
    void crash();  // SIGKILL
    void start();  // again, same database and arguments (a new port)

private:
    temp_dir dir_;
    std::vector<std::string> extra_args_;
    bool log_stderr_ = false;
    launch_options launch_;
    std::optional<server_process> process_;
};

// Runs the binary with `args` to completion (e.g. --help): exit status and stdout+stderr.
// `env` adds "NAME=value" variables to the ones the test runs with.
struct run_result {
    int status = -1;
    std::string output;
};
run_result run_server_binary(const std::vector<std::string>& args, std::vector<std::string> env = {});

}  // namespace jb::test
