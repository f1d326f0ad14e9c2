import BigInt
import XCTest
@testable import GradLang

/// Calls built-ins the way Python code would (there is no parser yet) and renders the outcome as
/// CPython prints it: the result's repr, or `TypeName: message` for an exception. Each check
/// carries the Python source it mirrors; `scripts/check_builtins_expectations.py` replays those
/// sources under python3 and confirms every expected text.
final class PythonHarness {
    private final class OutputBox { var text = "" }
    private let box = OutputBox()
    let interpreter: Interpreter

    init() {
        let box = self.box
        interpreter = Interpreter(writeOutput: { box.text += $0 })
    }

    /// What `print` and `help` wrote so far.
    var output: String { box.text }

    func builtin(_ name: String) -> Value { interpreter.builtins[name] ?? .none }

    /// `name(*args, **kw)` for a built-in function or type.
    func call(_ name: String, _ args: Value..., kw: KeyValuePairs<String, Value> = [:]) throws -> Value {
        try interpreter.call(builtin(name), arguments(args, kw))
    }

    /// `receiver.name(*args, **kw)`.
    func method(_ receiver: Value, _ name: String, _ args: Value..., kw: KeyValuePairs<String, Value> = [:]) throws -> Value {
        try interpreter.call(interpreter.getAttribute(receiver, name), arguments(args, kw))
    }

    /// `math.name(*args, **kw)`.
    func math(_ name: String, _ args: Value..., kw: KeyValuePairs<String, Value> = [:]) throws -> Value {
        let function = try interpreter.getAttribute(.object(interpreter.modules["math"] ?? PyModule(name: "math")), name)
        return try interpreter.call(function, arguments(args, kw))
    }

    /// Calls any callable value.
    func apply(_ callee: Value, _ args: Value..., kw: KeyValuePairs<String, Value> = [:]) throws -> Value {
        try interpreter.call(callee, arguments(args, kw))
    }

    private func arguments(_ args: [Value], _ kw: KeyValuePairs<String, Value>) -> Arguments {
        Arguments(args, keywords: kw.map { (name: $0.key, value: $0.value) })
    }
}

/// The outcome of running `body`, as the Python REPL would show it.
func pythonOutcome(_ body: () throws -> Value) -> String {
    do {
        return Repr.repr(try body())
    } catch let e as PyError {
        return e.message.isEmpty ? e.type.name : "\(e.type.name): \(e.message)"
    } catch {
        return "Swift error: \(error)"
    }
}

extension XCTestCase {
    /// Asserts that `body` (the Swift form of `python`) gives what CPython 3.11 gives for `python`.
    func check(_ python: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line,
               _ body: () throws -> Value) {
        XCTAssertEqual(pythonOutcome(body), expected, python, file: file, line: line)
    }

    /// Asserts what running `python` prints (for `print` and `help`).
    func checkOutput(_ python: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line,
                     _ body: (PythonHarness) throws -> Void) {
        let harness = PythonHarness()
        do {
            try body(harness)
        } catch {
            XCTFail("\(python) raised \(error)", file: file, line: line)
        }
        XCTAssertEqual(harness.output, expected, python, file: file, line: line)
    }
}

// Literals so the Swift side reads like the Python it mirrors.
extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .str(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

func L(_ items: Value...) -> Value { .object(PyList(items)) }
func T(_ items: Value...) -> Value { .object(PyTuple(items)) }
func D(_ pairs: (Value, Value)...) -> Value {
    let d = PyDict()
    for (k, v) in pairs { try? d.set(k, v) }
    return .object(d)
}
func S(_ items: Value...) -> Value {
    let s = PySet()
    for item in items { try? s.insert(item) }
    return .object(s)
}
/// `2**n`, `-(2**n)`, `10**n`: ints past 64 bits.
func power(_ base: Int, _ exponent: Int, negative: Bool = false) -> Value {
    let b = BigInt(base).power(exponent)
    return .integer(negative ? -b : b)
}
