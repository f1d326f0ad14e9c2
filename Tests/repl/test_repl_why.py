"""`%why x.grad` at the prompt: how backward got a gradient, path by path, in Unicode on a
terminal (ASCII with NO_COLOR and colour codes without it), and the seed document's accumulation
lesson (snippet 4)."""
import re
import unittest

from harness import Session


def plain(text):
    """`text` without its colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


COLOURED_PROMPT = "\x1b[1;35mgrad>\x1b[0m "


def snippet1(repl, prompt="grad> "):
    repl.expect_prompt(prompt)
    for line in ["import torch", "x = torch.tensor(2.0, requires_grad=True)",
                 "y = torch.tensor(3.0, requires_grad=True)", "z = 3 * x**2 + 2 * y", "z.backward()"]:
        repl.enter(line, prompt)


class WhyTests(unittest.TestCase):
    def test_why_writes_the_chain_rule_of_snippet1_in_unicode_on_a_terminal(self):
        repl = Session(self, colour=True)
        snippet1(repl, COLOURED_PROMPT)
        output = plain(repl.enter("%why x.grad", COLOURED_PROMPT))
        self.assertIn("x.grad = tensor(12.)", output)
        self.assertIn("Pass 1: z.backward(), where z = 3·x² + 2·y", output)
        self.assertIn("∂(3·x²)/∂(x²) = 3", output)
        self.assertIn("∂(x²)/∂x      = 2·x = 4", output)
        self.assertIn("product: 1 · 3 · 4 = 12", output)
        self.assertIn("Sum over paths: 12 = x.grad ✓", output)

    def test_why_is_ascii_with_no_color(self):
        repl = Session(self)
        snippet1(repl)
        output = repl.enter("%why x.grad")
        self.assertIn("d(3*x**2)/d(x**2) = 3", output)
        self.assertIn("product: 1 * 3 * 4 = 12", output)
        self.assertNotIn("\x1b[", output)

    def test_why_tells_of_accumulation(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("import torch")
        repl.enter("x = torch.tensor([2.0], requires_grad=True)")
        repl.enter("loss = x**2")
        repl.enter("loss.backward()")
        repl.enter("loss = 2 * x")
        repl.enter("loss.backward()")
        output = repl.enter("%why x.grad")
        self.assertIn("It is the sum of 2 backward passes since x.grad was None:", output)
        self.assertIn("pass 1: (x**2).backward() added 4", output)
        self.assertIn("pass 2: loss.backward() added 2", output)
        self.assertIn("Total: 4 + 2 = 6 = x.grad (ok)", output)
        repl.enter("x.grad.zero_()")
        repl.enter("loss = 3 * x")
        repl.enter("loss.backward()")
        output = repl.enter("%why x.grad")
        self.assertIn("It came from 1 backward pass since x.grad was last zeroed:", output)

    def test_why_usage_errors(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertIn("UsageError: %why needs a tensor's gradient", repl.enter("%why"))
        self.assertIn("`nothing` is not a name defined here", repl.enter("%why nothing.grad"))
        repl.enter("n = 3")
        self.assertIn("`n` is a int, not a tensor", repl.enter("%why n.grad"))
        self.assertEqual(repl.enter("1 + 1"), "2\n")


if __name__ == "__main__":
    unittest.main()
