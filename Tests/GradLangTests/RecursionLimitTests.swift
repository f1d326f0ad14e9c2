import XCTest
@testable import GradLang

/// `sys.setrecursionlimit` raised far past what the stack holds still ends in RecursionError:
/// past depth 1000 each call checks the stack left; on a thread whose stack size is not known,
/// 1000 stays the limit. (The limit's messages are checked against CPython in
/// Tests/repl/file_scripts/sys_recursion_limit.py.)
final class RecursionLimitTests: XCTestCase {
    private func source(depth: Int) -> String {
        """
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)
        try:
            print(depth(\(depth)))
        except RecursionError as e:
            print("RecursionError:", e)
        """
    }

    /// What the program prints with the limit set to `limit`, on `stackSize` bytes of stack (nil:
    /// the test's own thread).
    private func output(depth: Int, limit: Int, stackSize: Int?) -> String {
        var printed = ""
        let run = {
            let interpreter = Interpreter(writeOutput: { printed += $0 })
            do {
                try interpreter.setRecursionLimit(.int(limit))
                try interpreter.run(source: self.source(depth: depth), filename: "deep.grad", in: Globals())
            } catch {
                printed += "unexpected: \(error)"
            }
        }
        if let stackSize { LargeStack.run(stackSize: stackSize, run) } else { run() }
        return printed
    }

    func testARaisedLimitAllowsDeeperRecursion() {
        XCTAssertEqual(output(depth: 5_000, limit: 10_000, stackSize: LargeStack.programSize), "5000\n")
    }

    func testRecursionPastWhatTheStackHoldsIsARecursionError() {
        // A million Python calls need gigabytes of stack: the 64 MiB stack runs out long before.
        XCTAssertEqual(output(depth: 1_000_000, limit: 2_000_000, stackSize: 64 << 20),
                       "RecursionError: maximum recursion depth exceeded\n")
    }

    func testOnAThreadOfUnknownStackTheDefaultDepthStaysTheLimit() {
        XCTAssertEqual(output(depth: 5_000, limit: 10_000, stackSize: nil),
                       "RecursionError: maximum recursion depth exceeded\n")
    }
}
