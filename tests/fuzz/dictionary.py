#!/usr/bin/env python3
"""Prints a libFuzzer dictionary made from schemas/: every property name and every string a
schema allows by `enum` or `const` (message types, op kinds, colours, lane kinds, ...), each as a
quoted JSON string, so mutations speak the protocol's words. Usage: dictionary.py SCHEMA_DIR"""
import json
import pathlib
import sys


def words(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                out.update(value.keys())
            if key in ("enum", "const"):
                for v in value if isinstance(value, list) else [value]:
                    if isinstance(v, str):
                        out.add(v)
            if key != "examples":
                words(value, out)
    elif isinstance(node, list):
        for item in node:
            words(item, out)


def escape(text):
    # libFuzzer's format: printable ASCII as is, " and \ escaped, other bytes as \xNN.
    return "".join("\\" + chr(b) if chr(b) in '"\\' else chr(b) if 32 <= b < 127 else f"\\x{b:02x}"
                   for b in text.encode())


found = set()
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.schema.json")):
    words(json.loads(path.read_text()), found)
for word in sorted(found):
    print(f'"{escape(json.dumps(word))}"')
