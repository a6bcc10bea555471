#!/usr/bin/python3
"""Reads improvements.xlsx and improvements.ods back with independent readers (Debian's
python3-openpyxl and python3-odf) and checks them against the fixed workshop of
tests/unit/export_fixture.hpp: sheet names, header cells, each item's cells (touchpoints with
their channel), the evaluation's ratings and remarks, numbers as numbers, text that looks like a
formula kept as text, Dutch characters intact, the ODS container (mimetype first and stored).

Usage: read_back.py FILE.xlsx FILE.ods   (the Dutch export of that workshop)
Exit status 0 when everything holds; otherwise each problem is printed and the status is 1.
"""
import sys
import zipfile

import openpyxl
from odf.opendocument import load
from odf.table import Table, TableRow, TableCell
from odf.text import P
from odf import teletype

PROBLEMS = []

# What the fixed workshop's Dutch export holds (sheet by sheet, row by row; None = empty cell).
SHEETS = ["Verbeterlijst", "Ronde 1", "Ronde 2", "Evaluatie"]
LIST = [
    ["Plek", "Idee", "Ideeën in de groep", "Stemmen totaal", "Ronde 1: impact", 'Ronde 2: haalbaarheid; "kosten"',
     "Klantreis", "Fase", "Contactmomenten", "Knelpunt", "Eigenaar", "Status"],
    [1, 'Eén loket, ook "digitaal"; met uitleg', None, 3, 2, 1, "Klantreis", "Oriënteren",
     "Website gemeente (Website)\nBalie; stadhuis (Balie)", 'Formulier is "onduidelijk"', None, "Open"],
    [1, "Statusbrief\nmet café-uitleg, 2 regels", None, 3, 1, 2, "Klantreis", "Aanvragen",
     "Formulier op papier", None, "Sanne de Vries-Çelik", "Bezig"],
    [1, "Statusbericht per sms", "Sms bij ontvangst\nSms bij besluit", 3, 3, None, "Klantreis", "Wachten",
     "Brief met ontvangstbevestiging (Brief)", 'Formulier is "onduidelijk"', None, "Open"],
    [4, "=Terugbelverzoek", None, 2, 2, None, "Klantreis", "Oriënteren",
     "Website gemeente (Website)\nBalie; stadhuis (Balie)", None, None, "Open"],
]
ROUND1 = [
    ["Ronde 1: impact"],
    ["Stemmers", 2],
    ["Plek", "Idee", "Stemmen", "Digitaal", "Op papier"],
    [1, "Statusbericht per sms", 3, 3, 0],
    [2, 'Eén loket, ook "digitaal"; met uitleg', 2, 2, 0],
    [2, "=Terugbelverzoek", 2, 0, 2],
    [4, "Statusbrief\nmet café-uitleg, 2 regels", 1, 1, 0],
]
ROUND2 = [
    ['Ronde 2: haalbaarheid; "kosten"'],
    ["Stemmers", 2],
    ["Plek", "Idee", "Stemmen", "Digitaal", "Op papier"],
    [1, "Statusbrief\nmet café-uitleg, 2 regels", 2, 2, 0],
    [2, 'Eén loket, ook "digitaal"; met uitleg', 1, 1, 0],
]
# Four answers (Alice's second replaced her first): 5, 3, 4, 3, average 3.75.
EVALUATION = [
    ["Reacties", 4],
    ["Gemiddelde", 3.75],
    ["Cijfer", "Opmerkingen"],
    [5, "Heel nuttig, één beeld van de klantreis"],
    [3, "=SOM(A1)"],
    [4, 'Koffie € 2,50; "reünie" | ideeën\nVolgende keer langer'],
    [3, None],
]


def problem(text):
    PROBLEMS.append(text)


def same(where, got, want):
    if isinstance(want, int) and isinstance(got, float) and got == want:
        got = int(got)
    if got != want:
        problem(f"{where}: got {got!r}, want {want!r}")


def check_rows(fmt, sheet, rows, expected):
    for r, want_row in enumerate(expected):
        got_row = rows[r] if r < len(rows) else []
        for c, want in enumerate(want_row):
            got = got_row[c] if c < len(got_row) else None
            same(f"{fmt} {sheet}!R{r + 1}C{c + 1}", got, want)
    if len(rows) != len(expected):
        problem(f"{fmt} {sheet}: {len(rows)} rows, want {len(expected)}")


def xlsx_rows(ws):
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append(list(row))
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def check_xlsx(path):
    wb = openpyxl.load_workbook(path)
    same("xlsx sheets", wb.sheetnames, SHEETS)
    expected = {"Verbeterlijst": LIST, "Ronde 1": ROUND1, "Ronde 2": ROUND2, "Evaluatie": EVALUATION}
    for name, want in expected.items():
        if name in wb.sheetnames:
            check_rows("xlsx", name, xlsx_rows(wb[name]), want)
    if "Verbeterlijst" in wb.sheetnames:
        ws = wb["Verbeterlijst"]
        if ws["A2"].data_type != "n" or ws["B5"].data_type != "s":
            problem("xlsx: rank must be a number and '=Terugbelverzoek' a string, not a formula")
        if not ws["A1"].font.b:
            problem("xlsx: the header row is not bold")
    if "Evaluatie" in wb.sheetnames:
        ws = wb["Evaluatie"]
        if ws["B5"].data_type != "s":
            problem(f"xlsx Evaluatie: '=SOM(A1)' must be a string, not {ws['B5'].data_type!r}")
    if wb.properties.title != 'Vergunning "snel" aanvragen; één loket':
        problem(f"xlsx: title property {wb.properties.title!r}")


def ods_value(cell):
    kind = cell.getAttribute("valuetype")
    if kind == "float":
        v = float(cell.getAttribute("value"))
        return int(v) if v.is_integer() else v
    paragraphs = cell.getElementsByType(P)
    if not paragraphs:
        return None
    return "\n".join(teletype.extractText(p) for p in paragraphs)


def ods_rows(table):
    rows = []
    for row in table.getElementsByType(TableRow):
        values = []
        for cell in row.getElementsByType(TableCell):
            repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
            values.extend([ods_value(cell)] * repeat)
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    return rows


def check_ods(path):
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED or first.extra:
            problem(f"ods: the first entry is {first.filename!r} (compression {first.compress_type}, "
                    f"extra {first.extra!r}); want mimetype, stored, no extra field")
        same("ods mimetype", z.read("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet")
        for name in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
            if name not in z.namelist():
                problem(f"ods: no {name}")
    with open(path, "rb") as f:
        if f.read(38)[30:38] != b"mimetype":
            problem("ods: the file does not start with the mimetype entry")
    doc = load(path)
    tables = doc.spreadsheet.getElementsByType(Table)
    same("ods sheets", [t.getAttribute("name") for t in tables], SHEETS)
    expected = {"Verbeterlijst": LIST, "Ronde 1": ROUND1, "Ronde 2": ROUND2, "Evaluatie": EVALUATION}
    for t in tables:
        name = t.getAttribute("name")
        if name in expected:
            check_rows("ods", name, ods_rows(t), expected[name])
        for cell in t.getElementsByType(TableCell):
            if cell.getAttribute("formula"):
                problem(f"ods {name}: a cell holds the formula {cell.getAttribute('formula')!r}")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    check_xlsx(sys.argv[1])
    check_ods(sys.argv[2])
    for p in PROBLEMS:
        print(p)
    print("read_back: %d problem(s)" % len(PROBLEMS))
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
