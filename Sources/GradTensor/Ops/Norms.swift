/// `norm` / `linalg.vector_norm`, recorded as one `LinalgVectorNormBackward0` node as in PyTorch.
extension Tensor {
    /// The p-norm over `dims` (nil: every element): p = 2 by default, 1, any positive p, or
    /// infinity (the largest magnitude).
    /// `node` names the graph node: `NormBackward1` for ATen's `norm` (which `pairwise_distance` calls).
    public func vectorNorm(p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false,
                           node: String = "LinalgVectorNormBackward0") throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        guard p > 0 else { throw TorchError.notImplemented("vector_norm: only positive orders are supported by grad, got \(p)") }
        if p == .infinity && numel == 0 { try checkLargestOfEmpty(dims) }
        let keptShape = try ReductionLayout.keptShape(self, dims)
        // float16 and bfloat16 in float32, rounded once.
        let source = try widened()
        let layout = try ReductionLayout(source, dims: dims, dtype: source.dtype)
        let out = try (source.dtype == .float64 ? try layout.norms(Double.self, p: p, keepdim: keepdim)
                                                : try layout.norms(Float.self, p: p, keepdim: keepdim)).narrowed(to: dtype)
        return out.record(node, inputs: [self], savesOutput: true,
                          saving: { (input: $0.slot(self), p: p, dims: dims, keptShape: keptShape) }) { ctx, saved in
            let norm = try ctx.output.reshape(saved.keptShape)
            return [try ctx.saved(saved.input).normGradient(ctx.grad.reshape(saved.keptShape), norm: norm, p: saved.p, dims: saved.dims)]
        }
    }

    /// The gradient reaching this input of its p-norm `norm` (kept dims) from `g` (kept dims):
    /// PyTorch's `norm_backward`, each order's formula in its order of operations.
    func normGradient(_ g: Tensor, norm: Tensor, p: Double, dims: [Int]?) throws -> Tensor {
        let input = self
        let zero = try Tensor.wrapping(.int(0))
        if p == 1 { return try g.mul(input.sign()) }
        if p == .infinity {
            // Shared evenly among the elements of largest magnitude, as PyTorch's amax backward.
            let mask = try input.abs().eq(norm.detach())
            let ties = try mask.sum(dims: dims, keepdim: true)
            return try g.mul(input.sign()).mul(mask).div(ties)
        }
        let isZero = try norm.eq(zero)
        if p == 2 {
            // grad · (x / norm), zero where the norm is; the product last, so a gradient
            // graph ends in MulBackward0.
            return try g.mul(Tensor.where(isZero, zero, input.div(norm)))
        }
        if p < 1 {
            // sgn(x) |x|^(p-1) (zero where x is) · grad · norm^(1-p).
            let scaled = try Tensor.where(input.eq(zero), zero, input.sign().mul(input.abs().pow(.wrapping(.double(p - 1)))))
            return try scaled.mul(g).mul(norm.pow(.wrapping(.double(1 - p))))
        }
        // sgn(x) |x|^(p-1) below 2, x |x|^(p-2) above, times grad / norm^(p-1) (zero where
        // the norm is).
        let scale = try Tensor.where(isZero, zero, g.div(norm.pow(.wrapping(.double(p - 1)))))
        let direction = p < 2 ? try input.sign().mul(input.abs().pow(.wrapping(.double(p - 1))))
                              : try input.mul(input.abs().pow(.wrapping(.double(p - 2))))
        return try direction.mul(scale)
    }

    /// The infinity norm has no value for no elements: PyTorch's errors for an empty input
    /// reduced whole or over an empty dimension (its message lacks the space before "because").
    private func checkLargestOfEmpty(_ dims: [Int]?) throws {
        guard let dims, !dims.isEmpty else {
            throw TorchError.runtime("linalg.vector_norm cannot compute the inf norm on an empty tensor because the operation does not have an identity")
        }
        for d in dims {
            let w = try Shape.wrapDim(d, rank: rank)
            if shape[w] == 0 {
                throw TorchError.runtime("linalg.vector_norm cannot compute the inf norm on the dimension \(d)because this dimension is empty and the operation does not have an identity")
            }
        }
    }
}
