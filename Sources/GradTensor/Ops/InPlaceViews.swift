/// `unsqueeze_`, `squeeze_`, `t_`, `transpose_`: the view ops that change a tensor's own shape
/// and strides instead of returning a view. Recorded as PyTorch records them (UnsqueezeBackward1,
/// SqueezeBackward3/4, TBackward1, TransposeBackward1): a node on this tensor whose input is the
/// tensor as it stood before.
extension Tensor {
    @discardableResult public func unsqueeze_(_ dim: Int) throws -> Tensor {
        try restrided(name: "UnsqueezeBackward1", as: { try $0.unsqueeze(dim) }) { ctx, _ in
            [try ctx.grad.reshape(ctx.inputShape(0))]
        }
    }

    @discardableResult public func squeeze_(dims: [Int]? = nil) throws -> Tensor {
        try restrided(name: dims == nil ? "SqueezeBackward3" : "SqueezeBackward4", as: { try $0.squeeze(dims: dims) }) { ctx, _ in
            [try ctx.grad.reshape(ctx.inputShape(0))]
        }
    }

    @discardableResult public func transpose_(_ d0: Int, _ d1: Int) throws -> Tensor {
        let (a, b) = (try Shape.wrapDim(d0, rank: rank), try Shape.wrapDim(d1, rank: rank))
        return try restrided(name: "TransposeBackward1", as: { try $0.transpose(a, b) }) { ctx, _ in
            [try ctx.grad.transpose(a, b)]
        }
    }

    @discardableResult public func t_() throws -> Tensor {
        try restrided(name: "TBackward1", as: { t in
            if t.rank > 2 { throw TorchError.runtime("t_() expects a tensor with <= 2 dimensions, but self is \(t.rank)D") }
            return try t.t()
        }) { ctx, _ in [try ctx.grad.t()] }
    }

    /// Takes the shape and strides of the view `makeView` makes of this tensor, recording the
    /// change as `name` with `formula`.
    private func restrided(name: String, as makeView: (Tensor) throws -> Tensor,
                           _ formula: @escaping (BackwardContext, Void) throws -> InputGradients) throws -> Tensor {
        let recording = Tensor.needsGraph([self])
        if recording && isLeaf {
            throw TorchError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        let view = try GradMode.with(enabled: false) { try makeView(self) }
        // The tensor as it stood, holding its place in the graph, is the node's input.
        let before = Tensor(storage: storage, shape: shape, strides: strides, offset: offset, version: versionCounter)
        before.graphPosition = graphPosition
        before.requiresGrad = requiresGrad
        layout = view.layout
        if recording { record(name, inputs: [before], formula) }
        return self
    }
}
