#pragma once
// Building the HTTP responses every part of net/ sends: JSON bodies and the JSON error shape of
// protocol P-HTTP-2, {"error": {"code", "message"}}.

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace jb::net {

using http_request = boost::beast::http::request<boost::beast::http::string_body>;
using http_response = boost::beast::http::response<boost::beast::http::string_body>;

// Beast 1.74 speaks boost::string_view; the rest of the code speaks std::string_view.
inline std::string_view to_std(boost::beast::string_view s) { return {s.data(), s.size()}; }
inline boost::beast::string_view to_beast(std::string_view s) { return {s.data(), s.size()}; }

// A JSON response, not cacheable (API answers change).
http_response json_response(boost::beast::http::status status, const nlohmann::json& body);
http_response json_error(boost::beast::http::status status, std::string_view code,
                         std::string_view message);
// 405 with the Allow header listing what the resource accepts.
http_response method_not_allowed(std::string_view allow);

}  // namespace jb::net
