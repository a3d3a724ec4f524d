#!/usr/bin/env python3
"""Reads HTML that cmark-gfm made of a Markdown plan (with --unsafe, so the anchors stay) on
standard input and checks that every in-document link (href="#...") leads somewhere: to an
element's id, or to a heading's id as GitHub makes it (lower case, spaces as '-', punctuation
other than '-' and '_' dropped, a repeated id numbered -1, -2...). Prints what does not resolve
and exits 1; with --count, prints how many links there are."""
import html
import re
import sys


def github_id(text, seen):
    slug = ""
    for c in text.lower():
        if c == " ":
            slug += "-"
        elif c.isalnum() or c in "-_" or ord(c) >= 0x80:
            slug += c
    n = seen.get(slug, 0)
    seen[slug] = n + 1
    return slug if n == 0 else f"{slug}-{n}"


def main():
    page = sys.stdin.read()
    ids = set(re.findall(r'\sid="([^"]*)"', page))
    seen = {}
    for inner in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page, re.S):
        ids.add(github_id(html.unescape(re.sub(r"<[^>]*>", "", inner)), seen))
    links = [html.unescape(h) for h in re.findall(r'href="#([^"]*)"', page)]
    missing = sorted({h for h in links if h not in ids})
    for target in missing:
        print(f"link to #{target} leads nowhere")
    if "--count" in sys.argv:
        print(len(links))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
