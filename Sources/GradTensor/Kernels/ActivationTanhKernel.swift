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
        let e = exponentialWord(DoubleWord(Swift.abs(x), 0))
        return signed(quotient(e), of: x, saturatingAbove: limit)
    }

    private static func tanh(_ x: Double, saturatingAbove limit: Double) -> Double {
        let e = exponentialWord(DoubleWord(Swift.abs(x), 0))
        return signed(quotient(e), of: x, saturatingAbove: limit)
    }

    /// (e − 1/e) / (e + 1/e), summed to one value.
    private static func quotient<T>(_ e: DoubleWord<T>) -> T {
        let inverse = e.reciprocal()
        return e.plus2(DoubleWord(-inverse.hi, -inverse.lo)).divided(by: e.plus2(inverse)).value
    }

    /// 1 past `limit` or where the quotient is NaN, with x's sign; NaN for a NaN x.
    private static func signed<T: BinaryFloatingPoint>(_ y: T, of x: T, saturatingAbove limit: T) -> T {
        if x.isNaN { return x }
        let magnitude = Swift.abs(x) > limit || y.isNaN ? 1 : y
        return x.sign == .minus ? -Swift.abs(magnitude) : Swift.abs(magnitude)
    }
}
