import BigInt
import Glibc

/// The parts of `math` that take floats apart or step between them: `frexp`, `ldexp`, `modf`,
/// `nextafter`, `ulp`, with CPython's special cases for zeros, infinities and NaNs.
enum MathFloatParts {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("math.frexp(x, /)") { args in
                let x = try Arg.real(args["x"])
                if x == 0 || !x.isFinite { return pair(.float(x), .int(0)) }
                var exponent: Int32 = 0
                let mantissa = Glibc.frexp(x, &exponent)
                return pair(.float(mantissa), .int(Int(exponent)))
            },
            PyBuiltin("ldexp(x, i, /)") { args in
                let x = try Arg.real(args["x"])
                let exponent: BigInt
                switch args["i"] {
                case .int, .bigInt, .bool: exponent = try Arg.integer(args["i"])
                default: throw PyError.type("Expected an int as second argument to ldexp.")
                }
                if x == 0 || !x.isFinite { return .float(x) }
                // Past C int's range the result is known without computing it, as in CPython.
                if exponent > BigInt(Int32.max) { throw PyError.overflow("math range error") }
                if exponent < BigInt(Int32.min) { return .float(Glibc.copysign(0, x)) }
                let r = Glibc.ldexp(x, Int32(exponent))
                if r.isInfinite { throw PyError.overflow("math range error") }
                return .float(r)
            },
            PyBuiltin("math.modf(x, /)") { args in
                let x = try Arg.real(args["x"])
                if x.isInfinite { return pair(.float(Glibc.copysign(0, x)), .float(x)) }
                var whole = 0.0
                let fraction = Glibc.modf(x, &whole)
                return pair(.float(fraction), .float(whole))
            },
            PyBuiltin("nextafter(x, y, /)") { args in
                .float(Glibc.nextafter(try Arg.real(args["x"]), try Arg.real(args["y"])))
            },
            PyBuiltin("math.ulp(x, /)") { args in
                let x = try Arg.real(args["x"])
                if x.isNaN { return .float(x) }
                let magnitude = Swift.abs(x)
                if magnitude.isInfinite { return .float(magnitude) }
                if magnitude == .greatestFiniteMagnitude { return .float(magnitude - magnitude.nextDown) }
                return .float(magnitude.nextUp - magnitude)
            },
        ]
    }

    private static func pair(_ a: Value, _ b: Value) -> Value { .object(PyTuple([a, b])) }
}
