import XCTest
@testable import GradREPL

/// The repaint that colours the line being edited: what it writes for a simple line, and that no
/// line (control characters, wide and combining characters, tabs, recalled blocks' markers, an
/// unfinished string from the pending lines) at any width and cursor makes it trap.
final class LineHighlighterTests: XCTestCase {
    func testARepaintWritesTheLineInColourAndPutsTheCursorBack() {
        let highlighter = LineHighlighter(builtins: ["print"], pendingLines: { [] })
        let line = Array("print(1)".unicodeScalars)
        // From the cursor (after `pri`) to the line's start after the 6-column prompt, the line in
        // colour, then back to the cursor.
        XCTAssertEqual(highlighter.repaint(line: line, cursor: 3, promptWidth: 6, columns: 80, rows: 24),
                       "\r\u{1B}[6C\u{1B}[36mprint\u{1B}[0m(\u{1B}[33m1\u{1B}[0m)\r\u{1B}[9C")
    }

    func testLinesLibeditShowsWithEscapesAreLeftAlone() {
        let highlighter = LineHighlighter(builtins: [], pendingLines: { [] })
        XCTAssertNil(highlighter.repaint(line: Array("x = 1\u{7}".unicodeScalars), cursor: 0, promptWidth: 6,
                                         columns: 80, rows: 24))
        // Taller than the screen.
        XCTAssertNil(highlighter.repaint(line: Array(String(repeating: "x", count: 300).unicodeScalars), cursor: 0,
                                         promptWidth: 6, columns: 10, rows: 24))
    }

    func testNoLineTraps() {
        let alphabet = Array("a1 \t\n\"'#(){}f漢\u{301}\u{7}.:\\\r=!".unicodeScalars) + Array("...   def return".unicodeScalars)
        let highlighter = LineHighlighter(builtins: ["print"], pendingLines: { ["s = f'''x{", "def f():"] })
        var state: UInt64 = 12345
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let line = (0..<random(60)).map { _ in alphabet[random(alphabet.count)] }
            _ = highlighter.repaint(line: line, cursor: random(line.count + 1), promptWidth: random(8),
                                    columns: 1 + random(40), rows: 1 + random(30))
        }
    }
}
