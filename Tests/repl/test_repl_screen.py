"""What the screen shows while a line is edited (a terminal emulated by pyte): a recalled block's
lines with their `...` prompts and Up/Down moving between them, the prompt and line drawn again
after Ctrl-Z and `fg` and after a resize, and the cursor right when wide (CJK) characters are
deleted."""
import unittest

from harness import GRAD, Screen

UP, DOWN, LEFT, END, BACKSPACE, CTRL_Z = "\x1b[A", "\x1b[B", "\x1b[D", "\x1b[F", "\x7f", "\x1a"


class ScreenTests(unittest.TestCase):
    def grad(self, **kwargs):
        screen = Screen(self, GRAD, **kwargs)
        screen.wait(lambda s: s.lines()[s.cursor()[0]] == "grad>", "the prompt")
        return screen

    def shows(self, screen, lines, cursor):
        """Waits until the screen's last rows from the cursor's row up read `lines`, the cursor at `cursor`."""
        def check(s):
            row = s.cursor()[0]
            start = row - len(lines) + 1 if cursor[0] == len(lines) - 1 else row - cursor[0]
            return start >= 0 and s.lines()[start:start + len(lines)] == lines and s.cursor()[1] == cursor[1]
        screen.wait(check, f"{lines} with the cursor at {cursor}")

    def test_recalled_block(self):
        screen = self.grad()
        screen.send("for i in range(2):\r")
        screen.send("print(i * 10)\r\r")
        screen.wait_for_line("10")
        screen.send("z = 5\r")
        screen.send(UP)
        self.shows(screen, ["grad> z = 5"], (0, 11))
        screen.send(UP)
        # The block's second line shows its prompt; the cursor is at the end of the block.
        self.shows(screen, ["grad> for i in range(2):", "...       print(i * 10)"], (1, 23))
        screen.send(UP)
        # Up keeps the column (the second line's prompt counted as the first's).
        self.shows(screen, ["grad> for i in range(2):", "...       print(i * 10)"], (0, 23))
        # Edited in place; Down goes back to the block's second line, at the same column.
        screen.send(LEFT * 3 + "1")
        self.shows(screen, ["grad> for i in range1(2):", "...       print(i * 10)"], (0, 21))
        screen.send(DOWN)
        self.shows(screen, ["grad> for i in range1(2):", "...       print(i * 10)"], (1, 21))
        screen.send(DOWN)
        self.shows(screen, ["grad> z = 5"], (0, 11))
        screen.send(UP + UP + UP + UP)
        self.shows(screen, ["grad> for i in range(2):", "...       print(i * 10)"], (0, 23))
        # Entered again, it runs as the block it was, without the prompts.
        screen.send("\r")
        screen.wait_for_line("10")
        screen.send("i\r")
        screen.wait(lambda s: s.lines()[s.cursor()[0] - 1] == "1", "the value of i")

    def test_ctrl_z_and_fg(self):
        screen = Screen(self, "bash", ["--norc", "--noprofile", "-i"], env={"PS1": "$ "})
        screen.wait(lambda s: s.lines()[s.cursor()[0]] == "$", "the shell's prompt")
        screen.send(GRAD + "\r")
        screen.wait(lambda s: s.lines()[s.cursor()[0]] == "grad>", "grad's prompt")
        screen.send("x = 12345")
        self.shows(screen, ["grad> x = 12345"], (0, 15))
        screen.send(CTRL_Z)
        screen.wait(lambda s: any("Stopped" in line for line in s.lines()) and s.lines()[s.cursor()[0]] == "$",
                    "the job stopped")
        screen.send("fg\r")
        # The prompt and the line as it was, the cursor after it, and grad reads on.
        self.shows(screen, ["grad> x = 12345"], (0, 15))
        screen.send("6\r")
        screen.send("x\r")
        screen.wait_for_line("123456")

    def test_resize_redraws_a_wrapped_line(self):
        screen = self.grad(rows=12, columns=40)
        text = 'value = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"'
        screen.send(text)
        line = "grad> " + text
        self.shows(screen, [line[:40], line[40:]], (1, len(line) - 40))
        screen.resize(12, 30)
        self.shows(screen, [line[:30], line[30:60], line[60:]], (2, len(line) - 60))
        screen.resize(12, 60)
        self.shows(screen, [line[:60], line[60:]], (1, len(line) - 60))
        screen.send("\r")
        screen.send("len(value)\r")
        screen.wait_for_line("46")

    def test_wide_characters(self):
        screen = self.grad(rows=12, columns=40)
        screen.send('s = "一二三四五六七八九十一二三四五六七"')
        # 6 + 5 + 17 × 2 + 1 = 46 columns: the line wraps inside the characters' run.
        self.shows(screen, ['grad> s = "一二三四五六七八九十一二三四', '五六七"'], (1, 7))
        screen.send(BACKSPACE * 3)
        self.shows(screen, ['grad> s = "一二三四五六七八九十一二三四', '五'], (1, 2))
        screen.send(BACKSPACE * 2)
        self.shows(screen, ['grad> s = "一二三四五六七八九十一二三'], (0, 37))
        screen.send(LEFT * 2 + "x")
        self.shows(screen, ['grad> s = "一二三四五六七八九十一x二三'], (0, 34))
        screen.send(END + '"\r')
        screen.send("len(s)\r")
        screen.wait_for_line("14")


if __name__ == "__main__":
    unittest.main()


class ProgressBarScreenTests(unittest.TestCase):
    def test_tqdm_bars_fill_the_terminal_less_one_column_and_redraw_in_place(self):
        # An outer bar and a nested inner one (leave=False): each redraw overwrites its own line,
        # the inner bar's line is blanked when it closes, and the outer one ends 39 columns wide,
        # the next output on the line below it (what tqdm 4.70 under CPython leaves on the screen).
        program = ("from tqdm import tqdm\n"
                   "for i in tqdm(range(2), bar_format='{l_bar}{bar}|', mininterval=0):\n"
                   "    for j in tqdm(range(3), bar_format='{l_bar}{bar}|', mininterval=0, leave=False):\n"
                   "        pass\n"
                   "print('done')\n")
        screen = Screen(self, GRAD, ["-c", program], rows=6, columns=40)
        screen.wait_for_line("done")
        self.assertEqual(screen.lines()[:3], ["100%|" + "\u2588" * 33 + "|", "done", ""])
