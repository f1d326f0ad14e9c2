"""IPython's introspection at the prompt: `obj?`, `obj??`, %whos, %history, %save, %pwd, %cd, %load.
Expected layouts are IPython 9's (%whos's columns, %history -n's numbers, %save's message)."""
import os
import unittest

from harness import CONTINUATION, Session


def define_double(repl):
    repl.send("def double(x):\r")
    repl.expect_prompt(CONTINUATION)
    repl.send('"Twice x."\r')
    repl.expect_prompt(CONTINUATION)
    repl.send("return 2 * x\r")
    repl.expect_prompt(CONTINUATION)
    repl.enter("")


class InspectTests(unittest.TestCase):
    def test_question_mark_shows_signature_help_and_type(self):
        repl = Session(self)
        repl.expect_prompt()
        out = repl.enter("len?")
        self.assertIn("len(obj, /)", out)
        self.assertTrue(out.endswith("Type:      builtin_function_or_method\n"), out)
        define_double(repl)
        out = repl.enter("double?")
        self.assertIn("double(x)", out)
        self.assertIn("Twice x.", out)
        self.assertNotIn("Source:", out)
        self.assertEqual(repl.enter("nothing_here?"), "Object `nothing_here` not found.\n")
        # A comment ending in a question mark is Python.
        self.assertEqual(repl.enter("7  # why?"), "7\n")

    def test_two_question_marks_show_the_source(self):
        repl = Session(self)
        repl.expect_prompt()
        define_double(repl)
        out = repl.enter("double??")
        self.assertIn('Source:\ndef double(x):\n    "Twice x."\n    return 2 * x\nType:      function\n', out)
        repl.send("class Point:\r")
        repl.expect_prompt(CONTINUATION)
        repl.send("x = 0\r")
        repl.expect_prompt(CONTINUATION)
        repl.enter("")
        self.assertIn("Source:\nclass Point:\n    x = 0\nType:      type\n", repl.enter("Point??"))


class NamespaceTests(unittest.TestCase):
    def test_whos(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertEqual(repl.enter("%whos"), "Interactive namespace is empty.\n")
        repl.enter("b = [1, 2]; a = 1; s = 'x' * 80; t = (1,); d = {1: 2}; _hidden = 3")
        self.assertEqual(repl.enter("%whos"),
                         "Variable   Type     Data/Info\n"
                         "-----------------------------\n"
                         "a          int      1\n"
                         "b          list     n=2\n"
                         "d          dict     n=1\n"
                         "s          str      " + "x" * 25 + "<...>" + "x" * 25 + "\n"
                         "t          tuple    n=1\n")


class HistoryMagicTests(unittest.TestCase):
    def test_history_numbers_ranges_and_save(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("a = 1")
        repl.enter("b = [1, 2]")
        define_double(repl)
        self.assertEqual(repl.enter("%history"),
                         'a = 1\nb = [1, 2]\ndef double(x):\n    "Twice x."\n    return 2 * x\n%history\n')
        self.assertEqual(repl.enter("%history -n 1-2 4"), "   1: a = 1\n   2: b = [1, 2]\n   4: %history\n")
        self.assertEqual(repl.enter("%history -n 3"), '   3:\ndef double(x):\n    "Twice x."\n    return 2 * x\n')
        self.assertEqual(repl.enter("%history 1:3"), "a = 1\nb = [1, 2]\n")
        self.assertIn("UsageError", repl.enter("%history x"))
        out = repl.enter("%save kept 1-3")
        self.assertEqual(out, 'The following commands were written to file `kept.py`:\n'
                              'a = 1\nb = [1, 2]\ndef double(x):\n    "Twice x."\n    return 2 * x\n')
        with open(os.path.join(repl.home, "kept.py"), encoding="utf-8") as f:
            self.assertEqual(f.read(), '# coding: utf-8\na = 1\nb = [1, 2]\ndef double(x):\n    "Twice x."\n    return 2 * x\n')
        repl.send("%save kept 1\r")
        repl.child.expect_exact("File `kept.py` exists. Overwrite (y/[N])? ")
        self.assertEqual(repl.enter("n"), "Operation cancelled.\n")
        self.assertIn("written to file `kept.py`", repl.enter("%save -f kept 1"))

    def test_load_shows_and_runs_a_file(self):
        repl = Session(self)
        with open(os.path.join(repl.home, "code.py"), "w", encoding="utf-8") as f:
            f.write("loaded = 5\nloaded * 2\n")
        repl.expect_prompt()
        self.assertEqual(repl.enter("%load code.py"), "# %load code.py\nloaded = 5\nloaded * 2\n10\n")
        self.assertEqual(repl.enter("loaded"), "5\n")
        self.assertIn("can't open file 'missing.py'", repl.enter("%load missing.py"))


class DirectoryTests(unittest.TestCase):
    def test_pwd_and_cd(self):
        repl = Session(self)
        repl.expect_prompt()
        home = os.path.realpath(repl.home)
        os.mkdir(os.path.join(home, "sub"))
        with open(os.path.join(home, "sub", "here.py"), "w", encoding="utf-8") as f:
            f.write("'in sub'\n")
        self.assertEqual(repl.enter("%pwd"), repr(home) + "\n")
        self.assertEqual(repl.enter("%cd sub"), os.path.join(home, "sub") + "\n")
        # Relative paths are read from there.
        self.assertEqual(repl.enter("%load here.py"), "# %load here.py\n'in sub'\n'in sub'\n")
        self.assertEqual(repl.enter("%cd /nonexistent"),
                         "[Errno 2] No such file or directory: '/nonexistent'\n" + os.path.join(home, "sub") + "\n")
        self.assertEqual(repl.enter("%cd -"), home + "\n")
        # No directory: HOME, which the harness sets to the session's own directory.
        self.assertEqual(repl.enter("%cd sub"), os.path.join(home, "sub") + "\n")
        self.assertEqual(repl.enter("%cd"), repl.home + "\n")


if __name__ == "__main__":
    unittest.main()
