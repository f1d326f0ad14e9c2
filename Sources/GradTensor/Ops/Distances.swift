/// `dist` (DistBackward0) and `pairwise_distance`: p-norms of differences, by the norm kernel,
/// their gradients by PyTorch's `norm_backward`.
extension Tensor {
    /// `dist(other, p)`: the p-norm of `self - other` (broadcast) as one node.
    public func distance(to other: Tensor, p: Double) throws -> Tensor {
        let difference = try GradMode.with(enabled: false) { try detach().sub(other.detach()) }
        let out = try difference.vectorNorm(p: p)
        return out.record("DistBackward0", inputs: [self, other], savesOutput: true,
                          saving: { (input: $0.slot(self), other: $0.slot(other), p: p) }) { ctx, saved in
            let difference = try ctx.saved(saved.input).sub(ctx.saved(saved.other))
            let keptShape = difference.shape.map { _ in 1 }
            let grad = try difference.normGradient(ctx.grad.reshape(keptShape), norm: ctx.output.reshape(keptShape), p: saved.p, dims: nil)
            return [ctx.needs(0) ? grad : nil, ctx.needs(1) ? try grad.neg() : nil]
        }
    }

    /// `pairwise_distance(x1, x2, p, eps, keepdim)`: the p-norm of `x1 - x2 + eps` along the
    /// last dimension of the broadcast (NormBackward1, as ATen's `norm` records it).
    public static func pairwiseDistance(_ x1: Tensor, _ x2: Tensor, p: Double, eps: Double, keepdim: Bool) throws -> Tensor {
        let last = Swift.max(x1.rank, x2.rank) - 1
        return try x1.sub(x2).add(.wrapping(.double(eps))).vectorNorm(p: p, dims: [last], keepdim: keepdim, node: "NormBackward1")
    }
}
