"""Never crash on any input: random bytes typed at the prompt (control keys, escape sequences,
invalid UTF-8) and piped as a script."""
import os
import random
import signal
import subprocess
import unittest

import pexpect

from harness import CTRL_C, GRAD, Session, clean

# Keys the terminal itself turns into signals or flow control (Ctrl-Z stops, Ctrl-\ quits,
# Ctrl-S/Ctrl-Q pause output) and Ctrl-D (which ends the session) are left out.
EXCLUDED = {0x04, 0x11, 0x13, 0x1A, 0x1C}


class RobustnessTests(unittest.TestCase):
    def test_random_keys_at_the_prompt(self):
        rng = random.Random(4)
        repl = Session(self)
        repl.expect_prompt()
        for round_number in range(12):
            noise = bytes(b for b in rng.randbytes(300) if b not in EXCLUDED)
            if round_number % 3 == 0:
                noise = b"\x1b[200~" + noise + b"\x1b[201~"
            os.write(repl.child.child_fd, noise)
            # Ctrl-C ends whatever the noise left open (a paste, a search, a block, running code)
            # and a line then runs. A Ctrl-C that arrives while the noise is still being read may
            # itself be swallowed, so each try waits a bounded time for the line's result.
            for attempt in range(5):
                repl.child.send(CTRL_C)
                repl.child.send("'alive' + str(%d)\r" % round_number)
                if repl.child.expect_exact(["'alive%d'" % round_number, pexpect.TIMEOUT], timeout=3) == 0:
                    break
                self.assertTrue(repl.child.isalive(), f"round {round_number}")
            else:
                self.fail(f"round {round_number}: no answer after five Ctrl-C")
            repl.expect_prompt()

    def test_random_bytes_piped_as_a_script(self):
        rng = random.Random(5)
        for round_number in range(20):
            source = rng.randbytes(rng.randrange(1, 400))
            if round_number % 2:
                source = b"x = 1\nfor i in range(3):\n" + source + b"\n    y = [1,\n"
            result = subprocess.run([GRAD], input=source, capture_output=True, timeout=60)
            self.assertIn(result.returncode, (0, 1), (source, result.stderr[-500:]))

    def test_huge_paste(self):
        repl = Session(self)
        repl.expect_prompt()
        lines = "".join(f"v{i} = {i}\n" for i in range(2000))
        repl.paste("total = 0\n" + lines + "for i in range(2000):\n    total = total + i\n")
        output = repl.sync()
        self.assertNotIn("Error", output)
        self.assertEqual(repl.enter("total, v1999"), "(1999000, 1999)\n")


class CrashReportTests(unittest.TestCase):
    """Should grad ever crash at a terminal, the Swift runtime's crash handler prints its backtrace
    and lets grad die, instead of waiting 30 s at "Press space to interact"."""

    def environment_of(self, repl):
        with open(f"/proc/{repl.child.pid}/environ", "rb") as f:
            return f.read().split(b"\0")

    def catches(self, repl, signal_number):
        with open(f"/proc/{repl.child.pid}/status") as f:
            caught = next(int(line.split()[1], 16) for line in f if line.startswith("SigCgt:"))
        return bool(caught & (1 << (signal_number - 1)))

    def test_backtraces_are_not_interactive_at_a_terminal(self):
        repl = Session(self)
        repl.expect_prompt()
        if not self.catches(repl, signal.SIGSEGV):
            # A build whose runtime has no crash handler (the static release build finds no
            # swift-backtrace): nothing waits, a crash ends grad at once.
            os.kill(repl.child.pid, signal.SIGSEGV)
            repl.child.expect(pexpect.EOF)
            return
        self.assertIn(b"SWIFT_BACKTRACE=interactive=no", self.environment_of(repl))
        # A segmentation fault as the crash handler sees it. Sent rather than caused, it does not
        # kill: the handler returns after its report, and grad reads on.
        os.kill(repl.child.pid, signal.SIGSEGV)
        repl.child.expect_exact("Program crashed: Signal 11")
        repl.child.expect_exact("Backtrace took")
        repl.send("6 * 7\r")
        self.assertTrue(repl.expect_prompt().endswith("6 * 7\n42\n"))
        self.assertNotIn("Press space", clean(repl.child.before))

    def test_the_users_own_setting_is_kept(self):
        repl = Session(self, env={"SWIFT_BACKTRACE": "enable=no"})
        repl.expect_prompt()
        environment = self.environment_of(repl)
        self.assertIn(b"SWIFT_BACKTRACE=enable=no", environment)
        self.assertNotIn(b"SWIFT_BACKTRACE=interactive=no", environment)


if __name__ == "__main__":
    unittest.main()
