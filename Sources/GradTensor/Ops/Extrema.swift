/// `maximum` / `minimum` of two tensors, broadcast; on ties each side gets half the gradient,
/// as in PyTorch.
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
