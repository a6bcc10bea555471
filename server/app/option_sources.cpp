#include "app/option_sources.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace jb::app {

namespace po = boost::program_options;

namespace {

constexpr std::string_view env_prefix = "JOURNEYBOARD_";

std::string trim(std::string s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out;
}

std::string option_name(const po::error_with_option_name& e)
{
    auto name = e.get_option_name();
    name.erase(0, name.find_first_not_of('-'));
    return name;
}

}  // namespace

std::string option_sources::environment_name(const std::string& name)
{
    std::string out(env_prefix);
    for (char c : name)
        out += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

void option_sources::remember(const po::parsed_options& parsed,
                              const std::function<std::string(const std::string&)>& source)
{
    for (const auto& option : parsed.options) {
        if (option.unregistered || option.string_key.empty())
            continue;
        // A higher-precedence source already set it: that one is the value in force.
        origins_.try_emplace(option.string_key, option_origin{source(option.string_key), joined(option.value)});
    }
}

void option_sources::read_command_line(int argc, char** argv, const po::options_description& desc,
                                       po::variables_map& vm)
{
    try {
        auto parsed = po::parse_command_line(argc, argv, desc);
        po::store(parsed, vm);
        remember(parsed, [](const std::string& name) { return "argument --" + name; });
    } catch (const po::error& e) {
        throw config_error(std::string("command line: ") + e.what());
    }
}

void option_sources::read_environment(char** environment, const po::options_description& desc,
                                      po::variables_map& vm)
{
    std::map<std::string, std::string> names;  // JOURNEYBOARD_X → x
    for (const auto& option : desc.options())
        names[environment_name(option->long_name())] = option->long_name();
    for (char** entry = environment; entry && *entry; ++entry) {
        const std::string_view text(*entry);
        const auto variable = std::string(text.substr(0, text.find('=')));
        if (variable.starts_with(env_prefix) && !names.contains(variable))
            throw config_error("environment " + variable + ": no such option (see journeyboard --help)");
    }
    std::string current;
    try {
        auto parsed = po::parse_environment(desc, [&](const std::string& variable) -> std::string {
            const auto it = names.find(variable);
            if (it == names.end())
                return {};
            current = variable;
            return it->second;
        });
        po::store(parsed, vm);
        remember(parsed, [](const std::string& name) { return "environment " + environment_name(name); });
    } catch (const po::error_with_option_name& e) {
        throw config_error("environment " + environment_name(option_name(e)) + ": " + e.what());
    } catch (const po::error& e) {
        throw config_error("environment " + current + ": " + e.what());
    }
}

void option_sources::read_file(const std::string& path, const po::options_description& desc,
                               po::variables_map& vm)
{
    std::ifstream in(path);
    if (!in)
        throw config_error("--config " + path + ": cannot read this file");
    std::stringstream text;
    text << in.rdbuf();
    // program_options does not say on which line an option stood: find it, for the messages.
    std::map<std::string, int> line_of;
    int first_bad_line = 0, number = 0;
    for (std::string line; std::getline(text, line);) {
        ++number;
        line = trim(line.substr(0, line.find('#')));
        if (line.empty() || line.front() == '[')
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) {
            first_bad_line = first_bad_line ? first_bad_line : number;
            continue;
        }
        line_of.try_emplace(trim(line.substr(0, eq)), number);
    }
    auto where = [&](const std::string& name) {
        const auto it = line_of.find(name);
        return path + (it == line_of.end() ? "" : ":" + std::to_string(it->second));
    };
    text.clear();
    text.seekg(0);
    try {
        auto parsed = po::parse_config_file(text, desc);
        po::store(parsed, vm);
        remember(parsed, where);
    } catch (const po::invalid_config_file_syntax& e) {
        throw config_error(path + ":" + std::to_string(first_bad_line) + ": " + e.what());
    } catch (const po::error_with_option_name& e) {
        throw config_error(where(option_name(e)) + ": " + e.what());
    } catch (const po::error& e) {
        throw config_error(path + ": " + e.what());
    }
}

const option_origin* option_sources::origin(const std::string& name) const
{
    const auto it = origins_.find(name);
    return it == origins_.end() ? nullptr : &it->second;
}

std::string default_text(const po::option_description& option)
{
    // program_options keeps the default only as the text it shows in --help: "arg (=8080)".
    const auto shown = option.format_parameter();
    const auto open = shown.find("(=");
    if (open == std::string::npos)
        return {};
    return shown.substr(open + 2, shown.rfind(')') - open - 2);
}

}  // namespace jb::app
