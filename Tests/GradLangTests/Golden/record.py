#!/usr/bin/env python3
"""Records the golden scripts' expected outputs from real CPython + PyTorch.

For every scripts/NAME.grad this runs `~/torchenv/bin/python NAME.grad` with the scripts folder as
the working directory and writes NAME.expected beside it:

    --- stdout
    <stdout exactly>
    --- stderr
    <stderr exactly>
    --- exit N

All three sections are always present; stdout and stderr are copied verbatim, even when empty,
with one normalisation: CPython 3.11 makes the main script's path absolute, so its tracebacks say
File "/abs/path/scripts/NAME.grad" (and a file that is not UTF-8 gets "in file /abs/path/...")
where grad, given the filename "NAME.grad", says File "NAME.grad"; the scripts folder's absolute
path is removed there from stderr. (Other SyntaxErrors already show the relative name.)
A recording that mentions site-packages (a traceback through PyTorch's Python code, which grad
cannot reproduce) or a warning is reported, so the script can be rewritten.
Expected files whose script is gone are deleted. The Swift tests never run PyTorch: they compare
grad's output with these committed files.

Usage: record.py [--python PATH] [NAME ...]     (no names: record every script)
The grad-only/ folder is not recorded: its expectations are written by hand (see its README).
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")


def render(stdout: str, stderr: str, status: int) -> str:
    return f"--- stdout\n{stdout}--- stderr\n{stderr}--- exit {status}\n"


def record(python: str, name: str) -> str:
    env = dict(os.environ)
    # Plain output: no colour, UTF-8 streams. Hash randomisation stays on, so a script whose
    # output depends on it shows up as a difference between two recordings.
    env.update(PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1",
               NO_COLOR="1", TERM="dumb", OMP_NUM_THREADS="1")
    env.pop("PYTHONSTARTUP", None)
    result = subprocess.run([python, name + ".grad"], cwd=SCRIPTS, env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8")
    for folder in {SCRIPTS, os.path.realpath(SCRIPTS)}:
        stderr = stderr.replace(f'File "{folder}{os.sep}', 'File "').replace(f' in file {folder}{os.sep}', ' in file ')
        stderr = "\n".join(line.removeprefix(f"{folder}{os.sep}") for line in stderr.split("\n"))
    text = render(result.stdout.decode("utf-8"), stderr, result.returncode)
    with open(os.path.join(SCRIPTS, name + ".expected"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", default=os.path.expanduser("~/torchenv/bin/python"))
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    scripts = sorted(f[:-5] for f in os.listdir(SCRIPTS) if f.endswith(".grad"))
    names = [n[:-5] if n.endswith(".grad") else n for n in args.names] or scripts
    for name in names:
        if name not in scripts:
            print(f"no such script: {name}.grad", file=sys.stderr)
            return 2
        text = record(args.python, name)
        status = text.rsplit("--- exit ", 1)[1].strip()
        problems = [word for word in ("site-packages",) if word in text.split("--- stderr\n", 1)[1]]
        print(f"{name}: exit {status}" + (f"  CHECK: stderr mentions {', '.join(problems)}" if problems else ""))
    if not args.names:
        for f in sorted(os.listdir(SCRIPTS)):
            if f.endswith(".expected") and f[:-9] not in scripts:
                os.remove(os.path.join(SCRIPTS, f))
                print(f"removed stale {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
