import XCTest
@testable import GradLang

/// Data nested far deeper than any stack (`x = [x]` a million times) is freed, printed, compared
/// and hashed without overflowing the stack: freeing goes through NestedRelease, and the walks
/// stop with CPython's RecursionError. (Printing and comparing are also golden scripts,
/// bad_input_deep_*, recorded from CPython; CPython itself crashes hashing such a tuple.)
final class DeepDataTests: XCTestCase {
    // Far past what a recursive release survives on the test thread's 8 MiB stack.
    static let depth = 200_000

    /// Freed on the test thread's ordinary stack, where a recursive release of this depth crashes.
    func testFreeingDeeplyNestedContainers() throws {
        let wrappers: [(String, (Value) throws -> Value)] = [
            ("list", { .object(PyList([$0])) }),
            ("tuple", { .object(PyTuple([$0])) }),
            ("dict", { value in
                let d = PyDict()
                try d.set(.int(1), value)
                return .object(d)
            }),
            ("set", { value in
                let s = PySet(frozen: true)
                try s.insert(value)
                return .object(s)
            }),
        ]
        for (name, wrap) in wrappers {
            var x: Value = .none
            for _ in 0..<(name == "set" ? Self.depth / 10 : Self.depth) { x = try wrap(x) }
            x = .none
            XCTAssertTrue(x.isNone, name)
        }
    }

    /// On the interpreter's large stack, as scripts run: CPython's ordinary stack takes tuples
    /// nested about half a million deep, so grad's limit sits below that, not near Python's 1000.
    func testHashingADeeplyNestedTupleRaisesRecursionError() {
        var x: Value = .object(PyTuple([]))
        for _ in 0..<(Hashing.maximumDepth + 1) { x = .object(PyTuple([x])) }
        func raised(_ body: () throws -> Any) -> String? {
            do { _ = try body() } catch { return (error as? PyError)?.type.name }
            return nil
        }
        let errors = LargeStack.run(stackSize: LargeStack.programSize) { [raised { try Hashing.hash(x) }, raised { try HashKey(x) as Any }] }
        XCTAssertEqual(errors, ["RecursionError", "RecursionError"])
    }

    func testHashingNestedTuplesBelowTheLimit() throws {
        var x: Value = .object(PyTuple([]))
        for _ in 0..<1000 { x = .object(PyTuple([x])) }
        XCTAssertEqual(try Hashing.hash(x), try Hashing.hash(x))
    }

    func testPrintingAndComparingStopAtCPythonsDepth() {
        // On the stack grad runs programs with: a walk to the limit overflows a test thread's
        // 8 MiB in a debug build under AddressSanitizer.
        LargeStack.run(stackSize: LargeStack.programSize) { printingAndComparingStopAtCPythonsDepth() }
    }

    private func printingAndComparingStopAtCPythonsDepth() {
        var x: Value = .object(PyList([]))
        for _ in 0..<Self.depth { x = .object(PyList([x])) }
        XCTAssertThrowsError(try Repr.checkedRepr(x)) {
            XCTAssertEqual(($0 as? PyError)?.message, "maximum recursion depth exceeded while getting the repr of an object")
        }
        let cut = Repr.repr(x)
        XCTAssertEqual(cut.count, 2 * Repr.maximumDepth + 3, "error messages get the repr cut short: [[...[...]...]]")
        var y: Value = .object(PyList([]))
        for _ in 0..<Self.depth { y = .object(PyList([y])) }
        XCTAssertThrowsError(try Operators.equals(x, y)) {
            XCTAssertEqual(($0 as? PyError)?.message, "maximum recursion depth exceeded in comparison")
        }
        XCTAssertEqual(try Operators.equals(x, x), true, "the same list is equal to itself without a walk")
    }

    /// map(f, map(f, ...)) nested past the limit: CPython has none and crashes; grad raises.
    func testIteratorsNestedPastTheLimitRaiseRecursionError() {
        let outcome: String? = LargeStack.run(stackSize: LargeStack.programSize) {
            var iterator = PyIterator { .int(1) }
            for _ in 0..<PyIterator.maximumNesting {
                let inner = iterator
                iterator = PyIterator { try inner.next() }
            }
            do {
                _ = try iterator.next()
                return nil
            } catch {
                return (error as? PyError)?.type.name
            }
        }
        XCTAssertEqual(outcome, "RecursionError")
    }
}
