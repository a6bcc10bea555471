// The WebSocket message decoder (protocol::decode_client_message) on arbitrary text: it must
// never crash or throw, and an `op` it accepts must round-trip through its canonical encoding
// (what the log stores) unchanged.
#include "protocol/messages.hpp"

#include "fuzz_check.hpp"

#include <string_view>
#include <variant>

using namespace jb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto decoded = protocol::decode_client_message(text);
    auto* message = std::get_if<protocol::client_message>(&decoded);
    if (!message) return 0;
    if (auto* op = std::get_if<protocol::op_message>(message)) {
        const auto logged = model::encode_operation(op->op);
        auto again = model::decode_operation(logged, true);
        auto* back = std::get_if<model::operation>(&again);
        fuzz::require(back != nullptr, "an accepted op's logged form decodes");
        fuzz::require(model::encode_operation(*back) == logged, "an accepted op's logged form round-trips");
    }
    return 0;
}
