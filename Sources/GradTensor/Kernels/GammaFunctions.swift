#if canImport(Glibc)
import Glibc
#endif

/// lgamma, digamma, trigamma, polygamma and Hurwitz zeta, element by element as PyTorch's CPU
/// kernels compute them (digamma, trigamma and zeta follow the Cephes routines of ATen's Math.h,
/// in the element's precision; zeta accumulates in double).
enum GammaFunctions {
    /// PyTorch calls MKL's vector LGamma, whose results are within one ulp of the correctly
    /// rounded ones. Rounding an 80-bit lgamma gives the correctly rounded value, which agrees
    /// with PyTorch's except for about 1% of float64 and 4% of float32 inputs, nearly all where
    /// lgamma is small (arguments between 0.4 and 3, where MKL errs by an ulp).
    static func logGamma(_ x: Double) -> Double {
        #if arch(x86_64) || arch(i386)
        Double(lgammal(Float80(x)))
        #else
        Glibc.lgamma(x)
        #endif
    }

    static func logGamma(_ x: Float) -> Float { Float(logGamma(Double(x))) }

    static func digamma(_ input: Double) -> Double {
        var x = input
        if x == 0 { return Double(signOf: -x, magnitudeOf: .infinity) }
        if x < 0 {
            if x == x.rounded(.towardZero) { return .nan }
            // tan(π·frac(x)) is more accurate than tan(π·x) for large |x|.
            let fraction = x - x.rounded(.towardZero)
            return digamma(1 - x) - Double.pi / Glibc.tan(Double.pi * fraction)
        }
        var result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        if x == 10 { return result + digammaOfTen }
        return result + Glibc.log(x) - 0.5 / x - asymptoticTail(x, coefficients: digammaCoefficients)
    }

    static func digamma(_ input: Float) -> Float {
        var x = input
        if x == 0 { return Float(signOf: -x, magnitudeOf: .infinity) }
        if x < 0 {
            if x == x.rounded(.towardZero) { return .nan }
            // The reflection term is computed in double, as PyTorch's float kernel does.
            let fraction = Double(x) - Double(x).rounded(.towardZero)
            return digamma(1 - x) - Float(Double.pi / Glibc.tan(Double.pi * fraction))
        }
        var result: Float = 0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        if x == 10 { return result + Float(digammaOfTen) }
        return result + Glibc.logf(x) - 0.5 / x - asymptoticTail(x, coefficients: digammaCoefficients.map { Float($0) })
    }

    private static let digammaOfTen = 2.25175258906672110764
    /// Cephes' asymptotic series of digamma in 1/x², highest power first.
    private static let digammaCoefficients = [
        8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
        -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
        8.33333333333333333333E-2,
    ]

    /// `z · P(z)` with z = 1/x², zero beyond 1e17 where it underflows against log(x).
    private static func asymptoticTail<T: BinaryFloatingPoint>(_ x: T, coefficients: [T]) -> T {
        guard x < 1e17 else { return 0 }
        let z = 1 / (x * x)
        return z * coefficients.reduce(0) { $0 * z + $1 }
    }

    static func trigamma(_ input: Double) -> Double {
        var (x, sign, result) = (input, 1.0, 0.0)
        if x < 0.5 {
            sign = -1
            let sinePiX = Glibc.sin(Double.pi * x)
            result -= Double.pi * Double.pi / (sinePiX * sinePiX)
            x = 1 - x
        }
        for _ in 0..<6 {
            result += 1 / (x * x)
            x += 1
        }
        let inverseSquare = 1 / (x * x)
        result += (1 + 1 / (2 * x) + inverseSquare * (1.0 / 6 - inverseSquare * (1.0 / 30 - inverseSquare * (1.0 / 42)))) / x
        return sign * result
    }

    static func trigamma(_ input: Float) -> Float {
        var (x, sign, result): (Float, Float, Float) = (input, 1, 0)
        if x < 0.5 {
            sign = -1
            let sinePiX = Glibc.sinf(nearestFloatPi * x)
            result -= nearestFloatPi * nearestFloatPi / (sinePiX * sinePiX)
            x = 1 - x
        }
        for _ in 0..<6 {
            result += 1 / (x * x)
            x += 1
        }
        let inverseSquare = 1 / (x * x)
        result += (1 + 1 / (2 * x) + inverseSquare * (Float(1) / 6 - inverseSquare * (Float(1) / 30 - inverseSquare * (Float(1) / 42)))) / x
        return sign * result
    }

    /// π rounded to the nearest float, as C's constants are (Swift's `Float.pi` rounds down).
    private static let nearestFloatPi = Float(Double.pi)

    /// The n-th derivative of digamma for n ≥ 2: (-1)^(n+1) n! ζ(n+1, x), with n! as exp(lgamma)
    /// in the element's precision (the C library's lgamma, as PyTorch's scalar code calls it).
    static func polygamma(_ n: Int, _ x: Double) -> Double {
        (n % 2 == 1 ? 1 : -1) * Glibc.exp(Glibc.lgamma(Double(n) + 1)) * hurwitzZeta(Double(n + 1), x)
    }

    static func polygamma(_ n: Int, _ x: Float) -> Float {
        (n % 2 == 1 ? 1 : -1) * Glibc.expf(Glibc.lgammaf(Float(n) + 1)) * Float(hurwitzZeta(Double(Float(n + 1)), Double(x)))
    }

    /// Cephes' Hurwitz zeta ζ(s, q): a direct sum until the terms are negligible or q passes 9,
    /// then the Euler–Maclaurin tail.
    static func hurwitzZeta(_ s: Double, _ q: Double) -> Double {
        let machineEpsilon = 1.11022302462515654042E-16
        if s == 1 { return .infinity }
        if s < 1 { return .nan }
        if q <= 0 {
            if q == q.rounded(.down) { return .infinity }
            if s != s.rounded(.down) { return .nan }
        }
        var sum = Glibc.pow(q, -s)
        var a = q
        var term = 0.0
        var i = 0
        while i < 9 || a <= 9 {
            i += 1
            a += 1
            term = Glibc.pow(a, -s)
            sum += term
            if -machineEpsilon * sum < term && term < machineEpsilon * sum { return sum }
        }
        let w = a
        sum += term * w / (s - 1)
        sum -= 0.5 * term
        var factor = 1.0
        var k = 0.0
        for coefficient in zetaCoefficients {
            factor *= s + k
            term /= w
            var t = factor * term / coefficient
            sum = sum + t
            t = Swift.abs(t / sum)
            if t < machineEpsilon { return sum }
            k += 1
            factor *= s + k
            term /= w
            k += 1
        }
        return sum
    }

    /// (2k)!/B₂ₖ for k = 1...12, the Euler–Maclaurin coefficients.
    private static let zetaCoefficients = [
        12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10,
        -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15,
        1.8152105401943546773e17, -7.1661652561756670113e18,
    ]
}
