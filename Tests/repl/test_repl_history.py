"""History: kept across sessions in $GRAD_HISTORY (or the XDG state directory), written after every
entry, a block recalled as one entry, Ctrl-R search, and no trouble from bad files."""
import os
import random
import unittest

from harness import CONTINUATION, CTRL_C, CTRL_R, DEFAULT_HISTORY, UP, Session, clean


def history_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")[:-1]


class HistoryTests(unittest.TestCase):
    def test_history_across_two_sessions(self):
        first = Session(self)
        first.expect_prompt()
        first.enter("total = 0")
        first.enter("for k in [1, 2, 3]:", prompt=CONTINUATION)
        first.enter("total = total + k", prompt=CONTINUATION)
        first.enter("")
        first.enter("unique_marker_name = 'found me'")
        # Written after every entry, before the session ends.
        self.assertEqual(history_lines(first.history),
                         ["total = 0", "for k in [1, 2, 3]:\\n    total = total + k", "unique_marker_name = 'found me'"])
        self.assertEqual(first.exit_status(), 0)

        second = Session(self, history=first.history)
        second.expect_prompt()
        second.enter("total = 10")
        # Up twice: past `total = 10` to the whole for block, which runs again as one entry.
        # Each Up draws the entry it recalls.
        for recalled in ("total = 10", "unique_marker_name = 'found me'", "for k in [1, 2, 3]:"):
            second.send(UP)
            second.child.expect_exact(recalled)
        second.send("\r")
        second.expect_prompt()
        self.assertEqual(second.enter("total"), "16\n")
        # Ctrl-R finds an entry of the first session by a piece of it.
        second.send(CTRL_R)
        second.child.expect_exact("(reverse-i-search)`': ")
        second.send("marker_na")
        second.child.expect_exact("(reverse-i-search)`marker_na': unique_marker_name = 'found me'")
        second.send("\r")
        # The line is redrawn with its prompt before it runs: wait until the next line is read.
        second.reading()
        second.expect_prompt()
        self.assertEqual(second.enter("unique_marker_name"), "'found me'\n")

    def test_default_locations(self):
        repl = Session(self, history=DEFAULT_HISTORY)
        repl.expect_prompt()
        repl.enter("in_home = 1")
        self.assertEqual(history_lines(os.path.join(repl.home, ".local", "state", "grad", "history")), ["in_home = 1"])
        state = os.path.join(repl.home, "state")
        xdg = Session(self, history=DEFAULT_HISTORY, env={"XDG_STATE_HOME": state})
        xdg.expect_prompt()
        xdg.enter("in_state = 1")
        self.assertEqual(history_lines(os.path.join(state, "grad", "history")), ["in_state = 1"])

    def test_empty_grad_history_turns_history_off(self):
        repl = Session(self, history="")
        repl.expect_prompt()
        repl.enter("x = 1")
        self.assertEqual(repl.exit_status(), 0)
        self.assertEqual(os.listdir(repl.home), [])

    def test_interrupted_input_is_not_history(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.send("half typed")
        repl.child.expect_exact("half typed")
        repl.send(CTRL_C)
        repl.expect_prompt()
        repl.enter("kept = 1")
        self.assertEqual(history_lines(repl.history), ["kept = 1"])

    def test_bad_history_files_do_no_harm(self):
        cases = {
            "missing directory": lambda home: os.path.join(home, "new", "dir", "history"),
            "a directory": lambda home: home,
            "binary junk": None,
        }
        for name, make_path in cases.items():
            with self.subTest(name=name):
                probe = Session(self)
                probe.terminate()
                if make_path is None:
                    path = os.path.join(probe.home, "junk")
                    with open(path, "wb") as f:
                        f.write(b"good_entry = 1\n\x00\xff\xfe\x01\x02garbage\n\\\n" + random.Random(7).randbytes(2000) + b"\n")
                else:
                    path = make_path(probe.home)
                repl = Session(self, history=path)
                repl.expect_prompt()
                self.assertEqual(repl.enter("1 + 1"), "2\n")
                self.assertEqual(repl.exit_status(), 0)
        self.assertTrue(os.path.exists(os.path.join(probe.home, "junk")))

    def test_endless_or_huge_history_files_are_not_read_whole(self):
        # /dev/zero and /dev/full never end; a 35 GB (sparse) file is read only at its tail. The
        # REPL starts at once (the harness's 20 s timeout), and a file it cannot write (/dev/full:
        # no space left) is quietly not written.
        probe = Session(self)
        probe.terminate()
        huge = os.path.join(probe.home, "huge")
        with open(huge, "wb") as f:
            f.truncate(35_000_000_000)
            f.seek(0, os.SEEK_END)
            f.write(b"\nrecalled = 'from the tail'\n")
        for path in ["/dev/zero", "/dev/full", huge]:
            with self.subTest(path=path):
                repl = Session(self, history=path)
                repl.expect_prompt()
                self.assertEqual(repl.enter("1 + 1"), "2\n")
                if path == huge:
                    repl.send(UP + UP)
                    repl.child.expect_exact("recalled = 'from the tail'")
                    repl.send("\r")
                    self.assertEqual(repl.expect_prompt().split("\n")[1:], [""])
                    self.assertEqual(repl.enter("recalled"), "'from the tail'\n")
                self.assertEqual(repl.exit_status(), 0)
                self.assertEqual(clean(repl.child.before).replace("^D", ""), "\n", "no warning, no crash")
        self.assertLess(os.path.getsize(huge), 1000, "rewritten with the entries kept")


if __name__ == "__main__":
    unittest.main()
