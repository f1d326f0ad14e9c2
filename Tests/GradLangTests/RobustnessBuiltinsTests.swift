import XCTest
@testable import GradLang

/// Every built-in function, type and method, called with awkward arguments (huge and negative
/// ints, NaN, empty and nested containers, wrong kinds): each call must return or raise a Python
/// exception, never trap or hang.
final class RobustnessBuiltinsTests: XCTestCase {
    /// Fresh values per call, so a mutating method never changes the pool.
    private static func pool() -> [Value] {
        [
            .none, false, 0, -1, 7, power(2, 62), power(2, 64, negative: true), .int(.min), 1.5, .float(.nan),
            .float(-.infinity), "", "a{}b", L(), L(1, "a", L()), T(), T(1, 2), D(("k", 1)), S(1, 2),
        ]
    }

    /// A few values for three-argument calls, to keep the combinations quick.
    private static func shortPool() -> [Value] {
        [.none, -1, 3, power(2, 64), 2.5, "x", L(2)]
    }

    private func receivers(_ type: TypeKey) -> [Value] {
        switch type {
        case .str: return ["", " a,b\nc ", "{0}{x}{}"]
        case .list: return [L(), L(3, 1, "a")]
        case .tuple: return [T(), T(1, 2, 1)]
        case .dict: return [D(), D(("a", 1), (2, L()))]
        case .set:
            let frozen = PySet(frozen: true)
            try? frozen.insert(1)
            return [S(1, 2), .object(frozen)]
        default: return []
        }
    }

    /// Calls `callee` with every argument list from the pools, up to three arguments.
    private func exercise(_ name: String, _ interpreter: Interpreter, _ callee: @escaping ([Value]) throws -> Value) {
        var lists: [[Value]] = [[]]
        for a in Self.pool() {
            lists.append([a])
            for b in Self.pool() { lists.append([a, b]) }
        }
        for a in Self.shortPool() {
            for b in Self.shortPool() {
                for c in Self.shortPool() { lists.append([a, b, c]) }
            }
        }
        for args in lists {
            let outcome = pythonOutcome { try callee(args) }
            XCTAssertFalse(outcome.hasPrefix("Swift error"), "\(name)\(args.map(Repr.repr)): \(outcome)")
        }
    }

    func testBuiltinFunctionsNeverTrap() throws {
        let h = PythonHarness()
        let skipped: Set<String> = ["help", "print"]  // they only write text; exercised elsewhere
        // `open("x", "x")` creates a file "x": the calls run in a directory of their own, not in
        // the working directory of whoever runs the tests.
        let files = FileManager.default
        let directory = files.temporaryDirectory.appendingPathComponent("grad-robustness-\(UUID().uuidString)")
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        let previous = files.currentDirectoryPath
        XCTAssertTrue(files.changeCurrentDirectoryPath(directory.path))
        defer {
            XCTAssertTrue(files.changeCurrentDirectoryPath(previous))
            try? files.removeItem(at: directory)
        }
        for (name, value) in h.interpreter.builtins.sorted(by: { $0.key < $1.key }) where !skipped.contains(name) {
            guard case .object(let o) = value, o is PyBuiltin || o is PyTypeObject else { continue }
            exercise(name, h.interpreter) { try h.interpreter.call(value, Arguments($0)) }
        }
    }

    func testMethodsNeverTrap() {
        let h = PythonHarness()
        for type in [TypeKey.str, .list, .tuple, .dict, .set] {
            for name in h.interpreter.attributes.names(type) {
                for receiver in receivers(type) {
                    exercise("\(Repr.repr(receiver)).\(name)", h.interpreter) { args in
                        // A fresh copy of a mutable receiver for each call.
                        let fresh = try h.interpreter.call(BuiltinTypes.of(receiver), Arguments([receiver]))
                        return try h.interpreter.call(h.interpreter.getAttribute(fresh, name), Arguments(args))
                    }
                }
            }
        }
    }

    func testMathFunctionsNeverTrap() {
        let h = PythonHarness()
        guard let math = h.interpreter.modules["math"] else { return XCTFail("no math module") }
        for (name, value) in math.attributes.sorted(by: { $0.key < $1.key }) {
            guard case .object(let o) = value, o is PyBuiltin else { continue }
            exercise("math.\(name)", h.interpreter) { try h.interpreter.call(value, Arguments($0)) }
        }
    }

    func testAbsurdSizesAreRefusedBeforeAllocating() {
        let h = PythonHarness()
        check(#"list(range(10**12))"#, #"MemoryError"#) { try h.call("list", h.call("range", power(10, 12))) }
        check(#"sorted(range(2**62))"#, #"MemoryError"#) { try h.call("sorted", h.call("range", power(2, 62))) }
        check(#"tuple(range(-2**62, 2**62, 2))"#, #"MemoryError"#) { try h.call("tuple", h.call("range", power(2, 62, negative: true), power(2, 62), 2)) }
        check(#"'ab'.center(2**62)"#, #"MemoryError"#) { try h.method("ab", "center", power(2, 62)) }
        check(#"'7'.zfill(2**62)"#, #"MemoryError"#) { try h.method("7", "zfill", power(2, 62)) }
        check(#"round(1.5, 10**9)"#, #"1.5"#) { try h.call("round", 1.5, power(10, 9)) }
        check(#"chr(-1)"#, #"ValueError: chr() arg not in range(0x110000)"#) { try h.call("chr", -1) }
        check(#"len(range(-2**63, 2**63 - 1))"#, #"OverflowError: Python int too large to convert to C ssize_t"#) {
            try h.call("len", h.call("range", .int(.min), .int(.max)))
        }
    }
}

/// Long loops inside built-ins stop at Ctrl-C.
final class InterruptBuiltinsTests: XCTestCase {
    func testLongLoopsInsideBuiltinsStopWithKeyboardInterrupt() {
        let h = PythonHarness()
        let endless = { try h.call("range", power(2, 62)) }
        let cases: [(String, () throws -> Value)] = [
            ("sum", endless), ("max", endless),
            ("all", { try h.call("range", 1, power(2, 62)) }),  // every element true: runs to the end
            ("any", { try h.call("map", h.builtin("int"), L(0, 0, 0)) }),
        ]
        defer { Interpreter.interruptRequested = false }
        for (name, source) in cases {
            Interpreter.interruptRequested = true
            XCTAssertEqual(pythonOutcome { try h.call(name, source()) }, "KeyboardInterrupt", name)
        }
    }

    /// A power of millions of bits takes seconds (the fuzzer's 102 ** 6400000 ran past its
    /// timeout); it checks for Ctrl-C between its multiplications.
    func testHugePowersStopWithKeyboardInterrupt() {
        defer { Interpreter.interruptRequested = false }
        Interpreter.interruptRequested = true
        XCTAssertEqual(pythonOutcome { try Operators.binary(.power, 102, power(10, 6)) }, "KeyboardInterrupt")
        XCTAssertEqual(pythonOutcome { try Operators.binary(.power, -3, 41) }, "-36472996377170786403")
    }
}
