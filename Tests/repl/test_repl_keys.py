"""Editing keys as GNU readline has them (CPython 3.11's REPL with Debian's /etc/inputrc decided
every expected line below): word motion and deletion, Home/End/Delete, and keys whose escape
sequences must never put their tail (`5D`, `~`, …) into the line."""
import unittest

from harness import PROMPT, Session

CTRL_LEFT, ALT_LEFT, CTRL_RIGHT, ALT_RIGHT = "\x1b[1;5D", "\x1b[1;3D", "\x1b[1;5C", "\x1b[1;3C"
HOME, END, DELETE = "\x1b[H", "\x1b[F", "\x1b[3~"
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


if __name__ == "__main__":
    unittest.main()
