/// Loss functions recorded as one node each, so `loss.grad_fn` names the loss as PyTorch does.
extension Tensor {
    /// How a loss combines its elementwise terms (`reduction=` in PyTorch).
    public enum LossReduction: String, Sendable {
        case none, mean, sum
    }

    /// `mse_loss(input, target, reduction)`: squared differences (broadcast), then their mean,
    /// sum, or each of them; recorded as `MseLossBackward0`.
    public func mseLoss(_ target: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
        let squared = try GradMode.with(enabled: false) { () throws -> Tensor in
            let diff = try sub(target)
            return try diff.mul(diff)
        }
        let out: Tensor
        switch reduction {
        case .none: out = squared
        case .sum: out = try GradMode.with(enabled: false) { try squared.sum() }
        case .mean: out = try GradMode.with(enabled: false) { try squared.mean() }
        }
        return out.record("MseLossBackward0", inputs: [self, target],
                          saving: { (input: $0.slot(self), target: $0.slot(target), reduction: reduction,
                                     count: squared.numel) }) { ctx, saved in
            let (input, target, count) = (try ctx.saved(saved.input), try ctx.saved(saved.target), saved.count)
            let mean = saved.reduction == .mean
            // The target's gradient is the same formula with the roles swapped, as in PyTorch.
            return [ctx.needs(0) ? try Tensor.mseLossBackward(ctx.grad, input, target, mean: mean, count: count) : nil,
                    ctx.needs(1) ? try Tensor.mseLossBackward(ctx.grad, target, input, mean: mean, count: count) : nil]
        }
    }

    /// (2 / count) (input - target) · grad, count the element count for the mean and 1 for
    /// the sum (PyTorch's kernel scales by that one number, rounded to the element type);
    /// recorded as `MseLossBackwardBackward0` so gradients built with `create_graph=True` show
    /// PyTorch's node.
    static func mseLossBackward(_ grad: Tensor, _ input: Tensor, _ target: Tensor, mean: Bool, count: Int) throws -> Tensor {
        let divisor = Scalar.int(Int64(mean ? count : 1))
        let norm = try Tensor.wrapping(.double(2 / divisor.doubleValue))
        let out = try GradMode.with(enabled: false) { try norm.mul(input.sub(target)).mul(grad) }
        return out.record("MseLossBackwardBackward0", inputs: [grad, input, target],
                          saving: { (grad: $0.slot(grad), input: $0.slot(input), target: $0.slot(target),
                                     divisor: divisor) }) { ctx, saved in
            let (grad, input, target) = (try ctx.saved(saved.grad), try ctx.saved(saved.input), try ctx.saved(saved.target))
            let two = try Tensor.wrapping(.int(2)), divisor = try Tensor.wrapping(saved.divisor)
            let dInput = try ctx.grad.mul(grad).mul(two).div(divisor)
            return [ctx.needs(0) ? try ctx.grad.mul(input.sub(target)).mul(two).div(divisor) : nil,
                    ctx.needs(1) ? dInput : nil,
                    ctx.needs(2) ? try dInput.neg() : nil]
        }
    }
}
