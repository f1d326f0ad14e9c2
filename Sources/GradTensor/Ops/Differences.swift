/// `diff`: differences of neighbours along a dimension, composed as PyTorch composes it (slices
/// and a subtraction, `logical_xor` for bools), so its graph and gradient are those ops'.
extension Tensor {
    public func diff(n: Int = 1, dim: Int = -1, prepend: Tensor? = nil, append: Tensor? = nil) throws -> Tensor {
        if rank == 0 { throw TorchError.runtime("diff expects input to be at least one-dimensional") }
        if n < 0 { throw TorchError.runtime("order must be non-negative but got \(n)") }
        let d = try Shape.wrapDim(dim, rank: rank)
        var out = self
        if prepend != nil || append != nil {
            out = try Tensor.cat([prepend, self, append].compactMap { $0 }, dim: d)
        }
        for _ in 0..<n {
            let length = out.shape[d]
            if length == 0 { break }
            let later = try out.sliceView(d, start: 1, stop: length, step: 1)
            let earlier = try out.sliceView(d, start: 0, stop: length - 1, step: 1)
            out = dtype == .bool ? try later.logicalXor(earlier) : try later.sub(earlier)
        }
        return out
    }
}
