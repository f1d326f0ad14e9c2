import Glibc

/// `logcumsumexp(dim)`: the running `log(Σ exp(x))` along a dimension, forward beside the
/// backward of PyTorch's derivatives.yaml. As PyTorch's CPU kernel, each step adds in double
/// (`max + log1p(exp(min - max))`, the C library's functions) and rounds the partial result.
extension Tensor {
    public func logcumsumexp(dim: Int) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"logcumsumexp_out_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let source = try widened().materialized()
        let out = Tensor(storage: try Storage.make(dtype: source.dtype, count: numel), shape: shape)
        switch source.dtype {
        case .float32: Tensor.logCumSumExpKernel(source, out, d, Float.self)
        default: Tensor.logCumSumExpKernel(source, out, d, Double.self)
        }
        return try out.narrowed(to: dtype).record("LogcumsumexpBackward0", inputs: [self], savesOutput: true,
                                                  saving: { (input: $0.slot(self), dim: d) }) { ctx, saved in
            [try Tensor.logCumSumExpBackward(ctx.grad, ctx.saved(saved.input), ctx.output, dim: saved.dim)]
        }
    }

    private static func logCumSumExpKernel<T: FloatElement>(_ source: Tensor, _ out: Tensor, _ d: Int, _: T.Type) {
        let runs = RunsAlong(shape: source.shape, dim: d)
        withExtendedLifetime(source) {
            let src = source.storage.pointer(T.self) + source.offset, dst = out.storage.pointer(T.self)
            runs.forEach { start in
                var total = -Double.infinity
                for k in 0..<runs.length {
                    let p = start &+ k &* runs.stride
                    total = logAddExpStep(Double(src[p]), total)
                    dst[p] = T(total)
                }
            }
        }
    }

    /// PyTorch's `_log_add_exp_helper(x, y)`: NaN in `y` (or in `x`) propagates; two equal
    /// infinities give `x`.
    @inline(__always)
    private static func logAddExpStep(_ x: Double, _ y: Double) -> Double {
        let low = y.isNaN ? y : (y < x ? y : x), high = y.isNaN ? y : (x < y ? y : x)
        guard low != high || low.isFinite else { return x }
        return Glibc.log1p(Glibc.exp(low - high)) + high
    }

    /// The gradient through positive and negative parts of `grad` in log space, each a reversed
    /// logcumsumexp (TensorFlow's formula, which PyTorch follows).
    private static func logCumSumExpBackward(_ grad: Tensor, _ input: Tensor, _ output: Tensor, dim: Int) throws -> Tensor {
        if grad.rank == 0 || grad.numel == 0 { return grad }
        let lowest = try Tensor.full([], .double(grad.dtype == .float64 ? -Double.greatestFiniteMagnitude : -Double(Float.greatestFiniteMagnitude)),
                                     dtype: grad.dtype)
        let logMagnitude = try grad.abs().log()
        let zero = try Tensor.wrapping(.int(0))
        func reversed(_ x: Tensor) throws -> Tensor { try x.flip([dim]).logcumsumexp(dim: dim).flip([dim]) }
        let positive = try reversed(Tensor.where(grad.gt(zero), logMagnitude, lowest).sub(output)).add(input).exp()
        let negative = try reversed(Tensor.where(grad.lt(zero), logMagnitude, lowest).sub(output)).add(input).exp()
        return try positive.sub(negative)
    }
}
