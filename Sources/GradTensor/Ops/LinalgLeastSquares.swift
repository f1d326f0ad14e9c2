/// `linalg.lstsq(A, B, rcond, driver)`: the least-squares solution, which is pinv(A) B (the
/// minimum-norm one for a rank-deficient A, as LAPACK's gelsy, gelsd and gelss give it), with
/// what each driver reports besides, and PyTorch's LinalgLstsqBackward0 formulas.
extension Tensor {
    public enum LeastSquaresDriver: String, Sendable {
        case gels, gelsy, gelsd, gelss
    }

    public func leastSquares(_ b: Tensor, rcond: Double? = nil, driver: LeastSquaresDriver = .gelsy)
        throws -> (solution: Tensor, residuals: Tensor, rank: Tensor, singularValues: Tensor) {
        guard rank >= 2 else { throw TorchError.runtime("torch.linalg.lstsq: input must have at least 2 dimensions.") }
        guard dtype.isFloatingPoint else { throw TorchError.runtime("This function doesn't handle types other than float and double") }
        guard b.dtype == dtype else {
            throw TorchError.runtime("torch.linalg.lstsq: Expected input and other to have the same dtype, but got input's dtype \(dtype.scalarTypeName) and other's dtype \(b.dtype.scalarTypeName)")
        }
        let (m, n) = (shape[rank - 2], shape[rank - 1])
        let vectorCase = b.rank == 1 || (b.rank == rank - 1 && b.shape == Array(shape.dropLast()))
        guard b.shape[b.rank - (vectorCase ? 1 : 2)] == m else {
            throw TorchError.runtime("torch.linalg.lstsq: input.size(-2) should match other.size(\(vectorCase ? -1 : -2))")
        }
        let columns = vectorCase ? try b.unsqueeze(-1) : b
        let (solution, residuals, rank, values) = try GradMode.with(enabled: false) { () throws -> (Tensor, Tensor, Tensor, Tensor) in
            let (_, s, _) = try singularValueDecomposition(fullMatrices: false)
            let tolerance = try s.shape.last == 0 ? Tensor.wrapping(.double(0))
                : rankTolerance(largest: s.max(dim: -1, keepdim: true).values, atol: 0, rtol: rcond)
            let x = try pseudoInverse(atol: 0, rtol: rcond).matmul(columns)
            let ranks = try s.gt(tolerance).sum(dims: [-1])
            let fullRank = try ranks.eq(.wrapping(.int(Int64(Swift.min(m, n))))).sum().item().doubleValue == Double(ranks.numel)
            let residuals = driver != .gelsy && m > n && (driver == .gels || fullRank)
                ? try matmul(x).sub(columns).square().sum(dims: [-2]) : try Tensor.zeros([0], dtype: dtype)
            return (vectorCase ? try x.squeeze(dims: [-1]) : x, residuals,
                    driver == .gels ? try Tensor.zeros([0], dtype: .int64) : ranks,
                    driver == .gelsd || driver == .gelss ? s : try Tensor.zeros([0], dtype: dtype))
        }
        solution.record("LinalgLstsqBackward0", inputs: [self, b], savesOutput: true,
                        saving: { (a: $0.slot(self), b: $0.slot(columns), vectorCase: vectorCase, rcond: rcond) }) { ctx, saved in
            // X = pinv(A) B: gB = pinv(A)ᵀ gX, and gA from the gradient of pinv(A), gX Bᵀ.
            let gX = saved.vectorCase ? try ctx.grad.unsqueeze(-1) : ctx.grad
            let pinv = try ctx.saved(saved.a).pseudoInverse(atol: 0, rtol: saved.rcond)
            let gA = ctx.needs(0) ? try Tensor.pseudoInverseGradient(gX.matmul(ctx.saved(saved.b).matrixTranspose), pinv: pinv, input: ctx.saved(saved.a)) : nil
            let gB = ctx.needs(1) ? try pinv.matrixTranspose.matmul(gX) : nil
            return [gA, saved.vectorCase ? try gB?.squeeze(dims: [-1]) : gB]
        }
        residuals.record("LinalgLstsqBackward0", inputs: [self, b],
                         saving: { (a: $0.slot(self), b: $0.slot(columns), x: $0.slot(solution.detach()), vectorCase: vectorCase) }) { ctx, saved in
            // Σ (A X - B)² over rows, X held at the optimum (where its own derivative vanishes);
            // nothing flows back from residuals the driver left empty.
            if ctx.grad.numel == 0 { return [nil, nil] }
            let solution = try ctx.saved(saved.x)
            let x = saved.vectorCase ? try solution.unsqueeze(-1) : solution
            let weighted = try ctx.saved(saved.a).matmul(x).sub(ctx.saved(saved.b)).mul(ctx.grad.unsqueeze(-2)).mul(.wrapping(.double(2)))
            let gB = try weighted.neg()
            return [try weighted.matmul(x.matrixTranspose), saved.vectorCase ? try gB.squeeze(dims: [-1]) : gB]
        }
        return (solution, residuals, rank, values)
    }
}
