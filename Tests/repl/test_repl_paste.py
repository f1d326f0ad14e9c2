"""Pasting: bracketed and unmarked pastes of the seed's snippet6 (blank lines, and a line of spaces,
inside its for block), transcripts with prompts and output, tabs as indentation."""
import unittest

from harness import (CONTINUATION, PROMPT, SNIPPET6, SNIPPET6_EXPECTED, Session, clean, read,
                     requires_torch)


def printed_lines(output):
    """Lines the code printed after an unmarked paste: not the echo of input, which follows a
    prompt (the first line's prompt was already awaited)."""
    lines = []
    for line in output.split("\n")[1:]:
        if line.startswith(PROMPT) or line.startswith(CONTINUATION) or not line.strip():
            continue
        lines.append(line)
    return lines


class Snippet6Tests(unittest.TestCase):
    @requires_torch
    def test_bracketed_paste_runs_snippet6_as_a_whole(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.paste(read(SNIPPET6))
        output = repl.sync()
        # The paste is echoed as it was pasted; what it printed follows.
        start = output.index("\nPrediction before training: f(5) =") + 1
        self.assertEqual(output[start:] + "\n", read(SNIPPET6_EXPECTED))
        self.assertEqual(repl.enter("w.item() > 1.99"), "True\n")

    @requires_torch
    def test_unmarked_fast_paste_runs_snippet6(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.type_fast(read(SNIPPET6) + "\n")
        output = repl.sync()
        self.assertEqual("\n".join(printed_lines(output)) + "\n", read(SNIPPET6_EXPECTED))
        self.assertNotIn("Error", output)


# The same shape as snippet6 (blank lines and a line of spaces inside a for block, defs followed by
# top-level code) without torch, so the paste mechanics are tested on every build.
SHAPE = '''w = 0.0

def forward(x):
    return w * x

print(f'before: f(5) = {forward(5):.3f}')

for epoch in range(3):
    # predict
    y = forward(2)

    # update
    w = w + 1
    
    if epoch % 1 == 0:
        print(f'epoch {epoch+1}: w = {w:.3f}')
'''
SHAPE_OUTPUT = "before: f(5) = 0.000\nepoch 1: w = 1.000\nepoch 2: w = 2.000\nepoch 3: w = 3.000\n"


class PasteTests(unittest.TestCase):
    def test_bracketed_paste_keeps_blank_lines_inside_a_block(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.paste(SHAPE)
        output = repl.sync()
        self.assertEqual(output[output.index("\nbefore: f(5) = 0.000") + 1:] + "\n", SHAPE_OUTPUT)
        self.assertEqual(repl.enter("w"), "3.0\n")

    def test_unmarked_fast_paste_keeps_blank_lines_inside_a_block(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.type_fast(SHAPE + "\n")
        output = repl.sync()
        self.assertEqual("\n".join(printed_lines(output)) + "\n", SHAPE_OUTPUT)
        self.assertEqual(repl.enter("w"), "3.0\n")

    def test_paste_without_newline_is_inserted_for_editing(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.send("value = ")
        repl.paste("40 + 2")
        self.assertEqual(repl.enter(""), "")
        self.assertEqual(repl.enter("value"), "42\n")

    def test_pasted_python_transcript_loses_prompts_and_output(self):
        transcript = (">>> a = 5\n>>> a * 2\n10\n>>> for i in range(2):\n...     print(i)\n...\n0\n1\n"
                      ">>> a + 100\n105\n")
        for send in ("paste", "type_fast"):
            with self.subTest(send=send):
                repl = Session(self)
                repl.expect_prompt()
                getattr(repl, send)(transcript)
                output = repl.sync()
                self.assertNotIn("Error", output)
                if send == "paste":
                    self.assertTrue(output.endswith(transcript + "10\n0\n1\n105"), output)
                else:
                    self.assertEqual(printed_lines(output), ["10", "0", "1", "105"])
                self.assertEqual(repl.enter("a"), "5\n")

    def test_pasted_grad_transcript(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.paste("grad> total = 0\ngrad> for k in [1, 2, 3]:\n...       total = total + k\n...   \ngrad> total\n6\n")
        output = repl.sync()
        self.assertNotIn("Error", output)
        self.assertEqual(repl.enter("total * 2"), "12\n")

    def test_tabs_in_pasted_text_are_indentation(self):
        code = "def tabbed(n):\n\tif n > 0:\n\t\treturn 'positive'\n\treturn 'other'\n\n"
        for send in ("paste", "type_fast"):
            with self.subTest(send=send):
                repl = Session(self)
                repl.expect_prompt()
                getattr(repl, send)(code)
                output = repl.sync()
                self.assertNotIn("Error", output)
                self.assertEqual(repl.enter("tabbed(3)"), "'positive'\n")

    def test_typed_tab_at_line_start_indents(self):
        repl = Session(self)
        repl.expect_prompt()
        repl.enter("if True:", prompt=CONTINUATION)
        repl.send("\t")
        # Four spaces more than the auto-indent's four: the cursor moves past the 6-character
        # prompt to column 15 (1-based).
        repl.child.expect_exact("\x1b[15G")
        repl.enter("z = 9", prompt=CONTINUATION)
        repl.enter("")
        self.assertEqual(repl.enter("z"), "9\n")


if __name__ == "__main__":
    unittest.main()
