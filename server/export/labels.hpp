#pragma once
// Every heading and label the exports show, in Dutch (the default) and English, in one place.

#include "export/exporter.hpp"
#include "model/operation.hpp"

#include <string>
#include <string_view>

namespace jb::exporting {

struct labels {
    std::string_view improvement_list;  // title of the list and its sheet
    std::string_view rank, idea, members, total_votes, journey, phase, touchpoints, pain_point, owner, status;
    std::string_view round;             // "Ronde": "Ronde 1: impact", sheet "Ronde 1"
    std::string_view votes, digital, paper, voters, tied;
    std::string_view evaluation, rating, remarks, average, responses;
    std::string_view exported_at, rounds, no_rounds, no_items, no_responses, deleted_item;
    std::string_view status_open, status_planned, status_in_progress, status_done, status_dropped;
    std::string_view ch_website, ch_phone, ch_desk, ch_letter, ch_email, ch_app, ch_other;
};

const labels& labels_for(language lang);

std::string_view status_label(const labels& l, model::improvement_status s);
// A channel's label from its wire name ("desk" → "Balie"); empty for an unknown or no channel.
std::string_view channel_label(const labels& l, std::string_view channel);

// "Ronde 1: impact" / "Round 1: impact", the list's column for a round.
std::string round_heading(const labels& l, std::int64_t number, std::string_view criterion);
// A number with two decimals at most, with the language's decimal sign ("4,25" / "4.25").
std::string decimal(language lang, double value);
// A time (ms since the epoch) in UTC with a strftime format; by default "2026-11-29 15:31 UTC".
std::string utc_time(std::int64_t ms, const char* format = "%Y-%m-%d %H:%M UTC");
// The server's time zone for the times people read in exports and the report (--time-zone, an
// IANA name from tzdata such as Europe/Amsterdam; "UTC" until set). Set once at start-up,
// before any export runs. Returns false (and changes nothing) for a zone tzdata does not know.
bool set_time_zone(const std::string& iana_name);
// A time in that zone, named: "2026-11-29 16:31 CET (Europe/Amsterdam)"; in UTC as utc_time().
std::string local_time(std::int64_t ms);

}  // namespace jb::exporting
