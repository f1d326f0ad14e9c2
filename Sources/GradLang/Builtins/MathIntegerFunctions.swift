import BigInt

/// The integer side of `math`: `factorial`, `gcd`, `lcm`, `isqrt`, `comb`, `perm`, `prod`.
enum MathIntegerFunctions {
    /// The most factors `factorial`, `comb` and `perm` multiply: 20000! takes seconds with the
    /// BigInt library (CPython is far faster), so larger requests are refused with MemoryError
    /// rather than hang.
    static let largestFactorial = 20_000

    static var all: [PyBuiltin] {
        [
            PyBuiltin("math.factorial(n, /)") { args in
                let n = try Arg.integer(args["n"])
                if n < 0 { throw PyError.value("factorial() not defined for negative values") }
                guard let k = Int(exactly: n), k <= largestFactorial else { throw PyError.memory("") }
                return .integer(product(from: 1, through: k))
            },
            PyBuiltin("math.gcd(*integers, /)") { args in
                var g = BigInt(0)
                for v in args.varargs("integers") { g = g.greatestCommonDivisor(with: try Arg.integer(v)) }
                return .integer(BigInt(g.magnitude))
            },
            PyBuiltin("math.lcm(*integers, /)") { args in
                var l = BigInt(1)
                for v in args.varargs("integers") {
                    let n = try Arg.integer(v)
                    if n == 0 || l == 0 { l = 0; continue }
                    l = BigInt((l * n).magnitude) / l.greatestCommonDivisor(with: n)
                }
                return .integer(BigInt(l.magnitude))
            },
            PyBuiltin("math.isqrt(n, /)") { args in
                let n = try Arg.integer(args["n"])
                if n < 0 { throw PyError.value("isqrt() argument must be nonnegative") }
                return .integer(BigInt(n.magnitude.squareRoot()))
            },
            PyBuiltin("comb(n, k, /)") { args in
                let (n, k) = try counts(args)
                if k > n { return .int(0) }
                // n may be any size; min(k, n-k) factors are multiplied.
                guard let r = Int(exactly: Swift.min(k, n - k)) else {
                    throw PyError.overflow("min(n - k, k) must not exceed \(Int.max)")
                }
                if r > largestFactorial { throw PyError.memory("") }
                return .integer(fallingProduct(n, r) / product(from: 1, through: r))
            },
            PyBuiltin("perm(n, k=None, /)") { args in
                let (n, k) = try counts(args)
                if k > n { return .int(0) }
                guard let r = Int(exactly: k) else { throw PyError.overflow("k must not exceed \(Int.max)") }
                if r > largestFactorial { throw PyError.memory("") }
                return .integer(fallingProduct(n, r))
            },
            PyBuiltin("prod(iterable, /, *, start=1)") { args in
                var total = args["start"]
                try args.interpreter.forEach(in: args["iterable"]) { total = try Operators.binary(.multiply, total, $0) }
                return total
            },
        ]
    }

    /// `n` and `k` of `comb`/`perm`, both non-negative (`k` defaults to `n`).
    private static func counts(_ args: BoundArguments) throws -> (BigInt, BigInt) {
        let n = try Arg.integer(args["n"])
        let k = args["k"].isNone ? n : try Arg.integer(args["k"])
        if n < 0 { throw PyError.value("n must be a non-negative integer") }
        if k < 0 { throw PyError.value("k must be a non-negative integer") }
        return (n, k)
    }

    /// n * (n-1) * ... * (n-k+1): k factors, counted down from an n of any size.
    private static func fallingProduct(_ n: BigInt, _ k: Int) -> BigInt {
        if let small = Int(exactly: n) { return product(from: small - k + 1, through: small) }
        return product(from: 0, through: k - 1) { n - BigInt($0) }
    }

    /// factor(lo) * factor(lo+1) * ... * factor(hi), multiplied as a balanced tree so the big
    /// products stay few.
    private static func product(from lo: Int, through hi: Int, _ factor: (Int) -> BigInt = { BigInt($0) }) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 8 {
            var p = BigInt(1)
            for i in lo...hi { p *= factor(i) }
            return p
        }
        let mid = lo + (hi - lo) / 2
        return product(from: lo, through: mid, factor) * product(from: mid + 1, through: hi, factor)
    }
}
