/// Writing values at chosen positions along a dimension: the backward of `max(dim)`/`min(dim)`.
extension Tensor {
    /// A zero tensor of `shape` with `values` placed at `indices` along `dim` (`values` and
    /// `indices` share `shape` with `dim` reduced to 1).
    static func scatter(_ values: Tensor, indices: Tensor, dim: Int, shape: [Int]) throws -> Tensor {
        let out = try Tensor(zeros: shape, dtype: values.dtype)
        let offsets = try positions(along: dim, indices: indices, in: out)
        try scatterElements(values.materialized(), into: out, at: offsets, combine: .replace)
        return out.record("ScatterBackward0", inputs: [values],
                          saving: { (indices: $0.slot(indices), dim: dim) }) { ctx, saved in
            [try ctx.grad.gathered(along: saved.dim, indices: ctx.saved(saved.indices))]
        }
    }

    /// The elements at `indices` along `dim` (the adjoint of `scatter`, for double backward).
    func gathered(along dim: Int, indices: Tensor) throws -> Tensor {
        let source = try materialized()
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: indices.numel), shape: indices.shape)
        gatherElements(source, at: try Tensor.positions(along: dim, indices: indices, in: source), into: out)
        return out
    }

    /// Storage offsets in contiguous `whole` of each index's element: the index's own position
    /// with its `dim` coordinate replaced by the index value (which the caller has checked).
    static func positions(along dim: Int, indices: Tensor, in whole: Tensor) throws -> [Int] {
        try positions(along: dim, indices: indices, shape: whole.shape, strides: whole.strides, offset: whole.offset)
    }

    /// The same for a tensor laid out with `shape`, `strides` and `offset`.
    static func positions(along dim: Int, indices: Tensor, shape: [Int], strides: [Int], offset: Int) throws -> [Int] {
        // A 0-dim tensor reduced "along dim 0" has no stride: every index is 0 there.
        let stride = dim < shape.count ? strides[dim] : 0
        var rowStrides = strides
        if dim < shape.count { rowStrides[dim] = 0 }
        let base = try Tensor.elementOffsets(shape: indices.shape, strides: rowStrides, offset: offset)
        let chosen = try indices.materialized(as: .int64)
        return withExtendedLifetime(chosen) {
            let p = chosen.storage.pointer(Int64.self) + chosen.offset
            return base.enumerated().map { i, o in o &+ Int(p[i]) &* stride }
        }
    }
}
