/// `copysign`, `signbit`, `heaviside`, `positive`: functions of a number's sign, each forward
/// beside the backward of PyTorch's derivatives.yaml (none for `signbit` and `heaviside`).
extension Tensor {
    /// `|self|` with the sign of `other`, in floating point (integers become float32).
    public func copysign(_ other: Tensor) throws -> Tensor {
        try mapFloatPair(other, { Float(signOf: $1, magnitudeOf: $0) }, { Double(signOf: $1, magnitudeOf: $0) })
            .record(other.isWrappedNumber ? "CopysignBackward1" : "CopysignBackward0", inputs: [self, other], savesOutput: true,
                    saving: { $0.slot(self) }) { ctx, input in
                // The output over the input is ±1, and 0 where the input is 0.
                let x = try ctx.saved(input)
                let ratio = try ctx.output.div(x).maskedFill(x.eq(.wrapping(.int(0))), .wrapping(.int(0)))
                return [ctx.needs(0) ? try ctx.grad.mul(ratio) : nil, ctx.needs(1) ? try ctx.grad.mul(.wrapping(.int(0))) : nil]
            }
    }

    /// Whether the sign bit is set (so `-0.0` counts as negative); never for bool.
    public func signbit() throws -> Tensor {
        switch dtype {
        case .bool: return try Tensor.zerosLike(self, dtype: .bool)
        case .float64: return try mapUnary(self, Double.self, Bool.self) { $0.sign == .minus }
        case _ where dtype.isFloatingPoint: return try mapUnary(widened(), Float.self, Bool.self) { $0.sign == .minus }
        default: return try lt(.wrapping(.int(0)))
        }
    }

    /// `values` where this tensor is 0, else 1 where it is positive and 0 where negative; both
    /// of one dtype, as PyTorch asks.
    public func heaviside(_ values: Tensor) throws -> Tensor {
        guard dtype == values.dtype else {
            throw TorchError.runtime("heaviside is not yet implemented for tensors with different dtypes.")
        }
        let shape = try Shape.broadcastResult(self.shape, values.shape, dtype: dtype)
        let out: Tensor
        switch dtype {
        case .bool: out = try mapBinary(self, values, shape: shape, Bool.self, Bool.self) { $0 ? true : $1 }
        case .float64: out = try Tensor.step(self, values, shape, Double.self)
        case _ where dtype.isFloatingPoint: out = try Tensor.step(widened(), values.widened(), shape, Float.self).narrowed(to: dtype)
        default: out = try Tensor.step(widened(), values.widened(), shape, Int64.self).narrowed(to: dtype)
        }
        return out.record("torch::autograd::NotImplemented", inputs: [self, values]) { _, _ in
            throw TorchError.runtime("derivative for aten::heaviside is not implemented")
        }
    }

    private static func step<T: Element & Comparable & ExpressibleByIntegerLiteral>(_ x: Tensor, _ values: Tensor, _ shape: [Int], _: T.Type) throws -> Tensor {
        try mapBinary(x, values, shape: shape, T.self, T.self) { $0 == 0 ? $1 : $0 > 0 ? 1 : 0 }
    }

    /// `+x`: this tensor itself, refused for bool as PyTorch refuses it.
    public func positive() throws -> Tensor {
        if dtype == .bool { throw TorchError.notImplemented("The `+` operator, on a bool tensor is not supported.") }
        return self
    }
}
