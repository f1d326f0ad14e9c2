/// `norm` / `linalg.vector_norm`, recorded as one `LinalgVectorNormBackward0` node as in PyTorch.
extension Tensor {
    /// The p-norm over `dims` (nil: every element): p = 2 by default, 1, any positive p, or
    /// infinity (the largest magnitude).
    public func vectorNorm(p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
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
        return out.record("LinalgVectorNormBackward0", inputs: [self], savesOutput: true,
                          saving: { (input: $0.slot(self), p: p, dims: dims, keptShape: keptShape) }) { ctx, saved in
            let (input, p) = (try ctx.saved(saved.input), saved.p)
            let g = try ctx.grad.reshape(saved.keptShape), norm = try ctx.output.reshape(saved.keptShape)
            let zero = try Tensor.wrapping(.int(0))
            if p == 1 { return [try g.mul(input.sign())] }
            if p == .infinity {
                // Shared evenly among the elements of largest magnitude, as PyTorch's amax backward.
                let mask = try input.abs().eq(norm.detach())
                let ties = try mask.sum(dims: saved.dims, keepdim: true)
                return [try g.mul(input.sign()).mul(mask).div(ties)]
            }
            // x |x|^(p-2) · grad / norm^(p-1), the scale zeroed where the norm is zero; the product
            // comes last, as in PyTorch, so a gradient graph ends in MulBackward0.
            let denominator = p == 2 ? norm : try norm.pow(.wrapping(.double(p - 1)))
            let isZero = try norm.eq(zero)
            let scale = try Tensor.where(isZero, zero, try g.div(try Tensor.where(isZero, Tensor.wrapping(.int(1)), denominator)))
            let direction = p == 2 ? input : try input.mul(try input.abs().pow(.wrapping(.double(p - 2))))
            return [try direction.mul(scale)]
        }
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
