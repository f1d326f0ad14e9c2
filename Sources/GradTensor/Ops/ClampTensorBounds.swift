/// `clamp(min:max:)` with tensor bounds, broadcast against the input (PyTorch's `clamp.Tensor`,
/// ClampBackward0).
extension Tensor {
    /// min(max(x, min), max) elementwise as PyTorch's kernel computes it (`std::max`, then
    /// `std::min`, so a NaN input stays NaN; a NaN bound gives NaN; min > max gives max), in
    /// the type all three promote to. The gradient follows PyTorch's: where x equals one bound
    /// the gradient is split evenly between x and that bound; where it equals both it goes to x;
    /// where min > max it goes to max.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let bounds = [lo, hi].compactMap { $0 }
        let dtype = TypePromotion.resultType([self] + bounds)
        let out = try GradMode.with(enabled: false) { () -> Tensor in
            var result = try materializedIfCast(to: dtype)
            if let lo { result = try Tensor.where(result.lt(lo), lo, result) }
            if let hi { result = try Tensor.where(hi.lt(result), hi, result) }
            for bound in bounds where bound.dtype.isFloatingPoint {
                result = try Tensor.where(bound.ne(bound), bound, result)
            }
            return try result.materializedIfCast(to: dtype)
        }
        return out.record("ClampBackward0", inputs: [self] + bounds,
                          saving: { saver in (input: saver.save(self), min: lo.map { saver.save($0) }, max: hi.map { saver.save($0) }) }) { ctx, saved in
            let shares = try Tensor.clampGradientShares(saved.input, min: saved.min, max: saved.max)
            var grads: InputGradients = [try ctx.grad.mul(shares.input)]
            if let share = shares.min { grads.append(try ctx.grad.mul(share)) }
            if let share = shares.max { grads.append(try ctx.grad.mul(share)) }
            return grads
        }
    }

    /// The parts of the gradient that go to the input and to each bound given.
    private static func clampGradientShares(_ x: Tensor, min lo: Tensor?, max hi: Tensor?) throws
        -> (input: Tensor, min: Tensor?, max: Tensor?) {
        let (zero, half, one) = (try Tensor.wrapping(.double(0)), try Tensor.wrapping(.double(0.5)), try Tensor.wrapping(.double(1)))
        let none = try Tensor.full([], .bool(false), dtype: .bool)
        let crossed = try lo.flatMap { lo in try hi.map { try lo.gt($0) } } ?? none
        let below = try lo.map { try x.lt($0) } ?? none, above = try hi.map { try x.gt($0) } ?? none
        let atMin = try lo.map { try x.eq($0) } ?? none, atMax = try hi.map { try x.eq($0) } ?? none
        let atBoth = try atMin.logicalAnd(atMax)
        let outside = try crossed.logicalOr(below).logicalOr(above)
        let input = try Tensor.where(outside, zero, Tensor.where(atBoth, one, Tensor.where(atMin.logicalOr(atMax), half, one)))
        let minShare = try lo.map { _ in
            try Tensor.where(crossed, zero, Tensor.where(below, one, Tensor.where(atMin.logicalAnd(atMax.logicalNot()), half, zero)))
        }
        let maxShare = try hi.map { _ in
            try Tensor.where(crossed.logicalOr(above), one, Tensor.where(atMax.logicalAnd(atMin.logicalNot()), half, zero))
        }
        return (input, minShare, maxShare)
    }
}
