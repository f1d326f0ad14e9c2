"""Typing blocks at the `...` prompt: auto-indent (one level more after `:`, one less after
`return`, `pass`, `break`, `continue`, `raise`), Backspace through indentation, Enter or Ctrl-D on
an indented empty line ending the block, pastes never indented twice, and a bare exit / quit."""
import unittest

from harness import CONTINUATION, CTRL_D, Session

BACKSPACE, DELETE = "\x7f", "\x1b[3~"


def typed(repl, line):
    """Types a line at the `...` prompt and waits for the next one."""
    repl.send(line + "\r")
    repl.expect_prompt(CONTINUATION)


class AutoIndentTests(unittest.TestCase):
    def test_nested_blocks_indent_and_dedent(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.send("def classify(values):\r")
        repl.expect_prompt(CONTINUATION)
        # What the line starts with is drawn after the prompt.
        repl.child.expect_exact("    ")
        for line in ["out = []", "for v in values:", "if v < 0:", "out.append('neg')", "continue"]:
            typed(repl, line)
        # After `continue` the line is back at the for body's level (8 spaces).
        for line in ["if v == 0:", "break", "out.append('pos')"]:
            typed(repl, line)
        # One Backspace takes the line from the for body (8) to the def body (4).
        repl.send(BACKSPACE)
        typed(repl, "return out")
        # After `return` the line is empty: Enter ends the block.
        self.assertEqual(repl.enter(""), "")
        self.assertEqual(repl.enter("classify([1, -2, 3, 0, 5])"), "['pos', 'neg', 'pos']\n")

    def test_enter_on_an_indented_empty_line_ends_the_block(self):
        repl = Session(self)
        repl.expect_prompt()
        typed(repl, "for i in range(2):")
        typed(repl, "print(i * 10)")
        # The line holds only the auto-indent.
        self.assertEqual(repl.enter(""), "0\n10\n")

    def test_ctrl_d_on_an_indented_empty_line_ends_the_block_and_stays(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("keep = 7")
        typed(repl, "if keep:")
        typed(repl, "print('ran')")
        repl.send(CTRL_D)
        # The line is redrawn empty, and the block runs.
        self.assertTrue(repl.expect_prompt().endswith("\nran\n"))
        self.assertEqual(repl.enter("keep"), "7\n")

    def test_ctrl_d_on_spaces_at_the_primary_prompt_does_not_leave(self):
        # As readline's delete-char: a line that is not empty is edited, not ended.
        repl = Session(self)
        repl.expect_prompt()
        repl.send("   " + CTRL_D + "\x01" + DELETE * 3 + "'still' + ' here'\r")
        repl.child.expect_exact("'still here'")
        self.assertEqual(repl.exit_status(CTRL_D), 0)

    def test_no_indent_inside_brackets_or_strings(self):
        repl = Session(self)
        repl.expect_prompt()
        typed(repl, "pairs = {1:")
        typed(repl, "'a'}, '''x:")
        # Nothing was added inside the brackets or the string: the value says so.
        repl.enter("y'''")
        self.assertEqual(repl.enter("pairs"), "({1: 'a'}, 'x:\\ny')\n")

    def test_bracketed_paste_at_an_indented_line_is_not_indented_twice(self):
        repl = Session(self)
        repl.expect_prompt()
        typed(repl, "def f(x):")
        repl.paste("    y = x + 1\n    return y * 2\n")
        self.assertNotIn("Error", repl.sync())
        self.assertEqual(repl.enter("f(4)"), "10\n")

    def test_unmarked_fast_paste_is_not_indented(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.type_fast("def g(x):\n    if x:\n        return 'yes'\n    return 'no'\n\n")
        self.assertNotIn("Error", repl.sync())
        self.assertEqual(repl.enter("g(1), g(0)"), "('yes', 'no')\n")


class BareExitTests(unittest.TestCase):
    def test_bare_quit_leaves(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertEqual(repl.exit_status("quit\r"), 0)

    def test_a_defined_exit_is_a_name(self):
        # As CPython 3.13's REPL: `exit` and `quit` are commands only while no variable has the name.
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("exit = 'mine'")
        self.assertEqual(repl.enter("exit"), "'mine'\n")
        self.assertEqual(repl.exit_status("quit\r"), 0)


if __name__ == "__main__":
    unittest.main()
