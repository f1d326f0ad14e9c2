/// Rounding: `floor`, `ceil`, `round`, `trunc` (zero gradients, as in PyTorch) and `frac`
/// (the gradient passes through).
extension Tensor {
    public func floor() throws -> Tensor { try rounded(.down, "FloorBackward0") }
    public func ceil() throws -> Tensor { try rounded(.up, "CeilBackward0") }
    public func trunc() throws -> Tensor { try rounded(.towardZero, "TruncBackward0") }

    /// Half to even; with `decimals`, at that many decimal places (`RoundBackward1`).
    public func round(decimals: Int = 0) throws -> Tensor {
        if decimals == 0 { return try rounded(.toNearestOrEven, "RoundBackward0") }
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"round_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let scale = Double.pow10(Swift.abs(decimals))
        let out = decimals > 0
            ? try mapKeepingType(float: { ($0 * scale).rounded(.toNearestOrEven) / scale }, int: { $0 })
            : try mapKeepingType(float: { ($0 / scale).rounded(.toNearestOrEven) * scale }, int: { $0 })
        return out.record("RoundBackward1", inputs: [self]) { ctx, _ in [try ctx.grad.mul(.wrapping(.int(0)))] }
    }

    /// The fractional part `x - trunc(x)`, floating tensors only.
    public func frac() throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"frac_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return try mapKeepingType(float: { $0 - $0.rounded(.towardZero) }, int: { $0 })
            .record("FracBackward0", inputs: [self]) { ctx, _ in [ctx.grad] }
    }

    /// Integer tensors are already whole: PyTorch returns a copy (and refuses bools).
    private func rounded(_ rule: FloatingPointRoundingRule, _ name: String) throws -> Tensor {
        if dtype == .bool {
            let kernel = name.prefix { $0 != "B" }.lowercased()
            throw TorchError.notImplemented("\"\(kernel)_vml_cpu\" not implemented for 'Bool'")
        }
        let out = try dtype.isFloatingPoint ? mapKeepingType(float: { $0.rounded(rule) }, int: { $0 }) : materialized()
        return out.record(name, inputs: [self]) { ctx, _ in [try ctx.grad.mul(.wrapping(.int(0)))] }
    }
}

private extension Double {
    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<Swift.min(n, 400) { r *= 10 }
        return r
    }
}
