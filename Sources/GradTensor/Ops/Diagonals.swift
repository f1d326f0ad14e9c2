/// Diagonals and triangles of matrices: `diagonal` (a view), `diag`, `tril`, `triu`, `trace`.
extension Tensor {
    /// `diagonal(offset, dim1, dim2)`: the view of the elements whose coordinates along `dim1`
    /// and `dim2` differ by `offset`, as a new last dimension.
    public func diagonal(offset k: Int = 0, dim1: Int = 0, dim2: Int = 1) throws -> Tensor {
        let (a, b) = (try Shape.wrapDim(dim1, rank: rank), try Shape.wrapDim(dim2, rank: rank))
        if a == b { throw TorchError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        let length = Swift.max(k >= 0 ? Swift.min(shape[a], shape[b] - k) : Swift.min(shape[a] + k, shape[b]), 0)
        var start = offset
        if length > 0 { start &+= k >= 0 ? k &* strides[b] : -k &* strides[a] }
        var newShape = shape, newStrides = strides
        for d in [a, b].sorted(by: >) {
            newShape.remove(at: d)
            newStrides.remove(at: d)
        }
        newShape.append(length)
        newStrides.append(strides[a] &+ strides[b])
        return makeView(shape: newShape, strides: newStrides, offset: start)
            .record("DiagonalBackward0", inputs: [self], saving: { _ in (offset: k, dim1: a, dim2: b) }) { ctx, saved in
                [try ctx.grad.embedded(into: ctx.inputShape(0), name: "DiagonalBackwardBackward0") {
                    try $0.diagonal(offset: saved.offset, dim1: saved.dim1, dim2: saved.dim2)
                }]
            }
    }

    /// `diag(diagonal)`: a vector's square matrix with it on diagonal `k`, or a matrix's
    /// diagonal `k` as a new vector.
    public func diag(_ k: Int = 0) throws -> Tensor {
        switch rank {
        case 1:
            let (n, overflow) = shape[0].addingReportingOverflow(k.magnitude > UInt(Int.max) ? Int.max : Swift.abs(k))
            if overflow { throw TorchError.runtime("Storage size calculation overflowed with sizes=[\(n), \(n)]") }
            _ = try Shape.checkedCount([n, n], dtype: dtype)
            return try GradMode.with(enabled: false) { try detach().embeddedOnDiagonal([n, n], k) }
                .record("DiagEmbedBackward0", inputs: [self], saving: { _ in k }) { ctx, k in
                    [try ctx.grad.diagonal(offset: k)]
                }
        case 2:
            let copy = try GradMode.with(enabled: false) { try detach().diagonal(offset: k).cloneDetached() }
            return copy.record("DiagonalBackward0_copy", inputs: [self], saving: { _ in k }) { ctx, k in
                [try ctx.grad.embeddedOnDiagonal(ctx.inputShape(0), k)]
            }
        default:
            throw TorchError.runtime("diag(): Supports 1D or 2D tensors. Got \(rank)D")
        }
    }

    /// Zeros of `shape` (a matrix) with this vector written on diagonal `k`.
    private func embeddedOnDiagonal(_ shape: [Int], _ k: Int) throws -> Tensor {
        try embedded(into: shape, name: "DiagonalBackward0") { try $0.diagonal(offset: k) }
    }

    /// `tril(diagonal)`: the matrices' elements on and below diagonal `k`, zeros above.
    public func tril(_ k: Int = 0) throws -> Tensor { try triangle(k, lower: true) }

    /// `triu(diagonal)`: the matrices' elements on and above diagonal `k`, zeros below.
    public func triu(_ k: Int = 0) throws -> Tensor { try triangle(k, lower: false) }

    private func triangle(_ k: Int, lower: Bool) throws -> Tensor {
        if rank < 2 { throw TorchError.runtime("\(lower ? "tril" : "triu"): input tensor must have at least 2 dimensions") }
        let (rows, cols) = (shape[rank - 2], shape[rank - 1])
        let keep = try Tensor(zeros: [rows, cols], dtype: .bool)
        let flags = keep.storage.pointer(Bool.self)
        for i in 0..<rows {
            for j in 0..<cols { flags[i &* cols &+ j] = lower ? j - i <= k : j - i >= k }
        }
        let out = try GradMode.with(enabled: false) { try Tensor.where(keep, detach(), .wrapping(.int(0))).materialized(as: dtype) }
        return out.record(lower ? "TrilBackward0" : "TriuBackward0", inputs: [self], saving: { _ in k }) { ctx, k in
            [lower ? try ctx.grad.tril(k) : try ctx.grad.triu(k)]
        }
    }

    /// `trace()`: the sum of a matrix's diagonal, accumulated in double (int64 for integers).
    public func trace() throws -> Tensor {
        if rank != 2 { throw TorchError.runtime("trace: expected a matrix, but got tensor with dim \(rank)") }
        if dtype == .bool { throw TorchError.notImplemented("\"trace\" not implemented for 'Bool'") }
        let diagonal = try GradMode.with(enabled: false) { try detach().diagonal() }
        let values = (0..<diagonal.numel).map { diagonal.element(atFlat: $0) }
        let result: Scalar = dtype.isFloatingPoint
            ? .double(values.reduce(0.0) { $0 + $1.doubleValue })
            : .int(values.reduce(Int64(0)) { total, v in if case .int(let i) = v { total &+ i } else { total } })
        let out = try Tensor.full([], result, dtype: dtype.isFloatingPoint ? dtype : .int64)
        return out.record("TraceBackward0", inputs: [self]) { ctx, _ in
            [try ctx.grad.expand([ctx.inputShape(0).min() ?? 0]).embeddedOnDiagonal(ctx.inputShape(0), 0)]
        }
    }
}
