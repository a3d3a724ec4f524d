#!/usr/bin/env python3
"""Reads the SVG Graphviz drew of a graph (standard input) and the graph's JSON file, and
checks that every box shows its skill's name as written (control characters as spaces), then
its hours, and every cluster its category's name. Prints what differs; exits 1 when anything
does.

usage: dot -Tsvg ... | check_dot_labels.py GRAPH_JSON"""
import json
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def drawn(text):
    return "".join(" " if ord(c) < 0x20 or ord(c) == 0x7F or 0x80 <= ord(c) < 0xA0 else c
                   for c in text)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        graph = json.load(f)
    names = {s["id"]: drawn(s["name"]) for s in graph["skills"]}
    categories = {drawn(c["name"]) for c in graph["categories"]}
    failures = []
    seen = set()
    for g in ET.parse(sys.stdin).getroot().iter(SVG + "g"):
        lines = [t.text or "" for t in g.findall(SVG + "text")]
        title = g.find(SVG + "title").text if g.find(SVG + "title") is not None else ""
        if g.get("class") == "node":
            seen.add(title)
            want = names.get(title)
            if want is None or lines[0] != want or not all(
                    re.fullmatch(r"\d+(\.\d+)? h", line) for line in lines[1:]):
                failures.append(f"box {title!r} shows {lines!r}, its name is {want!r}")
        elif g.get("class") == "cluster" and lines and lines[0] not in categories:
            failures.append(f"a cluster shows {lines!r}")
    if seen != set(names):
        failures.append(f"boxes missing: {sorted(set(names) - seen)}")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
