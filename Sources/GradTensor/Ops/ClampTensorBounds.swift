/// `clamp(min:max:)`, `clamp_min` and `clamp_max` with tensor bounds, broadcast against the input
/// (PyTorch's `clamp.Tensor`, `clamp_min.Tensor`, `clamp_max.Tensor`).
extension Tensor {
    /// min(max(x, min), max) elementwise as PyTorch's kernel computes it (`std::max`, then
    /// `std::min`, so a NaN input stays NaN; a NaN bound gives NaN; min > max gives max), in
    /// the type all three promote to, recorded as ClampBackward0.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        try clamped(min: lo, max: hi, node: "ClampBackward0")
    }

    /// `clamp_min` with a tensor bound (ClampMinBackward1).
    public func clampMin(_ bound: Tensor) throws -> Tensor {
        try clamped(min: bound, max: nil, node: "ClampMinBackward1")
    }

    /// `clamp_max` with a tensor bound (ClampMaxBackward1).
    public func clampMax(_ bound: Tensor) throws -> Tensor {
        try clamped(min: nil, max: bound, node: "ClampMaxBackward1")
    }

    private func clamped(min lo: Tensor?, max hi: Tensor?, node: String) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let bounds = [lo, hi].compactMap { $0 }
        let dtype = TypePromotion.resultType([self] + bounds)
        let out = try GradMode.with(enabled: false) { () -> Tensor in
            var result = try materializedIfCast(to: dtype)
            if let lo { result = try Tensor.where(result.lt(lo), lo, result) }
            if let hi { result = try Tensor.where(result.gt(hi), hi, result) }
            for bound in bounds where bound.dtype.isFloatingPoint {
                result = try Tensor.where(bound.ne(bound), bound, result)
            }
            return try result.materializedIfCast(to: dtype)
        }
        return out.record(node, inputs: [self] + bounds,
                          saving: { saver in (input: saver.slot(self), min: lo.map { saver.slot($0) }, max: hi.map { saver.slot($0) }) }) { ctx, saved in
            let shares = try Tensor.clampGradientShares(ctx.saved(saved.input), min: saved.min.map(ctx.saved), max: saved.max.map(ctx.saved))
            var grads: InputGradients = [try ctx.grad.mul(shares.input)]
            if let share = shares.min { grads.append(try ctx.grad.mul(share)) }
            if let share = shares.max { grads.append(try ctx.grad.mul(share)) }
            return grads
        }
    }

    /// The parts of the gradient that go to the input and to each bound given, as PyTorch 2.15
    /// splits them: half each where x ties a bound; with both bounds a tie splits only while
    /// min < max, and a NaN anywhere sends nothing to the bounds unless min > max; with one
    /// bound a NaN sends the whole gradient to both x and the bound.
    private static func clampGradientShares(_ x: Tensor, min lo: Tensor?, max hi: Tensor?) throws
        -> (input: Tensor, min: Tensor?, max: Tensor?) {
        let (zero, half, one) = (try Tensor.wrapping(.double(0)), try Tensor.wrapping(.double(0.5)), try Tensor.wrapping(.double(1)))
        /// Nothing where `excluded`, half where `tie`, all elsewhere.
        func share(excluded: Tensor, tie: Tensor) throws -> Tensor {
            try Tensor.where(excluded, zero, Tensor.where(tie, half, one))
        }
        switch (lo, hi) {
        case let (lo?, hi?):
            let ordered = try lo.lt(hi), notCrossed = try lo.le(hi)
            let below = try x.lt(lo), above = try x.gt(hi)
            let tiesMin = try x.eq(lo).logicalAnd(ordered), tiesMax = try x.eq(hi).logicalAnd(ordered)
            let input = try share(excluded: below.logicalOr(above), tie: tiesMin.logicalOr(tiesMax))
            let minShare = try Tensor.where(below.logicalAnd(notCrossed), one, Tensor.where(tiesMin, half, zero))
            let maxShare = try Tensor.where(lo.gt(hi).logicalOr(above.logicalAnd(notCrossed)), one, Tensor.where(tiesMax, half, zero))
            return (input, minShare, maxShare)
        case let (lo?, nil):
            let tie = try x.eq(lo)
            return (try share(excluded: x.lt(lo), tie: tie), try share(excluded: x.gt(lo), tie: tie), nil)
        case let (nil, hi?):
            let tie = try x.eq(hi)
            return (try share(excluded: x.gt(hi), tie: tie), nil, try share(excluded: x.lt(hi), tie: tie))
        case (nil, nil):
            return (one, nil, nil)
        }
    }
}
