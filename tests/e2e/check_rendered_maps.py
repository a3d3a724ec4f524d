#!/usr/bin/env python3
"""Renders the maps of Markdown plans (and a graph drawn by category) in headless Chromium with
the pinned mermaid package, and compares the text of every drawn box and subgraph title with
the names the graph gives: W&B, quotes, angle brackets, backslashes and the rest of the hostile
names must be drawn as written, and no box may be lost.

usage: check_rendered_maps.py BINARY FIXTURES_DIR BUILTIN_GRAPH_JSON
Exits 77 (skipped) when chromium, node or tests/node_modules is missing.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_MODULES = os.path.join(HERE, "..", "node_modules", "mermaid")

# What follows a skill's name in a box: its hours, or the stage of a skill from earlier.
SECOND_LINE = re.compile(r"^( · (\d+(\.\d+)? h|stage \d+))?$")
STAGE_BOX = re.compile(r"^Stages? \d+(-\d+)?(: start now)? · \d+ skills?, [\d.]+ hours?$")
STAGE_TITLE = re.compile(r"^(Stage \d+(: start now)?(, part \d+ of \d+)?|From earlier stages)$")
NODE_ID = re.compile(r"-flowchart-([st]\d+)-\d+$")
SOURCE_NODE = re.compile(r"^\s+([st]\d+)\[\"", re.M)


def drawn(name):
    """A name as a box shows it: control characters (line breaks among them) as spaces."""
    out = []
    for c in name:
        out.append(" " if ord(c) < 0x20 or ord(c) == 0x7F or 0x80 <= ord(c) < 0xA0 else c)
    return "".join(out)


def wide_graph(path, roots=30, wide=90):
    """A graph whose second stage is too large for one map: `wide` skills waiting for 3 of
    `roots` each."""
    skills = [{"id": f"r{r}", "name": f"Root & {r}", "category": "c", "hours": 1}
              for r in range(roots)]
    skills += [{"id": f"w{w}", "name": f"Wide <{w}>", "category": "c", "hours": 2,
                "prerequisites": [f"r{(w + k) % roots}" for k in range(3)]} for w in range(wide)]
    graph = {"categories": [{"id": "c", "name": "C"}], "skills": skills,
             "roles": [{"id": "g", "name": "G", "skills": [f"w{w}" for w in range(wide)],
                        "default": True}]}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(graph, f)


def mermaid_blocks(markdown):
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.M | re.S)


class Checker:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work
        self.cases = []  # (mermaid file, skill names by index, category names or None, label)
        self.failures = []

    def run(self, *args):
        env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
        done = subprocess.run([self.binary, *args], capture_output=True, env=env, check=False)
        if done.returncode != 0:
            raise SystemExit(f"FAIL: mlroadmap {' '.join(args)}: {done.stderr.decode()}")
        return done.stdout.decode("utf-8")

    def add(self, graph_json, label, args, categories=False):
        with open(graph_json, encoding="utf-8") as f:
            graph = json.load(f)
        names = [s["name"] for s in graph["skills"]]
        groups = [c["name"] for c in graph["categories"]] if categories else None
        text = self.run(*args)
        blocks = mermaid_blocks(text) if "--format" in args and "markdown" in args else [text]
        if not blocks:
            self.failures.append(f"{label}: no Mermaid block")
        for k, block in enumerate(blocks):
            path = os.path.join(self.work, f"{len(self.cases)}.mmd")
            with open(path, "w", encoding="utf-8") as f:
                f.write(block)
            self.cases.append((path, names, groups, f"{label} map {k + 1}"))

    def check_node(self, label, node, text, names):
        if node.startswith("t"):
            if not STAGE_BOX.match(text):
                self.failures.append(f"{label}: stage box {node} drawn as {text!r}")
            return
        name = drawn(names[int(node[1:])])
        if not text.startswith(name) or not SECOND_LINE.match(text[len(name):]):
            self.failures.append(f"{label}: {node} drawn as {text!r}, its name is {name!r}")

    def check(self, rendered):
        for path, names, groups, label in self.cases:
            result = rendered.get(path, {"error": "not rendered"})
            if "error" in result:
                self.failures.append(f"{label}: {result['error']}")
                continue
            with open(path, encoding="utf-8") as f:
                expected = set(SOURCE_NODE.findall(f.read()))
            drawn_nodes = {}
            for element_id, text in result["nodes"].items():
                match = NODE_ID.search(element_id)
                if match:
                    drawn_nodes[match.group(1)] = text
            if set(drawn_nodes) != expected:
                self.failures.append(f"{label}: boxes {sorted(expected - set(drawn_nodes))} "
                                     "not drawn")
            for node, text in drawn_nodes.items():
                self.check_node(label, node, text, names)
            for text in result["clusters"].values():
                wanted = [drawn(g) for g in groups] if groups is not None else None
                if (text not in wanted) if wanted is not None else not STAGE_TITLE.match(text):
                    self.failures.append(f"{label}: a subgraph titled {text!r}")


def main():
    binary, fixtures, builtin = sys.argv[1:4]
    if not shutil.which("chromium") or not shutil.which("node") or \
            not os.path.isdir(NODE_MODULES):
        print("SKIPPED: chromium, node or tests/node_modules missing "
              "(scripts/setup-debian.sh installs them and runs npm ci)")
        return 77
    with tempfile.TemporaryDirectory() as work:
        checker = Checker(binary, work)
        hostile_names = os.path.join(fixtures, "hostile-names.json")
        hostile = os.path.join(fixtures, "hostile.json")
        checker.add(builtin, "built-in plan", ["plan", "--have", "python,sql", "--format",
                                               "markdown"])
        checker.add(hostile_names, "hostile names plan",
                    ["plan", "--graph", hostile_names, "--format", "markdown"])
        checker.add(hostile, "hostile plan", ["plan", "--graph", hostile, "--format", "markdown"])
        wide = os.path.join(work, "wide.json")
        wide_graph(wide)
        checker.add(wide, "plan with a stage in parts", ["plan", "--graph", wide, "--format",
                                                         "markdown"])
        checker.add(hostile_names, "hostile names graph",
                    ["graph", "--graph", hostile_names, "--format", "mermaid"], categories=True)
        files = [case[0] for case in checker.cases]
        done = subprocess.run(["node", os.path.join(HERE, "render_mermaid.mjs"), *files],
                              capture_output=True, timeout=90, check=False)
        if done.returncode != 0:
            print(f"FAIL: rendering in chromium: {done.stderr.decode()[-2000:]}")
            return 1
        checker.check(json.loads(done.stdout))
    for failure in checker.failures:
        print(f"FAIL: {failure}")
    if checker.failures:
        return 1
    print(f"{len(checker.cases)} maps rendered in Chromium: every box and title as written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
