/// The view ops basic indexing is made of: select, slice and alias, each with its backward.
/// Arguments are already checked by the indexing code, which owns PyTorch's messages for them.
extension Tensor {
    /// `select(dim, index)` for a valid, non-negative `index`: the view without dimension `dim`.
    func selectView(_ dim: Int, _ index: Int) -> Tensor {
        var newShape = shape, newStrides = strides
        let newOffset = offset &+ index &* strides[dim]
        newShape.remove(at: dim)
        newStrides.remove(at: dim)
        return makeView(shape: newShape, strides: newStrides, offset: newOffset)
            .record("SelectBackward0", inputs: [self], saving: { _ in (dim: dim, index: index) }) { ctx, saved in
                [try ctx.grad.embedded(into: ctx.inputShape(0), name: "SelectBackwardBackward0") {
                    $0.selectView(saved.dim, saved.index)
                }]
            }
    }

    /// `slice(dim, start, stop, step)` as `at::slice`: bounds wrap once and clamp, `step > 0`.
    /// Size and stride arithmetic wraps as it does in C++ instead of trapping, so absurd steps
    /// give PyTorch's results: `::2**62` a stride of 0, `::2**63-1` a refused negative stride.
    func sliceView(_ dim: Int, start: Int, stop: Int, step: Int) throws -> Tensor {
        if rank == 0 { throw TorchError.index("slice() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(dim, rank: rank)
        if step <= 0 { throw TorchError.runtime("slice step must be positive") }
        let size = shape[d]
        var lo = start, hi = stop
        if lo < 0 { lo += size }
        if hi < 0 { hi += size }
        lo = Swift.min(Swift.max(lo, 0), size)
        hi = hi < lo ? lo : Swift.min(hi, size)
        let length = hi - lo
        var newShape = shape, newStrides = strides
        newShape[d] = Swift.max((length &+ step &- 1) / step, 0)
        newStrides[d] = strides[d] &* step
        if newStrides[d] < -(1 << 62) {
            throw TorchError.runtime("IntArrayRef contains an int that cannot be represented as a SymInt: \(newStrides[d])")
        }
        if newStrides[d] < 0 {
            throw TorchError.runtime("as_strided: Negative strides are not supported at the moment, got strides: \(Shape.sizeList(newStrides))")
        }
        return makeView(shape: newShape, strides: newStrides, offset: offset &+ lo &* strides[d])
            .record("SliceBackward0", inputs: [self],
                    saving: { _ in (dim: d, start: lo, stop: hi, step: step) }) { ctx, saved in
                [try ctx.grad.embedded(into: ctx.inputShape(0), name: "SliceBackwardBackward0") {
                    try $0.sliceView(saved.dim, start: saved.start, stop: saved.stop, step: saved.step)
                }]
            }
    }

    /// `alias()`: a new view of the same elements (what `t[...]` returns).
    func aliasView() -> Tensor {
        makeView(shape: shape, strides: strides).record("AliasBackward0", inputs: [self]) { ctx, _ in [ctx.grad] }
    }

    /// The adjoint of a view op: zeros of `shape` with this tensor written into `region` of them.
    /// Recorded with `region` itself as its backward, so gradients of gradients follow.
    func embedded(into shape: [Int], name: String, region: @escaping (Tensor) throws -> Tensor) throws -> Tensor {
        let out = try Tensor(zeros: shape, dtype: dtype)
        let target = try GradMode.with(enabled: false) { try region(out) }
        copyElements(from: self, into: target)
        return out.record(name, inputs: [self], saving: { _ in region }) { ctx, region in [try region(ctx.grad)] }
    }
}
