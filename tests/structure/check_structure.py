#!/usr/bin/env python3
"""Checks the shape of the source tree against the limits the project keeps.

- no file in src/ or include/ over 700 lines;
- no function over 80 lines or of McCabe complexity 25 or more (measured by pmccabe);
- no two modules include each other (a module is a stem's .hpp and .cpp, include/mlroadmap
  and src/core together), and the core never includes the command line;
- public headers hold no asm, prefetch builtins, intrinsics or friend declarations;
- no unit test's name holds a ';', which CMake reads as a list separator, so ctest would run
  two halves of the name that match no test, and pass.

usage: check_structure.py SOURCE_DIR [PMCCABE]
Prints each breach and exits 1 when there is any.
"""
import os
import re
import subprocess
import sys
import tempfile

MAX_FILE_LINES = 700
MAX_FUNCTION_LINES = 80
MAX_COMPLEXITY = 25


def sources(root):
    for top in ("src", "include"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if name.endswith((".cpp", ".hpp")):
                    yield os.path.join(folder, name)


def module_of(path):
    """The module a file belongs to: its folder group and its stem."""
    stem = os.path.splitext(os.path.basename(path))[0]
    group = "cli" if os.sep + "cli" + os.sep in path else "core"
    return f"{group}/{stem}"


def includes(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if m:
                yield m.group(1)


def resolve(root, path, name):
    """The module a quoted include names, or None when it is not one of ours."""
    here = os.path.dirname(path)
    for candidate in (os.path.join(here, name), os.path.join(root, "include", name),
                      os.path.join(root, "src", "core", name)):
        if os.path.exists(candidate):
            return module_of(os.path.normpath(candidate)), candidate
    return None, None


def readable_by_pmccabe(text):
    """The same code, line for line, in a form pmccabe parses: it skips every function inside
    `namespace a::b {`, loses its way after `noexcept`, and reads a digit separator
    (0xFFFF'FFFF) as a character literal, and is thrown off by what raw strings hold."""
    def open_nested(m):
        names = m.group(1).split("::")
        return " ".join(f"namespace {n} {{" for n in names)

    def close_nested(m):
        return "}" * (m.group(1).count("::") + 1)

    text = re.sub(r"namespace[ \t]+(\w+(?:::\w+)+)[ \t]*\{", open_nested, text)
    text = re.sub(r"\}[ \t]*//[ \t]*namespace[ \t]+(\w+(?:::\w+)+)", close_nested, text)
    text = re.sub(r"\bnoexcept\b", "", text)  # pmccabe loses its way after it
    # pmccabe does not know raw strings: quotes and brackets inside one (a shell script) throw
    # it off. Each becomes an empty string on as many lines.
    text = re.sub(r'R"([^(\s]*)\((.*?)\)\1"', lambda m: '""' + "\n" * m.group(2).count("\n"),
                  text, flags=re.S)
    return re.sub(r"(?<=[0-9A-Fa-f])'(?=[0-9A-Fa-f]{2})", "", text)


def measure(pmccabe, root, files):
    """pmccabe's rows and complaints, with the files' own names."""
    with tempfile.TemporaryDirectory() as work:
        copies = {}
        for path in files:
            copy = os.path.join(work, os.path.relpath(path, root))
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            with open(path, encoding="utf-8") as f, open(copy, "w", encoding="utf-8") as out:
                out.write(readable_by_pmccabe(f.read()))
            copies[copy] = os.path.relpath(path, root)
        result = subprocess.run([pmccabe] + list(copies), capture_output=True, text=True)
    rename = lambda text: re.sub("|".join(re.escape(c) for c in copies),
                                 lambda m: copies[m.group(0)], text)
    return rename(result.stdout).splitlines(), rename(result.stderr).splitlines()


def test_name_problems(root):
    folder = os.path.join(root, "tests", "unit")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".cpp"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                m = re.search(r'TEST_CASE\("([^"]*)"', line)
                if m and ";" in m.group(1):
                    yield f"tests/unit/{name}:{number}: a ';' in a test name splits it under ctest"


def main():
    root = sys.argv[1]
    pmccabe = sys.argv[2] if len(sys.argv) > 2 else "pmccabe"
    problems = []
    files = list(sources(root))
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = sum(1 for _ in f)
        if lines > MAX_FILE_LINES:
            problems.append(f"{os.path.relpath(path, root)}: {lines} lines, over {MAX_FILE_LINES}")

    edges = {}
    for path in files:
        module = module_of(path)
        for name in includes(path):
            target, found = resolve(root, path, name)
            if target is None or target == module:
                continue
            edges.setdefault(module, set()).add(target)
            if module.startswith("core/") and target.startswith("cli/"):
                problems.append(f"{os.path.relpath(path, root)}: the core includes {name}")
    for module, targets in sorted(edges.items()):
        for target in sorted(targets):
            if module < target and module in edges.get(target, set()):
                problems.append(f"modules {module} and {target} include each other")

    forbidden = re.compile(r"\basm\b|__builtin_prefetch|_mm_\w+|<immintrin\.h>|<emmintrin\.h>|"
                           r"<x86intrin\.h>|\bfriend\b")
    for path in files:
        if os.sep + "include" + os.sep not in path:
            continue
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                code = line.split("//")[0]
                if forbidden.search(code):
                    problems.append(f"{os.path.relpath(path, root)}:{number}: machinery in a public "
                                    f"header: {line.strip()}")

    problems.extend(test_name_problems(root))

    rows, complaints = measure(pmccabe, root, files)
    if len(rows) < len(files):
        problems.append(f"pmccabe measured only {len(rows)} functions in {len(files)} files")
    for message in complaints:
        problems.append(f"pmccabe could not read: {message}")
    for row in rows:
        fields = row.split("\t")
        if len(fields) < 6:
            continue
        complexity, lines, where = int(fields[0]), int(fields[4]), fields[5]
        if complexity >= MAX_COMPLEXITY:
            problems.append(f"{where}: McCabe {complexity}, {MAX_COMPLEXITY} or more")
        if lines > MAX_FUNCTION_LINES:
            problems.append(f"{where}: {lines} lines, over {MAX_FUNCTION_LINES}")

    for problem in problems:
        print(problem)
    print(f"{len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
