import Glibc

/// `sinc` and `mvlgamma`, each forward beside the backward of PyTorch's derivatives.yaml.
extension Tensor {
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
