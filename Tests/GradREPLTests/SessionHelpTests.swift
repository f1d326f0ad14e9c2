import XCTest
import GradLang
@testable import GradREPL

/// `help()` in a session ends with the REPL's keys and magics, after the language's overview.
final class SessionHelpTests: XCTestCase {
    func testHelpAddsTheREPLsTopicsToTheOverview() {
        var output = ""
        let session = Session(argv: [""], writeOutput: { output += $0 }, writeError: { XCTFail($0) })
        _ = session.runScript(source: "help()", filename: "<test>")
        XCTAssertTrue(output.contains("Built-in functions:"), output)
        XCTAssertTrue(output.hasSuffix(SessionHelp.topics), output)
        XCTAssertTrue(output.contains("%timeit"), output)
    }
}
