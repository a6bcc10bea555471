#include "export/labels.hpp"

#include <cstdlib>
#include <filesystem>

#include <cmath>
#include <ctime>
#include <cstdio>

namespace jb::exporting {

namespace {

// The Dutch words match the web client's (web/src/i18n/votingMessages.ts), so the files say
// what the screen said.
constexpr labels dutch{
    "Verbeterlijst",
    "Plek", "Idee", "Ideeën in de groep", "Stemmen totaal", "Klantreis", "Fase", "Contactmomenten", "Knelpunt",
    "Eigenaar", "Status",
    "Ronde",
    "Stemmen", "Digitaal", "Op papier", "Stemmers", "gedeeld",
    "Evaluatie", "Cijfer", "Opmerkingen", "Gemiddelde", "Reacties",
    "Geëxporteerd", "Stemrondes", "Nog geen gesloten stemronde.", "Nog geen verbeterideeën.",
    "Nog geen reacties.", "(verwijderd)",
    "Open", "Gepland", "Bezig", "Klaar", "Vervallen",
    "Website", "Telefoon", "Balie", "Brief", "E-mail", "App", "Anders",
};

constexpr labels english{
    "Improvement list",
    "Place", "Idea", "Ideas in the group", "Total votes", "Journey", "Phase", "Touchpoints", "Pain point",
    "Owner", "Status",
    "Round",
    "Votes", "Digital", "Paper", "Voters", "tied",
    "Evaluation", "Rating", "Remarks", "Average", "Responses",
    "Exported", "Voting rounds", "No closed voting round yet.", "No improvement ideas yet.",
    "No responses yet.", "(deleted)",
    "Open", "Planned", "In progress", "Done", "Dropped",
    "Website", "Phone", "Desk", "Letter", "Email", "App", "Other",
};

}  // namespace

const labels& labels_for(language lang)
{
    return lang == language::en ? english : dutch;
}

std::string_view status_label(const labels& l, model::improvement_status s)
{
    switch (s) {
    case model::improvement_status::open: return l.status_open;
    case model::improvement_status::planned: return l.status_planned;
    case model::improvement_status::in_progress: return l.status_in_progress;
    case model::improvement_status::done: return l.status_done;
    case model::improvement_status::dropped: return l.status_dropped;
    }
    return l.status_open;
}

std::string_view channel_label(const labels& l, std::string_view channel)
{
    if (channel == "website") return l.ch_website;
    if (channel == "phone") return l.ch_phone;
    if (channel == "desk") return l.ch_desk;
    if (channel == "letter") return l.ch_letter;
    if (channel == "email") return l.ch_email;
    if (channel == "app") return l.ch_app;
    if (channel == "other") return l.ch_other;
    return {};
}

std::string round_heading(const labels& l, std::int64_t number, std::string_view criterion)
{
    return std::string(l.round) + " " + std::to_string(number) + ": " + std::string(criterion);
}

std::string decimal(language lang, double value)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::round(value * 100.0) / 100.0);
    std::string s(buf);
    while (s.back() == '0') s.pop_back();  // "4.50" → "4.5", "4.00" → "4."
    if (s.back() == '.') s.pop_back();
    if (lang == language::nl)
        for (auto& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string utc_time(std::int64_t ms, const char* format)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

namespace {
std::string time_zone = "UTC";
}

bool set_time_zone(const std::string& iana_name)
{
    // tzdata's file for the zone; a name with ".." or a leading "/" could point elsewhere.
    if (iana_name.empty() || iana_name.front() == '/' || iana_name.find("..") != std::string::npos ||
        !std::filesystem::is_regular_file("/usr/share/zoneinfo/" + iana_name))
        return false;
    time_zone = iana_name;
    setenv("TZ", iana_name.c_str(), 1);
    tzset();
    return true;
}

std::string local_time(std::int64_t ms)
{
    if (time_zone == "UTC")
        return utc_time(ms);
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[48];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M %Z", &tm);
    return std::string(buf) + " (" + time_zone + ")";
}

}  // namespace jb::exporting
