import Glibc

/// The `cmath` module's functions with CPython 3.11's algorithms (`cmathmodule.c`: the
/// scaled square root, `log` through `log1p` near the unit circle, `exp` halved near overflow),
/// its errors (`math domain error`, `math range error`), and C99's values for infinite and NaN
/// parts.
enum CmathModule {
    static func make() -> PyModule {
        var attributes: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
            "inf": .float(.infinity), "nan": .float(.nan),
            "infj": .object(PyComplex(real: 0, imag: .infinity)), "nanj": .object(PyComplex(real: 0, imag: .nan)),
        ]
        for f in functions { attributes[f.name] = .object(f) }
        return PyModule(name: "cmath", attributes: attributes)
    }

    static let domainError = PyError.value("math domain error")
    static let rangeError = PyError.overflow("math range error")

    private static var functions: [PyBuiltin] {
        [
            unary("cmath.sqrt") { z in squareRoot(z) },
            unary("cmath.exp") { z in try exponential(z) },
            PyBuiltin("log(x, base=<unset>, /)") { args in
                var (value, failed) = logarithm(try ComplexConstructor.complex(args["x"], args.interpreter))
                if let base = args.given("base") {
                    // As in CPython, only the base's logarithm or the division decides: log(0, 2)
                    // is (-inf+nanj), log(2, 0) a domain error.
                    let divisor: Complex
                    (divisor, failed) = logarithm(try ComplexConstructor.complex(base, args.interpreter))
                    do { value = try value.dividedBy(divisor) } catch { failed = true }
                }
                if failed { throw domainError }
                return .object(PyComplex(value))
            },
            unary("cmath.log10") { z in
                let (l, failed) = logarithm(z)
                if failed { throw domainError }
                return Complex(real: l.real / M_LN10, imag: l.imag / M_LN10)
            },
            PyBuiltin("cmath.phase(z, /)") { args in
                let z = try ComplexConstructor.complex(args["z"], args.interpreter)
                return .float(atan2(z.imag, z.real))
            },
            PyBuiltin("cmath.polar(z, /)") { args in
                let z = try ComplexConstructor.complex(args["z"], args.interpreter)
                let modulus: Double
                do { modulus = try z.magnitude() } catch { throw rangeError }
                return .object(PyTuple([.float(modulus), .float(atan2(z.imag, z.real))]))
            },
            PyBuiltin("cmath.rect(r, phi, /)") { args in
                .object(PyComplex(try rectangular(Arg.real(args["r"]), Arg.real(args["phi"]))))
            },
            PyBuiltin("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)") { args in
                let a = try ComplexConstructor.complex(args["a"], args.interpreter)
                let b = try ComplexConstructor.complex(args["b"], args.interpreter)
                let rel = try Arg.real(args["rel_tol"]), abs = try Arg.real(args["abs_tol"])
                if rel < 0 || abs < 0 { throw PyError.value("tolerances must be non-negative") }
                if a == b { return .bool(true) }
                if [a.real, a.imag, b.real, b.imag].contains(where: \.isInfinite) { return .bool(false) }
                // Finite parts: no magnitude here overflows to an error (an infinite one is compared).
                let difference = (try? (a - b).magnitude()) ?? .infinity
                let sizeA = (try? a.magnitude()) ?? .infinity, sizeB = (try? b.magnitude()) ?? .infinity
                return .bool(difference <= rel * sizeB || difference <= rel * sizeA || difference <= abs)
            },
            test("cmath.isnan") { $0.real.isNaN || $0.imag.isNaN },
            test("cmath.isinf") { $0.real.isInfinite || $0.imag.isInfinite },
            test("cmath.isfinite") { $0.real.isFinite && $0.imag.isFinite },
        ] + trigonometricFunctions
    }

    static func unary(_ name: String, _ f: @escaping (Complex) throws -> Complex) -> PyBuiltin {
        PyBuiltin("\(name)(z, /)") { args in .object(PyComplex(try f(ComplexConstructor.complex(args["z"], args.interpreter)))) }
    }

    private static func test(_ name: String, _ f: @escaping (Complex) -> Bool) -> PyBuiltin {
        PyBuiltin("\(name)(z, /)") { args in .bool(f(try ComplexConstructor.complex(args["z"], args.interpreter))) }
    }

    /// The principal square root, its real part never negative. Finite parts are scaled by 1/8
    /// (or up by 2**53 when both are subnormal) so that the hypotenuse cannot overflow.
    static func squareRoot(_ z: Complex) -> Complex {
        if !z.real.isFinite || !z.imag.isFinite {
            if z.imag.isInfinite { return Complex(real: .infinity, imag: z.imag) }
            if z.real == -.infinity {
                return z.imag.isNaN ? Complex(real: .nan, imag: .infinity) : Complex(real: 0, imag: copysign(.infinity, z.imag))
            }
            if z.real == .infinity { return Complex(real: .infinity, imag: z.imag.isNaN ? .nan : copysign(0, z.imag)) }
            return Complex(real: .nan, imag: .nan)
        }
        if z.real == 0 && z.imag == 0 { return Complex(real: 0, imag: z.imag) }
        var ax = Swift.abs(z.real)
        let ay = Swift.abs(z.imag)
        let s: Double
        if ax < Double.leastNormalMagnitude && ay < Double.leastNormalMagnitude {
            ax = scalbn(ax, 53)
            s = scalbn(sqrt(ax + hypot(ax, scalbn(ay, 53))), -27)
        } else {
            ax /= 8
            s = 2 * sqrt(ax + hypot(ax, ay / 8))
        }
        let d = ay / (2 * s)
        return z.real >= 0 ? Complex(real: s, imag: copysign(d, z.imag)) : Complex(real: d, imag: copysign(s, z.imag))
    }

    /// log(DBL_MAX / 4): past it, exp is taken of one less and multiplied by e afterwards.
    static let largeExponent = log(Double.greatestFiniteMagnitude / 4)

    static func exponential(_ z: Complex) throws -> Complex {
        if !z.real.isFinite || !z.imag.isFinite { return try exponentialOfNonFinite(z) }
        let result: Complex
        if z.real > largeExponent {
            let l = exp(z.real - 1)
            result = Complex(real: l * cos(z.imag) * M_E, imag: l * sin(z.imag) * M_E)
        } else {
            let l = exp(z.real)
            result = Complex(real: l * cos(z.imag), imag: l * sin(z.imag))
        }
        if result.real.isInfinite || result.imag.isInfinite { throw rangeError }
        return result
    }

    /// C99's `cexp` for an infinite or NaN part; CPython's domain error for an infinite
    /// imaginary part beside a finite or +inf real one.
    private static func exponentialOfNonFinite(_ z: Complex) throws -> Complex {
        let (x, y) = (z.real, z.imag)
        if y.isInfinite && (x.isFinite || x == .infinity) { throw domainError }
        if x == .infinity && y.isFinite {
            if y == 0 { return Complex(real: .infinity, imag: y) }
            return Complex(real: copysign(.infinity, cos(y)), imag: copysign(.infinity, sin(y)))
        }
        if x == -.infinity {
            if y.isFinite { return Complex(real: copysign(0, cos(y)), imag: copysign(0, sin(y))) }
            return Complex(real: 0, imag: 0)
        }
        if x == .infinity { return Complex(real: .infinity, imag: .nan) }
        if x.isNaN && y == 0 { return Complex(real: .nan, imag: y) }
        return Complex(real: .nan, imag: .nan)
    }

    /// The principal logarithm, and whether it is a domain error (log(0), which is -inf with
    /// the angle of the zero).
    static func logarithm(_ z: Complex) -> (value: Complex, domainError: Bool) {
        let ax = Swift.abs(z.real), ay = Swift.abs(z.imag)
        let real: Double
        if !ax.isFinite || !ay.isFinite {
            real = ax.isInfinite || ay.isInfinite ? .infinity : .nan
        } else if ax > Double.greatestFiniteMagnitude / 4 || ay > Double.greatestFiniteMagnitude / 4 {
            real = log(hypot(ax / 2, ay / 2)) + M_LN2
        } else if ax < Double.leastNormalMagnitude && ay < Double.leastNormalMagnitude {
            guard ax > 0 || ay > 0 else { return (Complex(real: -.infinity, imag: atan2(z.imag, z.real)), true) }
            // Scaled up by 2**53 so that the hypotenuse is not subnormal.
            real = log(hypot(scalbn(ax, 53), scalbn(ay, 53))) - 53 * M_LN2
        } else {
            let h = hypot(ax, ay)
            if 0.71 <= h && h <= 1.73 {
                // Near the unit circle log1p keeps the digits that log(h) would lose.
                let larger = Swift.max(ax, ay), smaller = Swift.min(ax, ay)
                real = log1p((larger - 1) * (larger + 1) + smaller * smaller) / 2
            } else {
                real = log(h)
            }
        }
        return (Complex(real: real, imag: atan2(z.imag, z.real)), false)
    }

    /// `r * (cos(phi) + sin(phi)j)`; a nonzero modulus at an infinite angle is a domain error.
    static func rectangular(_ r: Double, _ phi: Double) throws -> Complex {
        if r.isFinite && phi.isFinite {
            // An angle of zero keeps its sign in the imaginary part, with no rounding from cos.
            if phi == 0 { return Complex(real: r, imag: r * phi) }
            return Complex(real: r * cos(phi), imag: r * sin(phi))
        }
        if phi.isInfinite && !r.isNaN && r != 0 { throw domainError }
        if r == 0 { return Complex(real: 0, imag: 0) }
        if r.isNaN { return Complex(real: .nan, imag: phi == 0 ? phi : .nan) }
        guard r.isInfinite else { return Complex(real: .nan, imag: .nan) }
        if phi.isNaN { return Complex(real: .infinity, imag: .nan) }
        let sign = r > 0 ? 1.0 : -1.0
        if phi == 0 { return Complex(real: r, imag: sign * phi) }
        return Complex(real: sign * copysign(.infinity, cos(phi)), imag: sign * copysign(.infinity, sin(phi)))
    }
}
