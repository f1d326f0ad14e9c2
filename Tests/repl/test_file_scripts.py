"""Scripts that read and write files, use `os`/`os.path` and `sys`'s streams print what CPython
printed for them (file_scripts/NAME.expected, recorded by file_scripts/record.py): each runs under
grad in a fresh empty directory, as it ran under CPython, with NAME.stdin, if there is one, piped
to its standard input."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "file_scripts"))
from harness import GRAD
from record import HERE, expected_text, run


class FileScriptTests(unittest.TestCase):
    def test_each_script_prints_what_cpython_printed(self):
        scripts = sorted(n for n in os.listdir(HERE) if n.endswith(".py") and n != "record.py")
        self.assertGreaterEqual(len(scripts), 3)
        for name in scripts:
            with self.subTest(script=name):
                with open(os.path.join(HERE, name[:-3] + ".expected")) as f:
                    expected = f.read()
                self.assertEqual(expected_text(*run([GRAD], name)), expected)


if __name__ == "__main__":
    unittest.main()
