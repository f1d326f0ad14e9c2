/// `scatter_reduce` and `scatter` with `reduce=`: each scattered value combined with what the
/// destination holds, instead of replacing it.
public enum ScatterReduction: String, Sendable {
    case sum, prod, mean, amax, amin
}

extension Tensor {
    /// `scatter_reduce(dim, index, src, reduce, include_self)`: a copy where every element that
    /// `index` names becomes the reduction of the `src` values sent there (and of its own value,
    /// with `includeSelf`); recorded as ScatterReduceBackward0.
    public func scatterReduce(dim: Int, index: Tensor, source: Tensor, reduce: ScatterReduction,
                              includeSelf: Bool) throws -> Tensor {
        try scatterReduce(dim: dim, index: index, source: source, reduce: reduce, includeSelf: includeSelf, node: "ScatterReduceBackward0")
    }

    /// `scatterReduce` recorded under `node` (`index_reduce` is one over a per-element index).
    func scatterReduce(dim: Int, index: Tensor, source: Tensor, reduce: ScatterReduction,
                       includeSelf: Bool, node: String) throws -> Tensor {
        let index = try index.asInt64Index()
        let d = try scatterChecks(dim, index, source)
        if reduce == .mean && dtype == .bool {
            throw TorchError.notImplemented("\"scatter_gather_tensor_cpu_reduce_mean\" not implemented for 'Bool'")
        }
        let out = try reducedScatter(d, index, try source.sliced(like: index).materialized(), reduce, includeSelf: includeSelf)
        return out.record(node, inputs: [self, source], savesOutput: true,
                          saving: { saver in (input: saver.slot(self), source: saver.slot(source), dim: d, index: saver.slot(index)) }) { ctx, saved in
            try Tensor.scatterReduceGradients(ctx, input: ctx.saved(saved.input), source: ctx.saved(saved.source), dim: saved.dim, index: ctx.saved(saved.index),
                                              reduce: reduce, includeSelf: includeSelf, node: node)
        }
    }

    /// `scatter(dim, index, src, reduce='add'|'multiply')`: the values summed into or multiplied
    /// with the destination. PyTorch has no gradient for it: backward raises.
    public func scatter(dim: Int, index: Tensor, source: Tensor, reduce: ScatterReduction) throws -> Tensor {
        let index = try index.asInt64Index()
        let d = try scatterChecks(dim, index, source)
        return try notDifferentiableScatter(reducedScatter(d, index, try source.sliced(like: index).materialized(), reduce, includeSelf: true),
                                            inputs: [self, source])
    }

    /// `scatter(dim, index, value, reduce='add'|'multiply')`.
    public func scatter(dim: Int, index: Tensor, value: Scalar, reduce: ScatterReduction) throws -> Tensor {
        let index = try index.asInt64Index()
        let d = try scatterChecks(dim, index, nil)
        let values = try Tensor(zeros: index.shape, dtype: dtype)
        values.fillUnchecked(value)
        return notDifferentiableScatter(try reducedScatter(d, index, values, reduce, includeSelf: true), inputs: [self])
    }

    private func notDifferentiableScatter(_ out: Tensor, inputs: [Tensor]) -> Tensor {
        out.record("torch::autograd::NotImplemented", inputs: inputs) { _, _ in
            throw TorchError.runtime("derivative for aten::scatter is not implemented")
        }
    }

    /// The forward computation, without recording: a copy of this tensor with the contiguous
    /// `values` combined in at `index` along `d`. Without `includeSelf` the places written start
    /// from the reduction's identity (amax and amin: from the first value sent there).
    private func reducedScatter(_ d: Int, _ index: Tensor, _ values: Tensor, _ reduce: ScatterReduction,
                                includeSelf: Bool) throws -> Tensor {
        let out = try cloneDetached()
        let offsets = try offsetsAlong(d, index)
        if !includeSelf {
            switch reduce {
            case .sum, .mean, .prod:
                let start = try Tensor(zeros: index.shape, dtype: dtype)
                start.fillUnchecked(.int(reduce == .prod ? 1 : 0))
                scatterElements(start, into: out, at: offsets, combine: .replace)
            case .amax, .amin:
                scatterElements(values, into: out, at: offsets, combine: .first)
            }
        }
        switch reduce {
        case .sum, .mean: scatterElements(values, into: out, at: offsets, combine: .sum)
        case .prod: scatterElements(values, into: out, at: offsets, combine: .prod)
        case .amax: scatterElements(values, into: out, at: offsets, combine: .amax)
        case .amin: scatterElements(values, into: out, at: offsets, combine: .amin)
        }
        guard reduce == .mean else { return out }
        // Divided by how many values each place took (1 where it took none), in its own dtype;
        // integers round down, as PyTorch's floor division.
        let counts = try Tensor(zeros: shape, dtype: dtype)
        if includeSelf { counts.fillUnchecked(.int(1)) }
        scatterElements(try Tensor.ones(index.shape, dtype: dtype), into: counts, at: offsets, combine: .sum)
        let divisors = try Tensor.where(counts.eq(.wrapping(.int(0))), .wrapping(.int(1)), counts)
        return try GradMode.with(enabled: false) { dtype.isFloatingPoint ? try out.div(divisors) : try out.floorDivide(divisors) }
    }

    /// ScatterReduceBackward0: sum passes the gradient through; mean shares it among a place's
    /// contributors; prod gives each factor the product of the others (a lone zero factor gets the
    /// product of the rest, computed anew); amax and amin split it evenly among the values equal
    /// to the result, self counted even when not included. Without `includeSelf` the places
    /// written give nothing back to self.
    private static func scatterReduceGradients(_ ctx: BackwardContext, input x: Tensor, source: Tensor, dim d: Int,
                                               index: Tensor, reduce: ScatterReduction, includeSelf: Bool,
                                               node: String) throws -> InputGradients {
        let grad = ctx.grad
        let s = try source.sliced(like: index)
        var inputGrad: Tensor
        let sourceGrad: () throws -> Tensor
        switch reduce {
        case .sum:
            inputGrad = grad
            sourceGrad = { try grad.gather(dim: d, index: index) }
        case .mean:
            let counts = try Tensor.full(x.shape, .int(includeSelf ? 1 : 0), dtype: grad.dtype)
                .scatterAdd(dim: d, index: index, source: Tensor.ones(index.shape, dtype: grad.dtype))
            let share = try grad.div(Tensor.where(counts.eq(.wrapping(.int(0))), .wrapping(.int(1)), counts))
            inputGrad = share
            sourceGrad = { try share.gather(dim: d, index: index) }
        case .prod:
            let (zero, one) = (try Tensor.wrapping(.int(0)), try Tensor.wrapping(.int(1)))
            let nonzeroInput = try Tensor.where(x.eq(zero), one, x)
            let othersProduct = try GradMode.with(enabled: false) {
                try nonzeroInput.scatterReduce(dim: d, index: index, source: s, reduce: .prod, includeSelf: includeSelf)
            }
            inputGrad = try grad.mul(othersProduct).div(nonzeroInput)
            sourceGrad = {
                let zeroSource = try s.eq(zero)
                let zerosThere = try Tensor(zeros: x.shape, dtype: x.dtype)
                    .scatterAdd(dim: d, index: index, source: zeroSource.to(x.dtype)).gather(dim: d, index: index)
                let loneZero = try zeroSource.logicalAnd(zerosThere.eq(one))
                let restProduct = try GradMode.with(enabled: false) {
                    try x.scatterReduce(dim: d, index: index, source: Tensor.where(loneZero, one, s), reduce: .prod, includeSelf: includeSelf)
                }
                return try Tensor.where(loneZero, grad.mul(restProduct).gather(dim: d, index: index),
                                        grad.mul(ctx.output).gather(dim: d, index: index).div(Tensor.where(zeroSource, one, s)))
            }
        case .amax, .amin:
            let result = ctx.output
            let inputHits = try x.eq(result).to(grad.dtype)
            let sourceHits = try s.eq(result.gather(dim: d, index: index)).to(grad.dtype)
            let share = try grad.div(inputHits.scatterAdd(dim: d, index: index, source: sourceHits))
            inputGrad = try inputHits.mul(share)
            sourceGrad = { try sourceHits.mul(share.gather(dim: d, index: index)) }
        }
        if !includeSelf { inputGrad = try inputGrad.scatter(dim: d, index: index, value: .int(0)) }
        return [ctx.needs(0) ? inputGrad : nil,
                ctx.needs(1) ? try sourceGradient(ctx, node, index, sourceGrad) : nil]
    }
}
