/// `quantile` and `nanquantile`, composed from `sort`, `gather` and `lerp` in the steps of
/// PyTorch's `quantile_impl`, so the values, the graph (`SqueezeBackward4` over
/// `LerpBackward1` or `GatherBackward0`, over `SortBackward0`) and the gradients are PyTorch's.
public enum QuantileInterpolation: String, Sendable {
    case linear, lower, higher, midpoint, nearest
}

extension Tensor {
    /// The `q`-th quantiles (q a 0-dim or 1-D tensor of this dtype, values in [0, 1]) of all
    /// elements, or along `dim`; a 1-D `q` adds a leading dimension. `quantile` is NaN where a
    /// run holds a NaN; `nanquantile` (`ignoringNaN`) leaves NaNs out.
    public func quantile(_ q: Tensor, dim: Int?, keepdim: Bool, interpolation: QuantileInterpolation,
                         ignoringNaN: Bool) throws -> Tensor {
        let d = try Shape.wrapDim(dim ?? 0, rank: rank)
        guard numel > 0 else { throw TorchError.runtime("quantile() input tensor must be non-empty") }
        guard q.rank <= 1 else { throw TorchError.runtime("quantile() q must be a scalar or 1D tensor") }
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.runtime("quantile() input tensor must be either float or double dtype")
        }
        guard q.dtype == dtype else { throw TorchError.runtime("quantile() q tensor must be same dtype as the input tensor") }
        var outShape: [Int] = []
        if dim != nil && rank > 0 {
            outShape = shape
            if keepdim { outShape[d] = 1 } else { outShape.remove(at: d) }
        } else if keepdim {
            outShape = shape.map { _ in 1 }
        }
        let inRange = try q.ge(.wrapping(.int(0))).logicalAnd(q.le(.wrapping(.int(1))))
        guard try inRange.eq(.wrapping(.bool(false))).sum().item().doubleValue == 0 else {
            throw TorchError.runtime("quantile() q values must be in the range [0, 1]")
        }
        // The runs to take quantiles of, sorted along the last dimension.
        let sorted: Tensor
        if dim == nil {
            sorted = try flatten().sort().values
        } else if d == rank - 1 {
            sorted = try sort().values
        } else {
            sorted = try unsqueeze(-1).transpose(d, -1).sort().values
        }
        let runs = try sorted.view(outShape + [sorted.shape.last ?? 1])
        guard runs.shape[runs.rank - 1] <= 1 << 24 else { throw TorchError.runtime("quantile() input tensor is too large") }

        var ranks = try quantileRanks(q, of: runs, ignoringNaN: ignoringNaN)
        switch interpolation {
        case .lower: ranks = try ranks.floor()
        case .higher: ranks = try ranks.ceil()
        case .nearest: ranks = try ranks.round()
        case .linear, .midpoint: break
        }
        let ranksBelow = try ranks.to(.int64)
        var values = try runs.gather(dim: -1, index: ranksBelow)
        if interpolation == .linear || interpolation == .midpoint {
            let weights = interpolation == .midpoint
                ? try Tensor.fullLike(ranks, .double(0.5), dtype: dtype) : try ranks.sub(ranksBelow).to(dtype)
            let above = try runs.gather(dim: -1, index: ranks.ceil().to(.int64))
            values = try values.lerp(above, weight: weights)
        }
        if q.rank == 0 {
            try values.squeeze_(dims: [-1])
        } else {
            try values.unsqueeze_(0).transpose_(0, -1).squeeze_(dims: [-1])
        }
        return values
    }

    /// Each quantile's position in its sorted run, in double (PyTorch's CPU path computes the
    /// ranks in double): q × (the run's last index). For `quantile`
    /// a run holding a NaN answers its last position (where the NaN sorted); for `nanquantile`
    /// the last index counts the numbers only, and an all-NaN run answers position 0.
    private func quantileRanks(_ q: Tensor, of runs: Tensor, ignoringNaN: Bool) throws -> Tensor {
        try GradMode.with(enabled: false) {
            let (isNaN, q) = (try runs.ne(runs), try q.to(.float64))
            if ignoringNaN {
                let lastIndex = try isNaN.logicalNot().sum(dims: [-1], keepdim: true).sub(.wrapping(.int(1)))
                let ranks = try q.mul(lastIndex)
                return try ranks.maskedFill(ranks.lt(.wrapping(.int(0))), .wrapping(.int(0)))
            }
            let lastIndex = Int64(runs.shape[runs.rank - 1] - 1)
            let hasNaN = try isNaN.sum(dims: [-1], keepdim: true).gt(.wrapping(.int(0)))
            let ranks = try q.mul(.wrapping(.int(lastIndex)))
            let shape = try Shape.broadcast(ranks.shape, hasNaN.shape)
            return try ranks.expand(shape).maskedFill(hasNaN.expand(shape), .wrapping(.int(lastIndex)))
        }
    }
}
