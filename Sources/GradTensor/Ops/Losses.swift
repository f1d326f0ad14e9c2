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
        let count = squared.numel
        return out.record("MseLossBackward0", inputs: [self, target], saving: [self, target]) { [self] ctx in
            // The target's gradient is the same formula with the roles swapped, as in PyTorch.
            [ctx.needs(0) ? try Tensor.mseLossBackward(ctx.grad, self, target, mean: reduction == .mean, count: count) : nil,
             ctx.needs(1) ? try Tensor.mseLossBackward(ctx.grad, target, self, mean: reduction == .mean, count: count) : nil]
        }
    }

    /// 2 (input - target) · grad, divided by the element count for the mean; recorded as
    /// `MseLossBackwardBackward0` so gradients built with `create_graph=True` show PyTorch's node.
    static func mseLossBackward(_ grad: Tensor, _ input: Tensor, _ target: Tensor, mean: Bool, count: Int) throws -> Tensor {
        let divisor = Tensor.wrapping(.int(Int64(mean ? count : 1)))
        let two = Tensor.wrapping(.int(2))
        let out = try GradMode.with(enabled: false) { try input.sub(target).mul(two).mul(grad).div(divisor) }
        return out.record("MseLossBackwardBackward0", inputs: [grad, input, target], saving: [grad, input, target]) { ctx in
            let dInput = try ctx.grad.mul(grad).mul(two).div(divisor)
            return [ctx.needs(0) ? try ctx.grad.mul(input.sub(target)).mul(two).div(divisor) : nil,
                    ctx.needs(1) ? dInput : nil,
                    ctx.needs(2) ? try dInput.neg() : nil]
        }
    }
}
