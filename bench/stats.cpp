#include "stats.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace jb::bench {

namespace {
double at_rank(const std::vector<std::int64_t>& sorted, double fraction) {
    // Nearest rank: the smallest sample with at least `fraction` of the samples at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * sorted.size()));
    const auto index = std::clamp<std::size_t>(rank, 1, sorted.size()) - 1;
    return sorted[index] / 1000.0;
}

std::int64_t status_kib(const std::string& status, const std::string& field) {
    const auto at = status.find(field + ":");
    if (at == std::string::npos) return 0;
    return std::strtoll(status.c_str() + at + field.size() + 1, nullptr, 10);
}
}  // namespace

latency_summary summarise(std::vector<std::int64_t>& samples_us) {
    latency_summary s;
    s.count = samples_us.size();
    if (samples_us.empty()) return s;
    std::sort(samples_us.begin(), samples_us.end());
    s.min_ms = samples_us.front() / 1000.0;
    s.p50_ms = at_rank(samples_us, 0.50);
    s.p99_ms = at_rank(samples_us, 0.99);
    s.max_ms = samples_us.back() / 1000.0;
    return s;
}

std::vector<timeline_entry> timeline_of(const std::vector<std::int64_t>& samples,
                                        const std::vector<std::uint32_t>& seconds) {
    // Unequal lengths mean the two were not filled together: a pairing bug, not a shorter run.
    if (samples.size() != seconds.size())
        throw std::invalid_argument("timeline_of: " + std::to_string(samples.size()) + " samples but " +
                                    std::to_string(seconds.size()) + " seconds");
    std::vector<std::vector<std::int64_t>> by_second;
    for (std::size_t k = 0; k < seconds.size(); ++k) {
        if (seconds[k] >= by_second.size()) by_second.resize(seconds[k] + 1);
        by_second[seconds[k]].push_back(samples[k]);
    }
    std::vector<timeline_entry> out;
    for (std::size_t s = 0; s < by_second.size(); ++s) out.push_back({s, summarise(by_second[s])});
    return out;
}

std::optional<process_usage> read_process_usage(int pid) {
    const std::string dir = "/proc/" + std::to_string(pid);
    std::ifstream stat_file(dir + "/stat"), status_file(dir + "/status");
    if (!stat_file || !status_file) return std::nullopt;
    std::string stat((std::istreambuf_iterator<char>(stat_file)), {});
    std::string status((std::istreambuf_iterator<char>(status_file)), {});
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    // After the name: state is field 3; utime and stime are fields 14 and 15.
    for (int n = 3; n <= 15 && fields >> field; ++n) {
        if (n == 14) utime = std::stoull(field);
        if (n == 15) stime = std::stoull(field);
    }
    process_usage usage;
    usage.cpu_seconds = static_cast<double>(utime + stime) / ::sysconf(_SC_CLK_TCK);
    usage.peak_rss_kib = status_kib(status, "VmHWM");
    usage.rss_kib = status_kib(status, "VmRSS");
    return usage;
}

std::string format_ms(double ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", ms);
    return text;
}

}  // namespace jb::bench
