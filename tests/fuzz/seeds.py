#!/usr/bin/env python3
"""Writes the seed corpus of each harness into OUT/<harness>/ from what the repository already
holds: the examples in schemas/ (messages, operations, archives, templates) and the shipped
templates/. Usage: seeds.py REPO_ROOT OUT"""
import json
import pathlib
import sys

root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
schemas = root / "schemas"


def examples(schema_file):
    """Every `examples` entry anywhere in a schema, with the name of the definition holding it."""
    found = []

    def walk(node, name):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "examples" and isinstance(value, list):
                    found.extend((name, v) for v in value)
                elif key == "$defs" and isinstance(value, dict):
                    for sub, d in value.items():
                        walk(d, sub)
                else:
                    walk(value, name)
        elif isinstance(node, list):
            for item in node:
                walk(item, name)

    walk(json.loads((schemas / schema_file).read_text()), "")
    return found


def write(harness, name, text):
    folder = out / harness
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


# The operation harness's board is the default board with these ids (operation_fuzzer.cpp); the
# schema examples' ids are mapped onto it so that their ops apply.
IDS = {"jA1": "j1", "pAanvragen": "p2", "pWachten": "p3", "pBezwaar": "p5",
       "lKnelpunt": "lK", "lEmotie": "lM", "lKanaal": "lT", "lContact": "lT"}


def on_fuzz_board(value):
    if isinstance(value, dict):
        return {k: on_fuzz_board(v) for k, v in value.items()}
    if isinstance(value, list):
        return [on_fuzz_board(v) for v in value]
    return IDS.get(value, value) if isinstance(value, str) else value


ops = [op for _, op in examples("operation.schema.json") if isinstance(op, dict) and "kind" in op]

for i, (_, msg) in enumerate(examples("client-message.schema.json") + examples("hello.schema.json") +
                              examples("op.schema.json") + examples("client-presence.schema.json") +
                              examples("ping.schema.json")):
    write("client_message", f"schema-{i}.json", json.dumps(msg))
for i, op in enumerate(ops):
    write("client_message", f"op-{i}.json", json.dumps({"type": "op", "clientSeq": i + 1, "op": op}))

# One op per line; the first byte picks the actor ('0' facilitator, '1' and '2' participants).
card = {"kind": "card.add", "cardId": "c1", "journeyId": "j1", "phaseId": "p1", "laneId": "lK",
        "text": "Ik weet niet welke bijlagen nodig zijn", "color": "yellow", "orderKey": "a0"}
mapped = [on_fuzz_board(op) for op in ops]
write("operation", "all-kinds.txt", "\n".join("0" + json.dumps(op) for op in [card] + mapped) + "\n")
for i, op in enumerate(mapped):
    actor = "1" if op["kind"].startswith(("card.", "vote.", "score.", "evaluation.")) else "0"
    write("operation", f"kind-{i}.txt", "0" + json.dumps(card) + "\n" + actor + json.dumps(op) + "\n")

for i, (_, doc) in enumerate(examples("archive.schema.json")):
    write("archive", f"schema-{i}.json", json.dumps(doc))

for i, (_, doc) in enumerate(examples("template.schema.json")):
    write("template", f"schema-{i}.json", json.dumps(doc))
for path in sorted((root / "templates").glob("*.json")):
    write("template", path.name, path.read_text())
