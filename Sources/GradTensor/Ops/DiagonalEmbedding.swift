/// Tensors built around a diagonal: `diag_embed` (the last dimension laid on the diagonals of
/// new matrices), `diagflat` and the in-place `fill_diagonal_`.
extension Tensor {
    /// `diag_embed(offset, dim1, dim2)`: zeros with the last dimension written on diagonal
    /// `offset` of the planes `dim1`, `dim2` of a result one dimension larger.
    public func diagEmbed(offset k: Int = 0, dim1: Int = -2, dim2: Int = -1) throws -> Tensor {
        let (a, b) = (try Shape.wrapDim(dim1, rank: rank + 1), try Shape.wrapDim(dim2, rank: rank + 1))
        if a == b { throw TorchError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        let (side, overflow) = (shape.last ?? 1).addingReportingOverflow(k.magnitude > UInt(Int.max) ? Int.max : Swift.abs(k))
        var outShape = Array(shape.dropLast())
        for d in [a, b].sorted() { outShape.insert(overflow ? Int.max : side, at: d) }
        _ = try Shape.checkedCount(outShape, dtype: dtype)
        return try GradMode.with(enabled: false) {
            try detach().embedded(into: outShape, name: "DiagonalBackward0") { try $0.diagonal(offset: k, dim1: a, dim2: b) }
        }.record("DiagEmbedBackward0", inputs: [self], saving: { _ in (offset: k, dim1: a, dim2: b) }) { ctx, saved in
            let diagonal = try ctx.grad.diagonal(offset: saved.offset, dim1: saved.dim1, dim2: saved.dim2)
            return [try diagonal.reshape(ctx.inputShape(0))]
        }
    }

    /// `diagflat(offset)`: the flattened tensor on diagonal `offset` of a square matrix.
    public func diagflat(offset k: Int = 0) throws -> Tensor {
        try contiguous().reshape([-1]).diag(k)
    }

    /// `fill_diagonal_(value, wrap)`: `value` written on the main diagonal (the elements whose
    /// indices are all equal); with `wrap`, a tall matrix's diagonal starts again every
    /// `columns + 1` rows, as NumPy's. Written through `as_strided` views, as PyTorch does.
    @discardableResult public func fillDiagonal_(_ value: Scalar, wrap: Bool = false) throws -> Tensor {
        if rank < 2 { throw TorchError.runtime("dimensions must larger than 1") }
        let (height, width) = (shape[0], shape[1])
        if rank > 2 && shape.contains(where: { $0 != height }) {
            throw TorchError.runtime("all dimensions of input must be of equal length")
        }
        let length = Swift.min(height, width)
        let step = strides.reduce(0, &+)
        try asStrided(size: [length], stride: [step]).fill_(value)
        guard wrap, rank == 2, height > width + 1 else { return self }
        let wrapped = (numel + width) / (width + 1) - length
        if wrapped > 0 {
            try asStrided(size: [wrapped], stride: [step], storageOffset: offset &+ strides[0] &* (width + 1)).fill_(value)
        }
        return self
    }
}
