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
            // `gather` records its own node, so that third derivatives follow too.
            [try ctx.grad.gather(dim: saved.dim, index: ctx.saved(saved.indices))]
        }
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
