/// `softmax` and `log_softmax` along a dimension, computed stably (the maximum subtracted first).
extension Tensor {
    public func softmax(dim: Int) throws -> Tensor {
        let d = try checkedSoftmaxDim(dim, name: "softmax_lastdim_kernel_impl")
        // float16 and bfloat16 go through the whole computation in float32, rounded once.
        let source = try widened()
        let out = try GradMode.with(enabled: false) {
            let e = try source.shiftedByMax(d).exp()
            return try e.div(e.sum(dims: [d], keepdim: true)).narrowed(to: dtype)
        }
        return out.record("SoftmaxBackward0", inputs: [self], savesOutput: true, saving: { _ in d }) { ctx, dim in
            [try Tensor.softmaxBackward(ctx.grad, ctx.output, dim: dim)]
        }
    }

    public func logSoftmax(dim: Int) throws -> Tensor {
        let d = try checkedSoftmaxDim(dim, name: "log_softmax_lastdim_kernel_impl")
        let source = try widened()
        let out = try GradMode.with(enabled: false) {
            let shifted = try source.shiftedByMax(d)
            return try shifted.sub(shifted.exp().sum(dims: [d], keepdim: true).log()).narrowed(to: dtype)
        }
        return out.record("LogSoftmaxBackward0", inputs: [self], savesOutput: true, saving: { _ in d }) { ctx, dim in
            [try Tensor.logSoftmaxBackward(ctx.grad, ctx.output, dim: dim)]
        }
    }

    private func checkedSoftmaxDim(_ dim: Int, name: String) throws -> Int {
        let d = try Shape.wrapDim(dim, rank: rank)
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"\(name)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return rank == 0 ? 0 : d
    }

    /// `self - max(self, dim)`, with infinities left alone so rows of -inf stay NaN-free where PyTorch's do.
    private func shiftedByMax(_ d: Int) throws -> Tensor {
        if rank == 0 { return try sub(self) }
        let m = try extremeValues(dim: d, keepdim: true, isMax: true).values
        let finiteMax = try m.mul(m.isFinite()).detach()
        return try sub(finiteMax)
    }

    /// True where the element is neither infinite nor NaN.
    public func isFinite() throws -> Tensor {
        switch dtype {
        case .float32: return try mapUnary(self, Float.self, Bool.self) { $0.isFinite }
        case .float64: return try mapUnary(self, Double.self, Bool.self) { $0.isFinite }
        case .float16, .bfloat16: return try widened().isFinite()
        case .bool, .uint8, .int8, .int16, .int32, .int64: return try Tensor.full(shape, .bool(true), dtype: .bool)
        }
    }
}
