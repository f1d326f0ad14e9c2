/// The backward formulas PyTorch runs as ops of their own (`tanh_backward`, `sigmoid_backward`,
/// `threshold_backward`, `_softmax_backward_data`, ...). Making each one node, with its own
/// derivative, gives higher-order gradients and the node names PyTorch shows for them.
extension Tensor {
    /// `grad * (1 - y²)` for `y = tanh(x)`.
    static func tanhBackward(_ grad: Tensor, _ y: Tensor) throws -> Tensor {
        try GradMode.with(enabled: false) { try fusedTanhBackward(grad, y) ?? grad.mul(y.mul(y).rsub(.int(1))) }
            .record("TanhBackwardBackward0", inputs: [grad, y], saving: { (grad: $0.slot(grad), y: $0.slot(y)) }) { ctx, saved in
                [ctx.needs(0) ? try tanhBackward(ctx.grad, ctx.saved(saved.y)) : nil,
                 ctx.needs(1) ? try ctx.grad.mul(ctx.saved(saved.grad)).mul(ctx.saved(saved.y)).mul(.wrapping(.int(-2))) : nil]
            }
    }

    /// `grad * (1 - y) * y` for `y = sigmoid(x)`.
    static func sigmoidBackward(_ grad: Tensor, _ y: Tensor) throws -> Tensor {
        try GradMode.with(enabled: false) { try fusedSigmoidBackward(grad, y) ?? grad.mul(y.rsub(.int(1))).mul(y) }
            .record("SigmoidBackwardBackward0", inputs: [grad, y], saving: { (grad: $0.slot(grad), y: $0.slot(y)) }) { ctx, saved in
                [ctx.needs(0) ? try sigmoidBackward(ctx.grad, ctx.saved(saved.y)) : nil,
                 ctx.needs(1) ? try ctx.grad.mul(ctx.saved(saved.grad)).mul(ctx.saved(saved.y).mul(.wrapping(.int(2))).rsub(.int(1))) : nil]
            }
    }

    /// `grad`, with 0 where `y <= 0` (relu's backward, given its output). Selected, not
    /// multiplied by a mask as PyTorch's `threshold_backward` does: a negative gradient at a
    /// dead unit gives 0, not -0, and a NaN output passes its gradient through.
    static func thresholdBackward(_ grad: Tensor, _ y: Tensor) throws -> Tensor {
        let dead = try y.le(.wrapping(.int(0)))
        return try GradMode.with(enabled: false) { try Tensor.where(dead, .wrapping(.int(0)), grad) }
            .record("ThresholdBackwardBackward0", inputs: [grad, y], saving: y) { ctx, y in
                [ctx.needs(0) ? try thresholdBackward(ctx.grad, y) : nil,
                 ctx.needs(1) ? try Tensor.zerosLike(y) : nil]
            }
    }

    /// `y * (grad - Σ grad·y)` for `y = softmax(x, dim)`.
    static func softmaxBackward(_ grad: Tensor, _ y: Tensor, dim: Int) throws -> Tensor {
        try GradMode.with(enabled: false) {
            try vectorisedSoftmaxBackward(grad, y, dim: dim, log: false) ?? y.mul(grad.sub(grad.mul(y).sum(dims: [dim], keepdim: true)))
        }
            .record("SoftmaxBackwardDataBackward0", inputs: [grad, y],
                    saving: { (grad: $0.slot(grad), y: $0.slot(y), dim: dim) }) { ctx, saved in
                let (grad, y, dim) = (try ctx.saved(saved.grad), try ctx.saved(saved.y), saved.dim)
                let g2 = ctx.grad
                return [ctx.needs(0) ? try softmaxBackward(g2, y, dim: dim) : nil,
                        ctx.needs(1) ? try g2.mul(grad.sub(grad.mul(y).sum(dims: [dim], keepdim: true)))
                            .sub(grad.mul(g2.mul(y).sum(dims: [dim], keepdim: true))) : nil]
            }
    }

    /// `grad - exp(y) · Σ grad` for `y = log_softmax(x, dim)`.
    static func logSoftmaxBackward(_ grad: Tensor, _ y: Tensor, dim: Int) throws -> Tensor {
        try GradMode.with(enabled: false) {
            try vectorisedSoftmaxBackward(grad, y, dim: dim, log: true) ?? grad.sub(y.exp().mul(grad.sum(dims: [dim], keepdim: true)))
        }
            .record("LogSoftmaxBackwardDataBackward0", inputs: [grad, y],
                    saving: { (grad: $0.slot(grad), y: $0.slot(y), dim: dim) }) { ctx, saved in
                let (grad, y, dim) = (try ctx.saved(saved.grad), try ctx.saved(saved.y), saved.dim)
                let g2 = ctx.grad, p = try y.exp()
                return [ctx.needs(0) ? try g2.sub(g2.mul(p).sum(dims: [dim], keepdim: true)) : nil,
                        ctx.needs(1) ? try g2.mul(p).mul(grad.sum(dims: [dim], keepdim: true)).neg() : nil]
            }
    }

    /// float32 and float64 softmax or log_softmax backward by PyTorch's kernels
    /// (`SoftmaxKernel`); nil for other dtypes or shapes, which take the general formula.
    private static func vectorisedSoftmaxBackward(_ grad: Tensor, _ y: Tensor, dim: Int, log: Bool) throws -> Tensor? {
        guard grad.dtype == y.dtype, grad.shape == y.shape, y.rank >= 1 else { return nil }
        switch y.dtype {
        case .float32: return try vectorisedSoftmaxBackward(grad, y, dim: dim, log: log, Float.self)
        case .float64: return try vectorisedSoftmaxBackward(grad, y, dim: dim, log: log, Double.self)
        default: return nil
        }
    }

    private static func vectorisedSoftmaxBackward<T: SoftmaxScalar>(_ grad: Tensor, _ y: Tensor, dim: Int, log: Bool,
                                                                     _: T.Type) throws -> Tensor {
        let (g, output) = (try grad.materialized(), try y.materialized())
        let result = Tensor(storage: try Storage.make(dtype: y.dtype, uninitializedCount: y.numel), shape: y.shape)
        let count = y.shape[dim], inner = Shape.count(Array(y.shape[(dim + 1)...]))
        let outer = count == 0 || inner == 0 ? 0 : y.numel / (count * inner)
        withExtendedLifetime((g, output)) {
            let gradient = UnsafePointer(g.storage.pointer(T.self) + g.offset)
            let values = UnsafePointer(output.storage.pointer(T.self) + output.offset)
            let destination = result.storage.pointer(T.self)
            if dim == y.rank - 1 {
                SoftmaxKernel<T>.lastDimBackward(gradient, values, destination, rows: outer, count: count, log: log)
            } else {
                SoftmaxKernel<T>.innerDimBackward(gradient, values, destination, outer: outer, count: count, inner: inner, log: log)
            }
        }
        return result
    }
}
