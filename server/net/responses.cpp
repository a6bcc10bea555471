#include "net/responses.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/version.hpp>

namespace jb::net {

namespace http = boost::beast::http;

http_response json_response(http::status status, const nlohmann::json& body)
{
    http_response res{status, 11};
    res.set(http::field::server, "journeyboard");
    res.set(http::field::content_type, "application/json");
    res.set(http::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    // Replace invalid UTF-8 rather than throw: an error message may quote client input.
    res.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    res.prepare_payload();
    return res;
}

http_response json_error(http::status status, std::string_view code, std::string_view message)
{
    return json_response(status, {{"error", {{"code", code}, {"message", message}}}});
}

http_response method_not_allowed(std::string_view allow)
{
    auto res = json_error(http::status::method_not_allowed, "method_not_allowed",
                          "this resource accepts only " + std::string(allow));
    res.set(http::field::allow, to_beast(allow));
    return res;
}

}  // namespace jb::net
