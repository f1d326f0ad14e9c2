"""Tab completion at the terminal: names, keywords, built-ins, `torch.` members, attributes after a
dot, the list when Tab has nothing to add, and no calls to find the value before the dot."""
import unittest

from harness import CTRL_C, TAB, Session, requires_torch


class CompletionTests(unittest.TestCase):
    def tab(self, repl, text, added):
        """Types text and Tab, and waits until the line shows what Tab `added` (Enter sent sooner
        would be pending input, for which Tab is indentation)."""
        repl.send(text)
        repl.child.expect_exact(text)
        repl.send(TAB)
        repl.child.expect_exact(added)

    def complete(self, repl, text, added):
        """Types text and Tab; returns the line as it then reads (Enter runs it)."""
        self.tab(repl, text, added)
        return repl.enter("")

    def test_variable_keyword_and_builtin(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("learning_rate = 0.01")
        self.assertEqual(self.complete(repl, "learning_r", "ate"), "0.01\n")
        self.tab(repl, "whi", "le")
        repl.send(" False: pass\r\r")
        repl.expect_prompt()
        self.tab(repl, "ab", "s(")
        self.assertEqual(repl.enter("-3)"), "3\n")

    def test_attributes_after_a_dot(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("word = 'grad'")
        self.tab(repl, "word.upp", "er(")
        self.assertEqual(repl.enter(")"), "'GRAD'\n")

    def test_tab_lists_the_candidates_when_it_cannot_add(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("alpha_one = 1")
        repl.enter("alpha_two = 2")
        repl.send("alpha_" + TAB)
        repl.child.expect_exact("alpha_one")
        repl.child.expect_exact("alpha_two")
        repl.expect_prompt()  # the line is drawn again under the list
        repl.send("two")
        self.assertEqual(repl.enter(""), "2\n")

    def test_never_calls_to_complete(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("calls = []")
        repl.enter("def f():", prompt="...   ")
        repl.enter("calls.append(1)", prompt="...   ")
        repl.enter("return 'x'", prompt="...   ")
        repl.enter("")
        repl.send("f().upp")
        repl.child.expect_exact("f().upp")
        repl.send(TAB)
        repl.child.expect_exact("\x07")  # the bell: nothing to complete
        repl.send(CTRL_C)
        repl.expect_prompt()
        self.assertEqual(repl.enter("calls"), "[]\n")

    @requires_torch
    def test_torch_members_and_tensor_attributes(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("import torch")
        self.tab(repl, "z = torch.zeros_l", "ike(")
        repl.enter("torch.ones(2))")
        self.assertEqual(repl.enter("z"), "tensor([0., 0.])\n")
        repl.enter("x = torch.ones(3, requires_grad=True)")
        self.assertEqual(self.complete(repl, "x.requires_gr", "ad"), "True\n")
        repl.enter("(x * 2).sum().backward()")
        self.tab(repl, "x.grad.ze", "ro_(")
        self.assertEqual(repl.enter(")"), "tensor([0., 0., 0.])\n")


if __name__ == "__main__":
    unittest.main()
