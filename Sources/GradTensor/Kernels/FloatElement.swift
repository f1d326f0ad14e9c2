import RealModule
#if canImport(Glibc)
import Glibc
#endif

/// Float and Double, with the C library functions PyTorch's kernels use where swift-numerics'
/// definitions differ (pow of a negative base, fmod), and the SLEEF ones its vector loops use.
protocol FloatElement: Real, BinaryFloatingPoint, ConvertibleElement {
    static func cPow(_ x: Self, _ y: Self) -> Self
    /// `std::pow(x, e)` for a double exponent: computed in double (PyTorch's scalar loop of
    /// `x ** number`).
    static func cPow(_ x: Self, doubleExponent e: Double) -> Self
    /// SLEEF's pow, PyTorch's vectorised `x ** y`.
    static func vectorPow(_ x: Self, _ y: Self) -> Self
    /// SLEEF's exp, expm1 and log1p, PyTorch's vectorised `exp()`, `expm1()` and `log1p()`.
    static func vectorExp(_ x: Self) -> Self
    static func vectorExpm1(_ x: Self) -> Self
    static func vectorLog1p(_ x: Self) -> Self
    /// PyTorch's vectorised erf: SLEEF's in double, its own formula in float (VectorErrorFunction.swift).
    static func vectorErf(_ x: Self) -> Self
    /// PyTorch's `sqrt` without MKL: MKL's vsSqrt in float (MKLSquareRoot.swift); in double the
    /// correctly rounded root (MKL's vdSqrt differs from it in about 1% of values, not emulated).
    static func vmlSquareRoot(_ x: Self) -> Self
    /// The elements of one step of PyTorch's `cpu_kernel_vec` loop: two AVX-512 vectors.
    static var vectorLoopBlock: Int { get }
}

extension Float: FloatElement {
    @inline(__always) static func cPow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    static func cPow(_ x: Float, doubleExponent e: Double) -> Float { Float(Glibc.pow(Double(x), e)) }
    static func vectorPow(_ x: Float, _ y: Float) -> Float { Sleef.pow(x, y) }
    static func vectorExp(_ x: Float) -> Float { Sleef.exp(x) }
    static func vectorExpm1(_ x: Float) -> Float { Sleef.expm1(x) }
    static func vectorLog1p(_ x: Float) -> Float { Sleef.log1p(x) }
    static func vectorErf(_ x: Float) -> Float { Sleef.vectorErf(x) }
    static func vmlSquareRoot(_ x: Float) -> Float { MKLSquareRoot.root(x) }
    static var vectorLoopBlock: Int { 32 }
}

extension Double: FloatElement {
    @inline(__always) static func cPow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    static func cPow(_ x: Double, doubleExponent e: Double) -> Double { Glibc.pow(x, e) }
    static func vectorPow(_ x: Double, _ y: Double) -> Double { Sleef.pow(x, y) }
    static func vectorExp(_ x: Double) -> Double { Sleef.exp(x) }
    static func vectorExpm1(_ x: Double) -> Double { Sleef.expm1(x) }
    static func vectorLog1p(_ x: Double) -> Double { Sleef.log1p(x) }
    static func vectorErf(_ x: Double) -> Double { Sleef.erf(x) }
    static func vmlSquareRoot(_ x: Double) -> Double { x.squareRoot() }
    static var vectorLoopBlock: Int { 16 }
}

extension FloatElement {
    /// Python's `%` on floats: the result takes the divisor's sign.
    @inline(__always) static func pyRemainder(_ a: Self, _ b: Self) -> Self {
        var r = a.truncatingRemainder(dividingBy: b)
        if r != 0 && (b < 0) != (r < 0) { r += b }
        return r
    }

    /// Python's `//` on floats, computed as PyTorch's `div_floor_floating` does.
    @inline(__always) static func pyFloorDivide(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return a / b }
        let mod = a.truncatingRemainder(dividingBy: b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        if div == 0 { return Self(signOf: a / b, magnitudeOf: 0) }
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return floored
    }
}

/// Python's `//` and `%` on floats, for the language layer's float arithmetic.
public enum PythonDivision {
    public static func floorDivide(_ a: Double, _ b: Double) -> Double { Double.pyFloorDivide(a, b) }

    /// CPython's `float % float`: unlike PyTorch's `remainder`, a zero result takes the
    /// divisor's sign (`-7.0 % 3.5` is 0.0, `7.0 % -3.5` is -0.0).
    public static func remainder(_ a: Double, _ b: Double) -> Double {
        let r = Double.pyRemainder(a, b)
        return r == 0 ? Double(signOf: b, magnitudeOf: 0) : r
    }
}
