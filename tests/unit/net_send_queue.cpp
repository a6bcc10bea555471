#include "net/send_queue.hpp"

#include <catch2/catch.hpp>

#include <string>

using jb::net::send_queue;
using jb::room::delivery;
using result = send_queue::push_result;

namespace {

jb::room::shared_text text(std::size_t size, char fill = 'x')
{
    return std::make_shared<const std::string>(size, fill);
}

}  // namespace

TEST_CASE("P-WS-5 send queue accepts messages within both bounds", "[ws][queue]")
{
    send_queue q({100, 3});
    CHECK(q.push(text(40), delivery::must_arrive) == result::queued);
    CHECK(q.push(text(40), delivery::must_arrive) == result::queued);
    CHECK(q.size() == 2);
    CHECK(q.bytes() == 80);
}

TEST_CASE("P-WS-5 send queue overflows past the byte bound", "[ws][queue]")
{
    send_queue q({100, 10});
    REQUIRE(q.push(text(60), delivery::must_arrive) == result::queued);
    CHECK(q.push(text(41), delivery::must_arrive) == result::overflow);
    CHECK(q.size() == 1);  // the overflowing message was not kept
    CHECK(q.bytes() == 60);
    CHECK(q.push(text(40), delivery::must_arrive) == result::queued);  // exactly at the bound
}

TEST_CASE("P-WS-5 send queue overflows past the message bound", "[ws][queue]")
{
    send_queue q({1'000'000, 2});
    REQUIRE(q.push(text(1), delivery::must_arrive) == result::queued);
    REQUIRE(q.push(text(1), delivery::must_arrive) == result::queued);
    CHECK(q.push(text(1), delivery::must_arrive) == result::overflow);
}

TEST_CASE("P-WS-5 an empty send queue accepts one message larger than the bound", "[ws][queue]")
{
    send_queue q({100, 10});
    CHECK(q.push(text(500), delivery::must_arrive) == result::queued);
    CHECK(q.push(text(1), delivery::must_arrive) == result::overflow);
}

TEST_CASE("P-WS-5 a newer droppable message replaces a queued one", "[ws][queue]")
{
    send_queue q({1000, 10});
    REQUIRE(q.push(text(10, 'a'), delivery::must_arrive) == result::queued);
    REQUIRE(q.push(text(20, 'p'), delivery::droppable) == result::queued);
    REQUIRE(q.push(text(10, 'b'), delivery::must_arrive) == result::queued);
    CHECK(q.push(text(30, 'q'), delivery::droppable) == result::replaced);
    CHECK(q.size() == 3);
    CHECK(q.bytes() == 50);

    // Order is kept: the replacement sits where the old presence was.
    CHECK(*q.start_front() == std::string(10, 'a'));
    q.pop_front();
    CHECK(*q.start_front() == std::string(30, 'q'));
    q.pop_front();
    CHECK(*q.start_front() == std::string(10, 'b'));
}

TEST_CASE("P-WS-5 a droppable message being written is not replaced", "[ws][queue]")
{
    send_queue q({1000, 10});
    REQUIRE(q.push(text(20, 'p'), delivery::droppable) == result::queued);
    REQUIRE(*q.start_front() == std::string(20, 'p'));
    CHECK(q.push(text(20, 'q'), delivery::droppable) == result::queued);
    CHECK(q.size() == 2);
    q.pop_front();
    CHECK(*q.start_front() == std::string(20, 'q'));
}

TEST_CASE("P-WS-5 droppable messages are dropped when the queue is over half full", "[ws][queue]")
{
    SECTION("by bytes")
    {
        send_queue q({100, 100});
        REQUIRE(q.push(text(51), delivery::must_arrive) == result::queued);
        CHECK(q.push(text(1), delivery::droppable) == result::dropped);
        CHECK(q.size() == 1);
    }
    SECTION("by messages")
    {
        send_queue q({1'000'000, 4});
        for (int i = 0; i < 3; ++i)
            REQUIRE(q.push(text(1), delivery::must_arrive) == result::queued);
        CHECK(q.push(text(1), delivery::droppable) == result::dropped);
    }
    SECTION("at half it is still queued")
    {
        send_queue q({100, 100});
        REQUIRE(q.push(text(50), delivery::must_arrive) == result::queued);
        CHECK(q.push(text(10), delivery::droppable) == result::queued);
    }
}

TEST_CASE("P-WS-5 a droppable message never overflows the queue", "[ws][queue]")
{
    send_queue q({100, 100});
    REQUIRE(q.push(text(40), delivery::must_arrive) == result::queued);
    CHECK(q.push(text(70), delivery::droppable) == result::dropped);
    CHECK(q.bytes() == 40);
}

TEST_CASE("send queue clear_pending keeps only the message being written", "[ws][queue]")
{
    send_queue q({1000, 10});
    REQUIRE(q.push(text(10), delivery::must_arrive) == result::queued);
    REQUIRE(q.push(text(20), delivery::must_arrive) == result::queued);
    REQUIRE(q.push(text(30), delivery::droppable) == result::queued);
    q.start_front();
    q.clear_pending();
    CHECK(q.size() == 1);
    CHECK(q.bytes() == 10);
    CHECK(q.writing());
    q.pop_front();
    CHECK(q.empty());
    CHECK(q.bytes() == 0);

    REQUIRE(q.push(text(10), delivery::must_arrive) == result::queued);
    q.clear_pending();  // nothing being written: everything goes
    CHECK(q.empty());
}

TEST_CASE("P-WS-5 a welcome larger than the bound leaves the whole bound for the events after it",
          "[ws][queue]")
{
    send_queue q({100, 10});
    REQUIRE(q.push(text(5), delivery::must_arrive) == result::queued);  // a pong, being written
    q.start_front();
    CHECK(q.push(text(500), delivery::welcome) == result::queued);
    CHECK(q.push(text(60), delivery::must_arrive) == result::queued);
    CHECK(q.push(text(35), delivery::must_arrive) == result::queued);  // 100 counted: at the bound
    CHECK(q.push(text(1), delivery::must_arrive) == result::overflow);
    q.pop_front();
    q.start_front();  // the welcome
    q.pop_front();
    CHECK(q.bytes() == 95);
    CHECK(q.push(text(5), delivery::must_arrive) == result::queued);
}

TEST_CASE("P-WS-5 a batch written together stays within its bounds and is kept until written", "[ws][queue]")
{
    send_queue q({1000, 100});
    for (int i = 0; i < 5; ++i)
        REQUIRE(q.push(text(100, static_cast<char>('a' + i)), delivery::must_arrive) == result::queued);
    REQUIRE(q.push(text(10), delivery::droppable) == result::queued);
    // At most 3 messages: the first three.
    CHECK(q.start_batch(3, 10'000) == 3);
    CHECK((*q.at(2))[0] == 'c');
    // Closing clears only what is not being written; a newer droppable one does not touch the batch.
    CHECK(q.push(text(20), delivery::droppable) == result::replaced);
    q.clear_pending();
    CHECK(q.size() == 3);
    CHECK(q.bytes() == 300);
    q.pop_written();
    CHECK(q.empty());
    CHECK(q.bytes() == 0);

    // At most 250 bytes: two of 100; and the first always, however large.
    for (int i = 0; i < 3; ++i) REQUIRE(q.push(text(100), delivery::must_arrive) == result::queued);
    CHECK(q.start_batch(100, 250) == 2);
    q.pop_written();
    CHECK(q.size() == 1);
    CHECK(q.start_batch(100, 10) == 1);
}
