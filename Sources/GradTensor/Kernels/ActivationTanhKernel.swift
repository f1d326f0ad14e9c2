/// SLEEF's `tanh_u10`, the tanh of PyTorch's vectorised loops (`Vectorized<T>::tanh`, which
/// mish and the tanh-approximated gelu call; `torch.tanh` itself is MKL's): (e − 1/e)/(e + 1/e)
/// for e = e^|x| in float-float (double-double) arithmetic, the sign put back.
extension Sleef {
    static func tanh<T: FloatElement>(_ x: T) -> T {
        if let x = x as? Float { return T(tanh(x, saturatingAbove: 8.664339742)) }
        if let x = x as? Double { return T(tanh(x, saturatingAbove: 18.714973875)) }
        return T.tanh(x)
    }

    private static func tanh(_ x: Float, saturatingAbove limit: Float) -> Float {
        if x.isNaN || Swift.abs(x) > limit { return saturated(x) }
        return signed(quotient(exponentialWord(DoubleWord(Swift.abs(x), 0))), of: x)
    }

    private static func tanh(_ x: Double, saturatingAbove limit: Double) -> Double {
        if x.isNaN || Swift.abs(x) > limit { return saturated(x) }
        return signed(quotient(exponentialWord(DoubleWord(Swift.abs(x), 0))), of: x)
    }

    /// (e − 1/e) / (e + 1/e), summed to one value.
    private static func quotient<T>(_ e: DoubleWord<T>) -> T {
        let inverse = e.reciprocal()
        return e.plus2(DoubleWord(-inverse.hi, -inverse.lo)).divided(by: e.plus2(inverse)).value
    }

    /// ±1 past the limit (infinities included), NaN for NaN, decided before the exponential,
    /// which takes finite arguments only.
    private static func saturated<T: BinaryFloatingPoint>(_ x: T) -> T { x.isNaN ? x : (x.sign == .minus ? -1 : 1) }

    /// The quotient with x's sign (1 where it came out NaN, as SLEEF's).
    private static func signed<T: BinaryFloatingPoint>(_ y: T, of x: T) -> T {
        let magnitude = y.isNaN ? 1 : Swift.abs(y)
        return x.sign == .minus ? -magnitude : magnitude
    }
}
