import BigInt
import GradTensor

/// Reading Swift values out of Python values, with CPython's TypeErrors when the kind is wrong.
enum Conversions {
    /// A Python int (or bool) as a Swift Int; `what` is the whole TypeError message otherwise.
    static func int(_ v: Value, what: String) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw PyError.overflow("Python int too large to convert to C long")
        case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint:
            if case .int(let i) = try TorchBridge.run({ try t.item() }) { return Int(i) }
            throw PyError.type(what)
        case _ where NativeBases.scalar(v) != nil: return try int(NativeBases.contents(v), what: what)
        default: throw PyError.type(what)
        }
    }

    /// PyTorch's `Tensor.__index__`, which sequences and slices call on a tensor key: one element
    /// of an integer or bool dtype.
    static func index(_ t: Tensor) throws -> Int {
        let refusal = PyError.type("only integer tensors of a single element can be converted to an index")
        guard t.numel == 1 else { throw refusal }
        switch try TorchBridge.run({ try t.item() }) {
        case .int(let i): return Int(i)
        case .bool(let b): return b ? 1 : 0
        case .double: throw refusal
        }
    }

    /// For `%d` / `%x`: ints as they are, floats truncated, others refused.
    static func intForFormat(_ v: Value, type: String) throws -> Value {
        switch v {
        case .int, .bigInt: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            guard d.isFinite else { throw PyError.overflow("cannot convert float \(d.isNaN ? "NaN" : "infinity") to integer") }
            if type != "%d" { throw PyError.type("\(type) format: an integer is required, not float") }
            return .integer(BigInt(d.rounded(.towardZero)))
        case .tensor(let t) where t.numel == 1:
            return try intForFormat(value(of: TorchBridge.run { try t.item() }), type: type)
        default:
            throw PyError.type("\(type) format: a real number is required, not \(v.typeName)")
        }
    }

    /// A Python number as a Double; `what` is the whole TypeError message otherwise.
    static func double(_ v: Value, what: String) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return try IntToFloat.double(b)
        case .tensor(let t) where t.numel == 1: return try TorchBridge.run { try t.item() }.doubleValue
        case _ where NativeBases.scalar(v) != nil: return try double(NativeBases.contents(v), what: what)
        default: throw PyError.type(what)
        }
    }

    /// A tensor element as a Python number.
    static func value(of s: Scalar) -> Value {
        switch s {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .double(let d): return .float(d)
        }
    }
}
