"""Records what CPython prints for each script here, run in a fresh empty directory as the test
runs grad: `~/torchenv/bin/python Tests/repl/file_scripts/record.py` (CPython 3.11 with the tqdm
package installed, for the tqdm_ scripts) writes NAME.expected."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command, script):
    """(stdout, stderr, exit status) of `command script` in a new empty directory, its standard
    input NAME.stdin's text when there is one (through a pipe), else empty."""
    directory = tempfile.mkdtemp(prefix="grad-file-script-")
    stdin_path = os.path.join(HERE, script[:-3] + ".stdin")
    stdin = ""
    if os.path.exists(stdin_path):
        with open(stdin_path) as f:
            stdin = f.read()
    try:
        shutil.copy(os.path.join(HERE, script), directory)
        result = subprocess.run([*command, script], cwd=directory, capture_output=True, text=True, timeout=60,
                                input=stdin, env=dict(os.environ, NO_COLOR="1", HOME="/home/grad-test"))
        return result.stdout, result.stderr, result.returncode
    finally:
        shutil.rmtree(directory, True)


def expected_text(stdout, stderr, status):
    return f"--- stdout\n{stdout}--- stderr\n{stderr}--- exit {status}\n"


if __name__ == "__main__":
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".py") and name != "record.py":
            with open(os.path.join(HERE, name[:-3] + ".expected"), "w") as f:
                f.write(expected_text(*run([sys.executable], name)))
            print("recorded", name)
