import Glibc

/// `cmath`'s trigonometric and hyperbolic functions and their inverses, with CPython 3.11's
/// algorithms (cmathmodule.c): the hyperbolic ones are computed, and the circular ones are them
/// at `i·z` turned back (`sin(z) = -i·sinh(i·z)`). An infinite or NaN part takes C99 Annex G's
/// value (see `Special`); the ones Annex G marks invalid are CPython's `math domain error`.
extension CmathModule {
    static var trigonometricFunctions: [PyBuiltin] {
        [
            unary("cmath.sinh", sinh), unary("cmath.cosh", cosh), unary("cmath.tanh", tanh),
            unary("cmath.asinh", asinh), unary("cmath.acosh", acosh), unary("cmath.atanh", atanh),
            unary("cmath.sin") { z in try sinh(z.timesI).dividedByI },
            unary("cmath.cos") { z in try cosh(z.timesI) },
            unary("cmath.tan") { z in try tanh(z.timesI).dividedByI },
            unary("cmath.asin") { z in asinh(z.timesI).dividedByI },
            unary("cmath.acos", acos),
            unary("cmath.atan") { z in try atanh(z.timesI).dividedByI },
        ]
    }

    /// sqrt(DBL_MAX / 4), past which atanh takes its value from 1/z.
    private static let largeForAtanh = sqrt(Double.greatestFiniteMagnitude / 4)
    private static let largeArgument = Double.greatestFiniteMagnitude / 4

    static func sinh(_ z: Complex) throws -> Complex {
        let (x, y) = (z.real, z.imag)
        if !x.isFinite || !y.isFinite {
            if y.isInfinite && !x.isNaN { throw domainError }
            if x.isInfinite && y.isFinite && y != 0 {
                return Complex(real: copysign(.infinity, x > 0 ? cos(y) : -cos(y)), imag: copysign(.infinity, sin(y)))
            }
            if x.isInfinite { return y == 0 ? z : Complex(real: .infinity, imag: .nan) }
            if x == 0 { return Complex(real: 0, imag: .nan) }
            return Complex(real: .nan, imag: y == 0 ? y : .nan)
        }
        return try angleTimesHyperbolic(x, y, Glibc.sinh, Glibc.cosh)
    }

    static func cosh(_ z: Complex) throws -> Complex {
        let (x, y) = (z.real, z.imag)
        if !x.isFinite || !y.isFinite {
            if y.isInfinite && !x.isNaN { throw domainError }
            if x.isInfinite && y.isFinite && y != 0 {
                return Complex(real: copysign(.infinity, cos(y)), imag: copysign(.infinity, x > 0 ? sin(y) : -sin(y)))
            }
            // The imaginary part of an infinite real one is zero with the sign of x·y.
            if x.isInfinite { return Complex(real: .infinity, imag: y == 0 ? (x > 0 ? y : -y) : .nan) }
            return Complex(real: .nan, imag: x == 0 || y == 0 ? 0 : .nan)
        }
        return try angleTimesHyperbolic(x, y, Glibc.cosh, Glibc.sinh)
    }

    /// `cos(y)·f(x) + i·sin(y)·g(x)` for sinh and cosh: past `largeExponent`, f and g are taken
    /// at x∓1 and multiplied by e, as f(x) alone would overflow where the product need not. An
    /// infinite part is a range error.
    private static func angleTimesHyperbolic(_ x: Double, _ y: Double, _ f: (Double) -> Double, _ g: (Double) -> Double) throws -> Complex {
        let result: Complex
        if Swift.abs(x) > largeExponent {
            let xMinusOne = x - copysign(1, x)
            result = Complex(real: cos(y) * f(xMinusOne) * M_E, imag: sin(y) * g(xMinusOne) * M_E)
        } else {
            result = Complex(real: cos(y) * f(x), imag: sin(y) * g(x))
        }
        if result.real.isInfinite || result.imag.isInfinite { throw rangeError }
        return result
    }

    /// tanh(x+iy) = (tanh(x)(1+tan(y)²) + i·tan(y)(1-tanh(x)²)) / (1+tan(y)²·tanh(x)²), with
    /// 1-tanh(x)² taken as 1/cosh(x)², or 4·exp(-2|x|) where cosh(x) would overflow.
    static func tanh(_ z: Complex) throws -> Complex {
        let (x, y) = (z.real, z.imag)
        if !x.isFinite || !y.isFinite {
            if y.isInfinite && x.isFinite { throw domainError }
            if x.isInfinite {
                let imag = y.isFinite && y != 0 ? copysign(0, 2 * sin(y) * cos(y)) : (y == 0 ? y : 0)
                return Complex(real: copysign(1, x), imag: imag)
            }
            return Complex(real: .nan, imag: y == 0 ? y : .nan)
        }
        if Swift.abs(x) > largeExponent {
            return Complex(real: copysign(1, x), imag: 4 * sin(y) * cos(y) * exp(-2 * Swift.abs(x)))
        }
        let tx = Glibc.tanh(x), ty = tan(y), cx = 1 / Glibc.cosh(x)
        let txty = tx * ty
        let denominator = 1 + txty * txty
        return Complex(real: tx * (1 + ty * ty) / denominator, imag: ((ty / denominator) * cx) * cx)
    }

    static func asinh(_ z: Complex) -> Complex {
        let (x, y) = (z.real, z.imag)
        if !x.isFinite || !y.isFinite {
            if x.isInfinite {
                if y.isNaN { return Complex(real: x, imag: .nan) }
                return Complex(real: x, imag: y.isInfinite ? copysign(Double.pi / 4, y) : copysign(0, y))
            }
            if y.isInfinite { return Complex(real: x.isNaN ? .infinity : copysign(.infinity, x), imag: x.isNaN ? .nan : copysign(Double.pi / 2, y)) }
            return Complex(real: .nan, imag: x.isNaN && y == 0 ? y : .nan)
        }
        if Swift.abs(x) > largeArgument || Swift.abs(y) > largeArgument {
            let magnitude = log(hypot(x / 2, y / 2)) + 2 * M_LN2
            let real = y >= 0 ? copysign(magnitude, x) : -copysign(magnitude, -x)
            return Complex(real: real, imag: atan2(y, Swift.abs(x)))
        }
        let s1 = squareRoot(Complex(real: 1 + y, imag: -x))
        let s2 = squareRoot(Complex(real: 1 - y, imag: x))
        return Complex(real: Glibc.asinh(s1.real * s2.imag - s2.real * s1.imag),
                       imag: atan2(y, s1.real * s2.real - s1.imag * s2.imag))
    }

    static func acosh(_ z: Complex) -> Complex {
        let (x, y) = (z.real, z.imag)
        if !x.isFinite || !y.isFinite {
            if x.isInfinite {
                if y.isNaN { return Complex(real: .infinity, imag: .nan) }
                let angle = y.isInfinite ? (x > 0 ? Double.pi / 4 : 3 * Double.pi / 4) : (x > 0 ? 0 : Double.pi)
                return Complex(real: .infinity, imag: copysign(angle, y))
            }
            if y.isInfinite { return Complex(real: .infinity, imag: x.isNaN ? .nan : copysign(Double.pi / 2, y)) }
            return Complex(real: .nan, imag: .nan)
        }
        if Swift.abs(x) > largeArgument || Swift.abs(y) > largeArgument {
            return Complex(real: log(hypot(x / 2, y / 2)) + 2 * M_LN2, imag: atan2(y, x))
        }
        let s1 = squareRoot(Complex(real: x - 1, imag: y))
        let s2 = squareRoot(Complex(real: x + 1, imag: y))
        return Complex(real: Glibc.asinh(s1.real * s2.real + s1.imag * s2.imag), imag: 2 * atan2(s1.imag, s2.real))
    }

    static func acos(_ z: Complex) -> Complex {
        let (x, y) = (z.real, z.imag)
        if !x.isFinite || !y.isFinite {
            // The imaginary part of an infinite result has the sign opposite to y's.
            let infinity = copysign(.infinity, -y)
            if x.isInfinite {
                if y.isNaN { return Complex(real: .nan, imag: .infinity) }
                let angle = y.isInfinite ? (x > 0 ? Double.pi / 4 : 3 * Double.pi / 4) : (x > 0 ? 0 : Double.pi)
                return Complex(real: angle, imag: infinity)
            }
            if y.isInfinite { return Complex(real: x.isNaN ? .nan : Double.pi / 2, imag: infinity) }
            return Complex(real: x == 0 ? Double.pi / 2 : .nan, imag: .nan)
        }
        if Swift.abs(x) > largeArgument || Swift.abs(y) > largeArgument {
            return Complex(real: atan2(Swift.abs(y), x), imag: -copysign(log(hypot(x / 2, y / 2)) + 2 * M_LN2, y))
        }
        let s1 = squareRoot(Complex(real: 1 - x, imag: -y))
        let s2 = squareRoot(Complex(real: 1 + x, imag: y))
        return Complex(real: 2 * atan2(s1.real, s2.real), imag: Glibc.asinh(s2.real * s1.imag - s2.imag * s1.real))
    }

    static func atanh(_ z: Complex) throws -> Complex {
        let (x, y) = (z.real, z.imag)
        if !x.isFinite || !y.isFinite {
            if x.isInfinite || y.isInfinite {
                return Complex(real: x.isNaN ? 0 : copysign(0, x), imag: y.isNaN ? .nan : copysign(Double.pi / 2, y))
            }
            return Complex(real: x == 0 ? x : .nan, imag: .nan)
        }
        // atanh(-z) = -atanh(z).
        if x < 0 { return try atanh(Complex(real: -x, imag: -y)).negated }
        let ay = Swift.abs(y)
        if x > largeForAtanh || ay > largeForAtanh {
            // Near infinity atanh(z) is 1/z ± iπ/2.
            let h = hypot(x / 2, y / 2)
            return Complex(real: x / 4 / h / h, imag: copysign(Double.pi / 2, y))
        }
        if x == 1 && ay < sqrt(Double.leastNormalMagnitude) {
            if ay == 0 { throw domainError }
            return Complex(real: -log(sqrt(ay) / sqrt(hypot(ay, 2))), imag: copysign(atan2(2, -ay) / 2, y))
        }
        return Complex(real: log1p(4 * x / ((1 - x) * (1 - x) + ay * ay)) / 4,
                       imag: -atan2(-2 * y, (1 - x) * (1 + x) - ay * ay) / 2)
    }
}

private extension Complex {
    /// i·z.
    var timesI: Complex { Complex(real: -imag, imag: real) }
    /// z / i, which turns a hyperbolic function at i·z back into the circular one at z.
    var dividedByI: Complex { Complex(real: imag, imag: -real) }
    var negated: Complex { Complex(real: -real, imag: -imag) }
}
