/// `lgamma`, `digamma`, `polygamma`: forward beside the backward of PyTorch's derivatives.yaml
/// (each one's gradient is the next derivative of digamma times the incoming gradient).
extension Tensor {
    public func lgamma() throws -> Tensor {
        try mapFloat(GammaFunctions.logGamma, GammaFunctions.logGamma)
            .record("LgammaBackward0", inputs: [self], saving: self) { ctx, input in
                [try ctx.grad.mul(input.digamma())]
            }
    }

    public func digamma() throws -> Tensor {
        try mapFloat(GammaFunctions.digamma, GammaFunctions.digamma)
            .record("DigammaBackward0", inputs: [self], saving: self) { ctx, input in
                [try ctx.grad.mul(input.polygamma(1))]
            }
    }

    /// The n-th derivative of digamma; PyTorch refuses a negative n.
    public func polygamma(_ n: Int) throws -> Tensor {
        if n < 0 { throw TorchError.runtime("polygamma(n, x) does not support negative n.") }
        let out: Tensor
        switch n {
        case 0: out = try mapFloat(GammaFunctions.digamma, GammaFunctions.digamma)
        case 1: out = try mapFloat(GammaFunctions.trigamma, GammaFunctions.trigamma)
        default: out = try mapFloat({ GammaFunctions.polygamma(n, $0) }, { GammaFunctions.polygamma(n, $0) })
        }
        return out.record("PolygammaBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.polygamma(n + 1))]
        }
    }
}
