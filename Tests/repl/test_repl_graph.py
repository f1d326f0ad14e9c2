"""%graph: the autograd graph drawn at the prompt, and written as DOT or through Graphviz."""
import os
import shutil
import unittest

from harness import Session, clean, requires_torch

SETUP = ("import torch; torch.manual_seed(0); x = torch.randn(4, 3); "
         "w1 = torch.randn(3, 5, requires_grad=True); b1 = torch.randn(5, requires_grad=True); "
         "w2 = torch.randn(5, 2, requires_grad=True); b2 = torch.randn(2, requires_grad=True); "
         "y = ((x @ w1 + b1).relu() @ w2 + b2).sum()")

ASCII_TREE = """y  [] float32
`- SumBackward0
   `- AddBackward0
      |- MmBackward0
      |  |- ReluBackward0
      |  |  `- AddBackward0
      |  |     |- MmBackward0
      |  |     |  `- AccumulateGrad <- w1 [3, 5] float32
      |  |     `- AccumulateGrad <- b1 [5] float32
      |  `- AccumulateGrad <- w2 [5, 2] float32
      `- AccumulateGrad <- b2 [2] float32
"""


@requires_torch
class GraphMagicTests(unittest.TestCase):
    def test_ascii_without_colour(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter(SETUP)
        self.assertEqual(repl.enter("%graph y"), ASCII_TREE)

    def test_box_drawing_and_colour_on_a_terminal(self):
        prompt = "\x1b[1;35mgrad>\x1b[0m "
        repl = Session(self, colour=True)
        repl.child.expect_exact(prompt)
        repl.send(SETUP + "\r")
        repl.child.expect_exact(prompt)
        repl.send("%graph y\r")
        repl.child.expect_exact(prompt)
        self.assertIn("\x1b[1;32mw1\x1b[0m", repl.child.before)
        out = clean(repl.child.before)
        self.assertIn("└─ AccumulateGrad ← b2 [2] float32", out)
        self.assertIn("│  ├─ ReluBackward0", out)

    def test_saved_values(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter(SETUP)
        out = repl.enter("%graph -s y")
        self.assertIn("saved mat2 = w2 [5, 2] float32", out)
        self.assertIn("saved self = x [4, 3] float32", out)

    def test_dot_file(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter(SETUP)
        self.assertEqual(repl.enter("%graph y -o y.dot"), "Wrote y.dot (DOT text)\n")
        with open(os.path.join(repl.home, "y.dot")) as f:
            source = f.read()
        self.assertTrue(source.startswith("digraph {\n"), source)
        self.assertIn('[label="w1\n (3, 5)" fillcolor=lightblue]', source)
        self.assertEqual(source.count(" -> "), 14)

    @unittest.skipUnless(shutil.which("dot"), "Graphviz's dot is not installed")
    def test_png_file(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter(SETUP)
        self.assertEqual(repl.enter("%graph y -o y.png"), "Wrote y.png\n")
        with open(os.path.join(repl.home, "y.png"), "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_without_dot_the_package_is_named(self):
        empty = os.path.join(os.path.dirname(__file__), "no-such-directory")
        repl = Session(self, env={"PATH": empty})
        repl.expect_prompt()
        repl.enter(SETUP)
        out = repl.enter("%graph y -o y.svg")
        self.assertIn("dot program is not on PATH", out)
        self.assertIn("graphviz", out)
        self.assertEqual(repl.enter("%graph y -o y.dot"), "Wrote y.dot (DOT text)\n")

    def test_mistakes(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertIn("UsageError: %graph [-s] EXPR", repl.enter("%graph"))
        self.assertIn("3 is a int", repl.enter("%graph 3"))
        self.assertIn("NameError: name 'nothing' is not defined", repl.enter("%graph nothing"))

    def test_make_dot_as_the_last_value(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter(SETUP)
        repl.enter("from torchviz import make_dot")
        self.assertRegex(repl.enter("make_dot(y)"), r"^<graphviz\.graphs\.Digraph object at 0x[0-9a-f]+>\n$")


if __name__ == "__main__":
    unittest.main()
