import Foundation
import XCTest
@testable import GradLang

/// Compares grad's verdict on each source text with CPython 3.11's, recorded by
/// Fixtures/syntax/generate.py (Python is not needed to run these tests). Where grad deliberately
/// differs, the fixture states grad's expected result and why.
final class SyntaxErrorFixtureTests: XCTestCase {
    struct Verdict: Decodable, Equatable, CustomStringConvertible {
        var kind: String
        var message: String?
        var line: Int?
        var column: Int?
        var endLine: Int?
        var endColumn: Int?

        var description: String {
            guard let message else { return kind }
            let place = [line, column, endLine, endColumn].map { $0.map(String.init) ?? "-" }
            return "\(kind): \(message) @ \(place[0]):\(place[1])-\(place[2]):\(place[3])"
        }
    }

    struct Case: Decodable {
        var source: String
        var cpython: Verdict
        var grad: Verdict?
    }

    /// A one-character typo in a seed snippet: `remove` characters at `at` replaced by `insert`.
    struct Edit: Decodable {
        var snippet: String
        var at: Int
        var remove: Int
        var insert: String
    }

    struct Typo: Decodable {
        var edit: Edit
        var cpython: Verdict
        var grad: Verdict?
    }

    struct Fixture: Decodable {
        var python: String
        var cases: [Case]
        var typos: [Typo]
        var interactive: [Case]
    }

    static let fixture: Result<Fixture, Error> = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/syntax/cases.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func verdict(of error: SyntaxError) -> Verdict {
        Verdict(kind: error.kind.rawValue, message: error.message, line: error.line, column: error.column,
                endLine: error.endLine, endColumn: error.endColumn)
    }

    func testFilesGetCPythonsVerdict() throws {
        let fixture = try Self.fixture.get()
        XCTAssertTrue(fixture.python.hasPrefix("3.11"))
        XCTAssertGreaterThan(fixture.cases.count, 300)
        for c in fixture.cases {
            let expected = c.grad ?? c.cpython
            XCTAssertTrue(["ok", "SyntaxError", "IndentationError", "TabError"].contains(expected.kind),
                          "no grad verdict recorded for \(c.source.debugDescription)")
            let actual: Verdict
            do {
                _ = try parseModule(source: c.source, filename: "f.grad")
                actual = Verdict(kind: "ok")
            } catch {
                actual = Self.verdict(of: error)
            }
            XCTAssertEqual(actual, expected, "source: \(String(c.source.debugDescription.prefix(300)))")
        }
    }

    /// Typos in real code: the seed snippets with one character removed, inserted or replaced.
    func testTyposInTheSeedSnippetsGetCPythonsVerdict() throws {
        let fixture = try Self.fixture.get()
        let snippets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seed/snippets")
        XCTAssertEqual(fixture.typos.count, 200)
        for typo in fixture.typos {
            guard let text = try? String(contentsOf: snippets.appendingPathComponent(typo.edit.snippet), encoding: .utf8) else {
                throw XCTSkip("seed snippets not found at \(snippets.path)")
            }
            // Python indexes strings by code point.
            var scalars = Array(text.unicodeScalars)
            scalars.replaceSubrange(typo.edit.at..<(typo.edit.at + typo.edit.remove), with: typo.edit.insert.unicodeScalars)
            let source = String(String.UnicodeScalarView(scalars))
            let actual: Verdict
            do {
                _ = try parseModule(source: source, filename: "f.grad")
                actual = Verdict(kind: "ok")
            } catch {
                actual = Self.verdict(of: error)
            }
            XCTAssertEqual(actual, typo.grad ?? typo.cpython, "\(typo.edit)")
        }
    }

    /// CPython's `codeop` in "single" mode, the REPL's notion of complete input. Its error columns
    /// differ from file mode (often 0), so only kind and message are compared.
    func testInteractiveChunksGetCodeopsVerdict() throws {
        let fixture = try Self.fixture.get()
        for c in fixture.interactive {
            let actual: String
            switch parseInteractive(source: c.source) {
            case .complete: actual = "complete"
            case .incomplete: actual = "incomplete"
            case .error(let e): actual = "\(e.kind.rawValue): \(e.message)"
            }
            let expected = c.cpython.message.map { "\(c.cpython.kind): \($0)" } ?? c.cpython.kind
            XCTAssertEqual(actual, expected, "source: \(c.source.debugDescription)")
        }
    }
}
