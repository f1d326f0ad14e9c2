import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import GradLang

/// The one large-stack runner: a new thread only when the current one lacks the stack.
final class LargeStackTests: XCTestCase {
    func testAnOrdinaryThreadHandsTheWorkToALargeStackThread() {
        let caller = pthread_self()
        let (ranElsewhere, left) = LargeStack.run { (pthread_equal(pthread_self(), caller) == 0, LargeStack.stackLeft()) }
        XCTAssertTrue(ranElsewhere)
        XCTAssertNil(LargeStack.stackLeft(), "the test thread's stack size is not known")
        XCTAssertGreaterThan(left ?? 0, LargeStack.parserSize - (1 << 20))
        XCTAssertLessThanOrEqual(left ?? .max, LargeStack.parserSize)
    }

    func testAParseInsideAProgramRunsOnTheProgramsThread() {
        let sameThread = LargeStack.run(stackSize: LargeStack.programSize) {
            let program = pthread_self()
            return LargeStack.run { pthread_equal(pthread_self(), program) != 0 }
        }
        XCTAssertTrue(sameThread, "no second thread for a parse that fits in the program's stack")
    }

    func testTheWorkRunsHereWhenNoThreadCanBeCreated() {
        let caller = pthread_self()
        // No system gives a thread a stack of a petabyte.
        let ranHere = LargeStack.run(stackSize: 1 << 50) { pthread_equal(pthread_self(), caller) != 0 }
        XCTAssertTrue(ranHere)
    }

    func testDeepRecursionFitsInTheProgramStack() {
        func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
        // Far beyond an 8 MiB stack in a debug build.
        XCTAssertEqual(LargeStack.run(stackSize: LargeStack.programSize) { depth(1_000_000) }, 1_000_000)
    }
}
