import XCTest
@testable import GradREPL

final class TranscriptFilterTests: XCTestCase {
    func testPromptsAndOutputLines() {
        var filter = TranscriptFilter()
        XCTAssertEqual(filter.classify("x = 1", continuesBurst: false), .code("x = 1"))
        XCTAssertEqual(filter.classify(">>> for i in y:", continuesBurst: false), .statementStart("for i in y:"))
        XCTAssertEqual(filter.classify("...     print(i)", continuesBurst: true), .code("    print(i)"))
        XCTAssertEqual(filter.classify("...", continuesBurst: true), .blockEnd)
        XCTAssertEqual(filter.classify("... ", continuesBurst: true), .blockEnd)
        XCTAssertEqual(filter.classify("0", continuesBurst: true), .output)
        XCTAssertEqual(filter.classify(">>>", continuesBurst: true), .statementStart(""))
        // A line typed after the burst is code, even one that looks like output.
        XCTAssertEqual(filter.classify("0", continuesBurst: false), .code("0"))
    }

    func testGradsOwnPrompts() {
        var filter = TranscriptFilter()
        XCTAssertEqual(filter.classify("grad> def f():", continuesBurst: false), .statementStart("def f():"))
        XCTAssertEqual(filter.classify("...       return 1", continuesBurst: true), .code("    return 1"))
        XCTAssertEqual(filter.classify("...   ", continuesBurst: true), .blockEnd)
    }

    func testEllipsisOutsideATranscriptIsCode() {
        var filter = TranscriptFilter()
        XCTAssertEqual(filter.classify("...", continuesBurst: true), .code("..."))
    }
}
