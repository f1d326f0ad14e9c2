"""The command line, with Python's conventions: FILE ARGS, -c, -, -i, --version, -h, exit statuses
0/1/2, diagnostics on stderr, `#!/usr/bin/env grad` scripts, piped stdin exactly like a file."""
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from harness import GRAD, Session


def run(*args, stdin=None, env=None, cwd=None):
    environment = dict(os.environ, NO_COLOR="1", GRAD_HISTORY="")
    environment.update(env or {})
    return subprocess.run([GRAD, *args], input=stdin, capture_output=True, text=True, env=environment,
                          cwd=cwd, timeout=60)


def cpu_time(pid):
    """Seconds of CPU time the process has used (user and system), from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for_cpu_time(pid, seconds, timeout=30):
    """Waits until the process has used `seconds` of CPU time: polls /proc, blocking on nothing."""
    deadline = time.monotonic() + timeout
    while cpu_time(pid) < seconds:
        if time.monotonic() > deadline:
            raise AssertionError(f"process {pid} used no CPU time for {timeout} seconds")
        os.sched_yield()


class CommandLineTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="grad-cli-test-")
        self.addCleanup(shutil.rmtree, self.directory, True)

    def write(self, name, text, mode=0o644):
        path = os.path.join(self.directory, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)
        return path

    def test_version_and_help(self):
        for flag in ("--version", "-V"):
            result = run(flag)
            self.assertEqual((result.returncode, result.stderr), (0, ""))
            self.assertRegex(result.stdout, r"^grad \d+\.\d+\.\d+\n$")
        for flag in ("-h", "--help"):
            result = run(flag)
            self.assertEqual((result.returncode, result.stderr), (0, ""))
            self.assertTrue(result.stdout.startswith("usage: grad "), result.stdout)
            for option in ("-c CODE", "-i", "FILE", "GRAD_HISTORY", "NO_COLOR"):
                self.assertIn(option, result.stdout)

    def test_usage_errors_exit_2_on_stderr(self):
        for args, message in [(["-x"], "unknown option -x"), (["--bogus"], "unknown option --bogus"),
                              (["-c"], "Argument expected for the -c option")]:
            result = run(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertEqual(result.stdout, "")
            self.assertIn(message, result.stderr)
            self.assertIn("usage: grad", result.stderr)

    def test_file_with_arguments(self):
        script = self.write("args.grad", "import sys\nprint(sys.argv)\n")
        result = run(script, "one", "-c", "two")
        self.assertEqual((result.returncode, result.stdout, result.stderr),
                         (0, f"['{script}', 'one', '-c', 'two']\n", ""))

    def test_dunder_file_as_cpython_sets_it(self):
        script = self.write("where.grad", "print(__file__)\n")
        self.assertEqual(run(script).stdout, f"{script}\n")
        # A relative path is joined to the working directory, unresolved, as CPython 3.9+ does
        # (its tracebacks and warnings show the same); sys.argv[0] stays as typed.
        self.write("argv0.grad", "import sys\nprint(__file__, sys.argv[0])\n")
        relative = subprocess.run([GRAD, "./argv0.grad"], capture_output=True, text=True, timeout=60, cwd=self.directory)
        self.assertEqual(relative.stdout, f"{os.path.realpath(self.directory)}/./argv0.grad ./argv0.grad\n")
        missing = subprocess.run([GRAD, "absent.grad"], capture_output=True, text=True, timeout=60, cwd=self.directory)
        self.assertIn(f"can't open file '{os.path.realpath(self.directory)}/absent.grad'", missing.stderr)
        self.assertEqual(run(stdin="print(__file__)\n").stdout, "<stdin>\n")
        result = run("-c", "print(__file__)")
        self.assertEqual(result.returncode, 1)
        self.assertIn("NameError: name '__file__' is not defined", result.stderr)

    def test_dash_c(self):
        result = run("-c", "import sys\nprint(sys.argv, 6 * 7)", "x")
        self.assertEqual((result.returncode, result.stdout), (0, "['-c', 'x'] 42\n"))
        self.assertEqual(run("-c", "1 + 1").stdout, "", "-c does not echo")

    def test_exit_statuses(self):
        self.assertEqual(run("-c", "pass").returncode, 0)
        error = run("-c", "x = 1\n1 / 0")
        self.assertEqual(error.returncode, 1)
        self.assertTrue(error.stderr.startswith('Traceback (most recent call last):\n  File "<string>", line 2, in <module>\n'))
        self.assertTrue(error.stderr.endswith('ZeroDivisionError: division by zero\n'))
        self.assertEqual(run("-c", "exit(7)").returncode, 7)
        self.assertEqual(run("-c", "import sys; sys.exit()").returncode, 0)
        message = run("-c", "exit('stopped')")
        self.assertEqual((message.returncode, message.stderr), (1, "stopped\n"))
        syntax = run("-c", "x = (")
        self.assertEqual(syntax.returncode, 1)
        self.assertIn("SyntaxError", syntax.stderr)
        missing = run(os.path.join(self.directory, "missing.grad"))
        self.assertEqual(missing.returncode, 2)
        self.assertIn("can't open file", missing.stderr)
        self.assertIn("No such file or directory", missing.stderr)
        directory = run(self.directory)
        self.assertEqual(directory.returncode, 2)

    def test_piped_stdin_behaves_exactly_like_a_file(self):
        source = "x = 2\nx * 3\nprint('out', x)\nfor i in range(2):\n    print(i)\n\nprint(undefined)\nprint('never')\n"
        script = self.write("same.grad", source)
        from_file = run(script)
        piped = run(stdin=source)
        dash = run("-", stdin=source)
        self.assertEqual(from_file.returncode, 1)
        self.assertEqual(from_file.stdout, "out 2\n0\n1\n")
        for result in (piped, dash):
            self.assertEqual(result.returncode, from_file.returncode)
            self.assertEqual(result.stdout, from_file.stdout)
            self.assertEqual(result.stderr, from_file.stderr.replace(script, "<stdin>"))
            self.assertNotIn("grad>", result.stdout + result.stderr)

    def test_shebang_script_on_the_path(self):
        bin_directory = os.path.join(self.directory, "bin")
        os.mkdir(bin_directory)
        os.symlink(GRAD, os.path.join(bin_directory, "grad"))
        script = self.write("hello", "#!/usr/bin/env grad\nimport sys\nprint('hello from', sys.argv[1])\n", 0o755)
        result = subprocess.run([script, "shebang"], capture_output=True, text=True, timeout=60,
                                env=dict(os.environ, PATH=bin_directory + ":" + os.environ.get("PATH", "")))
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "hello from shebang\n", ""))

    def test_ctrl_c_in_a_script_ends_it_as_python_does(self):
        status, stderr = self.interrupt_when_started([GRAD, "-c", "print('started', flush=True)\nwhile True: pass"])
        self.assertEqual(status, -signal.SIGINT)
        self.assertTrue(stderr.endswith("KeyboardInterrupt\n"), stderr)

    def interrupt_when_started(self, argv, spinning=False):
        """Runs argv until it prints its first line (flushed), sends SIGINT, returns (status, stderr).
        With `spinning`, SIGINT waits until the process has also spent a tenth of a second of CPU
        time after that line: the loop that follows the line is running, not the `print` before it
        (CPython would name the `print` line if SIGINT came while it returned)."""
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=dict(os.environ, NO_COLOR="1"), cwd=self.directory)
        self.addCleanup(process.kill)
        self.assertEqual(process.stdout.readline(), "started\n", "print(..., flush=True) reaches a pipe at once")
        if spinning:
            wait_for_cpu_time(process.pid, cpu_time(process.pid) + 0.1)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        return process.returncode, stderr

    def test_ctrl_c_in_a_script_file_ends_it_exactly_as_python_does(self):
        # CPython notices Ctrl-C at the loop's jump back: its traceback shows the `while` line, and it
        # dies of SIGINT (a shell sees status 130).
        source = "n = 0\nprint('started', flush=True)\nwhile n >= 0:\n    n += 1\n    n -= 1\n"
        self.write("loop.grad", source)
        self.write("loop.py", source)
        grad_status, grad_stderr = self.interrupt_when_started([GRAD, "loop.grad"], spinning=True)
        python_status, python_stderr = self.interrupt_when_started(["python3", "loop.py"], spinning=True)
        self.assertEqual(grad_status, -signal.SIGINT)
        self.assertEqual((grad_status, grad_stderr), (python_status, python_stderr.replace("loop.py", "loop.grad")))
        where = os.path.join(os.path.realpath(self.directory), "loop.grad")
        self.assertEqual(grad_stderr, f"Traceback (most recent call last):\n  File \"{where}\", line 3, in <module>\n"
                                      "    while n >= 0:\n          ^^^^^^\nKeyboardInterrupt\n")

    def test_an_ignored_sigint_stays_ignored_as_in_python(self):
        # `nohup`, or `cmd &` in a script: SIGINT arrives ignored, and CPython leaves it so. Sent
        # while the loop runs, it must not end it.
        source = "print('started', flush=True)\nfor i in range(3 * 10 ** 7):\n    pass\nprint('survived')\n"
        self.write("spin.grad", source)
        self.write("spin.py", source)
        for argv in ([GRAD, "spin.grad"], ["python3", "spin.py"]):
            process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                       cwd=self.directory, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
            self.addCleanup(process.kill)
            self.assertEqual(process.stdout.readline(), "started\n")
            wait_for_cpu_time(process.pid, cpu_time(process.pid) + 0.05)
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=60)
            self.assertEqual((process.returncode, stdout, stderr), (0, "survived\n", ""), argv[0])

    def test_ctrl_c_during_a_tensor_loop(self):
        self.write("train.grad", "import torch\nx = torch.ones(200, 200)\nprint('started', flush=True)\n"
                                 "for i in range(10 ** 9):\n    y = x @ x\n")
        status, stderr = self.interrupt_when_started([GRAD, "train.grad"])
        self.assertEqual(status, -signal.SIGINT)
        where = os.path.join(os.path.realpath(self.directory), "train.grad")
        self.assertTrue(stderr.startswith(f"Traceback (most recent call last):\n  File \"{where}\", line "), stderr)
        self.assertTrue(stderr.endswith("\nKeyboardInterrupt\n"), stderr)

    def test_dash_i_runs_the_file_then_the_repl_with_its_variables(self):
        script = self.write("setup.grad", "ready = 'yes'\nprint('script ran')\n")
        repl = Session(self, "-i", script)
        out = repl.expect_prompt()
        self.assertIn("script ran", out)
        self.assertNotIn("help()", out, "no banner after -i FILE")
        self.assertEqual(repl.enter("ready"), "'yes'\n")
        self.assertEqual(repl.exit_status(), 0)

    def test_dash_i_after_an_error_still_starts_the_repl(self):
        repl = Session(self, "-i", "-c", "kept = 1\nraise ValueError('boom')")
        self.assertIn("ValueError: boom", repl.expect_prompt())
        self.assertEqual(repl.enter("kept"), "1\n")

    def test_input_reads_a_redirected_file_and_a_pipe(self):
        # What CPython 3.11 prints for the same script and input (file_scripts/stdin_input.py
        # covers sys.stdin's methods).
        script = self.write("ask.grad", "import sys\nname = input('Name? ')\nprint('Hello,', name)\n"
                                        "print(sys.stdin.read().split())\n")
        data = self.write("answers.txt", "Ada\n1 2\n3")
        expected = "Name? Hello, Ada\n['1', '2', '3']\n"
        with open(data) as redirected:
            result = subprocess.run([GRAD, script], stdin=redirected, capture_output=True, text=True, timeout=60)
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, expected, ""))
        piped = run(script, stdin="Ada\n1 2\n3")
        self.assertEqual((piped.returncode, piped.stdout, piped.stderr), (0, expected, ""))

    def test_globals_of_a_script_piped_stdin_and_dash_c(self):
        # CPython 3.11's `__main__` keys before the program's own.
        start = ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__"]
        source = "print(list(globals()))\n"
        script = self.write("keys.grad", source)
        for result in (run(script), run(stdin=source)):
            self.assertEqual(result.stdout, repr(start + ["__file__", "__cached__"]) + "\n")
        self.assertEqual(run("-c", source).stdout, repr(start) + "\n")

    def test_input_at_the_end_of_input_raises_eoferror(self):
        result = run("-c", "print(input('a: ')); input('b: ')", stdin="x\n")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "a: x\nb: ")
        self.assertTrue(result.stderr.startswith('Traceback (most recent call last):\n  File "<string>", line 1'), result.stderr)
        self.assertTrue(result.stderr.endswith("EOFError: EOF when reading a line\n"), result.stderr)
        # A program read from stdin has no input left for itself, as in CPython.
        piped = run(stdin="print(input('prompt: '))\n")
        self.assertEqual((piped.returncode, piped.stdout), (1, "prompt: "))
        self.assertTrue(piped.stderr.endswith("EOFError: EOF when reading a line\n"), piped.stderr)

    def test_dash_i_with_piped_input(self):
        script = self.write("setup.grad", "base = 40\n")
        result = run("-i", script, stdin="base + 2\nprint(base)\n")
        self.assertEqual((result.returncode, result.stdout), (0, "42\n40\n"))
        self.assertIn("grad> ", result.stderr, "prompts go to stderr when stdin is not a terminal")

    def test_no_repl_without_a_terminal(self):
        result = run(stdin="")
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "", ""))


class OutputFailureTests(unittest.TestCase):
    """A write to stdout that fails (a full disk, a pipe whose reader has gone) is CPython's error,
    at the same `print`: stdout is buffered as CPython buffers it (8 KiB of text, then the pipe's
    block size), an error while the program runs is an OSError or BrokenPipeError raised there
    (status 1), and one when the last output is flushed at exit is "Exception ignored" (status
    120). Each case runs under grad and CPython (unbuffered mode off) and must end the same."""

    CASES = [
        "print(1)",
        "x = 1",
        "print('x' * 100000)",
        "for i in range(3000): print(i)",
        "print(1, flush=True)",
        "print('a' * 8191)",
        "print('a' * 8190)\nprint('b')",
        "print('a' * 100)\nprint('b' * 9000)",
        "print('a' * 4000)\nprint('b' * 4000)\nprint('c' * 4000)",
        "import sys\nprint(1)\nsys.exit(4)",
        "print(1)\nraise ValueError(2)",
        "try:\n    print('y' * 9000)\nexcept OSError as e:\n    print(type(e), e, e.args)\nprint('after')",
    ]

    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="grad-output-test-")
        self.addCleanup(shutil.rmtree, self.directory, True)
        self.python_environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}

    def run_both(self, source, run):
        """(status, stderr) of grad and of CPython for `source`, each started by run(argv)."""
        results = []
        for program, name in [(GRAD, "script.grad"), ("python3", "script.py")]:
            path = os.path.join(self.directory, name)
            with open(path, "w") as f:
                f.write(source + "\n")
            status, stderr = run([program, path])
            results.append((status, stderr.replace(name, "SCRIPT")))
        return results

    def test_a_full_disk_fails_as_in_cpython(self):
        def run(argv):
            with open("/dev/full", "w") as full:
                result = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
                                        env=dict(self.python_environment, NO_COLOR="1"))
            return result.returncode, result.stderr
        for source in self.CASES:
            with self.subTest(source=source):
                grad, python = self.run_both(source, run)
                self.assertEqual(grad, python)
        self.assertEqual(grad[0], 120)

    def test_a_closed_pipe_is_a_broken_pipe_error(self):
        # The reader takes one line and goes: grad is not killed by SIGPIPE but raises
        # BrokenPipeError at the print, as CPython does.
        def run(argv):
            process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                       env=dict(self.python_environment, NO_COLOR="1"))
            self.assertEqual(process.stdout.readline(), "0\n")
            process.stdout.close()
            stderr = process.stderr.read()
            process.stderr.close()
            return process.wait(timeout=60), stderr
        source = "import sys\nfor i in range(100000):\n    print(i)\nsys.exit(3)"
        grad, python = self.run_both(source, run)
        self.assertEqual(grad, python)
        self.assertEqual(grad[0], 1)
        self.assertTrue(grad[1].endswith("BrokenPipeError: [Errno 32] Broken pipe\n"), grad[1])


if __name__ == "__main__":
    unittest.main()
