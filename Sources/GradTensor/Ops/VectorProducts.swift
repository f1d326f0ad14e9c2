/// Products of vectors besides `dot`: `outer` (composed as PyTorch composes it, so its node is
/// MulBackward0) and `cross`.
extension Tensor {
    /// `outer(vec2)`: the matrix of all products `self[i] * vec2[j]`.
    public func outer(_ other: Tensor) throws -> Tensor {
        for (name, t) in [("self", self), ("vec2", other)] where t.rank != 1 {
            throw TorchError.runtime("outer: Expected 1-D argument \(name), but got \(t.rank)-D")
        }
        return try reshape([shape[0], 1]).mul(other)
    }

    /// `cross(other, dim)`: the cross product of 3-vectors along `dim` (when nil, the first
    /// dimension of size 3), broadcast.
    public func cross(_ other: Tensor, dim: Int?) throws -> Tensor {
        if dtype != other.dtype { throw TorchError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(other.dtype.scalarTypeName)") }
        if rank != other.rank {
            throw TorchError.runtime("linalg.cross: inputs must have the same number of dimensions.")
        }
        if rank == 0 { throw Tensor.noDimensions(dim ?? 0) }
        let shape = try Shape.broadcast(self.shape, other.shape)
        guard let d = try dim.map({ try Shape.wrapDim($0, rank: rank) }) ?? shape.firstIndex(of: 3) else {
            throw TorchError.runtime("no dimension of size 3 in input")
        }
        if self.shape[d] != 3 || other.shape[d] != 3 {
            throw TorchError.runtime("linalg.cross: inputs dimension \(d) must have length 3. Got \(self.shape[d]) and \(other.shape[d])")
        }
        let (a, b) = (try detach().expand(shape), try other.detach().expand(shape))
        let component = { (i: Int, j: Int) in try a.selectView(d, i).mul(b.selectView(d, j)).sub(a.selectView(d, j).mul(b.selectView(d, i))) }
        let out = try GradMode.with(enabled: false) { try Tensor.stack([component(1, 2), component(2, 0), component(0, 1)], dim: d) }
        return out.record("LinalgCrossBackward0", inputs: [self, other],
                          saving: { (input: $0.slot(self), other: $0.slot(other), dim: d) }) { ctx, saved in
            [ctx.needs(0) ? try ctx.saved(saved.other).cross(ctx.grad, dim: saved.dim) : nil,
             ctx.needs(1) ? try ctx.grad.cross(ctx.saved(saved.input), dim: saved.dim) : nil]
        }
    }
}
