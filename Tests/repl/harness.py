"""Drives the real `grad` binary through a pseudo-terminal (pexpect), as a person at a terminal would.

The binary is $GRAD, else .build/debug/grad, else .build/release/grad (scripts/test builds it first).
Every session gets its own HOME and history file, so tests never touch the user's.
"""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unittest

import pexpect

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def grad_binary():
    if os.environ.get("GRAD"):
        return os.path.abspath(os.environ["GRAD"])
    for configuration in ("debug", "release"):
        path = os.path.join(ROOT, ".build", configuration, "grad")
        if os.path.exists(path):
            return path
    raise RuntimeError("no grad binary: run `swift build` first, or set GRAD")


GRAD = grad_binary()

# Ctrl-C as a terminal's foreground job has it, however the tests were started: a script's
# background job inherits SIGINT ignored, which grad and CPython keep ignored, and every program
# these tests start would inherit it. (A handled signal is reset to the default across exec.)
signal.signal(signal.SIGINT, signal.default_int_handler)
PROMPT = "grad> "
CONTINUATION = "...   "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")
BRACKETED_START, BRACKETED_END = "\x1b[200~", "\x1b[201~"
CTRL_C, CTRL_D, CTRL_R, TAB, UP = "\x03", "\x04", "\x12", "\t", "\x1b[A"
# grad switches the terminal's bracketed paste mode on each time it starts reading a line (and off
# once it has the line): seeing this means every line sent before has been read and handled.
READING = "\x1b[?2004h"


def clean(text):
    """Terminal output without escape sequences and carriage returns."""
    return ANSI.sub("", text).replace("\r", "")


def has_torch():
    result = subprocess.run([GRAD, "-c", "import torch"], capture_output=True)
    return result.returncode == 0


requires_torch = unittest.skipUnless(has_torch(), "the torch module is not in this build yet")


# Pass as `history` to leave GRAD_HISTORY unset (grad then uses the XDG state directory or HOME).
DEFAULT_HISTORY = object()


class Session:
    """One `grad` process on a pseudo-terminal."""

    def __init__(self, test, *args, env=None, history=None, colour=False, rows=50, columns=200, memory_limit_kb=None):
        self.home = tempfile.mkdtemp(prefix="grad-repl-test-")
        test.addCleanup(shutil.rmtree, self.home, True)
        self.history = history if history is not None else os.path.join(self.home, "history")
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "TERM": "xterm",
            "LC_ALL": "C.UTF-8",
            # Long help is written plainly, not through less (test_repl_help tests the pager).
            "PAGER": "cat",
        }
        if history is not DEFAULT_HISTORY:
            environment["GRAD_HISTORY"] = self.history
        if not colour:
            environment["NO_COLOR"] = "1"
        environment.update(env or {})
        command, arguments = GRAD, list(args)
        if memory_limit_kb is not None:
            # `ulimit -v`: grad's address space is capped, so that large allocations fail.
            command, arguments = "bash", ["-c", f'ulimit -v {memory_limit_kb}; exec "$0" "$@"', GRAD, *args]
        self.child = pexpect.spawn(command, arguments, env=environment, encoding="utf-8", codec_errors="replace", timeout=20,
                                   dimensions=(rows, columns), cwd=self.home)
        test.addCleanup(self.terminate)
        # Lines sent by paste() or type_fast() that sync() has not yet seen grad read.
        self.unread_lines = 0

    def terminate(self):
        if self.child.isalive():
            self.child.terminate(force=True)

    def expect_prompt(self, prompt=PROMPT):
        """Waits for a prompt; returns the output before it, cleaned."""
        self.child.expect_exact(prompt)
        return clean(self.child.before)

    def enter(self, line, prompt=PROMPT):
        """Types a line and Enter; returns what was printed before the next prompt, minus the echo."""
        self.child.send(line + "\r")
        output = self.expect_prompt(prompt)
        lines = output.split("\n")
        # The first line is the echo of what was typed.
        return "\n".join(lines[1:])

    def reading(self, lines=1):
        """Waits until grad has read `lines` more lines (a bracketed paste with a newline is one)
        and is reading the next; returns the output until then, uncleaned."""
        output = ""
        for _ in range(lines):
            self.child.expect_exact(READING)
            output += self.child.before + self.child.after
        return output

    def sync(self):
        """Waits until everything sent so far has run; returns all output since the last prompt
        was awaited (the marker line's own echo excluded). The marker is sent only once grad has
        read every line pasted or typed before, so that it cannot join their burst (where, after
        a transcript, it would count as the transcript's output)."""
        before = self.reading(self.unread_lines)
        self.unread_lines = 0
        self.child.send("'sync' + '-marker'\r")
        self.child.expect_exact("'sync-marker'")
        output = clean(before + self.child.before)
        self.expect_prompt()
        return output[:output.rfind("\n", 0, output.rfind("'sync' + '-marker'"))]

    def send(self, text):
        self.child.send(text)

    def paste(self, text):
        """A paste as a terminal with bracketed paste mode sends it."""
        self.child.send(BRACKETED_START + text.replace("\n", "\r") + BRACKETED_END)
        # Pasted text with a newline is entered at once, as one line; without, it is only inserted.
        self.unread_lines += 1 if "\n" in text else 0

    def type_fast(self, text):
        """Text arriving faster than typing and without paste markers (a terminal without
        bracketed paste, or a program writing to the terminal)."""
        self.child.send(text.replace("\n", "\r"))
        self.unread_lines += text.count("\n")

    def exit_status(self, keys=CTRL_D):
        self.child.send(keys)
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


class Screen:
    """A program on a pseudo-terminal whose output is drawn on an emulated screen (pyte), to check
    what a person would see: where the text and the cursor are after redraws."""

    def __init__(self, test, command, args=(), rows=12, columns=40, env=None):
        import pyte
        home = tempfile.mkdtemp(prefix="grad-screen-test-")
        test.addCleanup(shutil.rmtree, home, True)
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TERM": "xterm",
                       "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "GRAD_HISTORY": os.path.join(home, "history")}
        environment.update(env or {})
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(command, list(args), env=environment, encoding="utf-8", codec_errors="replace",
                                   timeout=20, dimensions=(rows, columns), cwd=home)
        test.addCleanup(self.child.terminate, True)
        self.test = test

    def send(self, text):
        self.child.send(text)

    def lines(self):
        return [line.rstrip() for line in self.screen.display]

    def cursor(self):
        return (self.screen.cursor.y, self.screen.cursor.x)

    def wait(self, condition, what, timeout=10):
        """Reads output until `condition(self)` holds; fails after `timeout` seconds."""
        import time
        end = time.monotonic() + timeout
        while not condition(self):
            if time.monotonic() > end:
                self.test.fail(f"the screen never showed {what}:\n" + "\n".join(self.lines())
                               + f"\n(cursor at {self.cursor()})")
            try:
                self.stream.feed(self.child.read_nonblocking(100000, timeout=0.1))
            except pexpect.TIMEOUT:
                pass

    def wait_for_line(self, text, row=None):
        """Waits until a line of the screen (or the given row) reads `text`."""
        if row is None:
            self.wait(lambda s: text in s.lines(), repr(text))
        else:
            self.wait(lambda s: s.lines()[row] == text, f"{text!r} on row {row}")

    def resize(self, rows, columns):
        self.screen.resize(rows, columns)
        self.child.setwinsize(rows, columns)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# The seed's snippets are in samples/seed unchanged; what PyTorch printed for them is beside the
# seed document, as SamplesTests reads it.
SNIPPET6 = os.path.join(ROOT, "samples", "seed", "snippet6.grad")
SNIPPET6_EXPECTED = os.path.join(ROOT, "..", "shared", "seed", "snippets", "snippet6.expected")
