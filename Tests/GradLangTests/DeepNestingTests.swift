import Foundation
import XCTest
@testable import GradLang

/// Deep nesting gives a clean SyntaxError or a tree, never a stack overflow, whatever thread the
/// caller is on (the parser runs on its own large stack).
final class DeepNestingTests: XCTestCase {
    func outcome(_ source: String) -> Result<Module, SyntaxError> {
        Self.parsed(source)
    }

    static func parsed(_ source: String) -> Result<Module, SyntaxError> {
        do { return .success(try parseModule(source: source)) } catch { return .failure(error) }
    }

    func testHundredThousandOpenParentheses() {
        guard case .failure(let e) = outcome(String(repeating: "(", count: 100_000)) else { return XCTFail() }
        XCTAssertEqual(e.message, "too many nested parentheses")
        XCTAssertEqual([e.line, e.column], [1, 201])
    }

    func testTwoHundredThousandTermSum() {
        let source = "x = " + Array(repeating: "1", count: 200_000).joined(separator: "+") + "\n"
        guard case .failure(let e) = outcome(source) else { return XCTFail() }
        XCTAssertEqual(e.message, "too many nested expressions")
        XCTAssertEqual(e.line, 1)
    }

    /// CPython raises MemoryError and RecursionError for these; grad stops at its depth limit.
    func testLongUnaryAndAttributeChains() {
        guard case .failure(let minus) = outcome(String(repeating: "-", count: 100_000) + "1\n"),
              case .failure(let attributes) = outcome("x" + String(repeating: ".a", count: 100_000) + "\n") else {
            return XCTFail()
        }
        XCTAssertEqual([minus.message, attributes.message], ["too many nested expressions", "too many nested expressions"])
        XCTAssertEqual([minus.column, attributes.column], [1000, 2000])
    }

    func testShapesAtTheLimitsParseOrFailCleanly() {
        let depth = Parser.maximumNesting - 1
        let shapes: [(String, String)] = [
            ("parentheses", String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)),
            ("calls", String(repeating: "f(", count: 199) + "x" + String(repeating: ")", count: 199)),
            ("lists", String(repeating: "[", count: 200) + String(repeating: "]", count: 200)),
            ("dicts", String(repeating: "{1: ", count: 199) + "2" + String(repeating: "}", count: 199)),
            ("subscripts", "x" + String(repeating: "[i", count: 199) + String(repeating: "]", count: 199)),
            ("lambdas", String(repeating: "lambda: ", count: depth - 1) + "1"),
            ("conditionals", String(repeating: "a if b else ", count: depth - 1) + "c"),
            ("nots", String(repeating: "not ", count: depth - 1) + "x"),
            ("negations", String(repeating: "-", count: depth - 1) + "x"),
            ("powers", Array(repeating: "2", count: depth).joined(separator: "**")),
            ("attributes", "x" + String(repeating: ".a", count: depth - 1)),
            ("sum", Array(repeating: "1", count: depth).joined(separator: "+")),
            // Flat in the tree (one node holding a list), so the depth limit does not apply:
            ("comparisons", Array(repeating: "1", count: 20_000).joined(separator: " < ")),
            ("conjunctions", Array(repeating: "a", count: 20_000).joined(separator: " and ")),
            ("list", "[" + Array(repeating: "1", count: 20_000).joined(separator: ",") + "]"),
            ("f-strings", #"f'''{f"""{f'{f"{x}"}'}"""}'''"#),
            ("lambdas in brackets", String(repeating: "(lambda: ", count: 199) + "1" + String(repeating: ")", count: 199)),
            // Past both limits together: a clean error is the right answer.
            ("brackets and depth", String(repeating: "(", count: 199) + String(repeating: "-", count: depth)
                + "1" + String(repeating: ")", count: 199)),
            ("lambda in brackets", String(repeating: "(lambda: ", count: 199) + String(repeating: "-", count: depth)
                + "1" + String(repeating: ")", count: 199)),
        ]
        for (index, (name, source)) in shapes.enumerated() {
            switch outcome(source + "\n") {
            case .success(let module):
                XCTAssertFalse(module.sexpr.isEmpty, name)
            case .failure(let e):
                // All but the last two are within both grad's and CPython's limits.
                XCTAssertGreaterThanOrEqual(index, shapes.count - 2, "\(name): \(e)")
                XCTAssertTrue(["too many nested expressions", "too many nested parentheses"].contains(e.message),
                              "\(name): \(e)")
            }
        }
    }

    func testIndentationLimit() {
        let nested = (0..<99).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
        XCTAssertNoThrow(try parseModule(source: nested + String(repeating: " ", count: 99) + "pass\n"))
        let tooDeep = nested + String(repeating: " ", count: 99) + "if x:\n" + String(repeating: " ", count: 100) + "pass\n"
        guard case .failure(let e) = outcome(tooDeep) else { return XCTFail() }
        XCTAssertEqual(e.kind, .indentationError)
        XCTAssertEqual(e.message, "too many levels of indentation")
    }

    /// A caller on a small stack (a secondary thread, a Swift task) still gets a result.
    func testParsingFromASmallStackThread() {
        let source = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200) + "\n"
        let done = expectation(description: "parsed")
        let thread = Thread {
            if case .success = DeepNestingTests.parsed(source) { done.fulfill() }
        }
        thread.stackSize = 256 << 10
        thread.start()
        wait(for: [done], timeout: 60)
    }
}
