import BigInt
import Glibc

/// The `math` module: C's libm behind CPython's error rules (a NaN from a non-NaN argument is
/// `ValueError: math domain error`, an infinity from a finite one is a range or domain error).
enum MathModule {
    static func make() -> PyModule {
        var attributes: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
            "inf": .float(.infinity), "nan": .float(.nan),
        ]
        for f in realFunctions + MathFloatParts.all + MathIntegerFunctions.all + MathGamma.all + MathVectorNorm.all { attributes[f.name] = .object(f) }
        return PyModule(name: "math", attributes: attributes)
    }

    private static var realFunctions: [PyBuiltin] {
        [
            unary("math.sqrt", Glibc.sqrt), unary("math.exp", Glibc.exp, canOverflow: true),
            unary("math.expm1", Glibc.expm1, canOverflow: true),
            unary("math.sin", Glibc.sin), unary("math.cos", Glibc.cos), unary("math.tan", Glibc.tan),
            unary("math.asin", Glibc.asin), unary("math.acos", Glibc.acos), unary("math.atan", Glibc.atan),
            unary("math.sinh", Glibc.sinh, canOverflow: true), unary("math.cosh", Glibc.cosh, canOverflow: true),
            unary("math.tanh", Glibc.tanh), unary("math.asinh", Glibc.asinh), unary("math.acosh", Glibc.acosh),
            unary("math.atanh", Glibc.atanh), unary("math.log1p", Glibc.log1p),
            unary("math.erf", Glibc.erf), unary("math.erfc", Glibc.erfc),
            unary("math.cbrt", Glibc.cbrt), unary("math.exp2", Glibc.exp2, canOverflow: true),
            unary("math.fabs", Swift.abs), unary("math.degrees") { $0 * (180 / Double.pi) },
            unary("math.radians") { $0 * (Double.pi / 180) },
            PyBuiltin("log(x, base=<unset>, /)") { args in
                let value = try logarithm(args["x"], Glibc.log)
                guard let base = args.given("base") else { return .float(value) }
                let divisor = try logarithm(base, Glibc.log)
                if divisor == 0 { throw PyError.zeroDivision("float division by zero") }
                return .float(value / divisor)
            },
            PyBuiltin("math.log2(x, /)") { args in .float(try logarithm(args["x"], Glibc.log2)) },
            PyBuiltin("math.log10(x, /)") { args in .float(try logarithm(args["x"], Glibc.log10)) },
            PyBuiltin("pow(x, y, /)") { args in .float(try power(Arg.real(args["x"]), Arg.real(args["y"]))) },
            PyBuiltin("atan2(y, x, /)") { args in .float(Glibc.atan2(try Arg.real(args["y"]), try Arg.real(args["x"]))) },
            PyBuiltin("copysign(x, y, /)") { args in .float(Glibc.copysign(try Arg.real(args["x"]), try Arg.real(args["y"]))) },
            PyBuiltin("fmod(x, y, /)") { args in
                let x = try Arg.real(args["x"]), y = try Arg.real(args["y"])
                if y.isInfinite && x.isFinite { return .float(x) }
                let r = Glibc.fmod(x, y)
                if r.isNaN && !x.isNaN && !y.isNaN { throw PyError.value("math domain error") }
                return .float(r)
            },
            PyBuiltin("remainder(x, y, /)") { args in
                let x = try Arg.real(args["x"]), y = try Arg.real(args["y"])
                return .float(try checked(Glibc.remainder(x, y), from: x, y, canOverflow: true))
            },
            PyBuiltin("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)") { args in
                let a = try Arg.real(args["a"]), b = try Arg.real(args["b"])
                let rel = try Arg.real(args["rel_tol"]), abs = try Arg.real(args["abs_tol"])
                if rel < 0 || abs < 0 { throw PyError.value("tolerances must be non-negative") }
                if a == b { return .bool(true) }
                if a.isInfinite || b.isInfinite { return .bool(false) }
                let diff = Swift.abs(b - a)
                return .bool(diff <= Swift.abs(rel * b) || diff <= Swift.abs(rel * a) || diff <= abs)
            },
            PyBuiltin("math.isnan(x, /)") { args in .bool(try Arg.real(args["x"]).isNaN) },
            PyBuiltin("math.isinf(x, /)") { args in .bool(try Arg.real(args["x"]).isInfinite) },
            PyBuiltin("math.isfinite(x, /)") { args in .bool(try Arg.real(args["x"]).isFinite) },
            rounding("math.floor", .down),
            rounding("math.ceil", .up),
            PyBuiltin("math.trunc(x, /)") { args in
                switch args["x"] {
                case .int, .bigInt, .bool: return .integer(try Arg.integer(args["x"]))
                case .float(let d): return try NumberConstructors.truncate(d)
                default: throw PyError.type("type \(args["x"].typeName) doesn't define __trunc__ method")
                }
            },
            PyBuiltin("math.fsum(seq, /)") { args in
                var values: [Double] = []
                try args.interpreter.forEach(in: args["seq"]) { values.append(try Arg.real($0)) }
                return .float(try FSum.sum(values))
            },
        ]
    }

    /// A one-argument function under CPython's `math_1` error rules.
    private static func unary(_ name: String, _ f: @escaping (Double) -> Double, canOverflow: Bool = false) -> PyBuiltin {
        PyBuiltin("\(name)(x, /)", one: { value, _ in
            let x = try Arg.real(value)
            return .float(try checked(f(x), from: x, canOverflow: canOverflow))
        })
    }

    /// `r`, computed from `x` (and `y`), unless it is a nan or infinity they did not hold.
    private static func checked(_ r: Double, from x: Double, _ y: Double = 0, canOverflow: Bool) throws -> Double {
        if r.isNaN && !x.isNaN && !y.isNaN { throw PyError.value("math domain error") }
        if r.isInfinite && x.isFinite && y.isFinite {
            if canOverflow { throw PyError.overflow("math range error") }
            throw PyError.value("math domain error")
        }
        return r
    }

    /// `math.pow`: special values follow C99; finite arguments with a bad result raise.
    private static func power(_ x: Double, _ y: Double) throws -> Double {
        let r = Glibc.pow(x, y)
        guard x.isFinite && y.isFinite else { return r }
        if r.isNaN { throw PyError.value("math domain error") }
        if r.isInfinite {
            if x == 0 { throw PyError.value("math domain error") }
            throw PyError.overflow("math range error")
        }
        return r
    }

    /// `log` of ints of any size and of floats. An int past the largest float is taken as
    /// `m * 2**e` and its log as `log(m) + log(2) * e`, as CPython's `loghelper` does.
    private static func logarithm(_ v: Value, _ f: (Double) -> Double) throws -> Double {
        if case .bigInt(let b) = v {
            guard b > 0 else { throw PyError.value("math domain error") }
            if let x = try? IntToFloat.double(b) { return f(x) }
            let (m, e) = IntToFloat.frexp(b.magnitude)
            return f(m) + f(2) * Double(e)
        }
        let x = try Arg.real(v)
        guard x > 0 || x.isNaN else { throw PyError.value("math domain error") }
        return f(x)
    }

    /// `floor`/`ceil`: ints unchanged, floats to exact ints.
    private static func rounding(_ name: String, _ rule: FloatingPointRoundingRule) -> PyBuiltin {
        PyBuiltin("\(name)(x, /)") { args in
            switch args["x"] {
            case .int, .bigInt, .bool: return .integer(try Arg.integer(args["x"]))
            default: return try NumberConstructors.integral(try Arg.real(args["x"]).rounded(rule))
            }
        }
    }
}
