/// Copies and conversions: `to(dtype)`, `clone`, `contiguous`, and the `adding` used by the engine.
extension Tensor {
    public func to(_ dtype: DType) throws -> Tensor {
        if dtype == self.dtype { return self }
        _ = try Shape.checkedCount(shape, dtype: dtype)
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: numel), shape: shape)
        copyElements(from: self, into: out)
        if !dtype.isFloatingPoint { return out }
        return out.record("ToCopyBackward0", inputs: [self], saving: { _ in self.dtype }) { ctx, sourceType in
            [try ctx.grad.to(sourceType)]
        }
    }

    public func clone() throws -> Tensor {
        // A broadcast view can stand for far more elements than memory holds: refuse cleanly.
        _ = try Shape.checkedCount(shape, dtype: dtype)
        return try cloneDetached().record("CloneBackward0", inputs: [self]) { ctx, _ in [ctx.grad] }
    }

    /// A contiguous copy with no history.
    func cloneDetached() throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: numel), shape: shape)
        copyElements(from: self, into: out)
        return out
    }

    /// A copy with no history in `layout`'s strides when `layout` is dense without overlap (a
    /// transposed or permuted tensor), else contiguous: PyTorch's gradient layout contract, by
    /// which a leaf's `.grad` is laid out as the leaf.
    func cloneDetached(layoutOf layout: Tensor) throws -> Tensor {
        guard layout.shape == shape, !layout.isContiguous, layout.isNonOverlappingAndDense else { return try cloneDetached() }
        return try copied(as: dtype, strides: layout.strides)
    }

    public func contiguous() throws -> Tensor {
        isContiguous ? self : try clone()
    }

    /// `self + other` for gradients flowing through the engine.
    func adding(_ other: Tensor) throws -> Tensor { try add(other) }
}
