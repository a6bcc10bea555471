#include "support/server_process.hpp"

#include "support/ws_client.hpp"

#include <algorithm>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace jb::test {

namespace fs = std::filesystem;

namespace {

constexpr int startup_timeout_ms = 20'000;

void write(const fs::path& p, const std::string& content)
{
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
}

// The server these tests start: the one built beside them, or JB_TEST_SERVER_BIN. The checks
// lane runs these same tests against the sanitizer builds' servers that way, so that the
// sanitized build compiles only the server, not the test clients (scripts/lib/checks.sh).
std::string server_binary()
{
    const char* other = std::getenv("JB_TEST_SERVER_BIN");
    return other && *other ? other : JB_SERVER_BINARY;
}

// fork + exec of the server binary with stdout (and, if asked, stderr) on a pipe, or stderr
// into `stderr_file` when one is given.
pid_t spawn(const std::vector<std::string>& args, bool capture_stderr, int& read_fd,
            const fs::path& stderr_file = {}, const launch_options& launch = {})
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    std::vector<std::string> argv_s{server_binary()};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        // The server dies with the test process, even if the test crashes.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        dup2(fds[1], STDOUT_FILENO);
        if (capture_stderr)
            dup2(fds[1], STDERR_FILENO);
        if (!stderr_file.empty()) {
            const int log = open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (log >= 0)
                dup2(log, STDERR_FILENO);
        }
        // Only stdin, stdout and stderr: descriptors the test runner left open (ctest has
        // some) would count against the server's open-file limit (P-WS-10's test).
        closefrom(3);
        if (launch.open_files) {
            const rlimit lim{launch.open_files->first, launch.open_files->second};
            if (setrlimit(RLIMIT_NOFILE, &lim) != 0)
                _exit(126);
        }
        for (const auto& e : launch.env)
            putenv(const_cast<char*>(e.c_str()));
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    read_fd = fds[0];
    return pid;
}

int status_of(int raw)
{
    if (WIFEXITED(raw))
        return WEXITSTATUS(raw);
    if (WIFSIGNALED(raw))
        return 128 + WTERMSIG(raw);
    return -1;
}

}  // namespace

temp_dir::temp_dir()
{
    std::string pattern = (fs::temp_directory_path() / "jb-test-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
    path_ = pattern;
}

temp_dir::~temp_dir()
{
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_tiny_web_client(const fs::path& dir)
{
    write(dir / "index.html",
          "<!doctype html><html><head><meta charset=\"utf-8\"><title>Journeyboard</title>"
          "<script type=\"module\" src=\"/assets/app-3f2a9c.js\"></script></head>"
          "<body><main id=\"app\"></main></body></html>\n");
    write(dir / "assets" / "app-3f2a9c.js", "console.log('journeyboard test client');\n");
    write(dir / "assets" / "app-7b1e04.css", "body { margin: 0; }\n");
    write(dir / "assets" / "app-3f2a9c.js.map", "{\"version\":3,\"sources\":[],\"mappings\":\"\"}\n");
    write(dir / "manifest.webmanifest", "{\"name\":\"Journeyboard\"}\n");
    write(dir / "icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    write(dir / "robots.txt", "User-agent: *\nDisallow: /\n");
}

server_process::server_process(std::vector<std::string> args, const fs::path& stderr_file,
                               const launch_options& launch)
{
    // A cluster's nodes (tests/cluster) name their own ports: the router knows them.
    if (std::find(args.begin(), args.end(), "--port") == args.end())
        args.insert(args.begin(), {"--port", "0"});
    args.insert(args.begin(), {"--bind", "127.0.0.1"});
    pid_ = spawn(args, false, stdout_fd_, stderr_file, launch);

    std::string line;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(startup_timeout_ms);
    while (line.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{stdout_fd_, POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            kill();
            throw std::runtime_error("the server printed no listening line in time");
        }
        char buf[256];
        const ssize_t n = read(stdout_fd_, buf, sizeof buf);
        if (n <= 0) {
            const int status = wait();
            throw std::runtime_error("the server exited before listening, status " +
                                     std::to_string(status) + ", output: " + line);
        }
        line.append(buf, static_cast<std::size_t>(n));
    }
    line.resize(line.find('\n'));
    const std::string prefix = "Journeyboard listening on http://127.0.0.1:";
    if (!line.starts_with(prefix) || !line.ends_with("/")) {
        kill();
        throw std::runtime_error("unexpected listening line: " + line);
    }
    port_ = static_cast<unsigned short>(
        std::stoi(line.substr(prefix.size(), line.size() - prefix.size() - 1)));
}

server_process::~server_process()
{
    if (running()) {
        log_final_views(port_);  // the test is over: its clients are gone (ws_client.hpp)
        kill();
    }
}

int server_process::wait()
{
    int raw = 0;
    while (waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    // Closed only now: a server writing to a closed pipe would get SIGPIPE.
    if (stdout_fd_ >= 0)
        close(stdout_fd_);
    stdout_fd_ = -1;
    return status_of(raw);
}

int server_process::terminate()
{
    send_terminate();
    return wait_exit();
}

void server_process::send_terminate()
{
    if (!running())
        throw std::logic_error("server not running");
    ::kill(pid_, SIGTERM);
}

int server_process::wait_exit()
{
    if (!running())
        throw std::logic_error("server not running");
    return wait();
}

void server_process::kill()
{
    if (!running())
        return;
    ::kill(pid_, SIGKILL);
    wait();
}

test_server::test_server(std::vector<std::string> extra_args, bool log_stderr, launch_options launch)
    : extra_args_(std::move(extra_args)), log_stderr_(log_stderr), launch_(std::move(launch))
{
    write_tiny_web_client(web_dir());
    start();
}

void test_server::start()
{
    // JB_TEST_DB_URL: a PostgreSQL database instead of the temporary file (scripts/test's
    // store-pg suite runs the restart tests so, against deploy/cluster/pg).
    const char* db_url = std::getenv("JB_TEST_DB_URL");
    std::vector<std::string> args{"--db", db_url && *db_url ? std::string(db_url) : db_path().string(),
                                  "--static", web_dir().string(),
                                  "--templates", JB_TEMPLATES_DIR};
    args.insert(args.end(), extra_args_.begin(), extra_args_.end());
    process_.reset();
    process_.emplace(std::move(args), log_stderr_ ? log_path() : fs::path{}, launch_);
}

std::string test_server::log() const
{
    std::ifstream in(log_path(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

int test_server::stop()
{
    return process_->terminate();
}

void test_server::begin_stop()
{
    process_->send_terminate();
}

int test_server::finish_stop()
{
    return process_->wait_exit();
}

void test_server::crash()
{
    process_->kill();
}

run_result run_server_binary(const std::vector<std::string>& args, std::vector<std::string> env)
{
    int fd = -1;
    const pid_t pid = spawn(args, true, fd, {}, launch_options{std::nullopt, std::move(env)});
    run_result result;
    // A binary that unexpectedly starts serving would never end: give up after the start-up
    // timeout and kill it (the status then says so).
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(startup_timeout_ms);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{fd, POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) == 0) {
            ::kill(pid, SIGKILL);
            break;
        }
        char buf[4096];
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        result.output.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    int raw = 0;
    while (waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
    }
    result.status = status_of(raw);
    return result;
}

}  // namespace jb::test
