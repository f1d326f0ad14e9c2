import Glibc

/// `fmax`, `fmin`: the larger (smaller) of two broadcast tensors, a NaN losing to a number (C's
/// `fmax`), with the gradient to the side chosen.
extension Tensor {
    public func fmax(_ other: Tensor) throws -> Tensor { try numberPreferringExtreme(other, isMax: true) }
    public func fmin(_ other: Tensor) throws -> Tensor { try numberPreferringExtreme(other, isMax: false) }

    private func numberPreferringExtreme(_ other: Tensor, isMax: Bool) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        let (a, b) = (try widened(through: dtype), try other.widened(through: dtype))
        let out: Tensor
        switch a.dtype {
        case .float64: out = try mapBinary(a, b, shape: shape, Double.self, Double.self, isMax ? Glibc.fmax : Glibc.fmin)
        case .float32: out = try mapBinary(a, b, shape: shape, Float.self, Float.self, isMax ? Glibc.fmaxf : Glibc.fminf)
        case .int64: out = try mapBinary(a, b, shape: shape, Int64.self, Int64.self, isMax ? Swift.max : Swift.min)
        default: throw TorchError.notImplemented("\"\(isMax ? "fmax" : "fmin")_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return try out.narrowed(to: dtype).record(isMax ? "FmaxBackward0" : "FminBackward0", inputs: [self, other],
                                                  saving: { (input: $0.slot(self), other: $0.slot(other), isMax: isMax) }) { ctx, saved in
            let (x, y) = (try ctx.saved(saved.input), try ctx.saved(saved.other))
            // The input wins where it is not beaten, or where the other one is NaN.
            let inputWins = try (saved.isMax ? x.ge(y) : x.le(y)).logicalOr(y.ne(y))
            let zero = try Tensor.wrapping(.int(0))
            return [ctx.needs(0) ? try ctx.grad.maskedFill(inputWins.logicalNot(), zero) : nil,
                    ctx.needs(1) ? try ctx.grad.maskedFill(inputWins, zero) : nil]
        }
    }
}
