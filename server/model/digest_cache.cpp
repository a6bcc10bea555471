// The cards' share of every viewer's board digest (P-SYNC-10), kept per card and summed per
// audience: see digest_cache.hpp.

#include "model/digest_cache.hpp"

#include "model/board.hpp"

namespace jb::model {

using nlohmann::json;

digest_cache::digest_cache(const board& b) {
    const auto doc = b.to_json();
    for (const auto& card : doc.at("cards"))
        add(card.at("id").get<std::string>(), card, b.anonymous_lane(card.at("laneId").get<std::string>()));
}

void digest_cache::update(const record_changes& changes) {
    if (const auto removed = changes.removed.find("cards"); removed != changes.removed.end())
        for (const auto& id : removed->second) remove(id);
    if (const auto upserts = changes.upserts.find("cards"); upserts != changes.upserts.end())
        for (const auto& card : *upserts) {
            const auto id = card.at("id").get<std::string>();
            remove(id);
            add(id, card, changes.anonymous_cards.contains(id));
        }
}

void digest_cache::add(const std::string& id, const json& record, bool anonymous) {
    card_share share{record.at("authorId").get<std::string>(), record.at("private").get<bool>(), anonymous,
                     digest_line("cards", id, record), 0};
    // Only an anonymous card is ever seen without its author: the copy and its second hash are
    // paid for those alone (a lane or setting that changes it upserts every card again).
    if (anonymous) {
        auto without = record;
        without.erase("authorId");
        share.without_author = digest_line("cards", id, without);
    }
    // As view_sections shows a card: a private one to its author only; an anonymous one to
    // others without its author.
    if (share.private_card) {
        authors_[share.author] += share.whole;
    } else if (share.anonymous) {
        everyone_ += share.without_author;
        authors_[share.author] += share.whole - share.without_author;
    } else {
        everyone_ += share.whole;
    }
    cards_.insert_or_assign(id, std::move(share));
}

void digest_cache::remove(const std::string& id) {
    const auto it = cards_.find(id);
    if (it == cards_.end()) return;
    const auto& share = it->second;
    if (share.private_card) {
        authors_[share.author] -= share.whole;
    } else if (share.anonymous) {
        everyone_ -= share.without_author;
        authors_[share.author] -= share.whole - share.without_author;
    } else {
        everyone_ -= share.whole;
    }
    cards_.erase(it);
}

std::string digest_cache::digest_for(const board& b, const viewer& v) const {
    std::uint32_t sum = digest_sum(b.view_for(v, false)) + everyone_;
    if (const auto own = authors_.find(v.participant_id); own != authors_.end()) sum += own->second;
    return digest_hex(sum);
}

}  // namespace jb::model
