/// `cov` and `corrcoef`, composed from tensor ops in the steps of PyTorch's `Correlation.cpp`,
/// so values, gradients and the graph (SqueezeBackward0, ClampBackward1) are PyTorch's.
extension Tensor {
    /// `cov(correction, fweights, aweights)`: the covariance of the rows (variables) over the
    /// columns (observations) of a 1-D or 2-D tensor. `warn` is told PyTorch's warning when the
    /// degrees of freedom are not positive (the result is then inf or NaN).
    public func covariance(correction: Int, frequencyWeights: Tensor?, weights: Tensor?,
                           warn: (String) throws -> Void) throws -> Tensor {
        guard rank <= 2 else {
            throw TorchError.runtime("cov(): expected input to have two or fewer dimensions but got an input with \(rank) dimensions")
        }
        guard dtype != .bool else { throw TorchError.runtime("cov(): bool dtype is not supported for input") }
        let observations = try rank < 2 ? view([1, -1]) : self
        let count = observations.shape[1]
        var w: Tensor?
        if let f = frequencyWeights {
            try Tensor.checkCovarianceWeights(f, "fweights", count: count, integral: true)
            w = f
        }
        if let a = weights {
            try Tensor.checkCovarianceWeights(a, "aweights", count: count, integral: false)
            w = try w.map { try $0.mul(a) } ?? a
        }
        let weightSum = try w.map { try $0.sum() } ?? Tensor.full([], .int(Int64(count)), dtype: .int64)
        if w != nil, try weightSum.eq(.wrapping(.int(0))).item().doubleValue != 0 {
            throw TorchError.runtime("cov(): weights sum to zero, can't be normalized")
        }
        let average = try (w.map { try observations.mul($0) } ?? observations).sum(dims: [1]).div(weightSum)
        var normFactor: Tensor
        if let w, let a = weights, correction != 0 {
            normFactor = try weightSum.sub(w.mul(a).sum().mul(scalar: .int(Int64(correction))).div(weightSum))
        } else {
            normFactor = try weightSum.sub(.wrapping(.int(Int64(correction))))
        }
        if try normFactor.le(.wrapping(.int(0))).item().doubleValue != 0 {
            try warn("cov(): degrees of freedom is <= 0. Correction should be strictly less than the number of observations.")
            normFactor = try normFactor.mul(.wrapping(.int(0)))
        }
        let centred = try observations.sub(average.unsqueeze(1))
        let products = try centred.mm((w.map { try centred.mul($0) } ?? centred).t())
        return try products.div(normFactor).squeeze()
    }

    private static func checkCovarianceWeights(_ w: Tensor, _ name: String, count: Int, integral: Bool) throws {
        guard w.rank <= 1 else {
            throw TorchError.runtime("cov(): expected \(name) to have one or fewer dimensions but got \(name) with \(w.rank) dimensions")
        }
        if integral ? w.dtype.isFloatingPoint || w.dtype == .bool : !w.dtype.isFloatingPoint {
            throw TorchError.runtime("cov(): expected \(name) to have \(integral ? "integral" : "floating point") dtype but got \(name) with \(w.dtype.scalarTypeName) dtype")
        }
        guard w.numel == count else {
            throw TorchError.runtime("cov(): expected \(name) to have the same numel as there are observations in the input but got \(w.numel) != \(count)")
        }
        if count > 0, try w.min().ge(.wrapping(.int(0))).item().doubleValue == 0 {
            throw TorchError.runtime("cov(): \(name) cannot be negative")
        }
    }

    /// `corrcoef()`: the covariance scaled by both variables' standard deviations, clipped to
    /// [-1, 1] (for one variable, `c / c`).
    public func correlationCoefficients(warn: (String) throws -> Void) throws -> Tensor {
        guard rank <= 2 else {
            throw TorchError.runtime("corrcoef(): expected input to have two or fewer dimensions but got an input with \(rank) dimensions")
        }
        let c = try covariance(correction: 1, frequencyWeights: nil, weights: nil, warn: warn)
        if c.rank == 0 { return try c.div(c) }
        let deviations = try c.diagonal().sqrt()
        let scaled = try c.div(deviations.view([-1, 1])).div(deviations.view([1, -1]))
        return try scaled.clamp(min: .int(-1), max: .int(1))
    }
}
