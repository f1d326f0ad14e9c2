#!/usr/bin/env python3
"""Writes Sources/GradLang/Plot/BitmapFont.swift: printable ASCII from DejaVu Sans Mono at 11 px,
thresholded to 1 bit (needs Pillow: ~/torchenv/bin/python scripts/plot-font.py)."""
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT, SIZE = 7, 14, 11
font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", SIZE)
rows = []
for code in range(32, 127):
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(image).text((0, 0), chr(code), font=font, fill=255)
    for y in range(HEIGHT):
        bits = 0
        for x in range(WIDTH):
            if image.getpixel((x, y)) >= 96:
                bits |= 1 << x
        rows.append(bits)
lines = []
for i in range(0, len(rows), HEIGHT):
    lines.append("        " + ", ".join("0x%02x" % b for b in rows[i:i + HEIGHT]) + ",  // " + repr(chr(32 + i // HEIGHT)))
swift = f'''/// A {WIDTH} × {HEIGHT} pixel font for printable ASCII, to draw text into PNG figures; made by
/// scripts/plot-font.py from DejaVu Sans Mono (free licence), one byte per row, bit 0 the leftmost pixel.
enum BitmapFont {{
    static let width = {WIDTH}
    static let height = {HEIGHT}

    /// Whether the pixel at (x, y) of `character`'s glyph is set; characters outside printable
    /// ASCII are drawn as "?".
    static func isSet(_ character: Character, x: Int, y: Int) -> Bool {{
        guard x >= 0, x < width, y >= 0, y < height else {{ return false }}
        let code = character.asciiValue.map(Int.init).flatMap {{ (32...126).contains($0) ? $0 : nil }} ?? 63
        return rows[(code - 32) * height + y] & (1 << x) != 0
    }}

    private static let rows: [UInt8] = [
{chr(10).join(lines)}
    ]
}}
'''
open("Sources/GradLang/Plot/BitmapFont.swift", "w").write(swift)
