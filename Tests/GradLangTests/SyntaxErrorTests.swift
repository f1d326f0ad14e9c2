import XCTest
@testable import GradLang

/// What a SyntaxError carries for the renderer: kind, message, the caret range, the line's text.
final class SyntaxErrorTests: XCTestCase {
    func error(_ source: String) -> SyntaxError? {
        do {
            _ = try parseModule(source: source, filename: "t.grad")
            return nil
        } catch {
            return error
        }
    }

    func testFieldsOfAParseError() throws {
        let e = try XCTUnwrap(error("x = 1\nprint(a b)\n"))
        XCTAssertEqual(e.description, "SyntaxError: invalid syntax. Perhaps you forgot a comma?")
        XCTAssertEqual(e.kind, .syntaxError)
        XCTAssertEqual([e.line, e.column, e.endLine, e.endColumn], [2, 7, 2, 10])
        XCTAssertEqual(e.lineText, "print(a b)")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let e = try XCTUnwrap(error("变量 = 1 ？\n"))
        XCTAssertEqual(e.message, "invalid character '？' (U+FF1F)")
        XCTAssertEqual([e.line, e.column], [1, 8])
        XCTAssertEqual(e.lineText, "变量 = 1 ？")
    }

    /// CPython accepts `"\ud800"` (a str holding a lone surrogate); grad's strings are UTF-8 and
    /// cannot hold one, so the literal is refused in CPython's words for a bad escape, not
    /// silently turned into U+FFFD.
    func testLoneSurrogateEscapeIsRefused() throws {
        let e = try XCTUnwrap(error("s = 'ab\\ud800'\n"))
        XCTAssertEqual(e.description, "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-7: surrogate code point, which grad strings cannot hold")
        XCTAssertEqual(try XCTUnwrap(error("s = '\\U0000dfff'\n")).message,
                       "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: surrogate code point, which grad strings cannot hold")
        XCTAssertNil(error("s = '\\ud7ff\\ue000'\n"))
    }

    func testKinds() throws {
        XCTAssertEqual(try XCTUnwrap(error("if x:\n\ty\n        z\n")).kind, .tabError)
        XCTAssertEqual(try XCTUnwrap(error("if x:\n    y\n  z\n")).kind, .indentationError)
        XCTAssertEqual(try XCTUnwrap(error("for i in range(3):\nprint(i)\n")).description,
                       "IndentationError: expected an indented block after 'for' statement on line 1")
        XCTAssertEqual(try XCTUnwrap(error("if x:\n\ty\n        z\n")).description,
                       "TabError: inconsistent use of tabs and spaces in indentation")
    }

    func testMultiLineRangeKeepsItsEnd() throws {
        let e = try XCTUnwrap(error("x = [a\n     b]\n"))
        XCTAssertEqual(e.message, "invalid syntax. Perhaps you forgot a comma?")
        XCTAssertEqual([e.line, e.column, e.endLine, e.endColumn], [1, 6, 2, 7])
    }

    func testErrorsWithoutAnEndGetOneCaret() {
        let e = SyntaxError(.syntaxError, "m", line: 3, column: 5, endLine: 3, endColumn: -1, lineText: "")
        XCTAssertEqual([e.endLine, e.endColumn], [3, 6])
    }

    func testNullBytes() throws {
        let e = try XCTUnwrap(error("x = 1\ny = '\0'\n"))
        XCTAssertEqual(e.description, "SyntaxError: source code cannot contain null bytes")
        XCTAssertEqual([e.line, e.column], [2, 6])
    }
}
