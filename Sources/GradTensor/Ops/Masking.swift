/// Ops driven by a bool mask or by which elements are nonzero: `masked_fill`, `masked_select`,
/// `nonzero` (`argwhere`, one-argument `where`), `count_nonzero`.
extension Tensor {
    /// `masked_fill(mask, value)`: `value` where the mask is true, broadcast together. `value` is
    /// a number or a 0-dim tensor, whose gradient is the sum of the output's at the filled places.
    public func maskedFill(_ mask: Tensor, _ value: Tensor) throws -> Tensor {
        if mask.dtype != .bool {
            throw TorchError.runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.cTypeName)")
        }
        if value.rank != 0 {
            throw TorchError.runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.rank) dimension(s).")
        }
        _ = try Shape.broadcast(mask.shape, self.shape)
        let filler = try value.detach().materialized(as: dtype)
        // PyTorch fills a contiguous clone of the (broadcast) input, whatever its layout (size-1
        // dimensions' strides included).
        let filled = try Tensor.where(mask, filler, detach())
        let out = filled.hasRowMajorStrides ? filled : try filled.copied(as: dtype, strides: Shape.contiguousStrides(filled.shape))
        // A Python number is the op's Scalar overload (MaskedFillBackward0), a tensor its Tensor one.
        let name = value.isWrappedNumber ? "MaskedFillBackward0" : "MaskedFillBackward1"
        return out.record(name, inputs: [self, value], saving: mask) { ctx, mask in
            let zero = try Tensor.wrapping(.int(0))
            return [ctx.needs(0) ? try Tensor.where(mask, zero, ctx.grad) : nil,
                    ctx.needs(1) ? try ctx.grad.maskedSelect(mask).sum() : nil]
        }
    }

    /// `masked_select(mask)`: the elements where the mask (broadcast with this tensor) is true,
    /// as a vector.
    public func maskedSelect(_ mask: Tensor) throws -> Tensor {
        if mask.dtype != .bool { throw TorchError.runtime("masked_select: expected BoolTensor for mask") }
        let shape = try Shape.broadcast(mask.shape, self.shape)
        let flags = try mask.expand(shape).detach().materialized()
        let positions = try Tensor.elementOffsets(
            shape: shape, strides: broadcastStrides(self.shape, Shape.contiguousStrides(self.shape), to: shape), offset: 0)
        let chosen = withExtendedLifetime(flags) {
            let p = flags.storage.pointer(Bool.self) + flags.offset
            return positions.indices.filter { p[$0] }.map { positions[$0] }
        }
        return try picked(at: chosen, shape: [chosen.count], name: "MaskedSelectBackward0")
    }

    /// `nonzero()`: the coordinates of the nonzero elements, one row each, in row-major order.
    public func nonzero() throws -> Tensor {
        let flags = try materialized(as: .bool)
        let hits = withExtendedLifetime(flags) {
            let p = flags.storage.pointer(Bool.self) + flags.offset
            return (0..<numel).filter { p[$0] }
        }
        let out = try Tensor(zeros: [hits.count, rank], dtype: .int64)
        let dst = out.storage.pointer(Int64.self)
        let strides = Shape.contiguousStrides(shape)
        for (row, flat) in hits.enumerated() {
            for d in 0..<rank { dst[row &* rank &+ d] = Int64((flat / strides[d]) % shape[d]) }
        }
        return out
    }

    /// `count_nonzero(dims)`: how many elements are not zero, over `dims` (nil: all).
    public func countNonzero(dims: [Int]?) throws -> Tensor {
        try ne(.wrapping(.int(0))).sum(dims: dims ?? Array(0..<rank))
    }
}
