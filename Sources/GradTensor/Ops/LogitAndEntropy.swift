import Glibc

/// `logit`, `special.entr`, `special.ndtr`, `special.ndtri`, `sinc`, `mvlgamma`: scalar functions of probabilities, entropy and
/// the gamma function, each forward beside the backward of PyTorch's derivatives.yaml.
/// PyTorch's pip builds take `logit`'s logarithm of a contiguous float32 input from MKL (as they
/// do `log`'s); grad takes the C library's, as PyTorch does for a strided input.
extension Tensor {
    /// `log(x / (1 - x))`, `x` clamped to [eps, 1 - eps] when `eps` is given (and not negative).
    public func logit(eps: Double? = nil) throws -> Tensor {
        let bounds = eps.flatMap { $0 < 0 ? nil : (low: $0, high: 1 - $0) }
        let out = try mapFloat({ Self.logit($0, bounds.map { (Float($0.low), 1 - Float($0.low)) }, Glibc.logf) },
                               { Self.logit($0, bounds.map { ($0.low, $0.high) }, Glibc.log) })
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

    /// `sin(πx) / (πx)`, 1 at 0.
    public func sinc() throws -> Tensor {
        try mapFloat({ Self.sinc($0, Glibc.sinf) }, { Self.sinc($0, Glibc.sin) })
            .record("SincBackward0", inputs: [self], saving: self) { ctx, x in
                let (angle, scaledSquare) = (try x.mul(.wrapping(.double(.pi))), try x.mul(x).mul(.wrapping(.double(.pi))))
                let slope = try ctx.grad.mul(angle.mul(angle.cos()).sub(angle.sin())).div(scaledSquare)
                return [try slope.maskedFill(scaledSquare.eq(.wrapping(.int(0))), .wrapping(.int(0)))]
            }
    }

    @inline(__always)
    private static func sinc<T: FloatElement>(_ x: T, _ sin: (T) -> T) -> T {
        if x == 0 { return 1 }
        // π rounded to nearest (Swift's `Float.pi` is rounded toward zero).
        let angle = T(Double.pi) * x
        return sin(angle) / angle
    }

    /// The multivariate log-gamma function of dimension `p`: Σ lgamma(x - i/2) over i < p, plus
    /// p(p-1)/4 · log π, summed as PyTorch sums it.
    public func mvlgamma(_ p: Int) throws -> Tensor {
        if p < 1 { throw TorchError.runtime("p has to be greater than or equal to 1") }
        let out = try GradMode.with(enabled: false) {
            try Tensor.mvlgammaShifts(self, p).add(unsqueeze(-1)).lgamma().sum(dims: [-1])
                .add(.wrapping(.double(Double(p * (p - 1)) * Glibc.log(Double.pi) / 4)))
        }
        return out.record("MvlgammaBackward0", inputs: [self], saving: { (input: $0.slot(self), p: p) }) { ctx, saved in
            let x = try ctx.saved(saved.input)
            return [try ctx.grad.mul(Tensor.mvlgammaShifts(x, saved.p).add(x.unsqueeze(-1)).digamma().sum(dims: [-1]))]
        }
    }

    /// -(p-1)/2, ..., -1/2, 0 in `x`'s floating dtype.
    private static func mvlgammaShifts(_ x: Tensor, _ p: Int) throws -> Tensor {
        try arange(start: .double(Double(-p) * 0.5 + 0.5), end: .double(0.5), step: .double(0.5),
                   dtype: x.dtype.isFloatingPoint ? x.dtype : .defaultFloat)
    }
}
