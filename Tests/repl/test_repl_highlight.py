"""Syntax highlighting of the line as it is typed (issue 18, item 8), on a terminal emulated by pyte:
CPython's REPL colours (3.14's default theme; 3.13 colours only its prompts): keywords, True/False/
None and soft keywords bold blue, builtins cyan, the name after def/class bold, strings green (a
triple-quoted one across continuation lines), numbers yellow, comments red. None with NO_COLOR, with
TERM=dumb, or when not a terminal. Wide characters, wrapped lines, recalled blocks, Ctrl-R and
completion still show right with colour on, and typing and a 200-line paste stay fast."""
import os
import subprocess
import time
import unittest

from harness import GRAD, Screen
import test_repl_screen

UP, LEFT, CTRL_R, TAB = "\x1b[A", "\x1b[D", "\x12", "\t"
COLOUR_ON = {"NO_COLOR": ""}

# One letter per cell: K bold blue (keywords), C cyan (builtins), D bold (definitions), G green
# (strings), Y yellow (numbers), R red (comments), M bold magenta (prompts), . plain.
LETTERS = {("blue", True): "K", ("cyan", False): "C", ("default", True): "D", ("green", False): "G",
           ("brown", False): "Y", ("red", False): "R", ("magenta", True): "M", ("default", False): "."}


def colours(screen, row):
    """The colour letters of a row's cells, up to its last character (a wide character's second
    cell left out)."""
    cells = screen.screen.buffer[row]
    text = screen.lines()[row]
    letters = ""
    for x in range(screen.screen.columns):
        cell = cells[x]
        if cell.data == "":
            continue
        letters += LETTERS.get((cell.fg, cell.bold), "?")
    return letters[:len(text)]


class HighlightTests(unittest.TestCase):
    def grad(self, rows=12, columns=60, env=COLOUR_ON):
        screen = Screen(self, GRAD, rows=rows, columns=columns, env=env)
        screen.wait(lambda s: s.lines()[s.cursor()[0]] == "grad>", "the prompt")
        return screen

    def shows_coloured(self, screen, row_from_cursor, text, letters):
        """Waits until the row `row_from_cursor` rows above the cursor's reads `text` in `letters`."""
        def check(s):
            row = s.cursor()[0] - row_from_cursor
            return row >= 0 and s.lines()[row] == text and colours(s, row) == letters
        try:
            screen.wait(check, f"{text!r} coloured {letters!r}")
        except AssertionError as failure:
            row = screen.cursor()[0] - row_from_cursor
            raise AssertionError(f"{failure}\nrow {row} coloured {colours(screen, row)!r}") from None

    def test_typed_code_is_coloured(self):
        screen = self.grad()
        screen.send('def f(x): return print("s" + 1)  # c')
        self.shows_coloured(screen, 0, 'grad> def f(x): return print("s" + 1)  # c',
                            "MMMMM.KKK.D.....KKKKKK.CCCCC.GGG...Y...RRR")
        screen.send("\r\r")
        screen.send("x = [True, None, 0x1F, 2.5e3, len, x.len, str.join]  ")
        self.shows_coloured(screen, 0, "grad> x = [True, None, 0x1F, 2.5e3, len, x.len, str.join]",
                            "MMMMM......KKKK..KKKK..YYYY..YYYYY..CCC.........CCC......")

    def test_soft_keywords_where_they_are_keywords(self):
        screen = self.grad()
        screen.send("match = 1; match (x):")
        # As CPython's `is_soft_keyword_used`: the first `match` is a name, the second starts a
        # match statement only after a newline, an indent or a colon, so neither is coloured here.
        self.shows_coloured(screen, 0, "grad> match = 1; match (x):", "MMMMM.........Y............")
        screen.send("\x15")  # Ctrl-U: the line emptied
        screen.send("match x:")
        self.shows_coloured(screen, 0, "grad> match x:", "MMMMM.KKKKK...")

    def test_a_string_opened_on_an_earlier_line_goes_on(self):
        screen = self.grad()
        screen.send('s = """abc\r')
        screen.wait(lambda s: s.lines()[s.cursor()[0]] == "...", "the continuation prompt")
        screen.send('def # x""" * 2')
        self.shows_coloured(screen, 0, '...   def # x""" * 2', "MMM...GGGGGGGGGG...Y")
        screen.send("\rlen(s)\r")
        screen.wait_for_line("22")

    def test_an_unterminated_string_is_coloured_to_the_end(self):
        screen = self.grad()
        screen.send("print('abc def")
        self.shows_coloured(screen, 0, "grad> print('abc def", "MMMMM.CCCCC.GGGGGGGG")

    def test_a_recalled_block_is_coloured_with_its_prompts(self):
        screen = self.grad()
        screen.send("for i in range(2):\r")
        screen.send("print(i * 10)  # ten\r\r")
        screen.wait_for_line("10")
        screen.send(UP)
        self.shows_coloured(screen, 1, "grad> for i in range(2):", "MMMMM.KKK...KK.CCCCC.Y..")
        self.shows_coloured(screen, 0, "...       print(i * 10)  # ten", "MMM.......CCCCC.....YY...RRRRR")

    def test_wide_characters_on_a_wrapped_line(self):
        screen = self.grad(columns=40)
        screen.send('s = "一二三四五六七八九十一二三四五六七" * 2')
        # 6 + 5 + 14 × 2 = 39 columns: the fifteenth character goes to the next row.
        self.shows_coloured(screen, 1, 'grad> s = "一二三四五六七八九十一二三四', "MMMMM....." + "G" * 15)
        self.shows_coloured(screen, 0, '五六七" * 2', "GGGG...Y")
        self.assertEqual(screen.cursor()[1], 11)
        screen.send(LEFT * 6 + "\x7f" * 2)
        # 五 and 六 deleted: 七 still does not fit on the first row, and the cursor is before it.
        self.shows_coloured(screen, 0, '七" * 2', "GG...Y")
        self.assertEqual(screen.cursor()[1], 0)
        screen.send("\rlen(s)\r")
        screen.wait_for_line("30")

    def test_tabs_in_a_pasted_line(self):
        # libedit draws a tab as spaces to the next multiple of 8 columns, counted from the row's
        # start: the spaces take the tab's colour, and move when text before them changes.
        screen = self.grad()
        screen.send('\x1b[200~if\tx:  y = "a\tb" # c\x1b[201~')
        self.shows_coloured(screen, 0, 'grad> if        x:  y = "a      b" # c', "MMMMM.KK" + "." * 16 + "G" * 10 + ".RRR")
        screen.send(LEFT * 9 + "Z")
        self.shows_coloured(screen, 0, 'grad> if        x:  y = Z"a     b" # c', "MMMMM.KK" + "." * 17 + "G" * 9 + ".RRR")

    def test_reverse_search_and_completion_show_right(self):
        screen = self.grad()
        screen.send("abc = 1\r")
        screen.send("abd = 'x'\r")
        screen.send(CTRL_R + "abc")
        screen.wait(lambda s: s.lines()[s.cursor()[0]] == "(reverse-i-search)`abc': abc = 1", "the search line")
        self.assertEqual(colours(screen, screen.cursor()[0]), "." * 32)
        screen.send(LEFT)
        self.shows_coloured(screen, 0, "grad> abc = 1", "MMMMM.......Y")
        screen.send("\x15print(ab" + TAB)
        screen.wait(lambda s: s.lines()[s.cursor()[0] - 1].split() == ["abc", "abd", "abs("], "the candidates")
        self.shows_coloured(screen, 0, "grad> print(ab", "MMMMM.CCCCC...")
        screen.send("s" + TAB)
        self.shows_coloured(screen, 0, "grad> print(abs(", "MMMMM.CCCCC.CCC.")

    def test_no_colour_with_no_color_or_a_dumb_terminal(self):
        for env in ({"NO_COLOR": "1"}, {"NO_COLOR": "", "TERM": "dumb"}):
            with self.subTest(env=env):
                screen = Screen(self, GRAD, rows=12, columns=60, env=env)
                screen.wait(lambda s: "grad>" in s.lines(), "the prompt")
                screen.send('def f(x): return "s"  # c')
                screen.wait(lambda s: any(line.endswith("# c") for line in s.lines()), "the line")
                row = next(i for i, line in enumerate(screen.lines()) if line.endswith("# c"))
                self.assertEqual(colours(screen, row), "." * len(screen.lines()[row]))

    def test_no_colour_when_not_a_terminal(self):
        result = subprocess.run([GRAD], input='x = "s"  # c\nprint(x)\n', capture_output=True, text=True,
                                env={**os.environ, "NO_COLOR": "", "TERM": "xterm"})
        self.assertEqual((result.stdout, result.stderr), ("s\n", ""))

    def test_typing_stays_responsive(self):
        """Each key, sent once the previous one shows, shows within the budget (libedit draws it,
        then grad paints the line), and the line's colours follow the last key as quickly."""
        screen = self.grad(columns=100)
        text = 'for k in range(10): total = sum([k * 2.5, len("abc"), 0x10])  # a comment'
        typed = "grad> "
        slowest = 0.0
        for key in text:
            typed += key
            start = time.monotonic()
            screen.send(key)
            screen.wait(lambda s: s.lines()[s.cursor()[0]] == typed.rstrip(), repr(typed))
            slowest = max(slowest, time.monotonic() - start)
        start = time.monotonic()
        self.shows_coloured(screen, 0, typed,
                            "MMMMM.KKK...KK.CCCCC.YY...........CCC......YYY..CCC.GGGGG...YYYY....RRRRRRRRRRR")
        self.assertLess(max(slowest, time.monotonic() - start), 0.5)

    def test_a_pasted_block_of_200_lines_runs_at_once(self):
        """A 200-line paste is read whole and drawn once; with colour on it takes no longer than
        a budget far under what a person would notice waiting on."""
        lines = ["total = 0"] + [f"total += {k}  # line {k}" for k in range(1, 199)] + ["print('total', total)"]
        paste = "\x1b[200~" + "\r".join(lines) + "\r\x1b[201~"
        timings = {}
        for name, env in (("colour", COLOUR_ON), ("plain", {"NO_COLOR": "1"})):
            screen = self.grad(rows=24, columns=80, env=env)
            start = time.monotonic()
            screen.send(paste)
            screen.wait(lambda s: "total 19701" in s.lines() and s.lines()[s.cursor()[0]] == "grad>",
                        "the paste's output and the next prompt")
            timings[name] = time.monotonic() - start
        self.assertLess(timings["colour"], 3.0, timings)


class ColouredScreenTests(test_repl_screen.ScreenTests):
    """The screen tests (recalled blocks, Ctrl-Z and fg, resizes, wide characters) with colour on."""

    def grad(self, **kwargs):
        kwargs["env"] = {**kwargs.get("env", {}), **COLOUR_ON}
        return super().grad(**kwargs)

    # It runs grad from a shell whose environment has colour off: ScreenTests covers it.
    test_ctrl_z_and_fg = None


if __name__ == "__main__":
    unittest.main()
