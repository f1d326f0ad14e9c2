/// `renorm(p, dim, maxnorm)`: each slice along `dim` whose p-norm exceeds `maxnorm` scaled down
/// to it (RenormBackward0), as PyTorch's kernel: a factor `maxnorm / (norm + 1e-7)` in the
/// tensor's dtype.
extension Tensor {
    public func renorm(p: Double, dim: Int, maxnorm: Double) throws -> Tensor {
        guard p > 0 else { throw TorchError.runtime("renorm: non-positive-norm not supported") }
        guard maxnorm >= 0 else { throw TorchError.runtime("renorm: expected maxnorm to be >= 0 but got \(Tensor.cNumber(maxnorm))") }
        guard rank > 1 else { throw TorchError.runtime("renorm: input needs at least 2 dimensions, got \(rank) dimensions") }
        let d = try Shape.wrapDim(dim, rank: rank)
        let others = (0..<rank).filter { $0 != d }
        let out = try GradMode.with(enabled: false) { () -> Tensor in
            // The norm's own check refuses integer tensors, as PyTorch's renorm does.
            let norm = try detach().vectorNorm(p: p, dims: others, keepdim: true)
            return try mul(renormFactor(norm, maxnorm))
        }
        return out.record("RenormBackward0", inputs: [self],
                          saving: { (input: $0.slot(self), p: p, maxnorm: maxnorm, others: others) }) { ctx, saved in
            // PyTorch computes this in the CPU accumulate type (double for float) and rounds once.
            let (input, grad) = (try ctx.saved(saved.input), ctx.grad)
            let wide: DType = input.dtype == .float64 || input.dtype == .float32 ? .float64 : .float32
            let norm = try input.to(wide).vectorNorm(p: saved.p, dims: saved.others, keepdim: true)
            let projected = try input.mul(grad).sum(dims: saved.others, keepdim: true, dtype: wide)
            let normPart = try input.normGradient(projected, norm: norm, p: saved.p, dims: saved.others)
            // maxnorm / (norm + eps) · (grad - normPart / (norm + eps)), PyTorch's renorm_backward.
            let inverse = try norm.add(.wrapping(.double(1e-7))).reciprocal()
            let scaled = try inverse.mul(.wrapping(.double(saved.maxnorm))).mul(grad.sub(inverse.mul(normPart)))
            return [try Tensor.where(norm.gt(.wrapping(.double(saved.maxnorm))), scaled.to(grad.dtype), grad)]
        }
    }

    /// `maxnorm / (norm + eps)` where the norm exceeds `maxnorm`, else 1, computed in the norm's dtype.
    private func renormFactor(_ norm: Tensor, _ maxnorm: Double) throws -> Tensor {
        let limit = try Tensor.full([], .double(maxnorm), dtype: norm.dtype)
        let shrink = try limit.div(norm.add(Tensor.full([], .double(1e-7), dtype: norm.dtype)))
        return try Tensor.where(norm.gt(limit), shrink, Tensor.onesLike(norm))
    }
}
