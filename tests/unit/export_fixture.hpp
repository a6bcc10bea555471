#pragma once
// The fixed workshop of the export tests: Dutch text with quotes, delimiters, line breaks and
// a formula-like idea; touchpoints with channels (set on card.add and by card.update, one
// without); a pain point linked from an idea and from a group member; two closed rounds
// (digital and paper votes, ties) that form the improvement list; an owner and a status; the
// closing poll's answers (a replaced answer, Dutch characters, a formula-like remark, a remark
// with a semicolon, quotes, a pipe and a line break, an empty one). Built through the board's
// own operations (as the wire sends them).
#include "model/board.hpp"
#include "model/operation.hpp"

#include "session_fixture.hpp"

namespace jb::test_export {

using namespace jb::test_session;

// Decodes `op` as the wire would and applies it (it must be accepted).
inline void play(board& b, const json& op, const op_context& ctx) {
    auto decoded = decode_operation(op);
    if (auto* bad = std::get_if<op_error>(&decoded)) FAIL("bad op " << op.dump() << ": " << bad->message);
    accept(b, std::get<operation>(decoded), ctx);
}

inline json add_card(const std::string& id, const std::string& phase, const std::string& lane,
                 const std::string& text, const std::string& key = "a0") {
    return {{"kind", "card.add"}, {"cardId", id}, {"journeyId", "j1"}, {"phaseId", phase},
            {"laneId", lane}, {"text", text}, {"color", "yellow"}, {"orderKey", key}};
}

// Lanes of the default board: l1 touchpoint, l5 pain point, l6 idea; phases p1 Oriënteren,
// p2 Aanvragen, p3 Wachten, p4 Besluit.
inline board export_board() {
    auto ids = std::make_shared<std::vector<std::string>>(std::vector<std::string>{
        "j1", "p1", "p2", "p3", "p4", "p5", "l1", "l2", "l3", "l4", "l5", "l6"});
    auto next = std::make_shared<std::size_t>(0);
    board b = board::make_default({"w1", "Vergunning \"snel\" aanvragen; één loket", 1000},
                                  [ids, next] { return ids->at((*next)++); });
    play(b, add_card("t1", "p1", "l1", "Website gemeente"), alice);
    play(b, add_card("t2", "p1", "l1", "Balie; stadhuis", "a1"), alice);
    auto letter = add_card("t3", "p3", "l1", "Brief met ontvangstbevestiging");
    letter["channel"] = "letter";
    play(b, letter, alice);
    play(b, {{"kind", "card.update"}, {"cardId", "t1"}, {"channel", "website"}}, alice);
    play(b, {{"kind", "card.update"}, {"cardId", "t2"}, {"channel", "phone"}}, bram);
    play(b, {{"kind", "card.update"}, {"cardId", "t2"}, {"channel", "desk"}}, bram);
    play(b, add_card("t4", "p2", "l1", "Formulier op papier"), alice);  // no channel
    play(b, add_card("k1", "p1", "l5", "Formulier is \"onduidelijk\""), alice);
    play(b, add_card("i1", "p1", "l6", "Eén loket, ook \"digitaal\"; met uitleg"), alice);
    play(b, add_card("i3", "p1", "l6", "=Terugbelverzoek", "a2"), bram);
    play(b, add_card("i2", "p2", "l6", "Statusbrief\nmet café-uitleg, 2 regels"), bram);
    play(b, add_card("i4", "p3", "l6", "Sms bij ontvangst"), bram);
    play(b, add_card("i5", "p4", "l6", "Sms bij besluit"), alice);
    play(b, {{"kind", "card.link"}, {"cardId", "i1"}, {"targetId", "k1"}}, alice);
    play(b, {{"kind", "card.link"}, {"cardId", "i5"}, {"targetId", "k1"}}, alice);
    play(b, {{"kind", "group.add"}, {"groupId", "g1"}, {"title", "Statusbericht per sms"},
             {"cardIds", {"i5", "i4"}}}, bram);

    json r1{{"kind", "round.start"}, {"roundId", "r1"}, {"criterion", "impact"}, {"budget", 3},
            {"maxPerItem", 2}, {"durationMs", nullptr}, {"anonymous", true},
            {"facilitatorVotes", false}, {"scope", {{"kind", "ideas"}}}};
    play(b, r1, at(fran, 7000));
    for (const auto& [who, item] : std::vector<std::pair<op_context, std::string>>{
             {alice, "i1"}, {alice, "i1"}, {alice, "g1"}, {bram, "g1"}, {bram, "g1"}, {bram, "i2"}})
        play(b, {{"kind", "vote.add"}, {"roundId", "r1"}, {"itemId", item}}, who);
    play(b, {{"kind", "round.paper"}, {"roundId", "r1"}, {"label", "Tafel 3"}, {"votes", {{"i3", 2}}}}, fran);
    play(b, {{"kind", "round.close"}, {"roundId", "r1"}}, at(fran, 10000));

    json r2 = r1;
    r2["roundId"] = "r2";
    r2["criterion"] = "haalbaarheid; \"kosten\"";
    r2["scope"] = {{"kind", "cards"}, {"cardIds", {"i1", "i2"}}};
    play(b, r2, at(fran, 11000));
    play(b, {{"kind", "vote.add"}, {"roundId", "r2"}, {"itemId", "i2"}}, alice);
    play(b, {{"kind", "vote.add"}, {"roundId", "r2"}, {"itemId", "i2"}}, alice);
    play(b, {{"kind", "vote.add"}, {"roundId", "r2"}, {"itemId", "i1"}}, bram);
    play(b, {{"kind", "round.close"}, {"roundId", "r2"}}, at(fran, 20000));

    play(b, {{"kind", "improvements.rounds"}, {"roundIds", {"r1", "r2"}}}, fran);
    play(b, {{"kind", "improvement.update"}, {"itemId", "i2"}, {"owner", "Sanne de Vries-Çelik"},
             {"status", "in_progress"}}, fran);

    // The closing poll. Alice answers twice: the second answer replaces the first and keeps r1.
    const op_context carla{"carla", role::participant, 5000};
    play(b, {{"kind", "evaluation.open"}, {"open", true}}, fran);
    const auto answer = [&](const op_context& who, int rating, const std::string& remarks) {
        play(b, {{"kind", "evaluation.submit"}, {"rating", rating}, {"remarks", remarks}}, who);
    };
    answer(alice, 2, "Te kort");
    answer(bram, 3, "=SOM(A1)");
    answer(carla, 4, "Koffie € 2,50; \"reünie\" | ideeën\nVolgende keer langer");
    answer(alice, 5, "Heel nuttig, één beeld van de klantreis");
    answer(fran, 3, "");
    play(b, {{"kind", "evaluation.open"}, {"open", false}}, fran);
    return b;
}

// 2026-11-29 15:31 UTC
inline constexpr std::int64_t export_time = 1'795'966'260'000;

}  // namespace jb::test_export
