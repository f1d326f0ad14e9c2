/// `maximum` / `minimum` of two tensors, broadcast; on ties each side gets half the gradient,
/// as in PyTorch. `amax` / `amin` along dimensions.
extension Tensor {
    public func maximum(_ other: Tensor) throws -> Tensor { try pairwiseExtreme(other, isMax: true) }
    public func minimum(_ other: Tensor) throws -> Tensor { try pairwiseExtreme(other, isMax: false) }

    private func pairwiseExtreme(_ other: Tensor, isMax: Bool) throws -> Tensor {
        let out = try binaryWithoutGraph(isMax ? .maximum : .minimum, other)
        return out.record(isMax ? "MaximumBackward0" : "MinimumBackward0", inputs: [self, other],
                          saving: { (input: $0.slot(self), other: $0.slot(other), isMax: isMax) }) { ctx, saved in
            let (input, other) = (try ctx.saved(saved.input), try ctx.saved(saved.other))
            let zero = try Tensor.wrapping(.int(0))
            let shared = try Tensor.where(input.eq(other), ctx.grad.div(.wrapping(.int(2))), ctx.grad)
            // Each side loses where the other one won.
            let selfLost = saved.isMax ? try input.lt(other) : try input.gt(other)
            let otherLost = saved.isMax ? try input.gt(other) : try input.lt(other)
            return [ctx.needs(0) ? try Tensor.where(selfLost, zero, shared) : nil,
                    ctx.needs(1) ? try Tensor.where(otherLost, zero, shared) : nil]
        }
    }
}

extension Tensor {
    /// `amax(dim, keepdim)` / `amin(dim, keepdim)` over the dimensions `dims` (every one when
    /// empty, as PyTorch's `dim=()`): on ties the gradient is shared evenly (AmaxBackward0).
    public func extremes(along dims: [Int], keepdim: Bool, isMax: Bool) throws -> Tensor {
        let name = isMax ? "amax" : "amin"
        var reduced: [Int] = []
        for dim in dims {
            let d = try Shape.wrapDim(dim, rank: rank)
            if reduced.contains(d) { throw TorchError.runtime("dim \(d) appears multiple times in the list of dims") }
            reduced.append(d)
        }
        if dims.isEmpty { reduced = Array(0..<rank) }
        if numel == 0 && dims.isEmpty {
            throw TorchError.runtime("\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        if let empty = reduced.first(where: { shape[$0] == 0 }) {
            throw TorchError.index("\(name)(): Expected reduction dim \(empty) to have non-zero size.")
        }
        let kept = try GradMode.with(enabled: false) {
            try reduced.reduce(self) { t, d in isMax ? try t.max(dim: d, keepdim: true).values : try t.min(dim: d, keepdim: true).values }
        }
        let out = keepdim ? kept : try kept.squeeze(dims: reduced).contiguous()
        return out.record(isMax ? "AmaxBackward0" : "AminBackward0", inputs: [self],
                          saving: { (input: $0.slot(self), kept: kept, dims: reduced) }) { ctx, saved in
            let mask = try ctx.saved(saved.input).eq(saved.kept)
            let ties = try mask.sum(dims: saved.dims, keepdim: true)
            return [try ctx.grad.reshape(saved.kept.shape).mul(mask).div(ties)]
        }
    }
}
