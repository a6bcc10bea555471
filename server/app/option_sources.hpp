#pragma once
// Reads one option list (a Boost.Program_options description) from its three sources, in the
// order of precedence: the command line, then JOURNEYBOARD_* environment variables, then a
// config file (program_options' own config-file parser), each option's default last. It
// remembers where every value came from, so that a bad value can be reported as
// "option = value (from FILE:LINE)" and --check-config can show the effective configuration.

#include <boost/program_options.hpp>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace jb::app {

// A configuration problem, as the one line the program prints before exiting with status 2.
struct config_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Where one option's value came from, and the text it was given as.
struct option_origin {
    std::string source;  // "argument --port", "environment JOURNEYBOARD_PORT", "/etc/x.conf:3"
    std::string value;   // as written (repeated options joined with ", ")
};

class option_sources {
public:
    // The environment variable of option `name`: JOURNEYBOARD_ and the name in capitals, with
    // '-' as '_' (max-body-bytes → JOURNEYBOARD_MAX_BODY_BYTES).
    static std::string environment_name(const std::string& name);

    // Each read_* stores into `vm` what an earlier (higher-precedence) source did not set.
    // They throw config_error naming the source on a parse error or an unknown option.
    void read_command_line(int argc, char** argv, const boost::program_options::options_description& desc,
                           boost::program_options::variables_map& vm);
    // Every JOURNEYBOARD_* variable in `environment` (NAME=value entries) must name an option
    // of `desc`.
    void read_environment(char** environment, const boost::program_options::options_description& desc,
                          boost::program_options::variables_map& vm);
    void read_file(const std::string& path, const boost::program_options::options_description& desc,
                   boost::program_options::variables_map& vm);

    // Where option `name` (without dashes) got its value; nothing if it has its default.
    const option_origin* origin(const std::string& name) const;

private:
    void remember(const boost::program_options::parsed_options& parsed,
                  const std::function<std::string(const std::string& name)>& source);

    std::map<std::string, option_origin> origins_;
};

// "arg (=8080)" → "8080"; no default → "".
std::string default_text(const boost::program_options::option_description& option);

}  // namespace jb::app
