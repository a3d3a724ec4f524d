#!/usr/bin/env python3
"""Writes a synthetic skill graph in mlroadmap's format: N skills with about K prerequisites
each on average, a random DAG, realistic names, 24 categories, skills listed in a shuffled
order (so many prerequisites are defined further down the file, as in hand-kept graphs).
With --tsort FILE it also writes the same edges as input for tsort(1), and with --edges FILE
as "prerequisite skill" lines for other tools. The same seed gives the same files.

usage: generate_graph.py N OUT.json [--prerequisites K] [--seed S] [--tsort FILE] [--roles]
"""
import argparse
import json
import random

CATEGORIES = [
    "Programming", "Algorithms", "Systems", "Mathematics", "Statistics", "Data engineering",
    "Databases", "Visualization", "Machine learning", "Deep learning", "Natural language",
    "Computer vision", "Speech", "Reinforcement learning", "MLOps", "Cloud", "Security",
    "Product", "Leadership", "Communication", "Research", "Ethics", "Robotics", "Finance",
]
ADJECTIVES = ["Applied", "Advanced", "Practical", "Distributed", "Probabilistic", "Scalable",
              "Robust", "Efficient", "Bayesian", "Streaming", "Interactive", "Secure",
              "Numerical", "Causal", "Federated", "Incremental", "Visual", "Statistical"]
TOPICS = ["inference", "optimization", "indexing", "caching", "modelling", "testing",
          "retrieval", "scheduling", "compression", "monitoring", "sampling", "ranking",
          "tokenization", "segmentation", "forecasting", "clustering", "embedding",
          "serving", "labelling", "evaluation", "tuning", "profiling", "deployment"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("skills", type=int)
    parser.add_argument("out")
    parser.add_argument("--prerequisites", type=float, default=4.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tsort")
    parser.add_argument("--edges")
    parser.add_argument("--roles", action="store_true", help="add three roles over the graph")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = args.skills
    ids = [f"s{i}-{TOPICS[i % len(TOPICS)]}" for i in range(n)]
    # Skill i may only need skills before it in this order: a DAG. Choosing mostly from a window
    # of recent skills gives long chains as well as wide stages, like real curricula.
    prerequisites = []
    for i in range(n):
        if i == 0:
            prerequisites.append([])
            continue
        count = min(i, int(rng.expovariate(1.0 / args.prerequisites) + 0.5))
        chosen = set()
        while len(chosen) < count:
            if rng.random() < 0.8:
                chosen.add(rng.randrange(max(0, i - 2000), i))
            else:
                chosen.add(rng.randrange(0, i))
        prerequisites.append(sorted(chosen))
    order = list(range(n))
    rng.shuffle(order)
    edges = sum(len(p) for p in prerequisites)
    with open(args.out, "w") as out:
        out.write('{"schema_version": 1, "title": "Synthetic graph of %d skills", "categories": [\n' % n)
        out.write(",\n".join(
            json.dumps({"id": f"c{c}", "name": name}) for c, name in enumerate(CATEGORIES)))
        out.write('],\n"skills": [\n')
        for k, i in enumerate(order):
            skill = {
                "id": ids[i],
                "name": f"{ADJECTIVES[i % len(ADJECTIVES)]} {TOPICS[(i // 7) % len(TOPICS)]} {i}",
                "category": f"c{i % len(CATEGORIES)}",
                "hours": 2 + (i * 7919) % 60,
                "prerequisites": [ids[p] for p in prerequisites[i]],
            }
            out.write(json.dumps(skill, separators=(",", ":")))
            out.write(",\n" if k + 1 < n else "\n")
        out.write("]")
        if args.roles:
            last = list(range(max(0, n - 50), n))
            roles = [
                {"id": "role-a", "name": "Role A", "skills": [ids[i] for i in last[:20]], "default": True},
                {"id": "role-b", "name": "Role B", "skills": [ids[i] for i in last[20:35]]},
                {"id": "role-c", "name": "Role C", "skills": [ids[i] for i in last[35:]]},
            ]
            out.write(',\n"roles": ' + json.dumps(roles))
        out.write("}\n")
    if args.tsort:
        with open(args.tsort, "w") as out:
            for i in order:
                if not prerequisites[i]:
                    out.write(f"{ids[i]} {ids[i]}\n")
                for p in prerequisites[i]:
                    out.write(f"{ids[p]} {ids[i]}\n")
    if args.edges:
        with open(args.edges, "w") as out:
            for i in order:
                for p in prerequisites[i]:
                    out.write(f"{ids[p]} {ids[i]}\n")
    print(f"{args.out}: {n} skills, {edges} prerequisite edges")


if __name__ == "__main__":
    main()
