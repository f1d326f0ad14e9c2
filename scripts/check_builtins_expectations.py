#!/usr/bin/env python3
"""Replays the Python side of every check in the builtins tests under CPython and confirms the
expected text written beside it (run with python3.11: `python3 scripts/check_builtins_expectations.py`).

A test line reads `check(#"PYTHON"#, #"EXPECTED"#) { ... }`: PYTHON is statements separated by
`; `, the last an expression whose repr (or `TypeName: message` if it raises) is EXPECTED.
`checkOutput(#"PYTHON"#, #"EXPECTED"#)` compares what PYTHON prints instead; there `\\#n` in
EXPECTED stands for a newline (Swift's raw-string escape).
"""
import ast
import contextlib
import io
import math  # noqa: F401  (the tests' `math.` calls)
import pathlib
import re
import sys

PATTERN = re.compile(r'(check|checkOutput)\(#"(.*?)"#,\s*#"(.*?)"#', re.S)


def outcome(source):
    tree = ast.parse(source)
    namespace = {"math": math}
    last = tree.body[-1]
    try:
        exec(compile(ast.Module(tree.body[:-1], []), "<check>", "exec"), namespace)
        value = eval(compile(ast.Expression(last.value), "<check>", "eval"), namespace)
        return repr(value)
    except BaseException as e:  # noqa: BLE001 - the exception is the outcome
        message = str(e)
        return f"{type(e).__name__}: {message}" if message else type(e).__name__


def printed(source):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(source, {"math": math})
    return buffer.getvalue()


def main():
    root = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "GradLangTests"
    failures = total = 0
    for path in sorted(root.glob("*BuiltinsTests.swift")):
        for kind, source, expected in PATTERN.findall(path.read_text()):
            total += 1
            if kind == "check":
                actual = outcome(source)
            else:
                actual = printed(source)
                expected = expected.replace("\\#n", "\n")
            if actual != expected:
                failures += 1
                print(f"{path.name}: {source}\n    expected {expected!r}\n    CPython  {actual!r}")
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
