"""Editing keys as GNU readline has them (CPython 3.11's REPL with Debian's /etc/inputrc decided
every expected line below): word motion and deletion, Home/End/Delete, and keys whose escape
sequences must never put their tail (`5D`, `~`, …) into the line."""
import unittest

from harness import Session

CTRL_LEFT, ALT_LEFT, CTRL_RIGHT, ALT_RIGHT = "\x1b[1;5D", "\x1b[1;3D", "\x1b[1;5C", "\x1b[1;3C"
HOME, END, DELETE, BACKSPACE, CTRL_R = "\x1b[H", "\x1b[F", "\x1b[3~", "\x7f", "\x12"
TEXT = "s = 'ab cd.ef_gh ij"


class EditingKeyTests(unittest.TestCase):
    def edited(self, repl, keys):
        """Types TEXT, then `keys`, then X, End and the closing quote; returns the string made."""
        repl.send(TEXT + keys + "X" + END + "'\r")
        repl.expect_prompt()
        return repl.enter("s").strip()

    def test_keys_edit_as_readline_does(self):
        cases = [
            (CTRL_LEFT, "'ab cd.ef_gh Xij'"),
            (CTRL_LEFT * 2, "'ab cd.ef_Xgh ij'"),
            (CTRL_LEFT * 3, "'ab cd.Xef_gh ij'"),
            (ALT_LEFT * 2, "'ab cd.ef_Xgh ij'"),
            ("\x1b\x1b[D", "'ab cd.ef_gh Xij'"),
            ("\x1b[5D", "'ab cd.ef_gh Xij'"),
            ("\x1bb\x1bb", "'ab cd.ef_Xgh ij'"),
            (CTRL_LEFT * 4 + CTRL_RIGHT, "'ab cdX.ef_gh ij'"),
            (CTRL_LEFT * 4 + ALT_RIGHT, "'ab cdX.ef_gh ij'"),
            (CTRL_LEFT * 4 + "\x1bf", "'ab cdX.ef_gh ij'"),
            (CTRL_LEFT * 4 + "\x1b\x1b[C", "'ab cdX.ef_gh ij'"),
            (CTRL_LEFT * 3 + "\x1b[3;5~", "'ab cd.X_gh ij'"),  # Ctrl-Delete
            (CTRL_LEFT * 3 + "\x1bd", "'ab cd.X_gh ij'"),  # Alt-D
            (CTRL_LEFT * 3 + DELETE, "'ab cd.Xf_gh ij'"),
            ("\x17", "'ab cd.ef_gh X'"),  # Ctrl-W
            ("  \x17", "'ab cd.ef_gh X'"),
            ("\x1b\x7f", "'ab cd.ef_gh X'"),  # Alt-Backspace
            ("\x1b\x7f\x1b\x7f", "'ab cd.ef_X'"),
            (HOME + END, "'ab cd.ef_gh ijX'"),
            ("\x1bOH\x1bOF", "'ab cd.ef_gh ijX'"),
            ("\x1b[1~\x1b[4~", "'ab cd.ef_gh ijX'"),
            ("\x1b[2~Y", "'ab cd.ef_gh ijYX'"),  # Insert: the next key typed as it is
        ]
        repl = Session(self)
        repl.expect_prompt()
        for keys, expected in cases:
            with self.subTest(keys=keys):
                self.assertEqual(self.edited(repl, keys), expected)

    def test_no_key_types_the_tail_of_its_sequence(self):
        # PageUp/PageDown, F1-F12, Shift/Alt/Ctrl with arrows, Home, End, PageUp, Delete, Insert.
        keys = ["\x1b[5~", "\x1b[6~", "\x1bOP", "\x1b[15~", "\x1b[24~", "\x1b[Z", "\x1b[1;2D", "\x1b[1;2C",
                "\x1b[1;5A", "\x1b[1;5B", "\x1b[5;5~", "\x1b[6;2~", "\x1b[3;3~", "\x1b[7~", "\x1b[8~", "\x1b[1;6H"]
        repl = Session(self)
        repl.expect_prompt()
        for key in keys:
            with self.subTest(key=key):
                self.assertEqual(self.edited(repl, END + key), "'ab cd.ef_gh ijX'")


class ReverseSearchTests(unittest.TestCase):
    def test_ctrl_r_reads_as_readline_and_finds_older_matches(self):
        repl = Session(self)
        repl.expect_prompt()
        for line in ["alpha = 1", "beta = 2", "alphabet = 3", "'other'"]:
            repl.enter(line)
        repl.send(CTRL_R)
        repl.child.expect_exact("(reverse-i-search)`': ")
        repl.send("alph")
        repl.child.expect_exact("(reverse-i-search)`alph': alphabet = 3")
        # Ctrl-R again: the next older match.
        repl.send(CTRL_R)
        repl.child.expect_exact("(reverse-i-search)`alph': alpha = 1")
        repl.send("z")
        repl.child.expect_exact("(failed reverse-i-search)`alphz': alpha = 1")
        repl.send(BACKSPACE)
        repl.child.expect_exact("(reverse-i-search)`alph': alphabet = 3")
        # Another key ends the search with the match on the line, and then acts: End, then Enter.
        repl.send(END + "0\r")
        # The line is redrawn with its prompt before it runs: wait until the next line is read.
        repl.reading()
        repl.expect_prompt()
        self.assertEqual(repl.enter("alphabet"), "30\n")

    def test_ctrl_g_gives_the_line_back(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("found = 1")
        repl.send("kept = 2" + CTRL_R + "fou")
        repl.child.expect_exact("(reverse-i-search)`fou': found = 1")
        repl.send("\x07\r")
        repl.reading()
        repl.expect_prompt()
        self.assertEqual(repl.enter("kept, found"), "(2, 1)\n")


if __name__ == "__main__":
    unittest.main()
