/// `embedding(weight, indices)`: the rows of `weight` at `indices`, one node `EmbeddingBackward0`
/// whose gradient adds each output row's gradient into its weight row, in order (PyTorch's
/// dense embedding backward), leaving the padding row's gradient zero.
extension Tensor {
    public static func embedding(_ weight: Tensor, _ indices: Tensor, paddingIndex: Int?) throws -> Tensor {
        guard indices.dtype == .int64 || indices.dtype == .int32 else {
            throw TorchError.runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got \(indices.dtype.legacyTensorName) instead (while checking arguments for embedding)")
        }
        guard weight.rank == 2 else { throw TorchError.runtime("'weight' must be 2-D") }
        let flat = try indices.materialized(as: .int64).reshape([-1])
        let out = try GradMode.with(enabled: false) {
            try weight.indexSelect(dim: 0, index: flat).view(indices.shape + [weight.shape[1]])
        }
        return out.record("EmbeddingBackward0", inputs: [weight],
                          saving: { (flat: $0.keep(flat), paddingIndex: paddingIndex, rows: weight.shape[0]) }) { ctx, saved in
            var rows = try ctx.grad.reshape([saved.flat.numel, ctx.grad.shape.last ?? 0])
            if let padding = saved.paddingIndex {
                let kept = try saved.flat.ne(.wrapping(.int(Int64(padding)))).unsqueeze(1)
                rows = try Tensor.where(kept, rows, .wrapping(.int(0)))
            }
            let zeros = try Tensor.zeros([saved.rows, rows.shape[1]], dtype: rows.dtype)
            return [try zeros.indexAdd(dim: 0, index: saved.flat, source: rows)]
        }
    }
}
