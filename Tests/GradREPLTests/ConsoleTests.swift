import XCTest
@testable import GradREPL

/// The console state machine, driven line by line as the REPL drives it, with output captured.
final class ConsoleTests: XCTestCase {
    final class Transcript {
        var output = "", errors = ""
        var entries: [String] = []
    }

    func makeConsole(_ answers: [String] = []) -> (Console, Transcript) {
        let transcript = Transcript()
        let session = Session(argv: [""], writeOutput: { transcript.output += $0 }, writeError: { transcript.errors += $0 })
        var answers = answers
        let console = Console(session: session) { _ in answers.isEmpty ? nil : answers.removeFirst() }
        console.onEntry = { transcript.entries.append($0) }
        return (console, transcript)
    }

    func testExpressionsEchoAndSetUnderscore() {
        let (console, out) = makeConsole()
        console.push("1 + 2")
        console.push("None")
        console.push("_ * 2")
        XCTAssertEqual(out.output, "3\n6\n")
        XCTAssertFalse(console.needsMore)
    }

    func testTypedBlockEndsAtBlankLine() {
        let (console, out) = makeConsole()
        console.push("for i in [1, 2]:")
        XCTAssertTrue(console.needsMore)
        console.push("    i * 10")
        XCTAssertTrue(console.needsMore)
        console.push("")
        XCTAssertFalse(console.needsMore)
        XCTAssertEqual(out.output, "", "only top-level expressions echo (IPython's rule, not CPython's)")
        XCTAssertEqual(out.entries, ["for i in [1, 2]:\n    i * 10"])
        out.output = ""
        // A line holding only spaces ends a typed block too.
        console.push("if True:")
        console.push("    x = 5")
        console.push("    ")
        console.push("x")
        XCTAssertEqual(out.output, "5\n")
    }

    func testEndOfInputFinishesThePendingLines() {
        let (console, out) = makeConsole()
        console.finishPending()
        XCTAssertEqual(out.output + out.errors, "", "nothing pending: nothing to do")
        console.push("for i in [1, 2]:")
        console.push("    print(i)")
        console.finishPending()
        XCTAssertFalse(console.needsMore)
        XCTAssertEqual(out.output, "1\n2\n")
        XCTAssertEqual(out.entries, ["for i in [1, 2]:\n    print(i)"])
        console.push("values = (1,")
        console.finishPending()
        XCTAssertFalse(console.needsMore)
        XCTAssertTrue(out.errors.hasSuffix("SyntaxError: '(' was never closed\n"), out.errors)
    }

    func testPastedBlankLinesDoNotEndABlock() {
        let (console, out) = makeConsole()
        let lines = ["total = 0", "for i in [1, 2, 3]:", "    total = total + i", "", "    total = total * 10", "    ",
                     "    print(total)", "print('done', total)"]
        for line in lines { console.push(line, moreInputFollows: true) }
        XCTAssertFalse(console.needsMore)
        XCTAssertEqual(out.output, "10\n120\n1230\ndone 1230\n")
    }

    func testChunkRunsAndClosesItsLastBlock() {
        let (console, out) = makeConsole()
        console.pushChunk("def f(x):\n\treturn x * 2\n\nfor i in [1, 2]:\n\tprint(f(i))\n")
        XCTAssertFalse(console.needsMore)
        XCTAssertEqual(out.output, "2\n4\n")
        XCTAssertEqual(out.entries.count, 1, "a paste is one history entry")
        XCTAssertEqual(out.errors, "")
    }

    func testCarriageReturnsInChunks() {
        let (console, out) = makeConsole()
        console.pushChunk("a = 1\r\nb = 2\rprint(a + b)\r")
        XCTAssertEqual(out.output, "3\n")
    }

    func testPastedTranscriptLosesPromptsAndOutput() {
        let (console, out) = makeConsole()
        console.pushChunk("""
        >>> a = 5
        >>> a * 2
        10
        >>> for i in range(2):
        ...     print(i)
        ...
        0
        1
        >>> a + 1
        6
        """)
        XCTAssertEqual(out.output, "10\n0\n1\n6\n")
        XCTAssertEqual(out.errors, "")
    }

    func testPastedGradTranscript() {
        let (console, out) = makeConsole()
        console.pushChunk("grad> if True:\n...       y = 3\n...   \ngrad> y\n3\n")
        XCTAssertEqual(out.output, "3\n")
        XCTAssertEqual(out.errors, "")
    }

    func testTranscriptModeEndsWithTheBurst() {
        let (console, out) = makeConsole()
        console.push(">>> a = 5", moreInputFollows: true)
        console.push("5", moreInputFollows: false)  // the transcript's output: ignored
        console.push("a")                           // typed afterwards: code again
        XCTAssertEqual(out.output, "5\n")
    }

    func testSyntaxErrorIsReportedAndInputDropped() {
        let (console, out) = makeConsole()
        console.push("x = (1,,)")
        XCTAssertFalse(console.needsMore)
        XCTAssertTrue(out.errors.contains("SyntaxError"), out.errors)
        XCTAssertTrue(out.errors.contains("File \"<stdin>\", line 1"), out.errors)
    }

    func testRuntimeErrorKeepsVariables() {
        let (console, out) = makeConsole()
        console.push("v = 7")
        console.push("1 / 0")
        console.push("v")
        XCTAssertTrue(out.errors.contains("ZeroDivisionError: division by zero"), out.errors)
        XCTAssertEqual(out.output, "7\n")
    }

    func testResetDropsHalfTypedInput() {
        let (console, out) = makeConsole()
        console.push("x = [1,")
        XCTAssertTrue(console.needsMore)
        console.reset()
        XCTAssertFalse(console.needsMore)
        console.push("2")
        XCTAssertEqual(out.output, "2\n")
    }

    func testExitRequests() {
        for (line, status) in [("exit()", Int32(0)), ("quit()", 0), ("exit(3)", 3), ("exit", 0), ("quit", 0),
                               ("raise SystemExit(4)", 4), ("import sys; sys.exit(5)", 5)] {
            let (console, _) = makeConsole()
            console.push(line)
            XCTAssertEqual(console.exitStatus, status, line)
        }
        let (console, out) = makeConsole()
        console.push("exit = 1")
        console.push("exit")
        XCTAssertNil(console.exitStatus, "a variable named exit is just a variable")
        XCTAssertEqual(out.output, "1\n")
    }

    func testSystemExitWithMessage() {
        let (console, out) = makeConsole()
        console.push("exit('bye')")
        XCTAssertEqual(console.exitStatus, 1)
        XCTAssertEqual(out.errors, "bye\n")
    }

    func testMagicsAreNotPython() {
        let (console, out) = makeConsole(["n", "y"])
        console.push("a = 1")
        console.push("%who")
        console.push("%reset")
        console.push("%who")
        console.push("%reset")
        console.push("%who")
        console.push("%nosuch")
        XCTAssertEqual(out.output, "a\t\nNothing done.\na\t\nInteractive namespace is empty.\n")
        XCTAssertEqual(out.errors, "UsageError: Line magic function `%nosuch` not found.\n")
        XCTAssertEqual(out.entries, ["a = 1", "%who", "%reset", "%who", "%reset", "%who", "%nosuch"])
    }

    func testTimeAndTimeit() {
        let (console, out) = makeConsole()
        console.push("%time 6 * 7")
        XCTAssertTrue(out.output.hasPrefix("42\nCPU times: user "), out.output)
        XCTAssertTrue(out.output.contains("\nWall time: "), out.output)
        out.output = ""
        console.push("%timeit -n 20 -r 3 y = 6 * 7")
        XCTAssertTrue(out.output.hasSuffix(" per loop (mean ± std. dev. of 3 runs, 20 loops each)\n"), out.output)
        console.push("%who")
        XCTAssertFalse(out.output.contains("y\t"), "%timeit's assignments stay inside it")
        XCTAssertFalse(out.output.contains("__grad"), out.output)
        out.output = ""
        console.push("%timeit 1 / 0")
        XCTAssertTrue(out.errors.contains("ZeroDivisionError"), out.errors)
        XCTAssertEqual(out.output, "")
    }

    func testRunMagic() throws {
        let path = "/tmp/grad-console-test-\(getpid()).grad"
        try "import sys\nran = sys.argv\nresult = 6 * 7\n".write(toFile: path)
        defer { unlink(path) }
        let (console, out) = makeConsole()
        console.push("%run \(path) one two")
        console.push("result")
        console.push("ran")
        XCTAssertEqual(out.output, "42\n['\(path)', 'one', 'two']\n")
        console.push("%run /nonexistent/file.grad")
        XCTAssertEqual(out.errors, "%run: can't open file '/nonexistent/file.grad': [Errno 2] No such file or directory\n")
    }
}

extension String {
    func write(toFile path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(errno) }
        defer { close(descriptor) }
        var bytes = Array(utf8)
        _ = Glibc.write(descriptor, &bytes, bytes.count)
    }
}

struct POSIXError: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}
