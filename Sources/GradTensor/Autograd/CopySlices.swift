/// In-place ops through a view of a tensor that is part of a graph (`y.t().mul_(z)`, `y[0] = x`):
/// the base tensor's history must include the update, as PyTorch's `CopySlices` does. Here the
/// update is expressed with two differentiable region ops, so the chain rule does the rest:
/// `new_base = base_old` with its region replaced by `op(region of base_old)`.
struct ViewRegion {
    let shape: [Int]
    let strides: [Int]
    /// Offset of the view's first element from the base's first element.
    let offset: Int

    init(of view: Tensor, in base: Tensor) {
        shape = view.shape
        strides = view.strides
        offset = view.offset - base.offset
    }

    /// The region, read out of a contiguous tensor shaped like the base.
    func extract(_ whole: Tensor) throws -> Tensor {
        let contiguous = whole.materialized()
        let part = Tensor(storage: contiguous.storage, shape: shape, strides: strides,
                          offset: contiguous.offset + offset, version: contiguous.versionCounter).cloneDetached()
        let baseShape = whole.shape
        return part.record("AsStridedBackward0", inputs: [whole]) { ctx, _ in [try embed(ctx.grad, baseShape: baseShape)] }
    }

    /// Zeros shaped like the base, with `part` written into the region.
    func embed(_ part: Tensor, baseShape: [Int]) throws -> Tensor {
        let whole = try Tensor(zeros: baseShape, dtype: part.dtype)
        let target = Tensor(storage: whole.storage, shape: shape, strides: strides, offset: offset, version: whole.versionCounter)
        copyElements(from: part, into: target)
        return whole.record("AsStridedScatterBackward0", inputs: [part]) { ctx, _ in [try extract(ctx.grad)] }
    }
}

extension Tensor {
    /// Runs `compute` on this view's current value, writes the result through the view, and
    /// rewrites the base's history so that gradients of the base see the update.
    func updateViewInPlace(base: Tensor, _ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        let region = ViewRegion(of: self, in: base)
        // The base's old value, at the base's old place in the graph (its storage is about to change).
        let oldBase = base.cloneDetached()
        oldBase.gradFn = base.gradFn
        oldBase.requiresGrad = base.requiresGrad
        let updated = try compute(region.extract(oldBase))
        if !TypePromotion.canCast(updated.dtype, to: dtype) {
            throw TorchError.runtime("result type \(updated.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        copyElements(from: updated, into: self)
        versionCounter.bump()

        let baseShape = base.shape
        let node = Node(name: "CopySlices", inputs: [Node.Input(oldBase), Node.Input(updated)],
                        savedVersions: []) { ctx in
            let inside = try region.extract(ctx.grad)
            return [try ctx.grad.sub(region.embed(inside, baseShape: baseShape)), inside]
        }
        base.gradFn = node
        base.requiresGrad = true
        // The view now reads the updated base.
        gradFn = nil
        requiresGrad = false
        record("AsStridedBackward0", inputs: [base]) { ctx, _ in [try region.embed(ctx.grad, baseShape: baseShape)] }
        return self
    }
}
