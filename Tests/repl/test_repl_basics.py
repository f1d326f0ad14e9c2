"""The REPL at a terminal: banner, prompts, echo, `_`, blocks, Ctrl-C, Ctrl-D, exit(), UTF-8, colour."""
import unittest

from harness import CONTINUATION, CTRL_C, CTRL_D, PROMPT, Session, clean, requires_torch


class PromptTests(unittest.TestCase):
    def test_banner_then_prompt(self):
        repl = Session(self)
        banner = repl.expect_prompt()
        self.assertRegex(banner.strip(), r"^grad \d+\.\d+\.\d+ .*help\(\).*$")
        self.assertEqual(len(banner.strip().split("\n")), 1, "a one-line banner")
        self.assertEqual(repl.exit_status(), 0)

    def test_expression_echo_and_underscore(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertEqual(repl.enter("6 * 7"), "42\n")
        self.assertEqual(repl.enter("None"), "")
        self.assertEqual(repl.enter("print('hi')"), "hi\n")
        self.assertEqual(repl.enter("_ + 1"), "43\n")
        self.assertEqual(repl.enter("'text'"), "'text'\n")

    def test_block_continues_until_blank_line(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertEqual(repl.enter("def square(x):", prompt=CONTINUATION), "")
        # The `...` lines start indented (auto-indent): what is typed follows the indentation.
        self.assertEqual(repl.enter("y = x * x", prompt=CONTINUATION), "")
        self.assertEqual(repl.enter("return y", prompt=CONTINUATION), "")
        self.assertEqual(repl.enter(""), "")
        self.assertEqual(repl.enter("square(12)"), "144\n")
        repl.enter("for i in range(3):", prompt=CONTINUATION)
        repl.enter("print(i)", prompt=CONTINUATION)
        self.assertEqual(repl.enter(""), "0\n1\n2\n")

    def test_errors_are_reported_and_variables_kept(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("v = 5")
        out = repl.enter("v / 0")
        self.assertIn("Traceback (most recent call last):", out)
        self.assertIn("ZeroDivisionError: division by zero", out)
        self.assertIn("SyntaxError", repl.enter("v = (1,,)"))
        self.assertEqual(repl.enter("v"), "5\n")


class InterruptTests(unittest.TestCase):
    def test_ctrl_c_drops_half_typed_input(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.send("numbers = [1, 2,\r")
        repl.expect_prompt(CONTINUATION)
        repl.send("3, 4")
        repl.child.expect_exact("3, 4")  # on the line being edited
        repl.send(CTRL_C)
        self.assertIn("KeyboardInterrupt", repl.expect_prompt())
        self.assertIn("NameError", repl.enter("numbers"))
        self.assertEqual(repl.enter("1 + 1"), "2\n")

    def test_ctrl_c_during_history_search_does_not_exit(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.send("\x12abc")
        repl.child.expect_exact("(failed reverse-i-search)`abc': ")
        repl.send(CTRL_C)
        self.assertIn("KeyboardInterrupt", repl.expect_prompt())
        self.assertEqual(repl.enter("'still here'"), "'still here'\n")

    def test_ctrl_c_interrupts_running_code_and_keeps_variables(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("count = 0")
        # The loop says when it has gone round once; the echo of this line reads 'loop' + 'ing'.
        repl.send("while True:\r")
        repl.expect_prompt(CONTINUATION)
        repl.send("count += 1\r")
        repl.expect_prompt(CONTINUATION)
        repl.send("if count == 1: print('loop' + 'ing')\r")
        repl.expect_prompt(CONTINUATION)
        repl.send("\r")
        repl.child.expect_exact("looping")
        repl.send(CTRL_C)
        out = repl.expect_prompt()
        self.assertIn("Traceback (most recent call last):", out)
        self.assertTrue(out.rstrip().endswith("KeyboardInterrupt"), out)
        self.assertEqual(repl.enter("count > 0"), "True\n")

    def test_input_reads_a_line_at_the_terminal_then_the_prompt_returns(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.send("answer = input('Your name? ')\r")
        repl.child.expect_exact("Your name? ")
        repl.send("Ada Lovelace\r")
        repl.expect_prompt()
        self.assertEqual(repl.enter("answer"), "'Ada Lovelace'\n")
        # Ctrl-C while input() waits: KeyboardInterrupt, and the REPL goes on.
        repl.send("input('more? ')\r")
        repl.child.expect_exact("more? ")
        repl.send(CTRL_C)
        out = repl.expect_prompt()
        self.assertTrue(out.rstrip().endswith("KeyboardInterrupt"), out)
        self.assertEqual(repl.enter("6 * 7"), "42\n")

    def test_ctrl_c_interrupts_while_true_pass(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.send("if True:\r")
        repl.expect_prompt(CONTINUATION)
        repl.send("print('spin' + 'ning')\r")
        repl.expect_prompt(CONTINUATION)
        repl.send("while True: pass\r\r")
        repl.child.expect_exact("spinning")
        repl.send(CTRL_C)
        self.assertIn("KeyboardInterrupt", repl.expect_prompt())
        self.assertEqual(repl.enter("'alive'"), "'alive'\n")


class ExitTests(unittest.TestCase):
    def test_ctrl_d_on_empty_line_exits_0(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("x = 1")
        self.assertEqual(repl.exit_status(CTRL_D), 0)

    def test_ctrl_d_at_the_continuation_prompt_ends_the_block_and_stays(self):
        # As CPython 3.11's REPL: Ctrl-D on an empty `...` line ends the pending input as it stands
        # (a block runs, an open bracket is a SyntaxError) and the session goes on.
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("keep = 42")
        repl.enter("for i in range(2):", prompt=CONTINUATION)
        repl.enter("print(i)", prompt=CONTINUATION)
        repl.send(CTRL_D)
        # The auto-indented line is redrawn empty, and the block runs.
        self.assertTrue(repl.expect_prompt().endswith("\n0\n1\n"))
        repl.enter("values = [1,", prompt=CONTINUATION)
        repl.send(CTRL_D)
        out = repl.expect_prompt()
        self.assertIn('  File "<stdin>", line 1\n    values = [1,\n             ^\n', out)
        self.assertTrue(out.endswith("SyntaxError: '[' was never closed\n"), out)
        self.assertEqual(repl.enter("keep"), "42\n")
        self.assertEqual(repl.exit_status(CTRL_D), 0)

    def test_exit_and_quit(self):
        for line, status in [("exit()", 0), ("quit()", 0), ("exit", 0), ("exit(3)", 3), ("import sys; sys.exit(4)", 4)]:
            with self.subTest(line=line):
                repl = Session(self)
                repl.expect_prompt()
                self.assertEqual(repl.exit_status(line + "\r"), status)


class TextTests(unittest.TestCase):
    def test_utf8_input_in_the_c_locale(self):
        for locale in ("C", "POSIX"):
            with self.subTest(locale=locale):
                repl = Session(self, env={"LC_ALL": locale, "LANG": locale})
                repl.expect_prompt()
                repl.enter("s = 'héllo wörld ✓ 中文'")
                self.assertEqual(repl.enter("s"), "'héllo wörld ✓ 中文'\n")
                self.assertEqual(repl.enter("len(s)"), "16\n")
                self.assertEqual(repl.enter("ünïcode = 1; ünïcode + 1"), "2\n")

    def test_colour_only_on_a_terminal_and_not_with_no_color(self):
        repl = Session(self, colour=True)
        repl.child.expect_exact("\x1b[1;35mgrad>\x1b[0m ")
        repl.send("1/0\r")
        repl.child.expect_exact("\x1b[1;35mgrad>\x1b[0m ")
        self.assertIn("\x1b[1;35mZeroDivisionError\x1b[0m", repl.child.before)
        plain = Session(self, colour=False)
        plain.expect_prompt()
        plain.send("1/0\r")
        plain.expect_prompt()
        self.assertNotIn("\x1b[1;35m", plain.child.before)
        self.assertNotIn("\x1b[35m", plain.child.before)


class HelpTests(unittest.TestCase):
    def test_help_lists_topics(self):
        repl = Session(self)
        repl.expect_prompt()
        out = repl.enter("help()")
        self.assertIn("help(", out)
        self.assertIn("print", out)

    def test_help_on_a_builtin(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertIn("len(", repl.enter("help(len)"))

    @requires_torch
    def test_help_on_torch_functions_and_tensor_methods(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("import torch")
        repl.enter("x = torch.ones(2, requires_grad=True)")
        out = repl.enter("help(torch.zeros)")
        self.assertIn("zeros(*sizes, size=None, dtype=None", out)
        self.assertIn("A tensor filled with 0", out)
        out = repl.enter("help(x.backward)")
        self.assertIn("backward(self, gradient=None", out)
        self.assertIn("Computes the gradient", out)
        self.assertIn("FUNCTIONS", repl.enter("help(torch)"))


if __name__ == "__main__":
    unittest.main()
