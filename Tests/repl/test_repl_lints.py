"""grad's learner lints at the prompt: on at start, `%lint off` / `%lint on` switch them, `%lint`
says which; and on the command line, `-W ignore` and PYTHONWARNINGS silence them."""
import os
import subprocess
import tempfile
import unittest

from harness import GRAD, Session

SETUP = "import torch; {0} = torch.tensor(1.0, requires_grad=True); ({0} * 3).backward()"
MISTAKE = "{0} = {0} - 0.1 * {0}.grad"
LINT = "GradLintWarning: {0} is now the result of an operation, not a leaf tensor"


class LintMagicTests(unittest.TestCase):
    def test_lint_off_and_on(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertEqual(repl.enter("%lint"), "Lints are on.\n")
        repl.enter(SETUP.format("w"))
        self.assertIn(LINT.format("w"), repl.enter(MISTAKE.format("w")))
        self.assertEqual(repl.enter("%lint off"), "Lints are off.\n")
        self.assertEqual(repl.enter("%lint"), "Lints are off.\n")
        repl.enter(SETUP.format("v"))
        self.assertEqual(repl.enter(MISTAKE.format("v")), "")
        self.assertEqual(repl.enter("%lint on"), "Lints are on.\n")
        # Another name: the warnings filters show a warning once per text and line.
        repl.enter(SETUP.format("u"))
        self.assertIn(LINT.format("u"), repl.enter(MISTAKE.format("u")))
        self.assertEqual(repl.enter("%lint loud"), "UsageError: %lint takes on or off, not 'loud'\n")


class LintCommandLineTests(unittest.TestCase):
    def run_grad(self, *args, env=None):
        environment = dict(os.environ, NO_COLOR="1", GRAD_HISTORY="")
        environment.pop("PYTHONWARNINGS", None)
        environment.update(env or {})
        return subprocess.run([GRAD, *args, "-c", SETUP.format("w") + "\n" + MISTAKE.format("w")], capture_output=True, text=True,
                              env=environment, timeout=60)

    def test_the_lint_shows_by_default(self):
        result = self.run_grad()
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stderr.startswith("<string>:2: " + LINT.format("w")), result.stderr)

    def test_warning_options_silence_or_raise_it(self):
        for args, env in [(["-W", "ignore"], None), (["-Wignore::UserWarning"], None), ([], {"PYTHONWARNINGS": "ignore"}),
                          (["-W", "error", "-W", "ignore"], None)]:
            result = self.run_grad(*args, env=env)
            self.assertEqual((result.returncode, result.stderr), (0, ""), (args, env))
        error = self.run_grad("-W", "error")
        self.assertEqual(error.returncode, 1)
        # Raised, the category shows with its module, as any class outside builtins does.
        self.assertIn("\ngrad." + LINT.format("w"), error.stderr)


class WarningOptionTests(unittest.TestCase):
    """-W and PYTHONWARNINGS against CPython's (python3 is 3.11) on the same script."""
    SCRIPT = ("import sys, warnings\nprint(sys.warnoptions)\nfor i in range(2):\n    warnings.warn('hello')\n"
              "warnings.warn('dep', DeprecationWarning)\nwarnings.warn('spam', RuntimeWarning)\nprint('end')\n")

    def test_options_as_cpython(self):
        cases = [["-W", "ignore"], ["-W", "error"], ["-W", "default"], ["-W", "always"], ["-Wa"], ["-W", "once"],
                 ["-W", "module"], ["-W", "bogus"], ["-W", "ignore::Foo"], ["-W", "ignore::int"],
                 ["-W", "ignore::x.Foo"], ["-W", "ignore::RuntimeWarning"], ["-W", "error::DeprecationWarning"],
                 ["-W", "ignore:HEL"], ["-W", "ignore::UserWarning:__main__:4"], ["-W", "i::Warning::x"],
                 ["-W", "a:b:c:d:e:f"], ["-W", "ignore::UserWarning:__mai"], ["-W", "error", "-W", "ignore::UserWarning"]]
        for args in cases:
            self.assertEqual(self.run_both(args), self.run_both(args, python=True), args)
        for value in ["ignore", "error,ignore::UserWarning", "default,,i::RuntimeWarning"]:
            env = {"PYTHONWARNINGS": value}
            self.assertEqual(self.run_both(["-W", "always::UserWarning"], env), self.run_both(["-W", "always::UserWarning"], env, python=True), value)

    def run_both(self, args, env=None, python=False):
        environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS", "PYTHONUNBUFFERED")}
        environment.update(env or {})
        with tempfile.TemporaryDirectory() as directory:
            script = os.path.join(directory, "warn.py")
            with open(script, "w") as f:
                f.write(self.SCRIPT)
            command = ["python3"] if python else [GRAD]
            result = subprocess.run(command + args + [script], capture_output=True, text=True, env=environment, timeout=60)
        return result.returncode, result.stdout, result.stderr.replace(directory, "DIR")

    def test_a_missing_argument_is_a_usage_error(self):
        result = subprocess.run([GRAD, "-W"], capture_output=True, text=True, timeout=60)
        self.assertEqual((result.returncode, result.stdout), (2, ""))
        self.assertIn("Argument expected for the -W option", result.stderr)


if __name__ == "__main__":
    unittest.main()
