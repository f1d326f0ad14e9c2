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
        let count = Int64(squared.numel)
        return out.record("MseLossBackward0", inputs: [self, target], saving: [self, target]) { [self] ctx in
            // d/d input = 2 (input - target) · grad, divided by the count for the mean; the target's
            // gradient is its negation.
            var g = try sub(target).mul(.wrapping(.int(2))).mul(ctx.grad)
            if reduction == .mean { g = try g.div(.wrapping(.int(count))) }
            return [ctx.needs(0) ? g : nil, ctx.needs(1) ? try g.neg() : nil]
        }
    }
}
