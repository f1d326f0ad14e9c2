"""Errors where the user can see them: tracebacks of code typed or pasted at the prompt, and of
functions it defined, quote their lines with CPython 3.11's markers (as CPython 3.13's REPL quotes
its inputs; the lines and markers are those `python3.11 FILE` prints for the same code in a file),
and warnings at the prompt name `<stdin>:LINE:` as CPython 3.11's REPL does and leave out
PyTorch's "(Triggered internally at ...)" trailer."""
import unittest

from harness import Session, requires_torch


class PromptErrorTests(unittest.TestCase):
    def test_a_typed_line_is_quoted_with_markers(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("x = [1, 2]")
        self.assertEqual(repl.enter("x[0] + x[5]"), (
            "Traceback (most recent call last):\n"
            '  File "<stdin>", line 1, in <module>\n'
            "    x[0] + x[5]\n"
            "           ~^^^\n"
            "IndexError: list index out of range\n"))

    def test_a_pasted_block_is_quoted_at_its_failing_line(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.paste("for d in [2, 0]:\n    print(1 / d)\n\n")
        self.assertEqual(repl.sync().split("\n")[3:], [
            "0.5",
            "Traceback (most recent call last):",
            '  File "<stdin>", line 2, in <module>',
            "    print(1 / d)",
            "          ~~^~~",
            "ZeroDivisionError: division by zero"])

    def test_a_function_from_an_earlier_input_is_quoted_from_that_input(self):
        # CPython 3.13's REPL quotes it too (naming each input `<python-input-N>`, where grad keeps
        # `<stdin>`); the markers are 3.11's, as `python3.11 FILE` prints them for the same code.
        repl = Session(self)
        repl.expect_prompt()
        repl.paste("x = 1\ndef f(a):\n    return 1 / a\n\n")
        repl.sync()
        repl.enter("def g(b):", prompt="...   ")
        repl.enter("return f(b) + 1", prompt="...   ")
        repl.enter("", prompt="grad> ")
        # Each statement of a paste is an input of its own, numbered from 1 (as in CPython's basic
        # REPL): line 2 of `def f` and line 2 of `def g` are different lines, each quoted from its own.
        self.assertEqual(repl.enter("total = 3 + g(0)"), (
            "Traceback (most recent call last):\n"
            '  File "<stdin>", line 1, in <module>\n'
            "    total = 3 + g(0)\n"
            "                ^^^^\n"
            '  File "<stdin>", line 2, in g\n'
            "    return f(b) + 1\n"
            "           ^^^^\n"
            '  File "<stdin>", line 2, in f\n'
            "    return 1 / a\n"
            "           ~~^~~\n"
            "ZeroDivisionError: division by zero\n"))

    def test_generators_comprehensions_and_handlers_of_earlier_inputs_are_quoted(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.paste("def g():\n    yield 1 / 0\n\n")
        repl.paste("def k(xs):\n    return [1 / x for x in xs]\n\n")
        repl.paste("def h(x):\n    try:\n        return 1 / x\n    except ZeroDivisionError:\n"
                   "        raise ValueError('bad')\n\n")
        repl.sync()
        self.assertEqual(repl.enter("list(g())").split("\n")[3:6], [
            '  File "<stdin>", line 2, in g', "    yield 1 / 0", "          ~~^~~"])
        self.assertEqual(repl.enter("k([0])").split("\n")[6:9], [
            '  File "<stdin>", line 2, in <listcomp>', "    return [1 / x for x in xs]", "            ~~^~~"])
        self.assertEqual(repl.enter("h(0)").split("\n")[:4], [
            "Traceback (most recent call last):", '  File "<stdin>", line 3, in h', "    return 1 / x",
            "           ~~^~~"])

    @requires_torch
    def test_warnings_name_the_prompt_line_and_drop_the_internal_trailer(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("import torch")
        repl.enter("y = torch.ones(2, requires_grad=True) * 2")
        output = repl.enter("y.grad")
        self.assertTrue(output.startswith("<stdin>:1: UserWarning: The .grad attribute of a Tensor that is not a leaf"), output)
        self.assertTrue(output.endswith("See github.com/pytorch/pytorch/pull/30531 for more information.\n"), output)
        self.assertNotIn("Triggered internally", output)

    def test_warnings_point_at_the_line_of_their_input_as_in_cpython(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("import warnings")
        self.assertEqual(repl.enter('warnings.warn("careful")'), "<stdin>:1: UserWarning: careful\n")
        # CPython's "default" action: once per line, and every prompt's input starts at line 1.
        self.assertEqual(repl.enter('warnings.warn("careful")'), "")
        repl.paste('def check(x):\n    if x < 0:\n        warnings.warn("negative", stacklevel=1)\n\n')
        repl.sync()
        self.assertEqual(repl.enter("check(-1)"), "<stdin>:3: UserWarning: negative\n")

if __name__ == "__main__":
    unittest.main()
