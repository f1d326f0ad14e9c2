/// `trapezoid`/`trapz` and `cumulative_trapezoid`: the trapezoidal rule along a dimension, with a
/// constant spacing or sample points, composed in the steps of PyTorch's `Integration.cpp`.
extension Tensor {
    /// `trapezoid(dx=, dim=)`: `(Σ y - (y₀ + yₙ) / 2) · dx`.
    public func trapezoid(dx: Scalar, dim: Int) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        if shape[d] == 0 { return try emptyIntegral(d) }
        guard dtype != .bool else { throw TorchError.runtime("trapezoid: received a bool input for `y`, but bool is not supported") }
        let ends = try select(dim: d, index: 0).add(select(dim: d, index: -1))
        return try sum(dims: [d]).sub(ends.mul(scalar: .double(0.5))).mul(scalar: dx)
    }

    /// `trapezoid(x, dim=)`: `Σ (y_left + y_right) · (x_right - x_left) / 2`, `x` 1-D along
    /// `dim` or broadcast with `y`.
    public func trapezoid(x: Tensor, dim: Int) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        if shape[d] == 0 { return try emptyIntegral(d) }
        guard dtype != .bool && x.dtype != .bool else {
            throw TorchError.runtime("trapezoid: received a bool input for `x` or `y`, but bool is not supported")
        }
        let dx = try spacings(x, d)
        return try pairSums(d).mul(dx).sum(dims: [d]).div(scalar: .double(2))
    }

    /// `cumulative_trapezoid(dx=, dim=)`: the running sums of `dx / 2 · (y_left + y_right)`.
    public func cumulativeTrapezoid(dx: Scalar, dim: Int) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        guard dtype != .bool else {
            throw TorchError.runtime("cumulative_trapezoid: received a bool input for `y`, but bool is not supported")
        }
        return try pairSums(d).mul(scalar: .double(dx.doubleValue / 2)).cumsum(dim: d)
    }

    /// `cumulative_trapezoid(x, dim=)`: the running sums of `dx / 2 · (y_left + y_right)`.
    public func cumulativeTrapezoid(x: Tensor, dim: Int) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        guard dtype != .bool && x.dtype != .bool else {
            throw TorchError.runtime("cumulative_trapezoid: received a bool input for `x` or `y`, but bool is not supported")
        }
        let dx = try spacings(x, d)
        return try dx.div(scalar: .double(2)).mul(pairSums(d)).cumsum(dim: d)
    }

    /// `y_left + y_right`: each neighbouring pair along `d` added.
    private func pairSums(_ d: Int) throws -> Tensor {
        let n = shape[d]
        return try narrow(dim: d, start: 0, length: Swift.max(n - 1, 0)).add(narrow(dim: d, start: Swift.min(1, n), length: Swift.max(n - 1, 0)))
    }

    /// The differences of neighbouring sample points `x` along `d`: a 1-D `x` lies along `d`; a
    /// shorter one gets leading size-1 dimensions (NumPy broadcasts the differences).
    private func spacings(_ x: Tensor, _ d: Int) throws -> Tensor {
        var viewed = x
        if x.rank == 1 {
            guard x.shape[0] == shape[d] else {
                throw TorchError.runtime("trapezoid: There must be one `x` value for each sample point")
            }
            var sizes = shape.map { _ in 1 }
            sizes[d] = x.shape[0]
            viewed = try x.view(sizes)
        } else if x.rank < rank {
            viewed = try x.view(Array(repeating: 1, count: rank - x.rank) + x.shape)
        }
        let n = viewed.shape[d]
        return try viewed.narrow(dim: d, start: Swift.min(1, n), length: Swift.max(n - 1, 0))
            .sub(viewed.narrow(dim: d, start: 0, length: Swift.max(n - 1, 0)))
    }

    /// The integral over no samples: zeros shaped as the result.
    private func emptyIntegral(_ d: Int) throws -> Tensor {
        var sizes = shape
        sizes.remove(at: d)
        return try Tensor.zeros(sizes, dtype: dtype)
    }
}
