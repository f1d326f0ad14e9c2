"""Long help goes through a pager ($PAGER, `less -R` by default) when it does not fit the screen;
short help, PAGER=cat, and output that is not a terminal get it plainly. help(y.grad_fn) says what
a node of the autograd graph is."""
import subprocess
import unittest

from harness import GRAD, Session, requires_torch

# A pager whose work shows: every line it is given, marked.
MARKING_PAGER = "sed s/^/PAGED:/"


class HelpPagerTests(unittest.TestCase):
    def test_long_help_goes_through_the_pager(self):
        repl = Session(self, env={"PAGER": MARKING_PAGER}, rows=20)
        repl.expect_prompt()
        output = repl.enter("help()")
        lines = [line for line in output.split("\n") if line]
        self.assertGreater(len(lines), 20)
        self.assertTrue(all(line.startswith("PAGED:") for line in lines), output)

    def test_help_that_fits_is_written_plainly(self):
        repl = Session(self, env={"PAGER": MARKING_PAGER}, rows=20)
        repl.expect_prompt()
        output = repl.enter("help(len)")
        self.assertTrue(output.startswith("Help on built-in function len"), output)
        self.assertNotIn("PAGED:", output)

    def test_pager_cat_writes_plainly(self):
        repl = Session(self, env={"PAGER": "cat"}, rows=20)
        repl.expect_prompt()
        output = repl.enter("help()")
        self.assertIn("Built-in functions:", output)
        self.assertNotIn("PAGED:", output)

    def test_less_by_default(self):
        repl = Session(self, env={"PAGER": "less -R"}, rows=20)
        repl.expect_prompt()
        repl.send("help()\r")
        repl.child.expect_exact("Built-in functions:")
        repl.child.expect_exact(":")  # less waits at its prompt, the rest unread
        repl.send("q")
        repl.expect_prompt()
        self.assertEqual(repl.enter("1 + 1"), "2\n")

    def test_not_a_terminal_is_plain(self):
        result = subprocess.run([GRAD], input="help()\n", capture_output=True, text=True,
                                env={"PAGER": MARKING_PAGER, "PATH": "/usr/bin:/bin"})
        self.assertIn("Built-in functions:", result.stdout)
        self.assertNotIn("PAGED:", result.stdout)

    @requires_torch
    def test_help_on_a_graph_node(self):
        repl = Session(self, env={"PAGER": "cat"})
        repl.expect_prompt()
        repl.enter("import torch")
        repl.enter("x = torch.ones(2, requires_grad=True)")
        repl.enter("y = (x * 2).sum()")
        output = repl.enter("help(y.grad_fn)")
        self.assertTrue(output.startswith("Help on SumBackward0 object:\n"), output)
        self.assertIn("A node of the autograd graph", output)
        self.assertIn("next_functions", output)
        self.assertIn("y.backward()", output)
        output = repl.enter("help(y.grad_fn.next_functions[0][0].next_functions[0][0])")
        self.assertTrue(output.startswith("Help on AccumulateGrad object:\n"), output)


if __name__ == "__main__":
    unittest.main()
