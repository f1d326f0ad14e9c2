import XCTest
@testable import GradREPL

final class CompleterTests: XCTestCase {
    func makeCompleter(_ setup: String = "") -> (Completer, Session) {
        let session = Session(argv: [""], writeOutput: { _ in }, writeError: { _ in })
        if !setup.isEmpty { XCTAssertEqual(session.runScript(source: setup, filename: "<setup>"), .finished) }
        return (Completer(session: session), session)
    }

    func testNamesKeywordsAndBuiltins() {
        let (completer, _) = makeCompleter("learning_rate = 0.01\nlearned = True\n")
        XCTAssertEqual(completer.complete("x = lear"), Completion(partial: "lear", candidates: ["learned", "learning_rate"]))
        XCTAssertEqual(completer.complete("whi").candidates, ["while"])
        XCTAssertEqual(completer.complete("pri").candidates, ["print("])
        XCTAssertEqual(completer.complete("lambd").candidates, ["lambda"])
        XCTAssertEqual(completer.complete("1.").candidates, [])
    }

    func testAttributesAfterAPlainChain() {
        let (completer, _) = makeCompleter("s = 'text'\nimport math\n")
        XCTAssertEqual(completer.complete("s.upp").candidates, ["upper("])
        XCTAssertEqual(completer.complete("s.startsw").candidates, ["startswith("])
        XCTAssertEqual(completer.complete("math.sq").candidates, ["sqrt("])
        XCTAssertEqual(completer.complete("nosuch.x").candidates, [])
    }

    func testNeverCalls() {
        let (completer, session) = makeCompleter("calls = []\ndef f():\n    calls.append(1)\n    return 'x'\n")
        XCTAssertEqual(completer.complete("f().upp").candidates, [])
        XCTAssertEqual(completer.complete("f()[0].upp").candidates, [])
        XCTAssertEqual(session.runScript(source: "assert calls == []", filename: "<check>"), .finished)
    }

    func testPrivateNamesOnlyWhenAsked() {
        let (completer, _) = makeCompleter("_hidden = 1\nhidden = 2\n")
        XCTAssertEqual(completer.complete("hid").candidates, ["hidden"])
        XCTAssertEqual(completer.complete("_hid").candidates, ["_hidden"])
    }

    func testCommonPrefix() {
        XCTAssertEqual(Completion(partial: "re", candidates: ["requires_grad", "requires_grad_("]).commonPrefix, "requires_grad")
        XCTAssertEqual(Completion(partial: "", candidates: []).commonPrefix, "")
    }

    func testColumns() {
        XCTAssertEqual(CandidateColumns.layout(["a", "bb", "ccc", "d"], width: 12), "a    ccc\nbb   d\n")
        XCTAssertEqual(CandidateColumns.layout(["only"], width: 3), "only\n")
    }
}
