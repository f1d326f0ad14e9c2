import XCTest
#if canImport(Glibc)
import Glibc
#endif
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

    /// What the program prints with the limit set to `limit`, on `stackSize` bytes of stack.
    /// Skipped in an AddressSanitizer build: it keeps locals on a "fake stack" of its own, so the
    /// address of a local (how grad measures the stack left) says nothing about the stack there.
    private func output(depth: Int, limit: Int, stackSize: Int) throws -> String {
        try XCTSkipIf(dlsym(nil, "__asan_init") != nil, "AddressSanitizer's fake stack hides the stack left")
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
        LargeStack.run(stackSize: stackSize, run)
        return printed
    }

    func testARaisedLimitAllowsDeeperRecursion() throws {
        // Out of the assertion: a skip thrown inside one counts as an error.
        let printed = try output(depth: 5_000, limit: 10_000, stackSize: LargeStack.programSize)
        XCTAssertEqual(printed, "5000\n")
    }

    func testRecursionPastWhatTheStackHoldsIsARecursionError() throws {
        // A million Python calls need gigabytes of stack: the 64 MiB stack runs out long before.
        let printed = try output(depth: 1_000_000, limit: 2_000_000, stackSize: 64 << 20)
        XCTAssertEqual(printed, "RecursionError: maximum recursion depth exceeded\n")
    }

    func testOnAThreadOfUnknownStackTheDefaultDepthStaysTheLimit() throws {
        // The test's own thread: grad does not know its stack size. (Checked at depth 1000
        // directly: 1000 real levels may not fit this thread's stack in a sanitizer build.)
        XCTAssertNil(LargeStack.stackLeft())
        let interpreter = Interpreter(writeOutput: { _ in })
        try interpreter.setRecursionLimit(.int(10_000))
        interpreter.callDepth = 999
        XCTAssertNoThrow(try interpreter.checkDepth())
        interpreter.callDepth = 1000
        XCTAssertThrowsError(try interpreter.checkDepth()) { error in
            XCTAssertEqual((error as? PyError)?.message, "maximum recursion depth exceeded")
        }
    }
}
