#include "envelope.hpp"

#include <nlohmann/json.hpp>

namespace jb::bench {

namespace {

/// A SAX handler that keeps the wanted fields of the outermost object only.
class envelope_reader {
public:
    explicit envelope_reader(envelope& out) : out_(out) {}

    bool null() { return true; }
    bool boolean(bool value) {
        if (depth_ == 1 && key_ == "duplicate") out_.duplicate = value;
        return true;
    }
    bool number_integer(std::int64_t value) { return integer(value); }
    bool number_unsigned(std::uint64_t value) { return integer(static_cast<std::int64_t>(value)); }
    bool number_float(double, const std::string&) { return true; }
    bool string(std::string& value) {
        if (depth_ != 1) return true;
        if (key_ == "type") out_.type = std::move(value);
        else if (key_ == "clientId") out_.client_id = std::move(value);
        else if (key_ == "code") out_.code = std::move(value);
        return true;
    }
    bool binary(nlohmann::json::binary_t&) { return true; }
    bool start_object(std::size_t) {
        if (depth_ == 0) object_ = true;
        ++depth_;
        return true;
    }
    bool end_object() {
        --depth_;
        return true;
    }
    bool start_array(std::size_t) {
        ++depth_;
        return true;
    }
    bool end_array() {
        --depth_;
        return true;
    }
    bool key(std::string& k) {
        if (depth_ == 1) key_ = std::move(k);
        return true;
    }
    bool is_object() const { return object_; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

private:
    bool integer(std::int64_t value) {
        if (depth_ != 1) return true;
        if (key_ == "seq") out_.seq = value;
        else if (key_ == "clientSeq") out_.client_seq = value;
        else if (key_ == "at") out_.at = value;
        return true;
    }

    envelope& out_;
    std::string key_;
    int depth_ = 0;
    bool object_ = false;
};

}  // namespace

envelope read_envelope(std::string_view text) {
    envelope e;
    envelope_reader reader(e);
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &reader) || !reader.is_object())
        return envelope{};
    return e;
}

}  // namespace jb::bench
