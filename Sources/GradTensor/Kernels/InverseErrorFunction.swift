#if canImport(Glibc)
import Glibc
#endif

/// The inverse error function as PyTorch's CPU `erfinv` gives it, for when MKL is not installed
/// (where it is, grad calls MKL's vector `ErfInv` as PyTorch does: `VectorMathLibrary`). MKL's
/// results are within one ulp of the correctly rounded values and nearly always equal to them.
/// So the value is computed to more than double precision and rounded: float32 and float64 then
/// agree with PyTorch on all but about one input in 3,000 (in float64 some of those are MKL's
/// misses, some this refinement's).
enum InverseErrorFunction {
    static func value(_ y: Double) -> Double {
        let magnitude = Swift.abs(y)
        if magnitude.isNaN || magnitude > 1 { return .nan }
        if magnitude == 1 { return Double(signOf: y, magnitudeOf: .infinity) }
        if y == 0 { return y }
        return refined(estimate(y), y)
    }

    static func value(_ y: Float) -> Float { Float(value(Double(y))) }

    /// A rational first guess (Pavlis' coefficients, relative error about 1e-7) polished by two
    /// Newton steps in double: within a few ulps of the answer.
    private static func estimate(_ y: Double) -> Double {
        let magnitude = Swift.abs(y)
        var x: Double
        if magnitude <= 0.7 {
            let z = y * y
            let numerator = ((-0.140543331 * z + 0.914624893) * z - 1.645349621) * z + 0.886226899
            let denominator = (((0.012229801 * z - 0.329097515) * z + 1.442710462) * z - 2.118377725) * z + 1
            x = y * numerator / denominator
        } else {
            let z = (-Glibc.log((1 - magnitude) / 2)).squareRoot()
            let numerator = ((1.641345311 * z + 3.429567803) * z - 1.624906493) * z - 1.970840454
            x = Double(signOf: y, magnitudeOf: numerator) / ((1.637067800 * z + 3.543889200) * z + 1)
        }
        for _ in 0..<2 { x -= (Glibc.erf(x) - y) / (twoOverRootPi * Glibc.exp(-x * x)) }
        return x
    }

    private static let twoOverRootPi = 1.1283791670955126

    #if arch(x86_64) || arch(i386)
    /// One more Newton step in 80-bit arithmetic. Away from zero the residual is taken through
    /// erfc against the exact `1 - |y|`, so it keeps its precision as y nears ±1.
    private static func refined(_ x: Double, _ y: Double) -> Double {
        let (wideX, wideY) = (Float80(x), Float80(y))
        let slope = Float80(twoOverRootPi) * expl(-wideX * wideX)
        if Swift.abs(y) <= 0.5 { return Double(wideX - (erfl(wideX) - wideY) / slope) }
        let tail = Float80(1 - Swift.abs(y))
        let residual = erfcl(Swift.abs(wideX)) - tail
        return Double(signOf: x, magnitudeOf: Double(Swift.abs(wideX) + residual / slope))
    }
    #else
    /// Without an 80-bit type the double estimate stands (within a few ulps of PyTorch's).
    private static func refined(_ x: Double, _ y: Double) -> Double { x }
    #endif
}
