// Times people read in exports are in the server's zone, named (--time-zone); UTC until set.
#include "export/labels.hpp"

#include <catch2/catch.hpp>

using namespace jb::exporting;

TEST_CASE("export: times show in the configured zone with its name, summer and winter time", "[export][time]")
{
    const std::int64_t winter = 1'764'950'400'000;  // 2025-12-05T16:00:00Z
    const std::int64_t summer = 1'751'731'200'000;  // 2025-07-05T16:00:00Z
    CHECK_FALSE(set_time_zone("Nowhere/Atlantis"));
    CHECK_FALSE(set_time_zone("../../etc/passwd"));
    REQUIRE(set_time_zone("Europe/Amsterdam"));
    CHECK(local_time(winter) == "2025-12-05 17:00 CET (Europe/Amsterdam)");
    CHECK(local_time(summer) == "2025-07-05 18:00 CEST (Europe/Amsterdam)");
    REQUIRE(set_time_zone("UTC"));
    CHECK(local_time(winter) == "2025-12-05 16:00 UTC");
}
