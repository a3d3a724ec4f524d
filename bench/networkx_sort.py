#!/usr/bin/env python3
"""Topological sort of the edges generate_graph.py wrote (--edges), with networkx, for
comparison: reads "prerequisite skill" lines and prints one node per line in order."""
import sys

import networkx as nx


def main():
    graph = nx.DiGraph()
    with open(sys.argv[1]) as edges:
        for line in edges:
            a, b = line.split()
            graph.add_edge(a, b)
    out = sys.stdout
    for node in nx.topological_sort(graph):
        out.write(node)
        out.write("\n")


if __name__ == "__main__":
    main()
