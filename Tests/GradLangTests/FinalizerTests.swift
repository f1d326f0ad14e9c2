import XCTest
@testable import GradLang

/// An exception raised by `__del__` is reported on stderr as CPython reports it (the function's
/// address differs from run to run, so no recording can give it), and the program goes on.
final class FinalizerTests: XCTestCase {
    func testAnExceptionInDelIsReportedAndIgnored() throws {
        var output = "", errors = ""
        let source = """
        class Bad:
            def __del__(self):
                raise ValueError("boom")
        x = Bad()
        del x
        print("after")

        """
        try Interpreter(writeOutput: { output += $0 }, writeWarning: { errors += $0 })
            .run(source: source, filename: "del.grad", in: Globals())
        XCTAssertEqual(output, "after\n")
        let pattern = #"^Exception ignored in: <function Bad\.__del__ at 0x[0-9a-f]+>\n"#
            + #"Traceback \(most recent call last\):\n  File "del\.grad", line 3, in __del__\n"#
            + #"    raise ValueError\("boom"\)\nValueError: boom\n$"#
        XCTAssertNotNil(errors.range(of: pattern, options: .regularExpression), errors)
    }
}
