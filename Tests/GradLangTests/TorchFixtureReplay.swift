import Foundation
import GradTensor
@testable import GradLang

/// Replays one statement list of Fixtures/torch/cases.json through the interpreter's API (calls,
/// attributes, operators, `TorchBindings` for `with` and `op=`), the way compiled code will.
/// Statements and expressions are the JSON trees written by Fixtures/torch/generate.py.
final class TorchFixtureReplay {
    let interpreter: Interpreter
    private(set) var warnings: [String] = []
    private var scope: [String: Value] = [:]

    init() {
        interpreter = Interpreter(writeOutput: { _ in })
        interpreter.writeWarning = { [unowned self] text in
            warnings.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
    }

    /// What one top-level statement showed: the reprs of bare expressions, the warnings, and the
    /// error as `TypeName: message`.
    struct Outcome: Equatable {
        var outputs: [String] = []
        var warnings: [String] = []
        var error: String?
    }

    func run(_ statement: Any) -> Outcome {
        var outcome = Outcome()
        warnings = []
        do {
            try execute(statement, &outcome.outputs)
        } catch let e as PyError {
            outcome.error = "\(e.type.name): \(e.message)"
        } catch {
            outcome.error = "non-Python error escaped: \(error)"
        }
        outcome.warnings = warnings
        return outcome
    }

    static func normalise(_ text: String) -> String {
        text.replacing(#/0x[0-9a-f]+/#, with: "0x…")
    }

    // MARK: statements

    private func execute(_ node: Any, _ outputs: inout [String]) throws {
        let n = try parts(node)
        switch try tag(n) {
        case "expr":
            outputs.append(Self.normalise(Repr.repr(try evaluate(n[1]))))
        case "assign":
            scope[try string(n[1])] = try evaluate(n[2])
        case "unpack":
            let names = try (n[1] as? [Any] ?? []).map(string)
            let items = try Iteration.collect(try evaluate(n[2]))
            guard items.count == names.count else { throw PyError.value("wrong number of values to unpack") }
            for (name, item) in zip(names, items) { scope[name] = item }
        case "setattr":
            try interpreter.setAttribute(try evaluate(n[1]), try string(n[2]), try evaluate(n[3]))
        case "setitem":
            guard case .tensor(let t) = try evaluate(n[1]) else { throw PyError.type("only tensors take item assignment here") }
            try TorchBindings.setItem(t, try evaluate(n[2]), try evaluate(n[3]), interpreter: interpreter)
        case "augitem":
            guard case .tensor(let t) = try evaluate(n[1]), let op = BinaryOperator(rawValue: try string(n[3])) else {
                throw PyError.type("only tensors take item assignment here")
            }
            let key = try evaluate(n[2])
            guard case .tensor(let item) = try TorchBindings.getItem(t, key, interpreter: interpreter) else { return }
            let updated = try TorchBindings.inPlace(op, target: item, value: try evaluate(n[4]))
            try TorchBindings.setItem(t, key, updated, interpreter: interpreter)
        case "augassign":
            let name = try string(n[1])
            guard let op = BinaryOperator(rawValue: try string(n[2])), let current = scope[name] else {
                throw PyError(PyExc.nameError, "bad augmented assignment")
            }
            let value = try evaluate(n[3])
            if case .tensor(let t) = current {
                scope[name] = try TorchBindings.inPlace(op, target: t, value: value)
            } else {
                scope[name] = try Operators.binary(op, current, value)
            }
        case "with":
            let context = try evaluate(n[1])
            guard let manager = try TorchBindings.contextManager(for: context, interpreter: interpreter) else {
                throw PyError.type("'\(context.typeName)' object does not support the context manager protocol")
            }
            let entered = try manager.enter()
            if let name = n[2] as? String { scope[name] = entered }
            do {
                for statement in n[3] as? [Any] ?? [] { try execute(statement, &outputs) }
            } catch {
                try manager.exit()
                throw error
            }
            try manager.exit()
        case "pass":
            break
        case let other:
            throw PyError.runtime("unknown statement \(other)")
        }
    }

    // MARK: expressions

    private func evaluate(_ node: Any) throws -> Value {
        let n = try parts(node)
        switch try tag(n) {
        case "none": return .none
        case "bool": return .bool(n[1] as? Bool ?? false)
        case "int": return try integer(try string(n[1]))
        case "float": return .float(Double(try string(n[1])) ?? .nan)
        case "str": return .str(try string(n[1]))
        case "ellipsis": return .object(PyEllipsis.shared)
        case "slice": return .object(PySlice(start: try evaluate(n[1]), stop: try evaluate(n[2]), step: try evaluate(n[3])))
        case "name":
            let name = try string(n[1])
            if let v = scope[name] { return v }
            if name == "F", let f = interpreter.modules["torch.nn.functional"] { return .object(f) }
            if let v = interpreter.builtins[name] { return v }
            throw PyError(PyExc.nameError, "name '\(name)' is not defined")
        case "attr":
            return try interpreter.getAttribute(try evaluate(n[1]), try string(n[2]))
        case "call":
            let callee = try evaluate(n[1])
            let positional = try (n[2] as? [Any] ?? []).map(evaluate)
            let keywords = try (n[3] as? [Any] ?? []).map { pair -> (name: String, value: Value) in
                let p = try parts(pair)
                return (try string(p[0]), try evaluate(p[1]))
            }
            return try interpreter.call(callee, Arguments(positional, keywords: keywords))
        case "list": return .object(PyList(try (n[1] as? [Any] ?? []).map(evaluate)))
        case "tuple": return .object(PyTuple(try (n[1] as? [Any] ?? []).map(evaluate)))
        case "index":
            let container = try evaluate(n[1])
            if case .tensor(let t) = container { return try TorchBindings.getItem(t, try evaluate(n[2]), interpreter: interpreter) }
            let items = container.sequenceItems ?? []
            guard case .int(let i) = try evaluate(n[2]), -items.count <= i, i < items.count else {
                throw PyError.index("tuple index out of range")
            }
            return items[i < 0 ? i + items.count : i]
        case "binop":
            guard let op = BinaryOperator(rawValue: try string(n[1])) else { throw PyError.runtime("bad operator") }
            return try Operators.binary(op, try evaluate(n[2]), try evaluate(n[3]))
        case "neg":
            let v = try evaluate(n[1])
            if case .tensor(let t) = v { return .tensor(try TorchBridge.run { try t.neg() }) }
            return try Operators.binary(.subtract, .int(0), v)
        case "compare":
            let (a, b) = (try evaluate(n[2]), try evaluate(n[3]))
            let op = try string(n[1])
            if op == "is" { return .bool(identical(a, b)) }
            guard let compare = CompareOperator(rawValue: op) else { throw PyError.runtime("bad comparison") }
            return try Operators.compare(compare, a, b)
        case let other:
            throw PyError.runtime("unknown expression \(other)")
        }
    }

    private func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.tensor(let x), .tensor(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    /// Python int literals of any size, built exactly with the runtime's own arithmetic.
    private func integer(_ digits: String) throws -> Value {
        let negative = digits.hasPrefix("-")
        var value = Value.int(0)
        for d in digits.drop(while: { $0 == "-" }) {
            value = try Operators.binary(.add, try Operators.binary(.multiply, value, .int(10)), .int(Int(String(d)) ?? 0))
        }
        return negative ? try Operators.binary(.subtract, .int(0), value) : value
    }

    private func parts(_ node: Any) throws -> [Any] {
        guard let list = node as? [Any] else { throw PyError.runtime("malformed fixture node") }
        return list
    }

    private func tag(_ n: [Any]) throws -> String { try string(n.first as Any) }

    private func string(_ v: Any) throws -> String {
        guard let s = v as? String else { throw PyError.runtime("malformed fixture node") }
        return s
    }
}
