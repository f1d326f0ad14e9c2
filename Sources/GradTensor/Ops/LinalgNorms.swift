/// `linalg.matrix_norm`, `linalg.pinv` and `linalg.matrix_rank`, composed from the
/// factorizations as PyTorch composes them (so the same `grad_fn` names show).
extension Tensor {
    /// A matrix norm's order: "fro", "nuc", or ±1, ±2, ±inf.
    public enum MatrixNormOrder: Equatable, Sendable {
        case frobenius, nuclear
        case number(Double)
    }

    /// `linalg.matrix_norm(A, ord, dim, keepdim)` over the two dimensions `dims`.
    public func matrixNorm(_ order: MatrixNormOrder, dims: [Int] = [-2, -1], keepdim: Bool = false) throws -> Tensor {
        guard rank >= 2 else { throw TorchError.runtime("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.") }
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("linalg.matrix_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        guard dims.count == 2 else {
            throw TorchError.runtime("linalg.matrix_norm: dim must be a 2-tuple. Got \(dims.map(String.init).joined(separator: " "))")
        }
        let d = try dims.map { try Shape.wrapDim($0, rank: rank) }
        guard d[0] != d[1] else {
            throw TorchError.runtime("linalg.matrix_norm: dims must be different. Got (\(dims[0]), \(dims[1]))")
        }
        switch order {
        case .frobenius:
            return try vectorNorm(p: 2, dims: d, keepdim: keepdim)
        case .nuclear, .number(2), .number(-2):
            // The singular values of the matrices moved to the last two dimensions.
            let rest = (0..<rank).filter { !d.contains($0) }
            let values = try permute(rest + d).singularValues()
            var out: Tensor
            switch order {
            case .nuclear: out = try values.sum(dims: [-1])
            case .number(let p): out = try values.extremeAlong(-1, keepdim: false, isMax: p > 0)
            case .frobenius: return values
            }
            if keepdim {
                var kept = shape
                for i in d { kept[i] = 1 }
                out = try out.reshape(kept)
            }
            return out
        case .number(let p) where p.magnitude == 1 || p.magnitude == .infinity:
            // Sum |a| over one dimension, then the largest (smallest) sum over the other.
            var (summed, extreme) = p.magnitude == 1 ? (d[0], d[1]) : (d[1], d[0])
            if !keepdim && summed < extreme { extreme -= 1 }
            return try vectorNorm(p: 1, dims: [summed], keepdim: keepdim).extremeAlong(extreme, keepdim: keepdim, isMax: p > 0)
        case .number(let p):
            let shown = p == p.rounded() && p.magnitude < 1e15 ? String(Int(p)) : "\(p)"
            throw TorchError.runtime("linalg.matrix_norm: Order \(shown) not supported.")
        }
    }

    /// `amax(dim)` / `amin(dim)` (`Tensor.extremes`).
    func extremeAlong(_ dim: Int, keepdim: Bool, isMax: Bool) throws -> Tensor {
        try extremes(along: [dim], keepdim: keepdim, isMax: isMax)
    }

    /// The tolerance below which singular values count as zero: max(atol, rtol · σ_max), with
    /// PyTorch's defaults (rtol = ε · max(m, n) when neither is given, 0 when only atol is).
    func rankTolerance(largest: Tensor, atol: Double?, rtol: Double?) throws -> Tensor {
        let epsilon = dtype == .float32 ? Double(Float.ulpOfOne) : Double.ulpOfOne
        let (m, n, _) = matrixLayout
        let relative = rtol ?? ((atol ?? 0) > 0 ? 0 : epsilon * Double(Swift.max(m, n)))
        return try largest.mul(.wrapping(.double(relative))).maximum(.wrapping(.double(atol ?? 0)))
    }

    /// The singular values (σ descending; |λ| for a symmetric matrix when `hermitian`).
    private func spectrum(hermitian: Bool) throws -> Tensor {
        hermitian ? try symmetricEigen().values.abs() : try singularValues()
    }

    /// `linalg.matrix_rank(A, atol, rtol, hermitian)`: how many singular values exceed the tolerance.
    public func matrixRank(atol: Double? = nil, rtol: Double? = nil, hermitian: Bool = false) throws -> Tensor {
        guard rank >= 2 else { throw TorchError.runtime("torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.") }
        guard dtype.isFloatingPoint else { throw TorchError.runtime("This function doesn't handle types other than float and double") }
        return try GradMode.with(enabled: false) {
            let values = try spectrum(hermitian: hermitian)
            if values.shape.last == 0 { return try Tensor.zeros(batchShape, dtype: .int64) }
            let largest = try values.max(dim: -1, keepdim: true).values
            return try values.gt(rankTolerance(largest: largest, atol: atol, rtol: rtol)).sum(dims: [-1])
        }
    }

    /// `linalg.pinv(A, atol, rtol, hermitian)`: V diag(1/σ) Uᵀ over the singular values above
    /// the tolerance, recorded as one LinalgPinvBackward0 node.
    public func pseudoInverse(atol: Double? = nil, rtol: Double? = nil, hermitian: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint, rank >= 2 else {
            throw TorchError.runtime("linalg.pinv(\(dtype.scalarTypeName){[\(shape.map(String.init).joined(separator: ", "))]}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types")
        }
        let out = try GradMode.with(enabled: false) { () throws -> Tensor in
            let (u, s, vh) = try singularValueDecomposition(fullMatrices: false)
            if s.shape.last == 0 { return try Tensor.zeros(batchShape + [shape[rank - 1], shape[rank - 2]], dtype: dtype) }
            let tolerance = try rankTolerance(largest: s.max(dim: -1, keepdim: true).values, atol: atol, rtol: rtol)
            let kept = try s.gt(tolerance)
            let inverted = try Tensor.where(kept, s.reciprocal(), Tensor.wrapping(.int(0)))
            return try vh.matrixTranspose.mul(inverted.unsqueeze(-2)).matmul(u.matrixTranspose).contiguous()
        }
        return out.record("LinalgPinvBackward0", inputs: [self], savesOutput: true, saving: { (input: $0.slot(self), ()) }) { ctx, saved in
            [try Tensor.pseudoInverseGradient(ctx.grad, pinv: ctx.output, input: ctx.saved(saved.input))]
        }
    }

    /// PyTorch's `pinv_backward`: the gradient of A given that of pinv(A), its products ordered
    /// to keep the matrices small.
    static func pseudoInverseGradient(_ grad: Tensor, pinv: Tensor, input a: Tensor) throws -> Tensor {
        let (m, n) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
        let pinvT = try pinv.matrixTranspose, gradT = try grad.matrixTranspose
        if m <= n {
            let k = try gradT.matmul(pinv)
            let kPinvT = try k.matmul(pinvT)
            return try pinv.matmul(k).matrixTranspose.neg().add(kPinvT).sub(a.matmul(pinv).matmul(kPinvT))
                .add(pinvT.matmul(pinv).matmul(gradT.sub(k.matmul(a))))
        }
        let k = try pinv.matmul(gradT)
        let pinvTK = try pinvT.matmul(k)
        return try k.matmul(pinv).matrixTranspose.neg().add(gradT.sub(a.matmul(k)).matmul(pinv).matmul(pinvT))
            .add(pinvTK).sub(pinvTK.matmul(pinv).matmul(a))
    }
}
