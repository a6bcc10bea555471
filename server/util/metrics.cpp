#include "util/metrics.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace jb::metrics {

namespace {

// Label values are ours (codes, formats, statuses), but escape them as the format asks anyway.
std::string escaped(const std::string& v)
{
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double v)
{
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

void header(std::string& out, const std::string& name, const std::string& help, const char* type)
{
    out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

std::int64_t resident_bytes()
{
    std::ifstream statm("/proc/self/statm");
    std::int64_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

std::int64_t open_fds()
{
    std::error_code ec;
    std::int64_t n = 0;
    for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec))
        ++n;
    return n > 0 ? n - 1 : 0;  // less the directory's own descriptor
}

}  // namespace

counter_family::counter_family(std::string name, std::string help, std::string label)
    : name_(std::move(name)), help_(std::move(help)), label_(std::move(label))
{
}

void counter_family::add(const std::string& label_value, std::uint64_t n)
{
    std::lock_guard lock(mutex_);
    values_[label_value] += n;
}

std::uint64_t counter_family::value(const std::string& label_value) const
{
    std::lock_guard lock(mutex_);
    const auto it = values_.find(label_value);
    return it == values_.end() ? 0 : it->second;
}

void counter_family::write(std::string& out) const
{
    header(out, name_, help_, "counter");
    std::lock_guard lock(mutex_);
    for (const auto& [v, n] : values_)
        out += name_ + "{" + label_ + "=\"" + escaped(v) + "\"} " + std::to_string(n) + "\n";
}

gauge::gauge(std::string name, std::string help) : name_(std::move(name)), help_(std::move(help)) {}

void gauge::write(std::string& out) const
{
    header(out, name_, help_, "gauge");
    out += name_ + " " + std::to_string(value_.load()) + "\n";
}

histogram::histogram(std::string name, std::string help, std::vector<double> bounds, std::string label)
    : name_(std::move(name)), help_(std::move(help)), label_(std::move(label)), bounds_(std::move(bounds))
{
}

void histogram::observe(double v, const std::string& label_value)
{
    std::lock_guard lock(mutex_);
    auto& s = series_[label_value];
    if (s.buckets.empty())
        s.buckets.assign(bounds_.size(), 0);
    for (std::size_t i = 0; i < bounds_.size(); ++i)
        if (v <= bounds_[i]) {
            ++s.buckets[i];
            break;
        }
    ++s.count;
    s.sum += v;
}

void histogram::write(std::string& out) const
{
    header(out, name_, help_, "histogram");
    std::lock_guard lock(mutex_);
    for (const auto& [label_value, s] : series_) {
        const auto labels = label_.empty() ? std::string() : label_ + "=\"" + escaped(label_value) + "\",";
        const auto plain = label_.empty() ? std::string() : "{" + label_ + "=\"" + escaped(label_value) + "\"}";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < bounds_.size(); ++i) {
            cumulative += s.buckets[i];
            out += name_ + "_bucket{" + labels + "le=\"" + number(bounds_[i]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        out += name_ + "_bucket{" + labels + "le=\"+Inf\"} " + std::to_string(s.count) + "\n";
        out += name_ + "_sum" + plain + " " + number(s.sum) + "\n";
        out += name_ + "_count" + plain + " " + std::to_string(s.count) + "\n";
    }
}

server_metrics& get()
{
    static server_metrics m;
    return m;
}

std::string exposition(const std::function<void(std::string&)>& extra)
{
    auto& m = get();
    std::string out;
    for (const auto* g : {&m.http_connections, &m.websockets, &m.rooms, &m.participants_online,
                          &m.send_queue_bytes, &m.store_queue})
        g->write(out);
    for (const auto* c : {&m.ops_accepted, &m.ops_refused, &m.closes, &m.http_requests, &m.exports,
                          &m.audit_events, &m.backups})
        c->write(out);
    for (const auto* h : {&m.commit_seconds, &m.commit_batch, &m.ack_seconds, &m.export_seconds})
        h->write(out);
    header(out, "process_resident_memory_bytes", "resident memory size in bytes", "gauge");
    out += "process_resident_memory_bytes " + std::to_string(resident_bytes()) + "\n";
    header(out, "process_open_fds", "number of open file descriptors", "gauge");
    out += "process_open_fds " + std::to_string(open_fds()) + "\n";
    if (extra)
        extra(out);
    return out;
}

}  // namespace jb::metrics
