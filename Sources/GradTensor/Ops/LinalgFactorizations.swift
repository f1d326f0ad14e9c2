/// The factorizations of `torch.linalg`: `cholesky`, `qr`, `eigh`, `svd`, batched over leading
/// dimensions. An op with several outputs records one node per output under PyTorch's name
/// (grad's nodes have one output each); each passes back its own output's share of the gradient,
/// and the engine sums the shares, which is PyTorch's formula since the formula is linear in the
/// output gradients. The formulas are FunctionsManual.cpp's, written with tensor ops.
extension Tensor {
    /// `linalg.cholesky(A, upper)`: L with A = L Lᵀ (or U = Lᵀ with A = Uᵀ U), from A's lower triangle.
    public func cholesky(upper: Bool = false) throws -> Tensor {
        try checkLinalgInput("linalg.cholesky", square: true)
        let n = shape[rank - 1]
        func factor<T: FloatElement>(_: T.Type) throws -> Tensor {
            var out: [T] = []
            try forEachMatrix(T.self) { b, a in
                let (l, info) = DenseFactorizations.cholesky(a, n: n)
                if info != 0 {
                    throw TorchError.linalg("linalg.cholesky: \(batchPrefix(b))The factorization could not be completed because the input is not positive-definite (the leading minor of order \(info) is not positive-definite).")
                }
                out += upper ? DenseFactorizations.transposed(l, rows: n, columns: n) : l
            }
            return try Tensor.holding(out, shape: shape, dtype: dtype)
        }
        let out = try withFloatElements({ try factor(Float.self) }, { try factor(Double.self) })
        return out.record("LinalgCholeskyExBackward0", inputs: [self], savesOutput: true,
                          saving: { _ in upper }) { ctx, upper in
            // Φ(Lᵀ gL) = its lower triangle with the diagonal halved; gA = sym(L⁻ᵀ Φ L⁻¹).
            let l = upper ? try ctx.output.matrixTranspose : ctx.output
            let gL = upper ? try ctx.grad.matrixTranspose : ctx.grad
            let phi = try l.matrixTranspose.matmul(gL).mul(Tensor.triangleMask(n: l.shape[l.rank - 1], dtype: l.dtype, diagonal: 0.5))
            let lInverse = try l.inverse()
            let g = try lInverse.matrixTranspose.matmul(phi).matmul(lInverse)
            return [try g.add(g.matrixTranspose).mul(.wrapping(.double(0.5)))]
        }
    }

    /// `linalg.qr(A, mode)`: mode "reduced", "complete" or "r" (Q then empty).
    public func qr(mode: String = "reduced") throws -> (q: Tensor, r: Tensor) {
        guard ["reduced", "complete", "r"].contains(mode) else {
            throw TorchError.runtime("qr received unrecognized mode '\(mode)' but expected one of 'reduced' (default), 'r', or 'complete'")
        }
        try checkLinalgInput("linalg.qr", square: false)
        let (m, n, _) = matrixLayout
        let complete = mode == "complete"
        let k = complete ? m : Swift.min(m, n)
        func factor<T: FloatElement>(_: T.Type) throws -> (Tensor, Tensor) {
            var qs: [T] = [], rs: [T] = []
            try forEachMatrix(T.self) { _, a in
                let (q, r, _) = DenseFactorizations.qr(a, m: m, n: n, complete: complete)
                qs += q
                rs += r
            }
            let q = mode == "r" ? try Tensor.holding([T](), shape: [0], dtype: dtype) : try Tensor.holding(qs, shape: batchShape + [m, k], dtype: dtype)
            return (q, try Tensor.holding(rs, shape: batchShape + [k, n], dtype: dtype))
        }
        let (q, r) = try withFloatElements({ try factor(Float.self) }, { try factor(Double.self) })
        if mode == "r" {
            r.record("LinalgQrBackward0", inputs: [self]) { _, _ in
                throw TorchError.runtime("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.")
            }
            return (q, r)
        }
        // gA = (gQ + Q copyltu(M)) R⁻ᵀ with M = R gRᵀ - gQᵀ Q, for m ≥ n; each node its term.
        let differentiable = m >= n && !(complete && m > n)
        func backward(_ ctx: BackwardContext, _ saved: (q: SavedSlot, r: SavedSlot, fromQ: Bool)) throws -> InputGradients {
            guard differentiable else {
                if complete { throw TorchError.runtime("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.") }
                throw TorchError.notImplemented("linalg.qr: the gradient for matrices with more columns than rows is not supported by grad")
            }
            let (q, r) = (try ctx.saved(saved.q), try ctx.saved(saved.r))
            let mT = saved.fromQ ? try ctx.grad.matrixTranspose.matmul(q).neg() : try r.matmul(ctx.grad.matrixTranspose)
            let lower = try mT.mul(Tensor.triangleMask(n: n, dtype: dtype, diagonal: 1))
            let strictlyLower = try mT.mul(Tensor.triangleMask(n: n, dtype: dtype, diagonal: 0))
            var g = try q.matmul(lower.add(strictlyLower.matrixTranspose))
            if saved.fromQ { g = try g.add(ctx.grad) }
            return [try g.matmul(r.inverse().matrixTranspose)]
        }
        let (qSaved, rSaved) = (q.detach(), r.detach())
        q.record("LinalgQrBackward0", inputs: [self], saving: { ($0.slot(qSaved), $0.slot(rSaved), true) }, backward)
        r.record("LinalgQrBackward0", inputs: [self], saving: { ($0.slot(qSaved), $0.slot(rSaved), false) }, backward)
        return (q, r)
    }

    /// `linalg.eigh(A, UPLO)`: eigenvalues ascending and eigenvectors (columns) of the symmetric
    /// matrix whose lower ("L") or upper ("U") triangle A holds.
    public func symmetricEigen(uplo: String = "L") throws -> (values: Tensor, vectors: Tensor) {
        guard uplo == "L" || uplo == "U" else {
            throw TorchError.runtime("Expected UPLO argument to be 'L' or 'U', but got \(uplo)")
        }
        try checkMatrices("linalg.eigh", square: true)
        guard dtype.isFloatingPoint else { throw TorchError.notImplemented("\"linalg_eigh_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        let n = shape[rank - 1]
        let source = uplo == "L" ? self : try matrixTranspose
        var values: [Double] = [], vectors: [Double] = []
        try source.to(.float64).forEachMatrix(Double.self) { _, a in
            let (w, v) = DenseFactorizations.symmetricEigen(a, n: n)
            values += w
            vectors += v
        }
        let l = try Tensor.holding(values, shape: batchShape + [n], dtype: .float64).to(dtype)
        let v = try Tensor.holding(vectors, shape: shape, dtype: .float64).to(dtype)
        let (lSaved, vSaved) = (l.detach(), v.detach())
        func backward(_ ctx: BackwardContext, _ saved: (l: SavedSlot, v: SavedSlot, fromValues: Bool)) throws -> InputGradients {
            let (l, v) = (try ctx.saved(saved.l), try ctx.saved(saved.v))
            let identity = try Tensor.eye(n, dtype: l.dtype)
            let inner: Tensor
            if saved.fromValues {
                inner = try identity.mul(ctx.grad.unsqueeze(-2))
            } else {
                // The skew part of Vᵀ gV over E_ij = λ_j - λ_i (1 on the diagonal, where the skew part is 0).
                let vtgv = try v.matrixTranspose.matmul(ctx.grad)
                let skew = try vtgv.sub(vtgv.matrixTranspose).mul(.wrapping(.double(0.5)))
                let gaps = try l.unsqueeze(-2).sub(l.unsqueeze(-1)).add(identity)
                inner = try skew.div(gaps)
            }
            return [try v.matmul(inner.matmul(v.matrixTranspose))]
        }
        l.record("LinalgEighBackward0", inputs: [self], saving: { ($0.slot(lSaved), $0.slot(vSaved), true) }, backward)
        v.record("LinalgEighBackward0", inputs: [self], saving: { ($0.slot(lSaved), $0.slot(vSaved), false) }, backward)
        return (l, v)
    }

    /// `linalg.svd(A, full_matrices)`: U, S (descending) and Vh with A = U diag(S) Vh.
    public func singularValueDecomposition(fullMatrices: Bool = true, op: String = "linalg.svd") throws -> (u: Tensor, s: Tensor, vh: Tensor) {
        try checkLinalgInput(op, square: false)
        let (m, n, _) = matrixLayout
        let k = Swift.min(m, n)
        var us: [Double] = [], ss: [Double] = [], vts: [Double] = []
        try to(.float64).forEachMatrix(Double.self) { _, a in
            let (u, s, vt) = DenseFactorizations.svd(a, m: m, n: n, full: fullMatrices)
            us += u
            ss += s
            vts += vt
        }
        let (uColumns, vRows) = fullMatrices ? (m, n) : (k, k)
        let u = try Tensor.holding(us, shape: batchShape + [m, uColumns], dtype: .float64).to(dtype)
        let s = try Tensor.holding(ss, shape: batchShape + [k], dtype: .float64).to(dtype)
        let vh = try Tensor.holding(vts, shape: batchShape + [vRows, n], dtype: .float64).to(dtype)
        // The formula reads the first k columns of U and rows of Vh (derivatives.yaml's narrow).
        let saved = (u: try u.detach().sliceView(-1, start: 0, stop: k, step: 1), s: s.detach(),
                     vh: try vh.detach().sliceView(-2, start: 0, stop: k, step: 1))
        u.record("LinalgSvdBackward0", inputs: [self], saving: { ($0.slot(saved.u), $0.slot(saved.s), $0.slot(saved.vh)) }) { ctx, saved in
            let gU = try ctx.grad.sliceView(-1, start: 0, stop: k, step: 1)
            return [try Tensor.svdBackward(gU: gU, gVh: nil, u: ctx.saved(saved.0), s: ctx.saved(saved.1), vh: ctx.saved(saved.2))]
        }
        s.record("LinalgSvdBackward0", inputs: [self], saving: { ($0.slot(saved.u), $0.slot(saved.vh)) }) { ctx, saved in
            let (u, vh) = (try ctx.saved(saved.0), try ctx.saved(saved.1))
            let gS = ctx.grad
            return [m >= n ? try u.matmul(gS.unsqueeze(-1).mul(vh)) : try u.mul(gS.unsqueeze(-2)).matmul(vh)]
        }
        vh.record("LinalgSvdBackward0", inputs: [self], saving: { ($0.slot(saved.u), $0.slot(saved.s), $0.slot(saved.vh)) }) { ctx, saved in
            let gVh = try ctx.grad.sliceView(-2, start: 0, stop: k, step: 1)
            return [try Tensor.svdBackward(gU: nil, gVh: gVh, u: ctx.saved(saved.0), s: ctx.saved(saved.1), vh: ctx.saved(saved.2))]
        }
        return (u, s, vh)
    }

    /// `linalg.svdvals(A)`: S alone, differentiable as `svd`'s S.
    public func singularValues() throws -> Tensor {
        try singularValueDecomposition(fullMatrices: false).s
    }

    /// PyTorch's `svd_backward` for a gradient of U or of Vh (the other nil).
    private static func svdBackward(gU: Tensor?, gVh: Tensor?, u: Tensor, s: Tensor, vh: Tensor) throws -> Tensor {
        let m = u.shape[u.rank - 2], n = vh.shape[vh.rank - 1]
        let s2 = try s.mul(s)
        // E_jk = s_k² - s_j², 1 on the diagonal.
        let gaps = try s2.unsqueeze(-2).sub(s2.unsqueeze(-1)).add(Tensor.eye(s.shape[s.rank - 1], dtype: s.dtype))
        var gA: Tensor
        if let gU {
            let uhgu = try u.matrixTranspose.matmul(gU)
            gA = try uhgu.sub(uhgu.matrixTranspose).mul(s.unsqueeze(-2)).div(gaps)
            if m > n {
                let gUSinv = try gU.div(s.unsqueeze(-2))
                gA = try u.matmul(gA).add(gUSinv).sub(u.matmul(u.matrixTranspose.matmul(gUSinv)))
                return try gA.matmul(vh)
            }
        } else if let gVh {
            let vhgv = try vh.matmul(gVh.matrixTranspose)
            gA = try s.unsqueeze(-1).mul(vhgv.sub(vhgv.matrixTranspose)).div(gaps)
            if m < n {
                let sinvgVh = try gVh.div(s.unsqueeze(-1))
                gA = try gA.matmul(vh).add(sinvgVh).sub(sinvgVh.matmul(vh.matrixTranspose).matmul(vh))
                return try u.matmul(gA)
            }
        } else {
            throw TorchError.runtime("svd_backward: no gradient given")
        }
        return m >= n ? try u.matmul(gA.matmul(vh)) : try u.matmul(gA).matmul(vh)
    }

    /// An n × n constant: 1 below the diagonal, `diagonal` on it, 0 above (a lower-triangle
    /// selector; a diagonal of 0.5 halves the diagonal).
    static func triangleMask(n: Int, dtype: DType, diagonal: Double) throws -> Tensor {
        var values = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<i { values[i * n + j] = 1 }
            values[i * n + i] = diagonal
        }
        return try Tensor.holding(values, shape: [n, n], dtype: .float64).to(dtype)
    }
}
