// Backups (docs/operations.md "Backups and restore"): `journeyboard backup DEST` copies the
// database of a running server consistently (SQLite's online backup API); restoring it (stop,
// replace, start) brings back every operation acknowledged before the copy. --backup-dir makes
// the copies on a schedule and keeps the newest --backup-keep.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <thread>

using namespace jb::test;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> backups_in(const fs::path& dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".db")
            out.push_back(e.path());
    return out;
}

}  // namespace

TEST_CASE("backup: a copy made while the server runs restores every acknowledged operation",
          "[ops][backup][restart]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Terugzetten");
    std::string before_id, after_id;
    {
        ws_client fac(server.port());
        const auto snapshot = fac.join(w.id, {.facilitator_key = w.facilitator_key}).at("snapshot");
        const std::string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (std::size_t i = 0; i < 50; ++i)
            fac.apply(card_add(snapshot, "before" + std::to_string(i), "kaart " + std::to_string(i),
                               std::string("a") + digits[i]));
        before_id = "before49";

        temp_dir dir;
        const auto copy = dir.path() / "copy.db";
        const auto res = run_server_binary({"backup", copy.string(), "--db", server.db_path().string()});
        INFO(res.output);
        REQUIRE(res.status == 0);
        // Not in the copy: acknowledged after it was made.
        fac.apply(card_add(snapshot, "after", "later", "b00"));
        after_id = "after";
        fac.close();

        // A second backup to the same name is refused rather than overwritten.
        CHECK(run_server_binary({"backup", copy.string(), "--db", server.db_path().string()}).status == 2);

        REQUIRE(server.stop() == 0);
        fs::remove(server.db_path().string() + "-wal");
        fs::remove(server.db_path().string() + "-shm");
        fs::copy_file(copy, server.db_path(), fs::copy_options::overwrite_existing);
    }
    server.start();
    ws_client again(server.port());
    const auto cards = again.join(w.id, {.facilitator_key = w.facilitator_key}).at("snapshot").at("cards");
    auto has = [&](const std::string& id) {
        return std::any_of(cards.begin(), cards.end(), [&](const auto& c) { return c.at("id") == id; });
    };
    CHECK(has(before_id));
    CHECK(cards.size() == 50);
    CHECK_FALSE(has(after_id));
}

TEST_CASE("backup: --backup-dir makes a copy at start that opens as a database", "[ops][backup]")
{
    temp_dir dir;
    const auto backups = dir.path() / "backups";
    test_server server({"--backup-dir", backups.string(), "--backup-keep", "1"}, true);
    for (int i = 0; i < 200 && server.log().find("msg=\"backup made\"") == std::string::npos; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(server.log().find("msg=\"backup made\"") != std::string::npos);
    const auto copies = backups_in(backups);
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].filename().string().starts_with("journeyboard-"));
    const auto res = run_server_binary({"audit", "--db", copies[0].string()});
    INFO(res.output);
    CHECK(res.status == 0);
    CHECK(server.stop() == 0);
}

TEST_CASE("backup: without a destination, or without a database, it says so", "[ops][backup]")
{
    temp_dir dir;
    CHECK(run_server_binary({"backup"}).status == 2);
    const auto res = run_server_binary({"backup", (dir.path() / "x.db").string(), "--db",
                                        (dir.path() / "missing.db").string()});
    CHECK(res.status == 2);
    CHECK(res.output.find("no database") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "missing.db"));
}
