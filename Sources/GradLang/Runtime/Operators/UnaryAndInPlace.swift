import BigInt
import GradTensor

extension Operators {
    /// `+x`, `-x`, `~x` (`not` is compiled directly).
    public static func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.minus, .int(let i)): return i == .min ? .integer(-BigInt(i)) : .int(-i)
        case (.minus, .bigInt(let b)): return .integer(-b)
        case (.minus, .float(let d)): return .float(-d)
        case (.minus, .bool(let b)): return .int(b ? -1 : 0)
        case (.minus, .tensor(let t)): return .tensor(try TorchBridge.run { try t.neg() })
        case (.plus, .int), (.plus, .bigInt), (.plus, .float), (.plus, .tensor): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bigInt(let b)): return .integer(-b - 1)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (.invert, .tensor(let t)): return .tensor(try TorchBridge.run { try t.inverted() })
        case (.not, _): return .bool(!(try truthy(v)))
        case (_, .object(let o as PyOperandObject)):
            if let r = try o.unary(op) { return r }
            throw PyError.type("bad operand type for unary \(op == .invert ? "~" : op.rawValue): '\(v.typeName)'")
        case (_, .object(let i as PyInstance)):
            let method: SpecialName = op == .minus ? .neg : op == .plus ? .pos : .invert
            return try SpecialMethods.unary(method, i, symbol: "unary \(op == .invert ? "~" : op.rawValue)")
        default:
            throw PyError.type("bad operand type for unary \(op == .invert ? "~" : op.rawValue): '\(v.typeName)'")
        }
    }

    /// `is`: identity for objects; equal values for the immutable numbers and strings Python
    /// interns, and for None/True/False; equal bits for floats (see NaNIdentity).
    public static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.str(let x), .str(let y)): return x == y
        case (.tensor(let x), .tensor(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    /// `a op= b`: lists and sets are updated in place, and so are the tensor library's values
    /// (PyTorch's `__iadd__` etc., see `TensorLibrary.updateInPlace`); other values are
    /// rebound to `a op b`.
    static func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value, _ interpreter: Interpreter) throws -> Value {
        if case .tensor = a, let updated = try interpreter.tensorLibrary.updateInPlace(op, a, b) { return updated }
        if case .object(let o as PyOperandObject) = a, let updated = try o.updateInPlace(op, b) { return updated }
        if let updated = try SpecialMethods.inPlace(op, a, b, interpreter) { return updated }
        switch a {
        case .object(let list as PyList) where op == .add:
            let more = try Iteration.collect(b)
            try Allocation.checkGrowth(of: list.items, to: list.items.count + more.count)
            list.changeItems { $0 += more }
            return a
        case .object(let list as PyList) where op == .multiply:
            if case .object(let repeated as PyList) = try binary(op, a, b) { list.items = repeated.items }
            return a
        case .object(let array as PyBytes) where array.isMutable && (op == .add || op == .multiply):
            try array.checkResizable()
            if case .object(let result as PyBytes) = try binary(op, a, b) { array.bytes = result.bytes }
            return a
        case .object(let dict as PyDict) where op == .bitOr:
            // `d |= other` is `d.update(other)`: any mapping or iterable of pairs.
            try DictUpdate.merge(into: dict, b, keywords: nil, interpreter)
            return a
        case .object(let set as PySet) where !set.isFrozen:
            guard case .object(let other as PySet) = b, case .object(let result as PySet)? = try setOp(op, set, other) else {
                return try rebinding(op, a, b)
            }
            try set.replace(with: result.items)
            return a
        default:
            return try rebinding(op, a, b)
        }
    }

    /// `a op= b` for values without an in-place form is `a = a op b`; a type error names the
    /// augmented operator, as CPython's does (`unsupported operand type(s) for +=`).
    private static func rebinding(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        do {
            return try binary(op, a, b)
        } catch let e as PyError where e.type === PyExc.typeError {
            let prefix = "unsupported operand type(s) for \(op.rawValue):"
            guard e.message.hasPrefix(prefix) else { throw e }
            throw PyError.type("unsupported operand type(s) for \(op.rawValue)=:" + e.message.dropFirst(prefix.count))
        }
    }
}
