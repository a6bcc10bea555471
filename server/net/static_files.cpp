#include "net/static_files.hpp"

#include "util/secrets.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

namespace jb::net {

namespace http = boost::beast::http;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view csp =
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; frame-ancestors 'none'";

std::string read_file(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw fs::filesystem_error("cannot read", p, std::make_error_code(std::errc::io_error));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "/assets/a%20b.js?v=1#x" → "assets/a b.js"; an undecodable escape names no file.
std::optional<std::string> url_path(std::string_view target)
{
    target = target.substr(0, target.find_first_of("?#"));
    while (!target.empty() && target.front() == '/')
        target.remove_prefix(1);
    std::string out;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (target[i] != '%') {
            out += target[i];
            continue;
        }
        if (i + 2 >= target.size())
            return std::nullopt;
        const int hi = hex_value(target[i + 1]), lo = hex_value(target[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

// Whether an If-None-Match header names `etag` (a list, weak validators, or "*").
bool etag_matches(std::string_view header, std::string_view etag)
{
    std::size_t pos = 0;
    while (pos <= header.size()) {
        auto end = header.find(',', pos);
        if (end == std::string_view::npos)
            end = header.size();
        auto item = header.substr(pos, end - pos);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
            item.remove_suffix(1);
        if (item.substr(0, 2) == "W/")
            item.remove_prefix(2);
        if (item == "*" || item == etag)
            return true;
        pos = end + 1;
    }
    return false;
}

void set_common(http_response& res, const static_files::file& f)
{
    res.set(http::field::server, "journeyboard");
    res.set(http::field::etag, f.etag);
    res.set(http::field::cache_control, f.cache_control);
    res.set("X-Content-Type-Options", "nosniff");
    if (f.html) {
        res.set("Content-Security-Policy", to_beast(csp));
        res.set("Referrer-Policy", "no-referrer");
    }
}

http_response not_built()
{
    http_response res{http::status::service_unavailable, 11};
    res.set(http::field::server, "journeyboard");
    res.set(http::field::content_type, "text/html; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Content-Security-Policy", to_beast(csp));
    res.body() =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Journeyboard: "
        "web client not built</title></head><body><h1>The web client is not built</h1>"
        "<p>This server is running, but it found no built web client to serve. Build it with "
        "<code>./scripts/run</code> (or <code>npm ci &amp;&amp; npm run build</code> in "
        "<code>web/</code>), then start the server with <code>--static web/dist</code>.</p>"
        "</body></html>\n";
    res.prepare_payload();
    return res;
}

}  // namespace

std::string static_files::content_type_for(std::string_view name)
{
    static const std::map<std::string_view, std::string_view> types{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".woff2", "font/woff2"},
        {".map", "application/json"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const auto dot = name.rfind('.');
    const auto slash = name.rfind('/');
    if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
        std::string ext(name.substr(dot));
        for (auto& c : ext)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (auto it = types.find(ext); it != types.end())
            return std::string(it->second);
    }
    return "application/octet-stream";
}

static_files static_files::load(const fs::path& root)
{
    static_files out;
    out.root_ = root;
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return out;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (!it->is_regular_file())
            continue;
        const std::string rel = fs::relative(it->path(), root).generic_string();
        file f;
        f.body = read_file(it->path());
        f.content_type = content_type_for(rel);
        f.html = f.content_type.starts_with("text/html");
        f.etag = "\"" + util::sha256_hex(f.body).substr(0, 32) + "\"";
        f.cache_control = rel.starts_with("assets/") ? "public, max-age=31536000, immutable"
                                                     : "no-cache";
        out.files_.emplace(rel, std::move(f));
    }
    if (ec)
        throw fs::filesystem_error("cannot list", root, ec);
    out.available_ = out.files_.contains("index.html");
    return out;
}

const static_files::file* static_files::find(std::string_view target) const
{
    auto path = url_path(target);
    if (!path)
        return nullptr;
    if (path->empty() || path->back() == '/')
        *path += "index.html";
    const auto it = files_.find(*path);
    return it == files_.end() ? nullptr : &it->second;
}

http_response static_files::respond(const http_request& req) const
{
    if (req.method() != http::verb::get && req.method() != http::verb::head)
        return method_not_allowed("GET, HEAD");
    if (!available_)
        return not_built();
    const file* f = find(to_std(req.target()));
    if (!f)
        return json_error(http::status::not_found, "not_found", "no such file");

    if (auto inm = req.find(http::field::if_none_match);
        inm != req.end() && etag_matches(to_std(inm->value()), f->etag)) {
        http_response res{http::status::not_modified, 11};
        set_common(res, *f);
        return res;  // a 304 has no body and no Content-Length of its own
    }
    http_response res{http::status::ok, 11};
    set_common(res, *f);
    res.set(http::field::content_type, f->content_type);
    if (req.method() == http::verb::head) {
        res.content_length(f->body.size());  // the length a GET would get, and no body
    } else {
        res.body() = f->body;
        res.prepare_payload();
    }
    return res;
}

}  // namespace jb::net
