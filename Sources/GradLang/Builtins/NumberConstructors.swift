import BigInt
import GradTensor

/// `int(x, base)`, `float(x)` and `bool(x)`.
enum NumberConstructors {
    nonisolated(unsafe) static let int = PyBuiltin("int(x=<unset>, /, base=<unset>)", style: .clinic) { args in
        guard let given = args.given("x") else {
            if args.given("base") != nil { throw PyError.type("int() missing string argument") }
            return .int(0)
        }
        if let baseValue = args.given("base") {
            let base = try Arg.integer(baseValue)
            guard base == 0 || (2...36).contains(base), let b = Swift.Int(exactly: base) else {
                throw PyError.value("int() base must be >= 2 and <= 36, or 0")
            }
            switch NativeBases.scalar(given) ?? given {
            case .str(let text): return try TextToNumber.integer(text.string, base: b)
            case .object(let bytes as PyBytes): return try TextToNumber.integer(TextToNumber.text(of: bytes.bytes), base: b, shown: PyBytes.repr(bytes.bytes))
            default: throw PyError.type("int() can't convert non-string with explicit base")
            }
        }
        // A str, int or float subclass's instance converts as its value.
        let x = NativeBases.scalar(given) ?? given
        switch x {
        case .int, .bigInt: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return try truncate(d)
        case .str(let text): return try TextToNumber.integer(text.string, base: 10)
        // The error names a bytearray as the bytes it holds (`b'x'`), as CPython's does; float's names it as itself.
        case .object(let bytes as PyBytes): return try TextToNumber.integer(TextToNumber.text(of: bytes.bytes), base: 10, shown: PyBytes.repr(bytes.bytes))
        case .tensor(let t):
            switch try tensorScalar(t) {
            case .int(let i): return .int(Swift.Int(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .double(let d): return try truncate(d)
            }
        default:
            throw PyError.type("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
        }
    }

    nonisolated(unsafe) static let float = PyBuiltin("float(x=0.0, /)") { args in
        let x = NativeBases.scalar(args["x"]) ?? args["x"]
        switch x {
        case .float: return x
        case .int(let i): return .float(Double(i))
        case .bigInt(let b): return .float(try IntToFloat.double(b))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let text): return .float(try TextToNumber.float(text.string))
        case .object(let bytes as PyBytes): return .float(try TextToNumber.float(TextToNumber.text(of: bytes.bytes), shown: bytes.reprText))
        case .tensor(let t): return .float(try tensorScalar(t).doubleValue)
        default: throw PyError.type("float() argument must be a string or a real number, not '\(x.typeName)'")
        }
    }

    nonisolated(unsafe) static let bool = PyBuiltin("bool(x=False, /)") { args in
        .bool(try Operators.truthy(args["x"]))
    }

    /// A float's integer part as an exact int (`int(2.7)`, `math.trunc`).
    static func truncate(_ d: Double) throws -> Value {
        try integral(d.rounded(.towardZero))
    }

    /// An integral-valued float as an exact int, with CPython's errors for inf and nan.
    static func integral(_ d: Double) throws -> Value {
        if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        if let i = Swift.Int(exactly: d) { return .int(i) }
        return .integer(BigInt(d))
    }

    /// `int(t)` / `float(t)`: only one-element tensors convert, as in PyTorch.
    private static func tensorScalar(_ t: Tensor) throws -> Scalar {
        guard t.numel == 1 else { throw PyError.value("only one element tensors can be converted to Python scalars") }
        return try TorchBridge.run { try t.item() }
    }
}
