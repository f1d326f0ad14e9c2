/// `unbind(dim)`: the views along a dimension, as Python's iteration over a tensor yields them.
extension Tensor {
    /// One view per index along `dim`, each without that dimension: the outputs of one
    /// UnbindBackward0 node, whose gradient stacks theirs (zeros for a view that got none).
    public func unbind(dim: Int = 0) throws -> [Tensor] {
        if rank == 0 { throw Tensor.noDimensions(dim) }
        let d = try Shape.wrapDim(dim, rank: rank)
        let recording = Tensor.needsGraph([self])
        var newShape = shape, newStrides = strides
        newShape.remove(at: d)
        newStrides.remove(at: d)
        let views = (0..<shape[d]).map { i in
            let view = makeView(shape: newShape, strides: newStrides, offset: offset &+ i &* strides[d])
            // Recorded views returned together may not be written in place (InPlaceWrite.swift).
            if recording { view.links.multiOutputViewIndex = i }
            return view
        }
        Tensor.record(outputs: views, "UnbindBackward0", inputs: [self], saving: { _ in d }) { ctx, dim in
            if ctx.outputGrads.isEmpty { return [try ctx.grad.unsqueeze(dim)] }
            return [try Tensor.stack(ctx.outputGrads.indices.map { try ctx.materializedGrad($0) }, dim: dim)]
        }
        return views
    }

    /// PyTorch's error for a dimension asked of a 0-dim tensor by an op that needs one.
    static func noDimensions(_ dim: Int) -> TorchError {
        .index("Dimension specified as \(dim) but tensor has no dimensions")
    }
}
