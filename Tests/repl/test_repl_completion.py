"""Tab completion at the terminal: names, keywords, built-ins, `torch.` members, attributes after a
dot, the list when Tab has nothing to add, and no calls to find the value before the dot; a dict's
keys inside `d["`, file paths after `%run`, `%load` and `open("`, keyword arguments inside a call,
and nothing inside other strings."""
import os
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

    def test_dict_keys_inside_a_string(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("scores = {'alpha': 1, 'beta': 2, 'best': 3, 4: 'four'}")
        self.assertEqual(self.complete(repl, 'scores["al', 'pha"]'), "1\n")
        self.tab(repl, "scores['be", "best']")
        repl.expect_prompt()
        self.assertEqual(repl.enter("st']"), "3\n")
        # Without a quote: the quote first (the keys' common start), then the list.
        self.tab(repl, "scores[", "'")
        repl.send(TAB)
        repl.child.expect_exact("alpha']")
        repl.child.expect_exact("best']")
        repl.expect_prompt()
        self.assertEqual(repl.enter("alpha']"), "1\n")

    def test_nothing_but_keys_or_paths_inside_a_string(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("absolute = 1")
        repl.send("'abs")
        repl.child.expect_exact("'abs")
        repl.send(TAB)
        repl.child.expect_exact("\x07")
        self.assertEqual(repl.enter("'"), "'abs'\n")
        repl.send("x = 1  # abs")
        repl.child.expect_exact("# abs")
        repl.send(TAB)
        repl.child.expect_exact("\x07")
        repl.send(CTRL_C)
        repl.expect_prompt()

    def test_file_paths(self):
        repl = Session(self)
        os.mkdir(os.path.join(repl.home, "data"))
        with open(os.path.join(repl.home, "data", "numbers.txt"), "w") as f:
            f.write("42\n")
        with open(os.path.join(repl.home, "script_one.py"), "w") as f:
            f.write("print('ran script one')\n")
        repl.expect_prompt()
        self.tab(repl, "%run scr", "ipt_one.py")
        self.assertIn("ran script one", repl.enter(""))
        self.tab(repl, "%load scr", "ipt_one.py")
        repl.send("\r")
        repl.child.expect_exact("ran script one")
        repl.expect_prompt()
        # Any other string: nothing (the bell).
        self.tab(repl, 'path = ("da', '\x07')
        repl.send(CTRL_C)
        repl.expect_prompt()
        # grad has no open() yet: its path is completed all the same.
        self.tab(repl, 'text = open("da', 'ta/')
        self.tab(repl, "", "numbers.txt")
        repl.send(CTRL_C)
        repl.expect_prompt()

    def test_keyword_arguments_of_a_user_function(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("def scale(value, factor=2, *, offset=0):", prompt="...   ")
        repl.enter("return value * factor + offset", prompt="...   ")
        repl.enter("")
        repl.enter("offset_global = 5")
        self.tab(repl, "scale(1, fa", "ctor=")
        self.tab(repl, "3, off", "set=")
        self.assertEqual(repl.enter("1)"), "4\n")
        # Not where an argument starts: names, as anywhere.
        self.tab(repl, "scale(1 + offset_", "global")
        self.assertEqual(repl.enter(")"), "12\n")

    @requires_torch
    def test_keyword_arguments_of_torch_functions_and_methods(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("import torch")
        self.tab(repl, "x = torch.zeros(3, requires_", "grad=")
        repl.enter("True)")
        self.assertEqual(repl.enter("x.requires_grad"), "True\n")
        repl.enter("m = torch.ones(2, 3)")
        self.tab(repl, "m.sum(di", "m=")
        self.assertEqual(repl.enter("1)"), "tensor([3., 3.])\n")

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
