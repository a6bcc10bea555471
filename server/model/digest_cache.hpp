#pragma once
// The board digest of any viewer (protocol.md P-SYNC-10) without building that viewer's whole
// board: the digest is a sum of one hash per record, and the cards (nearly all of a large board)
// keep their share here, kept up to date from each operation's changed records (P-SYNC-9). Only
// the few other records are hashed per digest. The same digest as
// model::board_digest(board.view_for(viewer)), in O(records that are not cards).

#include "model/record_patch.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace jb::model {

class board;

class digest_cache {
public:
    // Every card of `b` as it is now.
    explicit digest_cache(const board& b);
    // After an operation was applied to the board: its changed records (board::apply).
    void update(const record_changes& changes);
    // `b` must be the board this cache follows.
    std::string digest_for(const board& b, const viewer& v) const;

private:
    // A card's share: whole (as its author, and everyone where it is neither private nor
    // anonymous, sees it) and without authorId (as others see an anonymous card, P-FAC-9).
    struct card_share {
        std::string author;
        bool private_card = false, anonymous = false;
        std::uint32_t whole = 0, without_author = 0;
    };
    void add(const std::string& id, const nlohmann::json& record, bool anonymous);
    void remove(const std::string& id);

    std::unordered_map<std::string, card_share> cards_;
    std::uint32_t everyone_ = 0;  // what every viewer's digest holds of the cards
    // What only the author's digest holds besides: their private cards whole, and the authorId
    // of their anonymous cards (whole minus without_author). Sums wrap around mod 2^32.
    std::unordered_map<std::string, std::uint32_t> authors_;
};

}  // namespace jb::model
