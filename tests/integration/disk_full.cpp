// A full disk (a real one: a small tmpfs mounted over the server's data folder, so this test
// needs root, as ./scripts/test has). Expected, and documented in docs/architecture.md
// ("When the disk is full"):
// - no op is acknowledged unless it is durable; the room whose commit failed closes its
//   connections with 1001 "room failed; reconnect" and is reloaded from the store on the next
//   join;
// - every workshop shares the one database, so all of them stop taking writes (a new
//   participant gets error internal and a close); what needs no write goes on: /healthz, the
//   join-code lookup, and joining with a known token, which gets the durable board;
// - once space is freed, everything works again without a restart, and nothing acknowledged is
//   lost across a restart after that.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

using namespace jb::test;
namespace fs = std::filesystem;

namespace {

// A tmpfs of `size` mounted over `dir` for the lifetime of this object.
class small_disk {
public:
    small_disk(fs::path dir, const std::string& size) : dir_(std::move(dir))
    {
        fs::create_directories(dir_);
        const auto options = "size=" + size;
        if (::mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) != 0)
            throw std::runtime_error("cannot mount a tmpfs (this test needs root): " +
                                     std::string(std::strerror(errno)));
    }
    ~small_disk() { ::umount2(dir_.c_str(), MNT_DETACH); }
    small_disk(const small_disk&) = delete;
    small_disk& operator=(const small_disk&) = delete;

    // Fills what is left with one file; free() removes it.
    void fill()
    {
        std::ofstream filler(dir_ / "filler", std::ios::binary);
        const std::string block(64 * 1024, 'x');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) && filler.flush()) {
        }
        // A partial last block may still sit in the stream's buffer; what matters is that the
        // file system has no block left.
    }
    void free() { fs::remove(dir_ / "filler"); }

private:
    fs::path dir_;
};

struct sent_card {
    std::string id;
    std::int64_t client_seq;
};

// Sends cards with long texts until the server stops acknowledging them (its commits fail);
// returns the ids acknowledged, the first one that was not, and how its wait ended.
struct until_full {
    std::set<std::string> acked;
    std::optional<sent_card> unacked;
    std::string why;  // how waiting for its ack ended
};
until_full add_until_refused(ws_client& c, const json& board)
{
    until_full out;
    const std::string text(1900, 'k');
    for (int i = 0; i < 5000; ++i) {
        const auto id = new_id("card");
        const auto seq = c.send_op(card_add(board, id, text + std::to_string(i), "a" + std::to_string(i % 10)));
        try {
            c.wait_ack(seq);
            out.acked.insert(id);
        } catch (const std::exception& e) {
            out.unacked = sent_card{id, seq};
            out.why = e.what();
            return out;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a full disk acknowledges nothing it did not store, keeps serving reads, and recovers without a restart",
          "[restart][slow][diskfull]")
{
    test_server server({}, true);
    REQUIRE(server.stop() == 0);
    small_disk disk(server.db_path().parent_path(), "3m");  // over the folder: a fresh database
    server.start();

    const auto a = create_workshop(server.port(), "Werkplaats A");
    const auto b = create_workshop(server.port(), "Werkplaats B");
    ws_client writer(server.port());
    const auto welcome = writer.join(a.id);
    const auto board_a = welcome.at("snapshot");
    const std::string token = welcome.at("you").at("participantToken");
    std::set<std::string> acked{new_id("card")};
    writer.apply(card_add(board_a, *acked.begin(), "voor vol"));
    ws_client reader(server.port());
    const auto welcome_b = reader.join(b.id);
    const std::string token_b = welcome_b.at("you").at("participantToken");
    const auto board_b = welcome_b.at("snapshot");
    reader.close();

    disk.fill();
    auto full = add_until_refused(writer, board_a);
    REQUIRE(full.unacked);  // the disk did fill up
    CHECK(full.why.find("closed the connection with 1001 room failed; reconnect") != std::string::npos);
    acked.insert(full.acked.begin(), full.acked.end());
    CHECK(server.log().find("commit failed") != std::string::npos);

    // Reads go on while the disk is full: health, the join code, and a known participant's join.
    CHECK(http_get(server.port(), "/healthz").status == 200);
    CHECK(http_get(server.port(), "/api/join/" + b.join_code).status == 200);
    ws_client known(server.port());
    const auto again_b = known.join(b.id, {.participant_token = token_b});
    CHECK(again_b.at("snapshot").at("workshop").at("title") == "Werkplaats B");
    // Writes to the other workshop fail the same way: one database.
    const auto refused_seq = known.send_op(card_add(board_b, new_id("card"), "ook vol"));
    CHECK_THROWS(known.wait_ack(refused_seq));
    // A new participant cannot be stored: a clear error, then a close.
    ws_client newcomer(server.port());
    const auto answer = newcomer.hello(a.id);
    CHECK(answer.at("type") == "error");
    CHECK(answer.at("code") == "internal");

    // Space again: no restart, the same op resent is taken, and new participants too.
    disk.free();
    ws_client resume(server.port(), {.client_id = writer.client_id()});
    const auto back = resume.join(a.id, {.participant_token = token});
    CHECK(card_ids(back.at("snapshot")) == acked);  // exactly what was acknowledged, no more
    resume.set_next_client_seq(full.unacked->client_seq);
    resume.wait_ack(resume.send_op(card_add(board_a, full.unacked->id, "na vol"), full.unacked->client_seq));
    acked.insert(full.unacked->id);
    ws_client late(server.port());
    CHECK(late.join(b.id).at("you").at("role") == "participant");

    // And it was durable: a restart gives back every acknowledged card.
    resume.close();
    known.close();
    late.close();
    REQUIRE(server.stop() == 0);
    server.start();
    ws_client after(server.port());
    CHECK(card_ids(after.join(a.id).at("snapshot")) == acked);
}
