import XCTest
@testable import GradREPL

final class AutoIndentTests: XCTestCase {
    func testIndentation() {
        let cases: [([String], String)] = [
            (["for i in x:"], "    "),
            (["def f():", "    if a:  # why"], "        "),
            (["def f():", "    if a:", "        return 1"], "    "),
            (["while 1:", "    if a:", "        break"], "    "),
            (["def f():", "    pass"], ""),
            (["if a:", "    returned = 1"], "    "),
            (["if a:", "    raise(E)"], ""),
            (["if a: return"], ""),
            (["def f():", "    x = [1,"], "    "),
            (["d = {1:"], ""),
            (["s = '''a:"], ""),
            (["if a:", "    s = 'x:'"], "    "),
            (["if a:", "    s = 'x' # :"], "    "),
            (["if a:", "\tb = 1"], "\t"),
            (["if a:", "    x = 1 + \\"], "    "),
            (["if a:", "", "    # note", ""], "    "),
            (["match x:"], "    "),
            (["match x:", "    case [a, b]:"], "        "),
        ]
        for (lines, expected) in cases {
            XCTAssertEqual(AutoIndent.indentation(after: lines), expected, "\(lines)")
        }
    }
}
