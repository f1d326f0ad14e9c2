import Glibc

/// `logit`, `special.entr`, `special.ndtr`, `special.ndtri`: functions of probabilities, each
/// forward beside the backward of PyTorch's derivatives.yaml.
/// PyTorch's pip builds take `logit`'s logarithm of a float32 or float64 input laid out densely
/// (contiguous, or in another memory order) from MKL, as they do `log`'s, and the C library's of
/// a strided one; grad does the same where MKL is loaded (`VectorMathLibrary`), else the C library's.
extension Tensor {
    /// `log(x / (1 - x))`, `x` clamped to [eps, 1 - eps] when `eps` is given (and not negative).
    public func logit(eps: Double? = nil) throws -> Tensor {
        let bounds = eps.flatMap { $0 < 0 ? nil : (low: $0, high: 1 - $0) }
        let out = try logitValues(bounds)
        return out.record("LogitBackward0", inputs: [self], saving: { (input: $0.slot(self), bounds: bounds) }) { ctx, saved in
            let x = try ctx.saved(saved.input)
            let slope = try ctx.grad.div(x.mul(x.rsub(.int(1))))
            // Outside the clamp the input does not matter; outside [0, 1] without one the slope is NaN.
            guard let bounds = saved.bounds else {
                return [try slope.maskedFill(x.lt(.wrapping(.int(0))).logicalOr(x.gt(.wrapping(.int(1)))), .wrapping(.double(.nan)))]
            }
            let outside = try x.lt(.wrapping(.double(bounds.low))).logicalOr(x.gt(.wrapping(.double(bounds.high))))
            return [try slope.maskedFill(outside, .wrapping(.int(0)))]
        }
    }

    private func logitValues(_ bounds: (low: Double, high: Double)?) throws -> Tensor {
        let floatBounds = bounds.map { (Float($0.low), 1 - Float($0.low)) }, doubleBounds = bounds.map { ($0.low, $0.high) }
        let dense = isContiguous || isNonOverlappingAndDense
        guard dense, dtype == .float32 || dtype == .float64, VectorMathLibrary.loaded != nil else {
            return try mapFloat({ Self.logit($0, floatBounds, Glibc.logf) }, { Self.logit($0, doubleBounds, Glibc.log) })
        }
        // x / (1 - x) is +inf at 1, whose log is the +inf the C library's path gives there.
        let ratios = try mapFloat({ Self.logit($0, floatBounds) { $0 } }, { Self.logit($0, doubleBounds) { $0 } })
        return try ratios.mapVectorMath(.log) { try ratios.mapFloat({ Glibc.logf($0) }, { Glibc.log($0) }) }
    }

    @inline(__always)
    private static func logit<T: FloatElement>(_ x: T, _ bounds: (T, T)?, _ log: (T) -> T) -> T {
        let clamped = bounds.map { x < $0.0 ? $0.0 : x > $0.1 ? $0.1 : x } ?? x
        return clamped == 1 ? .infinity : log(clamped / (1 - clamped))
    }

    /// `-x log x` for positive x, 0 at 0, -inf below.
    public func entr() throws -> Tensor {
        let log: (Float) -> Float = dtype.halfPrecisionRounding.map { round in { round(Glibc.logf($0)) } } ?? Glibc.logf
        return try mapFloat({ Self.entropyTerm($0, log) }, { Self.entropyTerm($0, Glibc.log) })
            .record("SpecialEntrBackward0", inputs: [self], saving: self) { ctx, input in
                [try ctx.grad.mul(input.log().add(.wrapping(.int(1))).neg())]
            }
    }

    @inline(__always)
    private static func entropyTerm<T: FloatElement>(_ x: T, _ log: (T) -> T) -> T {
        x.isNaN ? x : x > 0 ? -x * log(x) : x == 0 ? 0 : -.infinity
    }

    /// The standard normal distribution function, `(1 + erf(x / √2)) * 0.5` as PyTorch composes it.
    public func ndtr() throws -> Tensor {
        try mul(scalar: .double(0.5.squareRoot())).erf().add(.wrapping(.int(1))).mul(scalar: .double(0.5))
    }

    /// The inverse of `ndtr`: the x below which the standard normal distribution has mass p.
    public func ndtri() throws -> Tensor {
        try mapFloat(InverseNormal.value, InverseNormal.value)
            .record("SpecialNdtriBackward0", inputs: [self], savesOutput: true) { ctx, _ in
                [try ctx.grad.mul(.wrapping(.double((2 * Double.pi).squareRoot()))).mul(ctx.output.square().div(.wrapping(.int(2))).exp())]
            }
    }
}
