/// `softmax`, `log_softmax` and `logsumexp` along dimensions, computed stably (the maximum subtracted first).
extension Tensor {
    public func softmax(dim: Int) throws -> Tensor {
        let d = try checkedSoftmaxDim(dim, name: "softmax_lastdim_kernel_impl")
        // float16 and bfloat16 go through the whole computation in float32, rounded once.
        let source = try widened()
        let out = try GradMode.with(enabled: false) {
            if let exact = try vectorisedSoftmax(d, log: false) { return exact }
            let e = try source.shiftedByMax(d).exp()
            return try e.div(e.sum(dims: [d], keepdim: true)).narrowed(to: dtype)
        }
        return out.record("SoftmaxBackward0", inputs: [self], savesOutput: true, saving: { _ in (dim: d, given: dim) }) { ctx, saved in
            [try Tensor.softmaxBackward(ctx.grad, ctx.output, dim: saved.dim)]
        }
    }

    public func logSoftmax(dim: Int) throws -> Tensor {
        let d = try checkedSoftmaxDim(dim, name: "log_softmax_lastdim_kernel_impl")
        let source = try widened()
        let out = try GradMode.with(enabled: false) {
            if let exact = try vectorisedSoftmax(d, log: true) { return exact }
            let shifted = try source.shiftedByMax(d)
            return try shifted.sub(shifted.exp().sum(dims: [d], keepdim: true).log()).narrowed(to: dtype)
        }
        return out.record("LogSoftmaxBackward0", inputs: [self], savesOutput: true, saving: { _ in (dim: d, given: dim) }) { ctx, saved in
            [try Tensor.logSoftmaxBackward(ctx.grad, ctx.output, dim: saved.dim)]
        }
    }

    /// `logsumexp(dim, keepdim)`: log Σ exp over `dims`, as PyTorch computes it (the maxima,
    /// an infinite one taken as 0, subtracted before the exponentials and added back after the
    /// log). Integer tensors are taken as the default float dtype, as in PyTorch.
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        if !dtype.isFloatingPoint { return try to(.defaultFloat).logsumexp(dims: dims, keepdim: keepdim) }
        let reduced = try dims.map { try Shape.wrapDim($0, rank: rank) }
        let out = try GradMode.with(enabled: false) { () -> Tensor in
            var maxima = self
            for d in Set(reduced).sorted() where rank > 0 { maxima = try maxima.max(dim: d, keepdim: true).values }
            let finite = try Tensor.where(maxima.abs().eq(.wrapping(.double(.infinity))), .wrapping(.int(0)), maxima)
            let sums = try sub(finite).exp().sum(dims: reduced, keepdim: keepdim)
            return try sums.log().add(keepdim ? finite : finite.reshape(sums.shape))
        }
        let keptShape = try ReductionLayout.keptShape(self, reduced)
        return out.record("LogsumexpBackward0", inputs: [self], savesOutput: true,
                          saving: { (input: $0.slot(self), keptShape: keptShape) }) { ctx, saved in
            // grad · exp(x − logsumexp(x)), the softmax over the reduced dims.
            let result = try ctx.output.reshape(saved.keptShape)
            return [try ctx.grad.reshape(saved.keptShape).mul(ctx.saved(saved.input).sub(result).exp())]
        }
    }

    /// float32 and float64 softmax or log_softmax by PyTorch's kernels (`SoftmaxKernel`); nil
    /// for other dtypes, which take the general formula.
    private func vectorisedSoftmax(_ d: Int, log: Bool) throws -> Tensor? {
        switch dtype {
        case .float32 where rank >= 1: return try vectorisedSoftmax(d, log: log, Float.self)
        case .float64 where rank >= 1: return try vectorisedSoftmax(d, log: log, Double.self)
        default: return nil
        }
    }

    private func vectorisedSoftmax<T: SoftmaxScalar>(_ d: Int, log: Bool, _: T.Type) throws -> Tensor {
        let input = try materialized()
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: numel), shape: shape)
        let count = shape[d], inner = Shape.count(Array(shape[(d + 1)...]))
        let outer = count == 0 || inner == 0 ? 0 : numel / (count * inner)
        withExtendedLifetime(input) {
            let src = UnsafePointer(input.storage.pointer(T.self) + input.offset), dst = out.storage.pointer(T.self)
            if d == rank - 1 {
                SoftmaxKernel<T>.lastDim(src, dst, rows: outer, count: count, log: log)
            } else if log {
                SoftmaxKernel<T>.innerDimLog(src, dst, outer: outer, count: count, inner: inner)
            } else {
                SoftmaxKernel<T>.innerDim(src, dst, outer: outer, count: count, inner: inner)
            }
        }
        return out
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
