#pragma once
// The built web client (web/dist), read into memory once at start-up so that serving it never
// does blocking I/O on a network thread. Only the files found at start-up can be served: a
// request path is looked up in a map, never joined to a directory, so path traversal has
// nothing to reach.
//
// Caching: files under assets/ have content-hashed names and never change
// (`public, max-age=31536000, immutable`); everything else (index.html, the manifest) is
// revalidated on each use (`no-cache`) with its ETag. HTML also gets the security headers.
//
// When the folder (or its index.html) is missing, every request gets a 503 page that says how
// to build the web client, so a fresh checkout still starts.

#include "net/responses.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace jb::net {

class static_files {
public:
    struct file {
        std::string body, content_type, etag, cache_control;
        bool html = false;
    };

    static_files() = default;  // no files: serves the 503 page
    // Reads every regular file under `root`. Throws std::filesystem::filesystem_error if a
    // file that is listed cannot be read.
    static static_files load(const std::filesystem::path& root);

    bool available() const { return available_; }
    std::size_t count() const { return files_.size(); }
    // The file a request target ("/", "/assets/app.js?x=1") names, or nullptr.
    const file* find(std::string_view target) const;

    // The answer to a GET or HEAD (other methods: 405).
    http_response respond(const http_request& req) const;

    // The Content-Type for a file name, by extension.
    static std::string content_type_for(std::string_view name);

private:
    std::map<std::string, file, std::less<>> files_;  // by URL path without the leading '/'
    std::filesystem::path root_;
    bool available_ = false;
};

}  // namespace jb::net
