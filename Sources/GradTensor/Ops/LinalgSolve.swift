/// The LU-based ops of `torch.linalg`: `inv`, `det`, `slogdet`, `solve`, batched over leading
/// dimensions, with PyTorch's checks, LinAlgError messages and backward formulas
/// (FunctionsManual.cpp), written with tensor ops so that `create_graph` differentiates them again.
extension Tensor {
    /// `linalg.inv(A)`.
    public func inverse() throws -> Tensor {
        try checkLinalgInput("linalg.inv", square: true)
        let n = shape[rank - 1]
        func invert<T: FloatElement>(_: T.Type) throws -> Tensor {
            var out: [T] = []
            out.reserveCapacity(numel)
            try forEachMatrix(T.self) { b, a in
                let (lu, pivots, info, transposed) = luOfStoredMatrix(a, n: n)
                if info != 0 {
                    throw TorchError.linalg("linalg.inv: \(batchPrefix(b))The diagonal element \(info) is zero, the inversion could not be completed because the input matrix is singular.")
                }
                var x = [T](repeating: 0, count: n * n)
                for i in 0..<n { x[i * n + i] = 1 }
                DenseFactorizations.luSolve(lu, pivots: pivots, n: n, &x, columns: n, transposed: transposed)
                out += x
            }
            return try Tensor.holding(out, shape: shape, dtype: dtype)
        }
        let out = try withFloatElements({ try invert(Float.self) }, { try invert(Double.self) })
        return out.record("LinalgInvExBackward0", inputs: [self], savesOutput: true) { ctx, _ in
            let inverseT = try ctx.output.matrixTranspose
            return [try inverseT.matmul(ctx.grad.matmul(inverseT)).neg()]
        }
    }

    /// LU factors of each matrix, for `det` and `slogdet`: U's diagonal and the pivots' sign.
    private func luDiagonals<T: FloatElement>(_: T.Type) throws -> [(diagonal: [T], sign: T)] {
        let n = shape[rank - 1]
        var out: [(diagonal: [T], sign: T)] = []
        try forEachMatrix(T.self) { _, a in
            let (lu, pivots, _, _) = luOfStoredMatrix(a, n: n)
            out.append(((0..<n).map { lu[$0 * n + $0] }, DenseFactorizations.pivotSign(pivots, as: T.self)))
        }
        return out
    }

    /// `linalg.det(A)`: the product of U's diagonal times the permutation's sign.
    public func determinant() throws -> Tensor {
        try checkLinalgInput("linalg.det", square: true)
        func det<T: FloatElement>(_: T.Type) throws -> Tensor {
            let values = try luDiagonals(T.self).map { lu in lu.diagonal.reduce(1, *) * lu.sign }
            return try Tensor.holding(values, shape: batchShape, dtype: dtype)
        }
        let out = try withFloatElements({ try det(Float.self) }, { try det(Double.self) })
        return out.record("LinalgDetBackward0", inputs: [self], savesOutput: true,
                          saving: { (input: $0.slot(self), ()) }) { ctx, saved in
            [try Tensor.determinantGradient(ctx.grad, det: ctx.output, input: ctx.saved(saved.input))]
        }
    }

    /// PyTorch's `linalg_det_backward`: the cofactor matrix det(A) A⁻ᵀ, scaled by the gradient,
    /// as the solution of Aᵀ X = g det(A) I. A singular matrix has det(A) = 0, so its right side
    /// is zero, and PyTorch's triangular solves, which skip zeros, leave X zero: so does grad
    /// (solving with the identity in its place). For higher-order gradients a singular matrix
    /// takes the SVD route instead, which gives the true cofactors: U diag(∏_{j≠i} σ_j) Vh det(U Vh).
    private static func determinantGradient(_ grad: Tensor, det: Tensor, input a: Tensor) throws -> Tensor {
        let n = a.shape[a.rank - 1]
        let identity = try Tensor.eye(n, dtype: a.dtype)
        let scale = try grad.mul(det)
        let isSingular = try det.eq(.wrapping(.int(0)))
        let anySingular = try isSingular.sum().item().doubleValue > 0
        if anySingular && GradMode.isEnabled {
            let (u, s, vh) = try a.singularValueDecomposition(fullMatrices: false)
            let alpha = try u.determinant().mul(vh.determinant())
            let eyeMask = try identity.gt(.wrapping(.double(0.5)))
            let othersProduct = try Tensor.where(eyeMask, .wrapping(.int(1)), s.unsqueeze(-2)).prod(dim: -1)
            let d = try othersProduct.mul(grad.mul(alpha).unsqueeze(-1))
            return try u.mul(d.unsqueeze(-2)).matmul(vh)
        }
        let solvable = anySingular ? try Tensor.where(isSingular.unsqueeze(-1).unsqueeze(-1), identity, a) : a
        return try solvable.matrixTranspose.solve(identity.mul(scale.unsqueeze(-1).unsqueeze(-1)))
    }

    /// `linalg.slogdet(A)`: (sign, log|det|), each its own LinalgSlogdetBackward0 node; only
    /// log|det| passes a gradient (A⁻ᵀ), as in PyTorch.
    public func signAndLogDeterminant() throws -> (sign: Tensor, logAbsDet: Tensor) {
        try checkLinalgInput("linalg.slogdet", square: true)
        func slogdet<T: FloatElement>(_: T.Type) throws -> (Tensor, Tensor) {
            let lus = try luDiagonals(T.self)
            let signs = lus.map { lu in lu.diagonal.reduce(lu.sign) { $0 * ($1 == 0 ? 0 : $1 < 0 ? -1 : 1) } }
            let logs = lus.map { lu in lu.diagonal.reduce(T(0)) { $0 + T.log($1.magnitude) } }
            return (try Tensor.holding(signs, shape: batchShape, dtype: dtype), try Tensor.holding(logs, shape: batchShape, dtype: dtype))
        }
        let (sign, logAbsDet) = try withFloatElements({ try slogdet(Float.self) }, { try slogdet(Double.self) })
        sign.record("LinalgSlogdetBackward0", inputs: [self]) { _, _ in [nil] }
        logAbsDet.record("LinalgSlogdetBackward0", inputs: [self], saving: { (input: $0.slot(self), ()) }) { ctx, saved in
            [try ctx.grad.unsqueeze(-1).unsqueeze(-1).mul(ctx.saved(saved.input).inverseForGradient("linalg.slogdet").matrixTranspose)]
        }
        return (sign, logAbsDet)
    }

    /// A⁻¹ for `slogdet`'s backward formula. At a singular matrix PyTorch's gradient is the
    /// infinities and NaNs its solver happens to make of a singular LU; grad says it has none
    /// rather than give other ones.
    private func inverseForGradient(_ op: String) throws -> Tensor {
        do {
            return try inverse()
        } catch let error as TorchError where error.kind == .linalgError {
            throw TorchError.notImplemented("\(op): the gradient at a singular matrix is not supported by grad")
        }
    }

    /// `linalg.solve(A, B)`: X with A X = B. B is a batch of vectors when it is 1-D or has A's
    /// batch shape without A's last dimension (PyTorch's rule); batch dimensions broadcast.
    public func solve(_ b: Tensor) throws -> Tensor {
        try checkLinalgInput("linalg.solve", square: true)
        guard b.dtype == dtype else {
            throw TorchError.runtime("linalg.solve: Expected A and B to have the same dtype, but found A of type \(dtype.scalarTypeName) and B of type \(b.dtype.scalarTypeName) instead")
        }
        let n = shape[rank - 1]
        let vectorCase = b.rank == 1 || (b.rank == rank - 1 && b.shape == Array(shape.dropLast()))
        let columnsB = vectorCase ? try b.unsqueeze(-1) : b
        guard columnsB.rank >= 2, columnsB.shape[columnsB.rank - 2] == n else {
            let rhs = columnsB.rank >= 2 ? "\(columnsB.shape[columnsB.rank - 2])x\(columnsB.shape[columnsB.rank - 1])" : "\(columnsB.shape.first ?? 0)x1"
            throw TorchError.runtime("linalg.solve: Incompatible shapes of A and B for the equation AX = B (\(n)x\(n) and \(rhs))")
        }
        let k = columnsB.shape[columnsB.rank - 1]
        let batch = try Shape.broadcast(columnsB.batchShape, batchShape)
        let a = try expand(batch + [n, n]), rhs = try columnsB.expand(batch + [n, k])
        func solveAll<T: FloatElement>(_: T.Type) throws -> Tensor {
            var rightSides: [[T]] = []
            try rhs.forEachMatrix(T.self) { _, m in rightSides.append(m) }
            var out: [T] = []
            out.reserveCapacity(rhs.numel)
            try a.forEachMatrix(T.self) { index, matrix in
                let (lu, pivots, info, transposed) = a.luOfStoredMatrix(matrix, n: n)
                if info != 0 {
                    throw TorchError.linalg("torch.linalg.solve: \(a.batchPrefix(index))The solver failed because the input matrix is singular.")
                }
                var x = rightSides[index]
                DenseFactorizations.luSolve(lu, pivots: pivots, n: n, &x, columns: k, transposed: transposed)
                out += x
            }
            return try Tensor.holding(out, shape: batch + [n, k], dtype: dtype)
        }
        var out = try withFloatElements({ try solveAll(Float.self) }, { try solveAll(Double.self) })
        if vectorCase { out = try out.reshape(Array(out.shape.dropLast())) }
        return out.record("LinalgSolveExBackward0", inputs: [self, b], savesOutput: true,
                          saving: { (a: $0.slot(self), vectorCase: vectorCase) }) { ctx, saved in
            // gB = A⁻ᵀ g, gA = -gB Xᵀ.
            let gB = try ctx.saved(saved.a).matrixTranspose.solve(ctx.grad)
            guard ctx.needs(0) else { return [nil, gB] }
            let gA = saved.vectorCase
                ? try gB.unsqueeze(-1).matmul(ctx.output.unsqueeze(-2)).neg()
                : try gB.matmul(ctx.output.matrixTranspose).neg()
            return [gA, gB]
        }
    }
}
