"""Plots: `plt.show()` and `%plot` draw in braille on a terminal (nothing when stdout is not one);
`savefig` writes PNG and SVG files that standard decoders read and that show what was drawn."""
import os
import shutil
import struct
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree
import zlib

from harness import GRAD, Session, requires_torch

BRAILLE = range(0x2801, 0x2900)


def braille_cells(text):
    return sum(1 for c in text if ord(c) in BRAILLE)


def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB PNG, every chunk's CRC checked."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature"
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"CRC of {kind}"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour_type = header[:4]
    assert (depth, colour_type) == (8, 2), "8-bit RGB"
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    assert len(raw) == stride * height
    rows = []
    for y in range(height):
        assert raw[y * stride] == 0, "filter type none"
        line = raw[y * stride + 1:(y + 1) * stride]
        rows.append([tuple(line[x * 3:x * 3 + 3]) for x in range(width)])
    return width, height, rows


SCRIPT = """
import matplotlib.pyplot as plt
plt.plot([0, 1], [0.5, 0.5], color='red', linewidth=4, label='half')
plt.xlim(0, 1)
plt.ylim(0, 1)
plt.title('A red line')
plt.legend()
plt.savefig('line.png')
plt.savefig('line.svg')
plt.savefig('small.png', dpi=50)
plt.savefig('no_extension')
plt.savefig('named', format='svg')
plt.show()
print('saved')
"""


class PlotFileTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="grad-plot-test-")
        self.addCleanup(shutil.rmtree, self.directory, True)
        with open(os.path.join(self.directory, "plot.grad"), "w") as f:
            f.write(SCRIPT)
        result = subprocess.run([GRAD, "plot.grad"], cwd=self.directory, capture_output=True, text=True, timeout=120)
        self.assertEqual((result.stdout, result.stderr, result.returncode), ("saved\n", "", 0),
                         "off a terminal show() draws nothing")

    def test_png_decodes_and_shows_the_line(self):
        width, height, rows = read_png(os.path.join(self.directory, "line.png"))
        self.assertEqual((width, height), (640, 480))
        self.assertEqual(rows[5][5], (255, 255, 255), "white background")
        # The axes span 12.5%..90% of the width and 12%..89% of the height; y = 0.5 is halfway.
        middle_y = round(0.12 * height + 0.385 * height)
        line_rows = [y for y in range(middle_y - 4, middle_y + 5) if rows[y][300] == (255, 0, 0)]
        self.assertTrue(line_rows, "red at the line's place")
        self.assertLessEqual(len(line_rows), 8, "about 4 points thick")
        self.assertNotEqual(rows[middle_y - 40][300], (255, 0, 0), "and nowhere above it")
        self.assertEqual(rows[middle_y][80], (0, 0, 0), "the frame's left edge")

    def test_file_names_as_matplotlib_makes_them(self):
        self.assertEqual(read_png(os.path.join(self.directory, "no_extension.png"))[:2], (640, 480))
        ElementTree.parse(os.path.join(self.directory, "named"))

    def test_dpi_scales_the_png(self):
        width, height, _ = read_png(os.path.join(self.directory, "small.png"))
        self.assertEqual((width, height), (320, 240))

    def test_svg_parses_and_holds_the_line_and_texts(self):
        root = ElementTree.parse(os.path.join(self.directory, "line.svg")).getroot()
        namespace = "{http://www.w3.org/2000/svg}"
        self.assertEqual(root.tag, namespace + "svg")
        red = [p for p in root.iter(namespace + "polyline") if p.get("stroke") == "#ff0000"]
        self.assertEqual(len(red), 2, "the line and its legend entry")
        texts = [t.text for t in root.iter(namespace + "text")]
        for text in ("A red line", "half", "0.0", "0.5", "1.0"):
            self.assertIn(text, texts)


class PlotTerminalTests(unittest.TestCase):
    def test_show_draws_on_the_terminal(self):
        repl = Session(self, rows=40, columns=80)
        repl.expect_prompt()
        repl.enter("import matplotlib.pyplot as plt")
        self.assertEqual(repl.enter("plt.plot([1, 4, 9, 16], label='squares')[0].get_label()"), "'squares'\n")
        repl.enter("plt.title('Squares'); plt.legend()")
        drawing = repl.enter("plt.show()")
        lines = drawing.splitlines()
        self.assertEqual(lines[0].strip(), "Squares")
        self.assertIn("── squares", drawing)
        self.assertGreater(braille_cells(drawing), 20)
        self.assertTrue(any(line.lstrip().startswith("16┤") for line in lines), drawing)
        self.assertIn("┬", lines[-2])
        self.assertLessEqual(max(len(line) for line in lines), 80)
        self.assertEqual(repl.enter("plt.show()"), "", "show() closed the figures it drew")

    @requires_torch
    def test_plot_magic(self):
        repl = Session(self, rows=40, columns=80)
        repl.expect_prompt()
        repl.enter("import torch")
        repl.enter("x = torch.linspace(-3, 3, 61)")
        drawing = repl.enter("%plot torch.sin(x)")
        self.assertGreater(braille_cells(drawing), 20)
        self.assertIn(" 1.0┤", drawing)
        self.assertIn("-1.0┤", drawing)
        self.assertIn("60", drawing.splitlines()[-1], "plotted against the index")
        drawing = repl.enter("%plot x, x ** 2")
        self.assertEqual(drawing.splitlines()[-1].split(), ["-3", "-2", "-1", "0", "1", "2", "3"])
        self.assertIn("UsageError: %plot needs data", repl.enter("%plot"))
        self.assertIn("NameError: name 'nope' is not defined", repl.enter("%plot nope"))
        error = repl.enter("%plot x.requires_grad_()")
        self.assertTrue(error.endswith("RuntimeError: Can't call numpy() on Tensor that requires grad. "
                                       "Use tensor.detach().numpy() instead.\n"), error)
        self.assertEqual(repl.enter("'__grad_plot__' in dir()"), "False\n")

    def test_colour_on_a_colour_terminal(self):
        repl = Session(self, rows=40, columns=80, colour=True)
        prompt = "\x1b[1;35mgrad>\x1b[0m "
        repl.child.expect_exact(prompt)
        repl.send("%plot [3, 1, 2]\r")
        repl.child.expect_exact(prompt)
        raw = repl.child.before
        self.assertIn("\x1b[38;5;31m", raw, "matplotlib's first colour, #1f77b4, as xterm colour 31")
