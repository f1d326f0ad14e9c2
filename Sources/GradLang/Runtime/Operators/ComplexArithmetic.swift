#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A complex number's two doubles and CPython 3.11's arithmetic on them (`complexobject.c`'s
/// algorithms, so results agree to the last bit): Smith's division, `**` by repeated
/// multiplication for small integral exponents and through polar form otherwise, `abs` by hypot.
struct Complex: Equatable {
    var real: Double
    var imag: Double

    static let one = Complex(real: 1, imag: 0)

    static func + (a: Complex, b: Complex) -> Complex { Complex(real: a.real + b.real, imag: a.imag + b.imag) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(real: a.real - b.real, imag: a.imag - b.imag) }
    static func * (a: Complex, b: Complex) -> Complex {
        Complex(real: a.real * b.real - a.imag * b.imag, imag: a.real * b.imag + a.imag * b.real)
    }
    static prefix func - (a: Complex) -> Complex { Complex(real: -a.real, imag: -a.imag) }

    /// Why an operation has no complex result, as CPython's errno says it: `domain` for a zero
    /// divisor, zero raised to a negative or complex power, or a power whose angle is infinite;
    /// `range` for an overflow.
    enum Failure: Error {
        case domain, range
    }

    /// `a / b` by Smith's method, which scales by the larger part of `b` so that the
    /// intermediate products neither overflow nor underflow needlessly.
    func dividedBy(_ b: Complex) throws(Failure) -> Complex {
        let absReal = Swift.abs(b.real), absImag = Swift.abs(b.imag)
        if absReal >= absImag {
            if absReal == 0 { throw .domain }
            let ratio = b.imag / b.real
            let denominator = b.real + b.imag * ratio
            return Complex(real: (real + imag * ratio) / denominator, imag: (imag - real * ratio) / denominator)
        }
        if absImag >= absReal {
            let ratio = b.real / b.imag
            let denominator = b.real * ratio + b.imag
            return Complex(real: (real * ratio + imag) / denominator, imag: (imag * ratio - real) / denominator)
        }
        // A NaN among b's parts: neither comparison held.
        return Complex(real: .nan, imag: .nan)
    }

    /// `self ** e` as CPython's `complex_pow`: an integral real exponent up to 100 in magnitude
    /// multiplies (dividing 1 by the power for a negative one); others go through polar form.
    /// Any infinite part of the result is an overflow.
    func power(_ e: Complex) throws(Failure) -> Complex {
        let result: Complex
        if e.imag == 0, e.real == e.real.rounded(.towardZero), Swift.abs(e.real) <= 100 {
            let n = Int(e.real)
            result = n >= 0 ? integerPower(n) : try Complex.one.dividedBy(integerPower(-n))
        } else {
            result = try polarPower(e)
        }
        if result.real.isInfinite || result.imag.isInfinite { throw .range }
        return result
    }

    /// `self ** n` for n ≥ 0 by squaring, one multiplication per bit of `n`.
    private func integerPower(_ n: Int) -> Complex {
        var result = Complex.one, square = self, mask = 1
        while mask <= n {
            if n & mask != 0 { result = result * square }
            mask <<= 1
            square = square * square
        }
        return result
    }

    /// `self ** e` through the modulus and argument of `self`.
    private func polarPower(_ e: Complex) throws(Failure) -> Complex {
        if e.real == 0 && e.imag == 0 { return .one }
        if real == 0 && imag == 0 {
            if e.imag != 0 || e.real < 0 { throw .domain }
            return Complex(real: 0, imag: 0)
        }
        let modulus = hypot(real, imag)
        var length = pow(modulus, e.real)
        let argument = atan2(imag, real)
        var phase = argument * e.real
        if e.imag != 0 {
            length /= exp(argument * e.imag)
            phase += e.imag * log(modulus)
        }
        // The cosine of an infinite angle is C's domain error, which CPython reports as it
        // reports zero to a negative power.
        if phase.isInfinite { throw .domain }
        return Complex(real: length * cos(phase), imag: length * sin(phase))
    }

    /// `abs(self)`: infinite when either part is (even beside a NaN), NaN for another NaN, and
    /// an overflow when the hypotenuse of finite parts is too large.
    func magnitude() throws(Failure) -> Double {
        if real.isInfinite || imag.isInfinite { return .infinity }
        if real.isNaN || imag.isNaN { return .nan }
        let h = hypot(real, imag)
        if h.isInfinite { throw .range }
        return h
    }
}
