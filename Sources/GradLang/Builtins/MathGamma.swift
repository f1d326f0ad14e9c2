import Glibc

/// `math.gamma` and `math.lgamma` as CPython 3.11 computes them: its own Lanczos approximation
/// (N=13, g≈6.0247, the rational form Boost uses) with the reflection formula for negative
/// arguments, not libm's `tgamma`/`lgamma`, whose last digits differ.
enum MathGamma {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("math.gamma(x, /)") { args in .float(try checked(gamma(try Arg.real(args["x"])))) },
            PyBuiltin("math.lgamma(x, /)") { args in .float(try checked(logGamma(try Arg.real(args["x"])))) },
        ]
    }

    /// What C's errno would say about a result (CPython's `is_error`).
    private enum Outcome { case value(Double), pole, overflow }

    /// A pole or an invalid argument is a ValueError, an overflow an OverflowError.
    private static func checked(_ outcome: Outcome) throws -> Double {
        switch outcome {
        case .value(let r): return r
        case .pole: throw PyError.value("math domain error")
        case .overflow: throw PyError.overflow("math range error")
        }
    }

    private static let g = 6.024680040776729583740234375
    private static let gMinusHalf = 5.524680040776729583740234375
    private static let logPi = 1.144729885849400174143427351353058711647

    private static let numerator: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]

    /// x (x+1) ... (x+11) expanded.
    private static let denominator: [Double] = [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ]

    /// (n-1)! for n = 1...23, exact in a double.
    private static let integerValues: [Double] = [
        1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
        3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
        1307674368000.0, 20922789888000.0, 355687428096000.0,
        6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
        51090942171709440000.0, 1124000727777607680000.0,
    ]

    /// Lanczos' sum for x > 0; past 5 as a rational function of 1/x, which neither overflows
    /// nor loses digits for large x.
    private static func lanczosSum(_ x: Double) -> Double {
        var num = 0.0, den = 0.0
        if x < 5.0 {
            for i in stride(from: numerator.count - 1, through: 0, by: -1) {
                num = num * x + numerator[i]
                den = den * x + denominator[i]
            }
        } else {
            for i in 0..<numerator.count {
                num = num / x + numerator[i]
                den = den / x + denominator[i]
            }
        }
        return num / den
    }

    /// sin(pi x), exact at integers and half-integers, for finite x.
    private static func sinPi(_ x: Double) -> Double {
        let y = fmod(Swift.abs(x), 2.0)
        let r: Double
        switch Int((2.0 * y).rounded(.toNearestOrAwayFromZero)) {
        case 0: r = sin(Double.pi * y)
        case 1: r = cos(Double.pi * (y - 0.5))
        // Not -sin(pi*(y-1)), which is -0.0 at y == 1.
        case 2: r = sin(Double.pi * (1.0 - y))
        case 3: r = -cos(Double.pi * (y - 1.5))
        default: r = sin(Double.pi * (y - 2.0))
        }
        return copysign(1.0, x) * r
    }

    private static func gamma(_ x: Double) -> Outcome {
        if !x.isFinite { return x.isNaN || x > 0 ? .value(x) : .pole }
        if x == 0 { return .pole }
        if x == x.rounded(.down) {
            if x < 0 { return .pole }
            if x <= Double(integerValues.count) { return .value(integerValues[Int(x) - 1]) }
        }
        let absx = Swift.abs(x)
        if absx < 1e-20 {
            let r = 1.0 / x
            return r.isInfinite ? .overflow : .value(r)
        }
        if absx > 200.0 { return x < 0 ? .value(0.0 / sinPi(x)) : .overflow }
        let y = absx + gMinusHalf
        // The rounding error of y, scaled: pow and exp would magnify it for large x.
        var z: Double
        if absx > gMinusHalf {
            let q = y - absx
            z = q - gMinusHalf
        } else {
            let q = y - gMinusHalf
            z = q - absx
        }
        z = z * g / y
        var r: Double
        if x < 0 {
            r = -Double.pi / sinPi(absx) / absx * exp(y) / lanczosSum(absx)
            r -= z * r
            if absx < 140.0 {
                r /= pow(y, absx - 0.5)
            } else {
                let halfPower = pow(y, absx / 2.0 - 0.25)
                r /= halfPower
                r /= halfPower
            }
        } else {
            r = lanczosSum(absx) / exp(y)
            r += z * r
            if absx < 140.0 {
                r *= pow(y, absx - 0.5)
            } else {
                let halfPower = pow(y, absx / 2.0 - 0.25)
                r *= halfPower
                r *= halfPower
            }
        }
        return r.isInfinite ? .overflow : .value(r)
    }

    private static func logGamma(_ x: Double) -> Outcome {
        if !x.isFinite { return .value(x.isNaN ? x : .infinity) }
        if x == x.rounded(.down) && x <= 2.0 { return x <= 0 ? .pole : .value(0.0) }
        let absx = Swift.abs(x)
        if absx < 1e-20 { return .value(-log(absx)) }
        var r = log(lanczosSum(absx)) - g
        r += (absx - 0.5) * (log(absx + g - 0.5) - 1)
        // The reflection formula for negative x.
        if x < 0 { r = logPi - log(Swift.abs(sinPi(absx))) - log(absx) - r }
        return r.isInfinite ? .overflow : .value(r)
    }
}
