"""IPython's magics at the prompt: %timeit, %time, %who, %reset, %run."""
import os
import re
import unittest

from harness import Session


class MagicTests(unittest.TestCase):
    def test_timeit_chooses_the_loop_count(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("n = 3")
        out = repl.enter("%timeit n * n")
        self.assertRegex(out, r"^\d+(\.\d+)? (ns|µs|ms|s) ± \d+(\.\d+)? (ns|µs|ms|s) per loop "
                              r"\(mean ± std\. dev\. of 7 runs, [\d,]+ loops? each\)\n$")
        loops = int(re.search(r"([\d,]+) loops? each", out).group(1).replace(",", ""))
        self.assertGreater(loops, 1)
        self.assertEqual(str(loops).strip("0"), "1", "a power of ten")

    def test_timeit_with_loops_and_runs(self):
        repl = Session(self)
        repl.expect_prompt()
        out = repl.enter("%timeit -n 5 -r 2 sum(range(10))")
        self.assertTrue(out.endswith(" per loop (mean ± std. dev. of 2 runs, 5 loops each)\n"), out)

    def test_time_prints_the_value_and_the_times(self):
        repl = Session(self)
        repl.expect_prompt()
        out = repl.enter("%time sum(range(1000))")
        self.assertRegex(out, r"^499500\nCPU times: user .+, sys: .+, total: .+\nWall time: .+\n$")

    def test_who_and_reset(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertEqual(repl.enter("%who"), "Interactive namespace is empty.\n")
        repl.enter("b = 2; a = 1")
        self.assertEqual(repl.enter("%who"), "a\tb\t\n")
        repl.send("%reset\r")
        repl.child.expect_exact("Proceed (y/[n])? ")
        self.assertEqual(repl.enter("n"), "Nothing done.\n")
        self.assertEqual(repl.enter("%who"), "a\tb\t\n")
        self.assertEqual(repl.enter("%reset -f"), "")
        self.assertEqual(repl.enter("%who"), "Interactive namespace is empty.\n")

    def test_run_file(self):
        repl = Session(self)
        path = os.path.join(repl.home, "script.grad")
        with open(path, "w") as f:
            f.write("import sys\nargs = sys.argv[1:]\nprint('running', sys.argv[0])\nresult = 6 * 7\n")
        repl.expect_prompt()
        self.assertEqual(repl.enter("%run script.grad a b"), "running script.grad\n")
        self.assertEqual(repl.enter("result, args"), "(42, ['a', 'b'])\n")
        self.assertIn("can't open file", repl.enter("%run missing.grad"))

    def test_unknown_magic(self):
        repl = Session(self)
        repl.expect_prompt()
        self.assertEqual(repl.enter("%bogus"), "UsageError: Line magic function `%bogus` not found.\n")


if __name__ == "__main__":
    unittest.main()
