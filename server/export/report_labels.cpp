#include "export/report_labels.hpp"

namespace jb::exporting {

namespace {

// The Dutch words follow the web client's (method.* in web/src/i18n/messages.ts).
constexpr report_labels dutch{
    "Verslag",
    "Klantreis", "Doelgroep", "Inwoner", "Ondernemer", "Persona", "Fase", "Rij", "Kanaal",
    "Het bord", "Deze klantreis heeft nog geen fasen.", "Emotiecurve",
    "Gemiddelde emotie per contactmoment (−2 tot +2), met de spreiding als band. De nummers staan in de tabel.",
    "Nu", "Gewenst", "gemiddelde", "spreiding", "n", "Contactmoment",
    "Deze klantreis heeft nog geen contactmomenten.", "Nog geen emotiescores.",
    "Verwachting en ervaring",
    "Gemiddelde score (1 tot 5) per fase en contactmoment. Verschil = verwachting − ervaring; de drie grootste verschillen zijn gemarkeerd.",
    "Fase of contactmoment", "hele fase", "Verwachting", "Ervaring", "Verschil",
    "Grootste verschil", "Nog geen scores voor verwachting en ervaring.",
    "Verdeling", "De reacties zijn anoniem.", "Kaarten die nog privé zijn, staan niet in dit verslag.",
};

constexpr report_labels english{
    "Report",
    "Journey", "Target group", "Resident", "Entrepreneur", "Persona", "Phase", "Lane", "Channel",
    "The board", "This journey has no phases yet.", "Emotion curve",
    "Mean emotion per touchpoint (−2 to +2), with the spread as a band. The numbers are in the table.",
    "Current", "Desired", "mean", "spread", "n", "Touchpoint",
    "This journey has no touchpoints yet.", "No emotion scores yet.",
    "Expectation and experience",
    "Mean score (1 to 5) per phase and touchpoint. Gap = expectation − experience; the three largest gaps are marked.",
    "Phase or touchpoint", "whole phase", "Expectation", "Experience", "Gap",
    "Largest gap", "No expectation and experience scores yet.",
    "Distribution", "Responses are anonymous.", "Cards that are still private are not in this report.",
};

}  // namespace

const report_labels& report_labels_for(language lang)
{
    return lang == language::en ? english : dutch;
}

std::string_view group_label(const report_labels& l, model::target_group g)
{
    switch (g) {
    case model::target_group::inwoner: return l.inwoner;
    case model::target_group::ondernemer: return l.ondernemer;
    case model::target_group::persona: return l.persona;
    }
    return l.inwoner;
}

}  // namespace jb::exporting
