// The storage contract: every store implementation must pass this suite unchanged. Each test is
// written against `store&` only and instantiated for every implementation below: the SQLite
// ones in jb_unit_tests, PostgreSQL in jb_store_pg_tests (the same file built with
// JB_STORE_CONTRACT_POSTGRESQL; scripts/test's store-pg suite runs it against a throwaway
// server from deploy/cluster/pg).
#include "store/store.hpp"

#include "store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace jb::store;
using namespace jb::store::test;

#ifdef JB_STORE_CONTRACT_POSTGRESQL
#define STORE_CONTRACT_TEST(name) TEMPLATE_TEST_CASE("store contract: " name, "[store]", postgresql)
#else
#define STORE_CONTRACT_TEST(name) \
    TEMPLATE_TEST_CASE("store contract: " name, "[store]", sqlite_in_memory, sqlite_file)
#endif

namespace {

// A store holding one workshop "w1" with join code "ABC234".
template <class Impl>
std::unique_ptr<store> store_with_workshop(Impl& impl) {
    auto s = impl.open();
    s->create_workshop(make_workshop("w1", "ABC234"), R"({"journeys":[]})");
    return s;
}

}  // namespace

STORE_CONTRACT_TEST("a created workshop is found by its join code, exactly") {
    TestType impl;
    auto s = impl.open();
    const auto w = make_workshop("w1", "ABC234");
    s->create_workshop(w, "{}");

    auto found = s->find_workshop_by_code("ABC234");
    REQUIRE(found);
    CHECK(*found == w);
    CHECK(s->join_code_taken("ABC234"));
    CHECK_FALSE(s->join_code_taken("XYZ789"));
    CHECK_FALSE(s->find_workshop_by_code("XYZ789"));
    // The store does not normalise; callers do (util::normalize_join_code).
    CHECK_FALSE(s->find_workshop_by_code("abc234"));
}

STORE_CONTRACT_TEST("a new workshop loads with its initial state as snapshot 0 and nothing else") {
    TestType impl;
    auto s = impl.open();
    const auto w = make_workshop("w1", "ABC234");
    s->create_workshop(w, R"({"journeys":["Één kaart ✓"]})");

    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->workshop == w);
    CHECK(loaded->snapshot == snapshot_record{"w1", 0, R"({"journeys":["Één kaart ✓"]})"});
    CHECK(loaded->ops_after.empty());
    CHECK(loaded->participants.empty());
    CHECK(loaded->client_seqs.empty());
}

STORE_CONTRACT_TEST("loading an unknown workshop gives nothing") {
    TestType impl;
    auto s = store_with_workshop(impl);
    CHECK_FALSE(s->load_workshop("no-such-workshop"));
    CHECK_FALSE(s->load_workshop(""));
}

STORE_CONTRACT_TEST("a taken workshop id is refused and creates nothing") {
    TestType impl;
    auto s = store_with_workshop(impl);
    auto again = make_workshop("w1", "QRS567");
    again.title = "Other";
    CHECK_THROWS_AS(s->create_workshop(again, "{}"), store_error);

    CHECK_FALSE(s->join_code_taken("QRS567"));
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->workshop == make_workshop("w1", "ABC234"));
    CHECK(loaded->snapshot.state_json == R"({"journeys":[]})");
}

STORE_CONTRACT_TEST("a taken join code is refused and creates nothing") {
    TestType impl;
    auto s = store_with_workshop(impl);
    CHECK_THROWS_AS(s->create_workshop(make_workshop("w2", "ABC234"), "{}"), store_error);

    CHECK_FALSE(s->load_workshop("w2"));
    auto found = s->find_workshop_by_code("ABC234");
    REQUIRE(found);
    CHECK(found->id == "w1");
}

STORE_CONTRACT_TEST("committed ops load in seq order with each client's highest clientSeq (P-SYNC-4)") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch batch;
    batch.ops = {make_op("w1", 1, "a", 1), make_op("w1", 2, "b", 7), make_op("w1", 3, "a", 2)};
    s->commit(batch);

    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after == batch.ops);
    CHECK(loaded->client_seqs == std::map<std::string, std::int64_t>{{"a", 2}, {"b", 7}});
}

STORE_CONTRACT_TEST("a lower clientSeq never lowers the stored one (P-SYNC-4)") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch first;
    // Within one batch, too, the highest wins whatever the order.
    first.ops = {make_op("w1", 1, "a", 5), make_op("w1", 2, "a", 3)};
    s->commit(first);
    write_batch later;
    later.ops = {make_op("w1", 3, "a", 4)};
    s->commit(later);

    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->client_seqs.at("a") == 5);

    write_batch higher;
    higher.ops = {make_op("w1", 4, "a", 6)};
    s->commit(higher);
    CHECK(s->load_workshop("w1")->client_seqs.at("a") == 6);
}

STORE_CONTRACT_TEST("an op from the server itself (no client) advances no clientSeq") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch batch;
    batch.ops = {make_op("w1", 1, "", 0)};
    s->commit(batch);
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after.size() == 1);
    CHECK(loaded->client_seqs.empty());
}

STORE_CONTRACT_TEST("ops, participants and clientSeqs of one workshop stay out of another") {
    TestType impl;
    auto s = store_with_workshop(impl);
    s->create_workshop(make_workshop("w2", "DEF345"), "{}");
    write_batch batch;
    batch.ops = {make_op("w1", 1, "a", 3), make_op("w2", 1, "a", 9), make_op("w2", 2, "a", 10)};
    batch.participants = {make_participant("w2", "p1", "Anna")};
    s->commit(batch);

    auto w1 = s->load_workshop("w1");
    auto w2 = s->load_workshop("w2");
    REQUIRE(w1);
    REQUIRE(w2);
    CHECK(w1->ops_after == std::vector<logged_op>{make_op("w1", 1, "a", 3)});
    CHECK(w1->client_seqs.at("a") == 3);
    CHECK(w1->participants.empty());
    CHECK(w2->ops_after.size() == 2);
    CHECK(w2->client_seqs.at("a") == 10);
    CHECK(w2->participants.size() == 1);
}

STORE_CONTRACT_TEST("a batch repeating a stored seq writes nothing at all") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch first;
    first.ops = {make_op("w1", 1, "a", 1)};
    s->commit(first);

    write_batch bad;
    bad.ops = {make_op("w1", 2, "c", 5), make_op("w1", 1, "c", 6)};
    bad.participants = {make_participant("w1", "p9", "Nobody")};
    bad.snapshots = {{"w1", 2, R"({"bad":true})"}};
    CHECK_THROWS_AS(s->commit(bad), store_error);

    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after == first.ops);
    CHECK(loaded->client_seqs == std::map<std::string, std::int64_t>{{"a", 1}});
    CHECK(loaded->participants.empty());
    CHECK(loaded->snapshot.seq == 0);
    CHECK(loaded->snapshot.state_json == R"({"journeys":[]})");
}

STORE_CONTRACT_TEST("a batch repeating a seq within itself writes nothing at all") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch bad;
    bad.participants = {make_participant("w1", "p1", "Anna")};
    bad.ops = {make_op("w1", 1, "a", 1), make_op("w1", 2, "a", 2), make_op("w1", 2, "a", 3)};
    CHECK_THROWS_AS(s->commit(bad), store_error);

    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after.empty());
    CHECK(loaded->client_seqs.empty());
    CHECK(loaded->participants.empty());

    // The store is still usable after the rollback.
    write_batch good;
    good.ops = {make_op("w1", 1, "a", 1)};
    s->commit(good);
    CHECK(s->load_workshop("w1")->ops_after.size() == 1);
}

STORE_CONTRACT_TEST("a batch for an unknown workshop is refused and writes nothing") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch bad;
    bad.ops = {make_op("w1", 1, "a", 1), make_op("ghost", 1, "a", 1)};
    CHECK_THROWS_AS(s->commit(bad), store_error);
    CHECK(s->load_workshop("w1")->ops_after.empty());
    CHECK_FALSE(s->load_workshop("ghost"));
}

STORE_CONTRACT_TEST("an empty batch commits and changes nothing") {
    TestType impl;
    auto s = store_with_workshop(impl);
    s->commit(write_batch{});
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after.empty());
    CHECK(loaded->snapshot.seq == 0);
}

STORE_CONTRACT_TEST("a snapshot replaces the older one and load returns only the ops after it") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch ops;
    for (std::int64_t seq = 1; seq <= 5; ++seq) ops.ops.push_back(make_op("w1", seq, "a", seq));
    s->commit(ops);

    write_batch snap;
    snap.snapshots = {{"w1", 3, R"({"at":3})"}};
    s->commit(snap);
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->snapshot == snapshot_record{"w1", 3, R"({"at":3})"});
    CHECK(loaded->ops_after == std::vector<logged_op>{ops.ops[3], ops.ops[4]});
    // The clientSeqs cover the whole log, not only the ops after the snapshot.
    CHECK(loaded->client_seqs.at("a") == 5);

    snap.snapshots = {{"w1", 5, R"({"at":5})"}};
    s->commit(snap);
    loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->snapshot == snapshot_record{"w1", 5, R"({"at":5})"});
    CHECK(loaded->ops_after.empty());
}

STORE_CONTRACT_TEST("a snapshot older than the stored one is ignored") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch batch;
    batch.ops = {make_op("w1", 1), make_op("w1", 2, "a", 2)};
    batch.snapshots = {{"w1", 2, R"({"at":2})"}};
    s->commit(batch);

    write_batch stale;
    stale.snapshots = {{"w1", 1, R"({"at":1})"}};
    s->commit(stale);
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->snapshot == snapshot_record{"w1", 2, R"({"at":2})"});
}

STORE_CONTRACT_TEST("a participant is upserted: a rename keeps one row and its first created_at") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch join;
    join.participants = {make_participant("w1", "p2", "Bram", 20), make_participant("w1", "p1", "Anna", 10)};
    s->commit(join);

    write_batch rename;
    auto renamed = make_participant("w1", "p1", "Anne", 99);
    renamed.role = "facilitator";
    rename.participants = {renamed};
    s->commit(rename);

    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    auto expected_p1 = renamed;
    expected_p1.created_at = 10;
    CHECK(loaded->participants ==
          std::vector<participant_record>{expected_p1, make_participant("w1", "p2", "Bram", 20)});
}

STORE_CONTRACT_TEST("ops load in seq order whatever order they were committed in") {
    TestType impl;
    auto s = store_with_workshop(impl);
    for (std::int64_t seq : {3, 1, 4, 2}) {
        write_batch b;
        b.ops = {make_op("w1", seq, "a", seq)};
        s->commit(b);
    }
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    REQUIRE(loaded->ops_after.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(loaded->ops_after[i] == make_op("w1", static_cast<std::int64_t>(i) + 1, "a", static_cast<std::int64_t>(i) + 1));
    }
}

STORE_CONTRACT_TEST("a workshop is found by its id") {
    TestType impl;
    auto s = store_with_workshop(impl);
    auto found = s->find_workshop("w1");
    REQUIRE(found);
    CHECK(*found == make_workshop("w1", "ABC234"));
    CHECK_FALSE(s->find_workshop("w2"));
}

STORE_CONTRACT_TEST("deleting a workshop removes all of it and nothing of another") {
    TestType impl;
    auto s = store_with_workshop(impl);
    s->create_workshop(make_workshop("w2", "DEF345"), "{}");
    write_batch batch;
    batch.ops = {make_op("w1", 1, "a", 3), make_op("w2", 1, "a", 9)};
    batch.participants = {make_participant("w1", "p1", "Anna"), make_participant("w2", "p1", "Bo")};
    batch.snapshots = {{"w1", 1, R"({"later":true})"}};
    s->commit(batch);

    CHECK(s->delete_workshop("w1"));
    CHECK_FALSE(s->load_workshop("w1"));
    CHECK_FALSE(s->find_workshop("w1"));
    CHECK_FALSE(s->join_code_taken("ABC234"));
    auto w2 = s->load_workshop("w2");
    REQUIRE(w2);
    CHECK(w2->ops_after == std::vector<logged_op>{make_op("w2", 1, "a", 9)});
    CHECK(w2->participants.size() == 1);
    CHECK(w2->client_seqs.at("a") == 9);

    // The id and code are free again: a new workshop with them starts empty.
    s->create_workshop(make_workshop("w1", "ABC234"), "{}");
    auto again = s->load_workshop("w1");
    REQUIRE(again);
    CHECK(again->ops_after.empty());
    CHECK(again->participants.empty());
    CHECK(again->client_seqs.empty());
    CHECK(again->snapshot.seq == 0);
}

STORE_CONTRACT_TEST("the audit trail reads back in time order and outlives its workshop's deletion") {
    TestType impl;
    auto s = store_with_workshop(impl);
    s->append_audit({2000, "w1", "key:1234abcd", "export", "ok", "improvements.csv"});
    s->append_audit({1000, "w1", "key:1234abcd", "workshop.create", "ok", ""});
    s->append_audit({3000, "w2", "participant:p1 Anna", "participant.remove", "refused", "participant p2"});
    CHECK(s->delete_workshop("w1"));
    s->append_audit({4000, "w1", "key:1234abcd", "workshop.delete", "ok", "by hand"});

    const auto all = s->audit_since(0);
    REQUIRE(all.size() == 4);
    CHECK(all[0] == audit_record{1000, "w1", "key:1234abcd", "workshop.create", "ok", ""});
    CHECK(all[1].action == "export");
    CHECK(all[2].actor == "participant:p1 Anna");
    CHECK(all[3].action == "workshop.delete");
    CHECK(s->audit_since(3000).size() == 2);

    // Its own retention: entries before the cutoff go.
    CHECK(s->delete_audit_before(2500) == 2);
    CHECK(s->audit_since(0).size() == 2);
}

STORE_CONTRACT_TEST("deleting an unknown workshop says so and changes nothing") {
    TestType impl;
    auto s = store_with_workshop(impl);
    CHECK_FALSE(s->delete_workshop("nope"));
    CHECK(s->load_workshop("w1"));
}

STORE_CONTRACT_TEST("retention selects workshops by their last activity, oldest first") {
    TestType impl;
    auto s = impl.open();
    auto w = [](const char* id, const char* code, std::int64_t created) {
        auto r = make_workshop(id, code);
        r.created_at = created;
        return r;
    };
    s->create_workshop(w("old", "AAA222", 1000), "{}");         // nothing since: 1000
    s->create_workshop(w("edited", "BBB333", 1000), "{}");      // an op at 5000
    s->create_workshop(w("joined", "CCC444", 1000), "{}");      // someone joined at 6000
    s->create_workshop(w("new", "DDD555", 7000), "{}");         // created at 7000
    s->create_workshop(w("older", "EEE666", 500), "{}");        // nothing since: 500
    write_batch batch;
    auto op = make_op("edited", 1);
    op.at = 5000;
    batch.ops = {op};
    batch.participants = {make_participant("joined", "p1", "Anna", 6000)};
    s->commit(batch);

    CHECK(s->workshops_inactive_since(400).empty());
    CHECK(s->workshops_inactive_since(1001) == std::vector<std::string>{"older", "old"});
    CHECK(s->workshops_inactive_since(5001) == std::vector<std::string>{"older", "old", "edited"});
    CHECK(s->workshops_inactive_since(6000) == std::vector<std::string>{"older", "old", "edited"});
    CHECK(s->workshops_inactive_since(8000) ==
          std::vector<std::string>{"older", "old", "edited", "joined", "new"});
}

STORE_CONTRACT_TEST("a workshop keeps its screen key as it was given") {
    TestType impl;
    auto s = impl.open();
    auto w = make_workshop("w1", "ABC234");
    w.screen_key = "Zp4Q9rT2vX7yA1bC3dE5fG";
    s->create_workshop(w, "{}");
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->workshop.screen_key == "Zp4Q9rT2vX7yA1bC3dE5fG");
    CHECK(s->find_workshop_by_code("ABC234")->screen_key == "Zp4Q9rT2vX7yA1bC3dE5fG");
}

STORE_CONTRACT_TEST("P-ROLE-4 a removed participant loads as removed, with its role") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch join;
    join.participants = {make_participant("w1", "p1", "Anna", 10), make_participant("w1", "p2", "Bram", 20)};
    s->commit(join);
    CHECK_FALSE(s->load_workshop("w1")->participants.at(0).removed);

    write_batch change;
    auto removed = make_participant("w1", "p1", "Anna", 10);
    removed.removed = true;
    auto promoted = make_participant("w1", "p2", "Bram", 20);
    promoted.role = "facilitator";
    change.participants = {removed, promoted};
    change.ops = {make_op("w1", 1)};
    s->commit(change);
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->participants == std::vector<participant_record>{removed, promoted});
    // A token finds its participant as last written, removed or not, and only in its workshop.
    CHECK(s->find_participant_by_token("w1", "tokenhash-p2") == promoted);
    CHECK(s->find_participant_by_token("w1", "tokenhash-p1") == removed);
    CHECK_FALSE(s->find_participant_by_token("w1", "tokenhash-nobody"));
    s->create_workshop(make_workshop("w2", "XYZ789"), "{}");
    CHECK_FALSE(s->find_participant_by_token("w2", "tokenhash-p2"));
}

STORE_CONTRACT_TEST("P-VOTE-10 an op the server made itself is logged without a client") {
    TestType impl;
    auto s = store_with_workshop(impl);
    write_batch b;
    b.ops = {logged_op{"w1", 1, 1700000000001, "", "", 0, R"({"kind":"round.close","roundId":"r1"})"}};
    s->commit(b);
    auto loaded = s->load_workshop("w1");
    REQUIRE(loaded);
    CHECK(loaded->ops_after == b.ops);
    CHECK(loaded->client_seqs.empty());
}

STORE_CONTRACT_TEST("P-ARC-3 an imported workshop loads with its state and participants, nothing else") {
    TestType impl;
    auto s = impl.open();
    const auto w = make_workshop("w9", "JKL789");
    auto removed = make_participant("w9", "p2", "Bram", 20);
    removed.removed = true;
    auto facilitator = make_participant("w9", "p1", "Anna", 10);
    facilitator.role = "facilitator";
    s->import_workshop(w, R"({"imported":"Één ✓"})", {removed, facilitator});

    auto loaded = s->load_workshop("w9");
    REQUIRE(loaded);
    CHECK(loaded->workshop == w);
    CHECK(loaded->snapshot == snapshot_record{"w9", 0, R"({"imported":"Één ✓"})"});
    CHECK(loaded->participants == std::vector<participant_record>{facilitator, removed});
    CHECK(loaded->ops_after.empty());
    CHECK(loaded->client_seqs.empty());
    CHECK(s->find_workshop_by_code("JKL789") == w);
}

STORE_CONTRACT_TEST("P-ARC-3 an import that fails part-way leaves no workshop, no snapshot, no participant") {
    TestType impl;
    auto s = store_with_workshop(impl);
    // The workshop row and the snapshot are written first; the repeated participant id fails
    // only after them, so this proves the rollback of the whole import.
    CHECK_THROWS_AS(s->import_workshop(make_workshop("w9", "JKL789"), "{}",
                                       {make_participant("w9", "p1", "Anna"),
                                        make_participant("w9", "p1", "Anna again")}),
                    store_error);
    CHECK_FALSE(s->find_workshop("w9"));
    CHECK_FALSE(s->load_workshop("w9"));
    CHECK_FALSE(s->join_code_taken("JKL789"));
    // A participant of another workshop is refused the same way.
    CHECK_THROWS_AS(s->import_workshop(make_workshop("w9", "JKL789"), "{}",
                                       {make_participant("w1", "p1", "Anna")}),
                    store_error);
    CHECK_FALSE(s->find_workshop("w9"));
    CHECK(s->load_workshop("w1")->participants.empty());

    // The store is usable afterwards, and the same id and code import fine.
    s->import_workshop(make_workshop("w9", "JKL789"), "{}", {make_participant("w9", "p1", "Anna")});
    CHECK(s->load_workshop("w9")->participants.size() == 1);
}

STORE_CONTRACT_TEST("P-ARC-3 an import with a taken id or join code is refused and changes nothing") {
    TestType impl;
    auto s = store_with_workshop(impl);
    CHECK_THROWS_AS(s->import_workshop(make_workshop("w1", "QRS567"), "{}",
                                       {make_participant("w1", "p7", "Zoë")}),
                    store_error);
    CHECK_THROWS_AS(s->import_workshop(make_workshop("w2", "ABC234"), "{}", {}), store_error);
    CHECK_FALSE(s->find_workshop("w2"));
    auto w1 = s->load_workshop("w1");
    REQUIRE(w1);
    CHECK(w1->workshop == make_workshop("w1", "ABC234"));
    CHECK(w1->participants.empty());
    CHECK(w1->snapshot.state_json == R"({"journeys":[]})");
}

STORE_CONTRACT_TEST("list_workshops gives every workshop's record, deleted ones gone") {
    TestType impl;
    auto s = impl.open();
    const auto a = make_workshop("w1", "ABC234"), b = make_workshop("w2", "XYZ789");
    s->create_workshop(a, "{}");
    s->create_workshop(b, "{}");
    CHECK(s->list_workshops() == std::vector<workshop_record>{a, b});
    s->delete_workshop("w1");
    CHECK(s->list_workshops() == std::vector<workshop_record>{b});
}
