// The improvement exports (protocol.md P-EXP-*) of one fixed workshop, byte for byte: CSV with
// each delimiter, Markdown and JSON; the XLSX and ODS files read back by independent readers
// (Debian's python3-openpyxl and python3-odf, tests/export/read_back.py); and the options.
#include "export/exporter.hpp"

#include "export/results.hpp"
#include "export_fixture.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace jb::test_export;
using namespace jb::exporting;

namespace {

export_options options(language lang = language::nl, csv_delimiter d = csv_delimiter::semicolon) {
    export_options o;
    o.lang = lang;
    o.delimiter = d;
    o.now_ms = export_time;
    return o;
}

const std::string bom = "\xEF\xBB\xBF";

}  // namespace

// The records of a CSV file: BOM, then each record ended by CRLF.
std::string csv(const std::vector<std::string>& records) {
    std::string out = bom;
    for (const auto& r : records) out += r + "\r\n";
    return out;
}

TEST_CASE("P-EXP-2 improvements.csv: BOM, CRLF, semicolons, RFC 4180 quotes, Dutch text, a group's own ideas", "[export]") {
    const auto file = render_csv(export_board(), options());
    CHECK(file.content_type == "text/csv; charset=utf-8");
    CHECK(file.file_name == "vergunning-snel-aanvragen-een-loket-improvements.csv");
    // Ties share rank 1 in board order (p1, p2, then the group by its first card in p3); the
    // group's pain point comes from its second card; a line break stays inside its quotes;
    // the formula-like idea gets an apostrophe.
    CHECK(file.body == csv({
        "Plek;Idee;Ideeën in de groep;Stemmen totaal;Ronde 1: impact;\"Ronde 2: haalbaarheid; \"\"kosten\"\"\";Klantreis;Fase;Contactmomenten;Knelpunt;Eigenaar;Status",
        "1;\"Eén loket, ook \"\"digitaal\"\"; met uitleg\";;3;2;1;Klantreis;Oriënteren;\"Website gemeente (Website)\nBalie; stadhuis (Balie)\";\"Formulier is \"\"onduidelijk\"\"\";;Open",
        "1;\"Statusbrief\nmet café-uitleg, 2 regels\";;3;1;2;Klantreis;Aanvragen;Formulier op papier;;Sanne de Vries-Çelik;Bezig",
        "1;Statusbericht per sms;\"Sms bij ontvangst\nSms bij besluit\";3;3;;Klantreis;Wachten;Brief met ontvangstbevestiging (Brief);\"Formulier is \"\"onduidelijk\"\"\";;Open",
        "4;'=Terugbelverzoek;;2;2;;Klantreis;Oriënteren;\"Website gemeente (Website)\nBalie; stadhuis (Balie)\";;;Open",
    }));
}

TEST_CASE("P-EXP-2 improvements.csv in English, and with comma and tab delimiters", "[export]") {
    CHECK(render_csv(export_board(), options(language::en)).body == csv({
        "Place;Idea;Ideas in the group;Total votes;Round 1: impact;\"Round 2: haalbaarheid; \"\"kosten\"\"\";Journey;Phase;Touchpoints;Pain point;Owner;Status",
        "1;\"Eén loket, ook \"\"digitaal\"\"; met uitleg\";;3;2;1;Klantreis;Oriënteren;\"Website gemeente (Website)\nBalie; stadhuis (Desk)\";\"Formulier is \"\"onduidelijk\"\"\";;Open",
        "1;\"Statusbrief\nmet café-uitleg, 2 regels\";;3;1;2;Klantreis;Aanvragen;Formulier op papier;;Sanne de Vries-Çelik;In progress",
        "1;Statusbericht per sms;\"Sms bij ontvangst\nSms bij besluit\";3;3;;Klantreis;Wachten;Brief met ontvangstbevestiging (Letter);\"Formulier is \"\"onduidelijk\"\"\";;Open",
        "4;'=Terugbelverzoek;;2;2;;Klantreis;Oriënteren;\"Website gemeente (Website)\nBalie; stadhuis (Desk)\";;;Open",
    }));
    // With a comma, fields holding a comma are quoted and semicolons need no quotes.
    const auto comma = render_csv(export_board(), options(language::nl, csv_delimiter::comma)).body;
    CHECK(comma.starts_with(bom + "Plek,Idee,Ideeën in de groep,Stemmen totaal,Ronde 1: impact,\"Ronde 2: haalbaarheid; \"\"kosten\"\"\",Klantreis,"));
    CHECK(comma.find("\r\n1,\"Statusbrief\nmet café-uitleg, 2 regels\",,3,1,2,Klantreis,Aanvragen,Formulier op papier,,Sanne de Vries-Çelik,Bezig\r\n") != std::string::npos);
    CHECK(comma.find("\r\n4,'=Terugbelverzoek,,2,2,,Klantreis,Oriënteren,\"Website gemeente (Website)\nBalie; stadhuis (Balie)\",,,Open\r\n") != std::string::npos);
    const auto tab = render_csv(export_board(), options(language::nl, csv_delimiter::tab)).body;
    CHECK(tab.find("\r\n4\t'=Terugbelverzoek\t\t2\t2\t\tKlantreis\tOriënteren\t\"Website gemeente (Website)\nBalie; stadhuis (Balie)\"\t\t\tOpen\r\n") != std::string::npos);
}

TEST_CASE("P-EXP-5 improvements.md: title, the list as a table, each round, the evaluation", "[export]") {
    const auto file = render_markdown(export_board(), options());
    CHECK(file.content_type == "text/markdown; charset=utf-8");
    CHECK(file.file_name == "vergunning-snel-aanvragen-een-loket-improvements.md");
    CHECK(file.body == R"(# Vergunning "snel" aanvragen; één loket

Geëxporteerd: 2026-11-29 15:31 UTC

## Verbeterlijst

| Plek | Idee | Ideeën in de groep | Stemmen totaal | Ronde 1: impact | Ronde 2: haalbaarheid; "kosten" | Klantreis | Fase | Contactmomenten | Knelpunt | Eigenaar | Status |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | Eén loket, ook "digitaal"; met uitleg |  | 3 | 2 | 1 | Klantreis | Oriënteren | Website gemeente (Website)<br>Balie; stadhuis (Balie) | Formulier is "onduidelijk" |  | Open |
| 1 | Statusbrief<br>met café-uitleg, 2 regels |  | 3 | 1 | 2 | Klantreis | Aanvragen | Formulier op papier |  | Sanne de Vries-Çelik | Bezig |
| 1 | Statusbericht per sms | Sms bij ontvangst<br>Sms bij besluit | 3 | 3 |  | Klantreis | Wachten | Brief met ontvangstbevestiging (Brief) | Formulier is "onduidelijk" |  | Open |
| 4 | =Terugbelverzoek |  | 2 | 2 |  | Klantreis | Oriënteren | Website gemeente (Website)<br>Balie; stadhuis (Balie) |  |  | Open |

## Stemrondes

### Ronde 1: impact

Stemmers: 2

| Plek | Idee | Stemmen | Digitaal | Op papier |
| --- | --- | --- | --- | --- |
| 1 | Statusbericht per sms | 3 | 3 | 0 |
| 2 | Eén loket, ook "digitaal"; met uitleg | 2 | 2 | 0 |
| 2 | =Terugbelverzoek | 2 | 0 | 2 |
| 4 | Statusbrief<br>met café-uitleg, 2 regels | 1 | 1 | 0 |

### Ronde 2: haalbaarheid; "kosten"

Stemmers: 2

| Plek | Idee | Stemmen | Digitaal | Op papier |
| --- | --- | --- | --- | --- |
| 1 | Statusbrief<br>met café-uitleg, 2 regels | 2 | 2 | 0 |
| 2 | Eén loket, ook "digitaal"; met uitleg | 1 | 1 | 0 |

## Evaluatie

Reacties: 4  
Gemiddelde: 3,75

| Cijfer | Opmerkingen |
| --- | --- |
| 5 | Heel nuttig, één beeld van de klantreis |
| 3 | =SOM(A1) |
| 4 | Koffie € 2,50; "reünie" \| ideeën<br>Volgende keer langer |
| 3 |  |
)");
}

TEST_CASE("P-EXP-5 improvements.md escapes what a participant typed", "[export]") {
    board b = export_board();
    play(b, {{"kind", "group.update"}, {"groupId", "g1"}, {"title", "Sms | <b>vet</b> *nu* [link](x)"}}, bram);
    const auto body = render_markdown(b, options()).body;
    CHECK(body.find("| 1 | Sms \\| \\<b\\>vet\\</b\\> \\*nu\\* \\[link\\](x) | Sms bij ontvangst<br>Sms bij besluit | 3 | 3 |") != std::string::npos);
    CHECK(body.find("<b>") == std::string::npos);
}

TEST_CASE("P-EXP-6 improvements.json: the results document, exactly (a group's members too)", "[export]") {
    const auto file = render_json(export_board(), options(language::en));
    CHECK(file.content_type == "application/json; charset=utf-8");
    CHECK(file.file_name == "vergunning-snel-aanvragen-een-loket-improvements.json");
    CHECK(file.body == R"json({
  "evaluation": {
    "average": 3.75,
    "count": 4,
    "open": false,
    "ratings": [
      0,
      0,
      2,
      1,
      1
    ],
    "responses": [
      {
        "id": "r1",
        "rating": 5,
        "remarks": "Heel nuttig, één beeld van de klantreis"
      },
      {
        "id": "r2",
        "rating": 3,
        "remarks": "=SOM(A1)"
      },
      {
        "id": "r3",
        "rating": 4,
        "remarks": "Koffie € 2,50; \"reünie\" | ideeën\nVolgende keer langer"
      },
      {
        "id": "r4",
        "rating": 3,
        "remarks": ""
      }
    ]
  },
  "exportedAt": 1795966260000,
  "formatVersion": 1,
  "items": [
    {
      "isGroup": false,
      "itemId": "i1",
      "journey": {
        "id": "j1",
        "title": "Klantreis"
      },
      "lane": {
        "id": "l6",
        "title": "Verbeteridee"
      },
      "members": [],
      "owner": "",
      "painPoint": "Formulier is \"onduidelijk\"",
      "phase": {
        "id": "p1",
        "title": "Oriënteren"
      },
      "rank": 1,
      "status": "open",
      "text": "Eén loket, ook \"digitaal\"; met uitleg",
      "tied": true,
      "total": 3,
      "touchpoints": [
        {
          "cardId": "t1",
          "channel": "website",
          "text": "Website gemeente"
        },
        {
          "cardId": "t2",
          "channel": "desk",
          "text": "Balie; stadhuis"
        }
      ],
      "votesByRound": {
        "r1": 2,
        "r2": 1
      }
    },
    {
      "isGroup": false,
      "itemId": "i2",
      "journey": {
        "id": "j1",
        "title": "Klantreis"
      },
      "lane": {
        "id": "l6",
        "title": "Verbeteridee"
      },
      "members": [],
      "owner": "Sanne de Vries-Çelik",
      "painPoint": null,
      "phase": {
        "id": "p2",
        "title": "Aanvragen"
      },
      "rank": 1,
      "status": "in_progress",
      "text": "Statusbrief\nmet café-uitleg, 2 regels",
      "tied": true,
      "total": 3,
      "touchpoints": [
        {
          "cardId": "t4",
          "channel": null,
          "text": "Formulier op papier"
        }
      ],
      "votesByRound": {
        "r1": 1,
        "r2": 2
      }
    },
    {
      "isGroup": true,
      "itemId": "g1",
      "journey": {
        "id": "j1",
        "title": "Klantreis"
      },
      "lane": {
        "id": "l6",
        "title": "Verbeteridee"
      },
      "members": [
        {
          "cardId": "i4",
          "text": "Sms bij ontvangst"
        },
        {
          "cardId": "i5",
          "text": "Sms bij besluit"
        }
      ],
      "owner": "",
      "painPoint": "Formulier is \"onduidelijk\"",
      "phase": {
        "id": "p3",
        "title": "Wachten"
      },
      "rank": 1,
      "status": "open",
      "text": "Statusbericht per sms",
      "tied": true,
      "total": 3,
      "touchpoints": [
        {
          "cardId": "t3",
          "channel": "letter",
          "text": "Brief met ontvangstbevestiging"
        }
      ],
      "votesByRound": {
        "r1": 3
      }
    },
    {
      "isGroup": false,
      "itemId": "i3",
      "journey": {
        "id": "j1",
        "title": "Klantreis"
      },
      "lane": {
        "id": "l6",
        "title": "Verbeteridee"
      },
      "members": [],
      "owner": "",
      "painPoint": null,
      "phase": {
        "id": "p1",
        "title": "Oriënteren"
      },
      "rank": 4,
      "status": "open",
      "text": "=Terugbelverzoek",
      "tied": false,
      "total": 2,
      "touchpoints": [
        {
          "cardId": "t1",
          "channel": "website",
          "text": "Website gemeente"
        },
        {
          "cardId": "t2",
          "channel": "desk",
          "text": "Balie; stadhuis"
        }
      ],
      "votesByRound": {
        "r1": 2
      }
    }
  ],
  "kind": "journeyboard.improvements",
  "listRoundIds": [
    "r1",
    "r2"
  ],
  "rounds": [
    {
      "closedAt": 10000,
      "criterion": "impact",
      "id": "r1",
      "inList": true,
      "number": 1,
      "paperLabels": [
        "Tafel 3"
      ],
      "ranking": [
        {
          "digital": 3,
          "itemId": "g1",
          "paper": 0,
          "rank": 1,
          "text": "Statusbericht per sms",
          "tied": false,
          "votes": 3
        },
        {
          "digital": 2,
          "itemId": "i1",
          "paper": 0,
          "rank": 2,
          "text": "Eén loket, ook \"digitaal\"; met uitleg",
          "tied": true,
          "votes": 2
        },
        {
          "digital": 0,
          "itemId": "i3",
          "paper": 2,
          "rank": 2,
          "text": "=Terugbelverzoek",
          "tied": true,
          "votes": 2
        },
        {
          "digital": 1,
          "itemId": "i2",
          "paper": 0,
          "rank": 4,
          "text": "Statusbrief\nmet café-uitleg, 2 regels",
          "tied": false,
          "votes": 1
        }
      ],
      "voters": 2
    },
    {
      "closedAt": 20000,
      "criterion": "haalbaarheid; \"kosten\"",
      "id": "r2",
      "inList": true,
      "number": 2,
      "paperLabels": [],
      "ranking": [
        {
          "digital": 2,
          "itemId": "i2",
          "paper": 0,
          "rank": 1,
          "text": "Statusbrief\nmet café-uitleg, 2 regels",
          "tied": false,
          "votes": 2
        },
        {
          "digital": 1,
          "itemId": "i1",
          "paper": 0,
          "rank": 2,
          "text": "Eén loket, ook \"digitaal\"; met uitleg",
          "tied": false,
          "votes": 1
        }
      ],
      "voters": 2
    }
  ],
  "workshop": {
    "id": "w1",
    "title": "Vergunning \"snel\" aanvragen; één loket"
  }
}
)json");
    // The same in every language: codes, not labels.
    CHECK(render_json(export_board(), options(language::nl)).body == file.body);
}

TEST_CASE("P-EXP-1 a stored board (its state read back) exports what the live board does", "[export]") {
    // The endpoint renders the durable board, rebuilt from the stored state: channels and the
    // poll's answers must survive that.
    const board live = export_board();
    const board stored = board::from_json(live.to_json());
    for (const char* name : {"improvements.csv", "improvements.md", "improvements.json"}) {
        INFO(name);
        CHECK(find_exporter(name)->render(stored, options()).body == find_exporter(name)->render(live, options()).body);
    }
    CHECK(render_json(stored, options()).body.find("\"channel\": \"desk\"") != std::string::npos);
    CHECK(render_json(stored, options()).body.find("\"remarks\": \"=SOM(A1)\"") != std::string::npos);
}

TEST_CASE("P-EXP-3 P-EXP-4 improvements.xlsx and .ods read back by openpyxl and odfpy", "[export]") {
    const auto b = export_board();
    const auto xlsx = render_xlsx(b, options());
    const auto ods = render_ods(b, options());
    CHECK(xlsx.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(xlsx.file_name == "vergunning-snel-aanvragen-een-loket-improvements.xlsx");
    CHECK(ods.content_type == "application/vnd.oasis.opendocument.spreadsheet");
    CHECK(ods.file_name == "vergunning-snel-aanvragen-een-loket-improvements.ods");
    CHECK(xlsx.body.starts_with("PK\x03\x04"));
    // An ODF package starts with its stored mimetype entry: "mimetype" at byte 30, the type at 38.
    CHECK(ods.body.substr(30, 8 + 46) == "mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
    // The same export twice is the same bytes (the time is the export's, not the clock's).
    CHECK(render_ods(b, options()).body == ods.body);

    const auto dir = std::filesystem::temp_directory_path() / ("jb-export-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "list.xlsx", std::ios::binary) << xlsx.body;
    std::ofstream(dir / "list.ods", std::ios::binary) << ods.body;
    // Debian's python3 (where python3-openpyxl and python3-odf install), not another on PATH.
    const std::string command = "/usr/bin/python3 " JB_SOURCE_DIR "/tests/export/read_back.py '" +
                                (dir / "list.xlsx").string() + "' '" + (dir / "list.ods").string() + "' 2>&1";
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buf[512];
    while (std::fgets(buf, sizeof buf, pipe)) output += buf;
    const int status = ::pclose(pipe);
    std::filesystem::remove_all(dir);
    INFO(output);
    CHECK(status == 0);
    CHECK(output.find("read_back: 0 problem(s)") != std::string::npos);
}

TEST_CASE("P-EXP-1 options: lang and delimiter, anything else is refused by name", "[export]") {
    const auto read = [](std::string_view q) { return parse_options(q, 5); };
    const auto ok = std::get<export_options>(read("lang=en&delimiter=tab"));
    CHECK(ok.lang == language::en);
    CHECK(ok.delimiter == csv_delimiter::tab);
    CHECK(ok.now_ms == 5);
    const auto defaults = std::get<export_options>(read(""));
    CHECK(defaults.lang == language::nl);
    CHECK(defaults.delimiter == csv_delimiter::semicolon);
    CHECK(std::get<export_options>(read("delimiter=comma")).delimiter == csv_delimiter::comma);
    CHECK(std::get<std::string>(read("lang=de")) == "lang: must be nl or en");
    CHECK(std::get<std::string>(read("delimiter=pipe")) == "delimiter: must be semicolon, comma or tab");
    CHECK(std::get<std::string>(read("sep=;")).starts_with("unknown query parameter \"sep\""));
    CHECK(find_exporter("improvements.csv") != nullptr);
    CHECK(find_exporter("improvements.exe") == nullptr);
}

TEST_CASE("P-EXP-1 file names: the title's slug, accents folded", "[export]") {
    CHECK(slug("Vergunning \"snel\" aanvragen; één loket") == "vergunning-snel-aanvragen-een-loket");
    CHECK(slug("Ÿ ✓ !!") == "klantreis");
    CHECK(slug("Ärger über Straße") == "arger-uber-strase");
    CHECK(slug(std::string(100, 'a')).size() == 60);
}

TEST_CASE("P-EXP-2 an empty workshop exports the header and nothing else", "[export]") {
    const auto b = session_board();
    CHECK(render_csv(b, options()).body ==
          csv({"Plek;Idee;Ideeën in de groep;Stemmen totaal;Klantreis;Fase;Contactmomenten;Knelpunt;Eigenaar;Status"}));
    const auto md = render_markdown(b, options()).body;
    CHECK(md.find("Nog geen verbeterideeën.") != std::string::npos);
    CHECK(md.find("Nog geen gesloten stemronde.") != std::string::npos);
    CHECK(md.ends_with("## Evaluatie\n\nNog geen reacties.\n"));
    CHECK(!render_xlsx(b, options()).body.empty());
    CHECK(!render_ods(b, options()).body.empty());
}
