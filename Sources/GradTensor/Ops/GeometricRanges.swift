import Glibc

/// `logspace` and the deprecated `range`: one-dimensional factories whose points PyTorch
/// computes in double and stores in the dtype asked for.
extension Tensor {
    /// `base ** p` for `steps` points `p` from `start` to `end`: the exponents of the first half
    /// counted from the start, the rest from the end (each one fused multiply-add, as PyTorch's
    /// compiler builds its loop), after the ends are taken into the dtype (an integer dtype
    /// truncates them, and the powers).
    public static func logspace(_ start: Scalar, _ end: Scalar, steps: Int, base: Double,
                                dtype: DType = .defaultFloat) throws -> Tensor {
        if steps < 0 { throw TorchError.runtime("number of steps must be non-negative") }
        let t = try Tensor(zeros: [steps], dtype: dtype)
        if steps == 1 { t.setFlat(0, .double(Glibc.pow(base, start.doubleValue))) }
        guard steps > 1 else { return t }
        // The ends in the dtype, and their difference computed there.
        let (low, high) = (try Tensor.full([], start, dtype: dtype), try Tensor.full([], end, dtype: dtype))
        let (a, b) = (try low.item().doubleValue, try high.item().doubleValue)
        let span = try high.binaryWithoutGraph(.sub, low).item().doubleValue
        let step = span / Double(steps - 1)
        for i in 0..<steps {
            let exponent = i < steps / 2 ? a.addingProduct(step, Double(i)) : b.addingProduct(-step, Double(steps - i - 1))
            t.setFlat(i, .double(Glibc.pow(base, exponent)))
        }
        return t
    }

    /// `start, start + step, ...` up to and including `end`, counted and computed in double
    /// (int64 for integer dtypes), as PyTorch's `range`.
    public static func range(_ start: Scalar, _ end: Scalar, step: Scalar, dtype: DType = .defaultFloat) throws -> Tensor {
        let (a, b, s) = (start.doubleValue, end.doubleValue, step.doubleValue)
        if !s.isFinite { throw TorchError.runtime("step must be finite but got \(s.isNaN ? "nan" : s > 0 ? "inf" : "-inf")") }
        if s == 0 { throw TorchError.runtime("step must be nonzero") }
        if !a.isFinite || !b.isFinite { throw TorchError.runtime("unsupported range: \(a) -> \(b)") }
        if (s > 0 && b < a) || (s < 0 && b > a) {
            throw TorchError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        if dtype.isFloatingPoint {
            let n = (b - a) / s + 1
            guard n < 9e18 else { throw TorchError.runtime("invalid size, possible overflow?") }
            let t = try Tensor(zeros: [Int(n)], dtype: dtype)
            for i in 0..<Int(n) { t.setFlat(i, .double(a + Double(i) * s)) }
            return t
        }
        let (ia, ib, istep) = (Int64(a.rounded(.towardZero)), Int64(b.rounded(.towardZero)), Int64(s.rounded(.towardZero)))
        if istep == 0 { throw TorchError.runtime("step must be nonzero") }
        let (span, overflow) = ib.subtractingReportingOverflow(ia)
        let (steps, overflowed) = span.dividedReportingOverflow(by: istep)
        guard !overflow, !overflowed, steps < Int64.max else { throw TorchError.runtime("invalid size, possible overflow?") }
        let t = try Tensor(zeros: [Int(steps + 1)], dtype: dtype)
        for i in 0..<t.numel { t.setFlat(i, .int(ia &+ Int64(i) &* istep)) }
        return t
    }
}
