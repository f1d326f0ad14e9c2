import BigInt
import GradTensor

/// `abs`, `divmod`, `pow` (with a modulus), `sum` and `round`.
enum NumericFunctions {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("abs(x, /)", one: { x, _ in try absolute(x) }),
            PyBuiltin("divmod(x, y, /)") { args in try divmod(args["x"], args["y"]) },
            PyBuiltin("pow(base, exp, mod=None)", style: .clinic) { args in
                if args["mod"].isNone { return try Operators.binary(.power, args["base"], args["exp"]) }
                return try modularPower(args["base"], args["exp"], args["mod"])
            },
            PyBuiltin("sum(iterable, /, start=0)", style: .clinic) { args in
                var total = args["start"]
                if case .str = total { throw PyError.type("sum() can't sum strings [use ''.join(seq) instead]") }
                try args.interpreter.forEach(in: args["iterable"]) { total = try Operators.binary(.add, total, $0) }
                return total
            },
            PyBuiltin("round(number, ndigits=None)", style: .clinic) { args in
                try Rounding.round(args["number"], ndigits: args["ndigits"], args.interpreter)
            },
        ]
    }

    static func absolute(_ x: Value) throws -> Value {
        switch x {
        case .int(let i): return i == .min ? .integer(-BigInt(i)) : .int(Swift.abs(i))
        case .bigInt(let b): return .integer(BigInt(b.magnitude))
        case .bool(let b): return .int(b ? 1 : 0)
        case .object(let i as PyInstance): return try SpecialMethods.unary(.abs, i, symbol: "abs()")
        case .float(let d): return .float(Swift.abs(d))
        case .tensor(let t): return .tensor(try TorchBridge.run { try t.abs() })
        case .object(let o as PyOperandObject): if let r = try o.absolute() { return r }; fallthrough
        default: throw PyError.type("bad operand type for abs(): '\(x.typeName)'")
        }
    }

    static func divmod(_ x: Value, _ y: Value) throws -> Value {
        guard isNumber(x), isNumber(y) else {
            throw PyError.type("unsupported operand type(s) for divmod(): '\(x.typeName)' and '\(y.typeName)'")
        }
        do {
            return .object(PyTuple([try Operators.binary(.floorDivide, x, y), try Operators.binary(.modulo, x, y)]))
        } catch let e as PyError where e.type === PyExc.zeroDivisionError {
            if case .float = x { throw PyError.zeroDivision("float divmod()") }
            if case .float = y { throw PyError.zeroDivision("float divmod()") }
            throw e
        }
    }

    private static func isNumber(_ v: Value) -> Bool {
        switch v {
        case .int, .bigInt, .bool, .float: return true
        default: return NativeBases.scalar(v).map(isNumber) ?? false
        }
    }

    /// `pow(b, e, m)`: exact modular exponentiation; a negative exponent uses the inverse (3.8+).
    /// The result has the modulus's sign, like `%`.
    static func modularPower(_ b: Value, _ e: Value, _ m: Value) throws -> Value {
        if [b, e, m].contains(where: \.isComplex) {
            throw PyError.value("complex modulo")
        }
        guard let base = exactInt(b), var exponent = exactInt(e), let modulus = exactInt(m) else {
            throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers")
        }
        if modulus == 0 { throw PyError.value("pow() 3rd argument cannot be 0") }
        let size = BigInt(modulus.magnitude)
        var x = floorMod(base, size)
        if exponent < 0 {
            guard let inverse = inverse(x, size) else { throw PyError.value("base is not invertible for the given modulus") }
            x = inverse
            exponent = -exponent
        }
        var result: BigInt = size == 1 ? 0 : 1
        while exponent > 0 {
            if exponent & 1 == 1 { result = (result * x) % size }
            x = (x * x) % size
            exponent >>= 1
        }
        if modulus < 0 && result != 0 { result += modulus }
        return .integer(result)
    }

    private static func exactInt(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bigInt(let b): return b
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private static func floorMod(_ a: BigInt, _ m: BigInt) -> BigInt {
        let r = a % m
        return r < 0 ? r + m : r
    }

    /// The inverse of `a` modulo `m` (extended Euclid), nil when they share a factor.
    private static func inverse(_ a: BigInt, _ m: BigInt) -> BigInt? {
        var (r0, r1) = (m, a)
        var (t0, t1): (BigInt, BigInt) = (0, 1)
        while r1 != 0 {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        guard r0 == 1 else { return nil }
        return floorMod(t0, m)
    }
}
