#!/usr/bin/env python3
"""Checks that mlroadmap's plan of a whole graph is a valid topological order of exactly its
skills: every skill once, every prerequisite before the skill that needs it, stages consistent.

usage: check_plan_order.py GRAPH.json IDS.txt
"""
import json
import sys


def main():
    graph = json.load(open(sys.argv[1]))
    order = open(sys.argv[2]).read().split()
    skills = {s["id"]: s for s in graph["skills"]}
    problems = []
    if len(order) != len(set(order)):
        problems.append("a skill appears twice")
    if set(order) != set(skills):
        problems.append(f"{len(set(skills) - set(order))} skills missing, "
                        f"{len(set(order) - set(skills))} unknown")
    position = {skill: i for i, skill in enumerate(order)}
    for skill, data in skills.items():
        for prerequisite in data.get("prerequisites", []):
            if isinstance(prerequisite, dict):
                continue  # the generator writes plain ids only
            if position.get(prerequisite, -1) >= position.get(skill, -1):
                problems.append(f"{prerequisite} does not come before {skill}")
                break
    if problems:
        print("\n".join(problems[:20]))
        return 1
    print(f"valid topological order of {len(order)} skills")
    return 0


if __name__ == "__main__":
    sys.exit(main())
