import XCTest
@testable import GradLang

/// REPL chunks beyond the codeop fixture: pastes of several statements, blocks with blank lines
/// inside, and how errors and incomplete input are told apart.
final class InteractiveTests: XCTestCase {
    func kind(_ source: String) -> String {
        switch parseInteractive(source: source) {
        case .complete(let module): return "complete \(module.body.count)"
        case .incomplete: return "incomplete"
        case .error(let e): return "\(e.kind.rawValue): \(e.message) @\(e.line):\(e.column)"
        }
    }

    func testPastedChunks() {
        XCTAssertEqual(kind("x = 1\ny = 2"), "complete 2")
        // CPython's single-statement mode refuses this; a paste into grad runs both.
        XCTAssertEqual(kind("if x:\n    a\nb = 1"), "complete 2")
        // A block with a blank line (and a line of spaces) inside, as in seed snippet 6.
        let block = "for epoch in range(3):\n    y = f(x)\n\n    l = g(y)\n    \n    if epoch % 10 == 0:\n        print(l)\n"
        XCTAssertEqual(kind(block), "complete 1")
        XCTAssertEqual(kind(String(block.dropLast())), "incomplete")
    }

    func testBlocksWaitForAnEmptyLine() {
        XCTAssertEqual(kind("with torch.no_grad():"), "incomplete")
        XCTAssertEqual(kind("with torch.no_grad():\n    y = x**3"), "incomplete")
        XCTAssertEqual(kind("with torch.no_grad():\n    y = x**3\n"), "complete 1")
        XCTAssertEqual(kind("def f(x):\n    return w * x\n\n"), "complete 1")
        XCTAssertEqual(kind("@decorator"), "incomplete")
        XCTAssertEqual(kind("if x:\n    pass\nelse:"), "incomplete")
    }

    func testMatchBlocksWaitForAnEmptyLine() {
        XCTAssertEqual(kind("match x:"), "incomplete")
        XCTAssertEqual(kind("match x:\n    case 1:"), "incomplete")
        XCTAssertEqual(kind("match x:\n    case 1:\n        pass\n    case _:\n        pass"), "incomplete")
        XCTAssertEqual(kind("match x:\n    case 1:\n        pass\n"), "complete 1")
        XCTAssertEqual(kind("match = 3"), "complete 1")
        XCTAssertEqual(kind("match(x)"), "complete 1")
        XCTAssertEqual(kind("match x"), "SyntaxError: expected ':' @1:8")
    }

    func testOpenConstructsAreIncomplete() {
        XCTAssertEqual(kind("print(f'{x}',"), "incomplete")
        XCTAssertEqual(kind("x = [1,\n     2,"), "incomplete")
        XCTAssertEqual(kind("s = '''中文\n多行"), "incomplete")
        XCTAssertEqual(kind("x = 1 + \\"), "incomplete")
        XCTAssertEqual(kind("d = {'a': 1,\n"), "incomplete")
    }

    func testRealErrorsAreReportedAtOnce() {
        XCTAssertEqual(kind("x = )"), "SyntaxError: unmatched ')' @1:5")
        XCTAssertEqual(kind("x = 1 +"), "SyntaxError: invalid syntax @1:8")
        XCTAssertEqual(kind("'abc"), "SyntaxError: unterminated string literal (detected at line 1) @1:1")
        XCTAssertEqual(kind("class A"), "SyntaxError: expected ':' @1:8")
        XCTAssertEqual(kind("  x = 1"), "IndentationError: unexpected indent @1:2")
        XCTAssertEqual(kind("for x in y:\n    break\nbreak\n"), "SyntaxError: 'break' outside loop @3:1")
        // An error on an early line is reported even though a bracket is still open later.
        XCTAssertEqual(kind("x = 1 2\ny = ("), "SyntaxError: invalid syntax @1:7")
    }

    func testBlankAndCommentOnlyInputIsCompleteAndEmpty() {
        XCTAssertEqual(kind(""), "complete 0")
        XCTAssertEqual(kind("   "), "complete 0")
        XCTAssertEqual(kind("# 注释"), "complete 0")
        XCTAssertEqual(kind("\n\n# c\n"), "complete 0")
    }
}
