/// `smooth_l1_loss`, `huber_loss`, `binary_cross_entropy` and `binary_cross_entropy_with_logits`,
/// each one node under PyTorch's name. Values are composed from tensor ops in the order of
/// PyTorch's CPU kernels, gradients by its backward formulas (tensor ops too, so
/// `create_graph=True` records them); both agree with PyTorch's to the bit where the ops they are
/// made of do.
extension Tensor {
    /// Smooth L1: 0.5 z² / beta where z = |input - target| < beta, else z - 0.5 beta.
    public func smoothL1Loss(_ target: Tensor, beta: Double, reduction: LossReduction) throws -> Tensor {
        let terms = try GradMode.with(enabled: false) { () throws -> Tensor in
            let z = try sub(target).abs(), b = try Tensor.wrapping(.double(beta))
            let inside = try Tensor.wrapping(.double(0.5)).mul(z).mul(z).div(b)
            return try Tensor.where(z.lt(b), inside, z.sub(.wrapping(.double(0.5 * beta))))
        }
        return try reducedLoss(terms, reduction).record(
            "SmoothL1LossBackward0", inputs: [self, target],
            saving: { (input: $0.slot(self), target: $0.slot(target), beta: beta, reduction: reduction,
                       count: reduction == .mean ? terms.numel : 1) }
        ) { ctx, saved in
            // Slope ±1 outside (-beta, beta), d / beta inside, times grad / count.
            let d = try ctx.saved(saved.input).sub(ctx.saved(saved.target)), b = try Tensor.wrapping(.double(saved.beta))
            let norm = try Tensor.full([], .double(1 / Double(saved.count)), dtype: d.dtype)
            let inside = try norm.mul(d).mul(ctx.grad).div(b)
            let grad = try Tensor.where(d.le(b.neg()), norm.neg().mul(ctx.grad),
                                        Tensor.where(d.ge(b), norm.mul(ctx.grad), inside))
            return [ctx.needs(0) ? grad : nil, ctx.needs(1) ? try grad.neg() : nil]
        }
    }

    /// Huber: 0.5 z² where z = |input - target| < delta, else delta (z - 0.5 delta).
    public func huberLoss(_ target: Tensor, delta: Double, reduction: LossReduction) throws -> Tensor {
        let terms = try GradMode.with(enabled: false) { () throws -> Tensor in
            let z = try sub(target).abs(), d = try Tensor.wrapping(.double(delta))
            let inside = try Tensor.wrapping(.double(0.5)).mul(z).mul(z)
            return try Tensor.where(z.lt(d), inside, d.mul(z.sub(.wrapping(.double(0.5 * delta)))))
        }
        return try reducedLoss(terms, reduction).record(
            "HuberLossBackward0", inputs: [self, target],
            saving: { (input: $0.slot(self), target: $0.slot(target), delta: delta, reduction: reduction,
                       count: reduction == .mean ? terms.numel : 1) }
        ) { ctx, saved in
            // Slope ±delta outside (-delta, delta), d inside, times grad / count.
            let d = try ctx.saved(saved.input).sub(ctx.saved(saved.target)), delta = try Tensor.wrapping(.double(saved.delta))
            let norm = try Tensor.full([], .double(1 / Double(saved.count)), dtype: d.dtype)
            let grad = try Tensor.where(d.le(delta.neg()), norm.neg().mul(delta).mul(ctx.grad),
                                        Tensor.where(d.ge(delta), norm.mul(delta).mul(ctx.grad), norm.mul(d).mul(ctx.grad)))
            return [ctx.needs(0) ? grad : nil, ctx.needs(1) ? try grad.neg() : nil]
        }
    }

    /// Binary cross entropy of probabilities: (target - 1) max(log(1 - input), -100)
    /// - target max(log(input), -100), times the weight.
    public func binaryCrossEntropy(_ target: Tensor, weight: Tensor?, reduction: LossReduction) throws -> Tensor {
        try Tensor.refuseTargetGradient(target, "binary_cross_entropy")
        let terms = try GradMode.with(enabled: false) { () throws -> Tensor in
            let logOfRest = try neg().log1p().clamp(min: .int(-100), max: nil)
            let logOfInput = try log().clamp(min: .int(-100), max: nil)
            let loss = try target.sub(.wrapping(.int(1))).mul(logOfRest).sub(target.mul(logOfInput))
            return try weight.map { try loss.mul($0) } ?? loss
        }
        return try reducedLoss(terms, reduction).record(
            "BinaryCrossEntropyBackward0", inputs: [self],
            saving: { saver in (input: saver.slot(self), target: saver.slot(target), weight: weight.map { saver.slot($0) },
                               reduction: reduction, count: reduction == .mean ? terms.numel : 1) }
        ) { ctx, saved in
            // grad (input - target) / max((1 - input) input, 1e-12), times the weight, over the count.
            let x = try ctx.saved(saved.input)
            let spread = try Tensor.wrapping(.int(1)).sub(x).mul(x).clamp(min: .double(1e-12), max: nil)
            var grad = try ctx.grad.mul(x.sub(ctx.saved(saved.target))).div(spread)
            if let weight = saved.weight { grad = try grad.mul(ctx.saved(weight)) }
            return [saved.count == 1 ? grad : try grad.div(.wrapping(.int(Int64(saved.count))))]
        }
    }

    /// Binary cross entropy of logits: (1 - target) input - log_sigmoid(input), the log-sigmoid
    /// weighted by (pos_weight - 1) target + 1 when given, all times the weight.
    public func binaryCrossEntropyWithLogits(_ target: Tensor, weight: Tensor?, posWeight: Tensor?,
                                             reduction: LossReduction) throws -> Tensor {
        try Tensor.refuseTargetGradient(target, "binary_cross_entropy_with_logits")
        let terms = try GradMode.with(enabled: false) { () throws -> Tensor in
            var logSigmoid = try clamp(min: nil, max: .int(0)).sub(abs().neg().exp().log1p())
            if let posWeight {
                logSigmoid = try logSigmoid.mul(posWeight.sub(.wrapping(.int(1))).mul(target).add(.wrapping(.int(1))))
            }
            let loss = try Tensor.wrapping(.int(1)).sub(target).mul(self).sub(logSigmoid)
            return try weight.map { try loss.mul($0) } ?? loss
        }
        return try reducedLoss(terms, reduction).record(
            "BinaryCrossEntropyWithLogitsBackward0", inputs: [self],
            saving: { saver in (input: saver.slot(self), target: saver.slot(target), weight: weight.map { saver.slot($0) },
                               posWeight: posWeight.map { saver.slot($0) }, reduction: reduction,
                               count: reduction == .mean ? terms.numel : 1) }
        ) { ctx, saved in
            // (sigmoid(input) - target), or ((pos_weight target + 1 - target) sigmoid(input)
            // - pos_weight target), times grad and the weight, over the count.
            var grad: Tensor
            if let posWeight = saved.posWeight {
                let scaled = try ctx.saved(posWeight).mul(ctx.saved(saved.target))
                grad = try scaled.add(.wrapping(.int(1))).sub(ctx.saved(saved.target)).mul(ctx.saved(saved.input).sigmoid()).sub(scaled)
            } else {
                grad = try ctx.saved(saved.input).sigmoid().sub(ctx.saved(saved.target))
            }
            grad = try grad.mul(ctx.grad)
            if let weight = saved.weight { grad = try grad.mul(ctx.saved(weight)) }
            return [saved.count == 1 ? grad : try grad.div(.wrapping(.int(Int64(saved.count))))]
        }
    }

    /// A loss's elementwise terms reduced as asked, unrecorded.
    private func reducedLoss(_ terms: Tensor, _ reduction: LossReduction) throws -> Tensor {
        try GradMode.with(enabled: false) {
            switch reduction {
            case .none: return terms
            case .sum: return try terms.sum()
            case .mean: return try terms.mean()
            }
        }
    }

    /// These losses give no gradient for their target: refused rather than silently left out.
    private static func refuseTargetGradient(_ target: Tensor, _ name: String) throws {
        if GradMode.isEnabled && target.requiresGrad {
            throw TorchError.notImplemented("grad does not compute the gradient of \(name)'s target yet")
        }
    }
}
