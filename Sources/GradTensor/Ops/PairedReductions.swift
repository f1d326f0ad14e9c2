/// Reductions giving two results from one node: `var_mean`, `std_mean` (VarMeanBackward0,
/// StdMeanBackward0) and `aminmax` (AminmaxBackward0). Each result's gradient, when one
/// arrives, adds to the input's as the lone reduction's would.
extension Tensor {
    /// `var_mean(dim, correction, keepdim)` → (variance, mean), or with `takeSquareRoot`
    /// `std_mean`'s (standard deviation, mean): both from one Welford pass in double, as
    /// PyTorch computes them (the mean's last bits can differ from `mean()`'s).
    public func spreadAndMean(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false,
                              takeSquareRoot: Bool) throws -> (spread: Tensor, mean: Tensor) {
        let source = try spreadSource(name: takeSquareRoot ? "std_mean" : "var_mean")
        let layout = try ReductionLayout(source, dims: dims, dtype: source.dtype)
        let (spread, mean) = source.dtype == .float64
            ? try layout.welfordMoments(Double.self, correction: correction, takeSquareRoot: takeSquareRoot, keepdim: keepdim)
            : try layout.welfordMoments(Float.self, correction: correction, takeSquareRoot: takeSquareRoot, keepdim: keepdim)
        let outputs = [try spread.narrowed(to: dtype), try mean.narrowed(to: dtype)]
        let divisor = Swift.max(Double(layout.inner) - correction, 0)
        let keptShape = try ReductionLayout.keptShape(self, dims)
        let count = Scalar.int(Int64(layout.inner))
        // The standard deviation is saved detached: saving the node's own output would hold it in a cycle.
        let result = outputs[0].detach()
        Tensor.record(outputs: outputs, takeSquareRoot ? "StdMeanBackward0" : "VarMeanBackward0", inputs: [self],
                      saving: { (input: $0.slot(self), result: $0.slot(result, if: takeSquareRoot)) }) { ctx, saved in
            let input = try ctx.saved(saved.input)
            var grad: Tensor?
            if let g = ctx.outputGrads.first ?? nil {
                grad = try saved.result.map {
                    try input.standardDeviationGradient(g, result: ctx.saved($0), dims: dims, keptShape: keptShape, divisor: divisor)
                } ?? input.varianceGradient(g, dims: dims, keptShape: keptShape, divisor: divisor)
            }
            if ctx.outputGrads.count > 1, let g = ctx.outputGrads[1] {
                let spreadMean = try g.reshape(keptShape).expand(ctx.inputShape(0)).div(.wrapping(count))
                grad = try grad.map { try $0.add(spreadMean) } ?? spreadMean
            }
            return [grad]
        }
        return (outputs[0], outputs[1])
    }

    /// `aminmax(dim, keepdim)` → (min, max) over `dim` (all elements when nil); on ties each
    /// gradient is shared evenly among the elements equal to its result, as amin's and amax's.
    public func aminmax(dim: Int?, keepdim: Bool) throws -> (min: Tensor, max: Tensor) {
        let wrapped = try dim.map { try Shape.wrapDim($0, rank: rank) }
        // A 0-dim tensor's one element is its whole.
        let dims = rank == 0 ? [] : wrapped.map { [$0] } ?? Array(0..<rank)
        if dim == nil && numel == 0 {
            throw TorchError.runtime("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.")
        }
        if let d = wrapped, rank > 0, shape[d] == 0 {
            throw TorchError.index("aminmax: Expected reduction dim \(d) to have non-zero size.")
        }
        let plain = detach()
        let kept = [try plain.extremes(along: dims, keepdim: true, isMax: false),
                    try plain.extremes(along: dims, keepdim: true, isMax: true)]
        let outputs = keepdim ? kept : try kept.map { try $0.squeeze(dims: dims).contiguous() }
        Tensor.record(outputs: outputs, "AminmaxBackward0", inputs: [self],
                      saving: { (input: $0.slot(self), kept: kept) }) { ctx, saved in
            let input = try ctx.saved(saved.input)
            var grad: Tensor?
            for (k, g) in ctx.outputGrads.enumerated() {
                guard let g else { continue }
                let mask = try input.eq(saved.kept[k])
                let share = try g.reshape(saved.kept[k].shape).div(mask.sum(dims: dims, keepdim: true)).mul(mask)
                grad = try grad.map { try $0.add(share) } ?? share
            }
            return [grad]
        }
        return (outputs[0], outputs[1])
    }
}
