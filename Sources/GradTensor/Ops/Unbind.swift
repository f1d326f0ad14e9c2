/// `unbind(dim)`: the views along a dimension, as Python's iteration over a tensor yields them.
extension Tensor {
    /// One view per index along `dim`, each without that dimension. PyTorch records a single
    /// UnbindBackward0 node with one output per view; grad records one node per view under that
    /// name, with the gradient a select's.
    public func unbind(dim: Int = 0) throws -> [Tensor] {
        if rank == 0 { throw Tensor.noDimensions(dim) }
        let d = try Shape.wrapDim(dim, rank: rank)
        let recording = Tensor.needsGraph([self])
        return (0..<shape[d]).map { i in
            var newShape = shape, newStrides = strides
            newShape.remove(at: d)
            newStrides.remove(at: d)
            let view = makeView(shape: newShape, strides: newStrides, offset: offset &+ i &* strides[d])
            // Recorded views returned together may not be written in place (InPlaceWrite.swift).
            if recording { view.links.multiOutputViewIndex = i }
            return view.record("UnbindBackward0", inputs: [self], saving: { _ in (dim: d, index: i) }) { ctx, saved in
                [try ctx.grad.embedded(into: ctx.inputShape(0), name: "StackBackward0") { $0.selectView(saved.dim, saved.index) }]
            }
        }
    }

    /// PyTorch's error for a dimension asked of a 0-dim tensor by an op that needs one.
    static func noDimensions(_ dim: Int) -> TorchError {
        .index("Dimension specified as \(dim) but tensor has no dimensions")
    }
}
