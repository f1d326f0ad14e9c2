import Glibc

/// `frexp`, `ldexp`, `nextafter`: a float taken apart into mantissa and exponent, put back
/// together, and stepped to its neighbour, each forward beside the backward of PyTorch's
/// derivatives.yaml.
extension Tensor {
    /// The mantissa in [0.5, 1) (with this tensor's sign) and the int32 exponent, C's `frexp`.
    public func frexp() throws -> (mantissa: Tensor, exponent: Tensor) {
        guard dtype.isFloatingPoint else { throw TorchError.runtime("torch.frexp() only supports floating-point dtypes") }
        let input = try widened()
        let (mantissa, exponent): (Tensor, Tensor)
        if input.dtype == .float64 {
            (mantissa, exponent) = (try mapUnary(input, Double.self, Double.self) { Self.split($0).mantissa },
                                    try mapUnary(input, Double.self, Int64.self) { Self.split($0).exponent })
        } else {
            (mantissa, exponent) = (try mapUnary(input, Float.self, Float.self) { Self.split($0).mantissa },
                                    try mapUnary(input, Float.self, Int64.self) { Self.split($0).exponent })
        }
        let exponents = try exponent.materialized(as: .int32)
        let out = try mantissa.narrowed(to: dtype).record("FrexpBackward0", inputs: [self], saving: { _ in exponents }) { ctx, exponents in
            [try ctx.grad.div(exponents.exp2())]
        }
        return (out, exponents)
    }

    /// C's `frexp`: `x = mantissa * 2**exponent` with |mantissa| in [0.5, 1); zeros, infinities
    /// and NaN are their own mantissa with exponent 0.
    private static func split<T: BinaryFloatingPoint>(_ x: T) -> (mantissa: T, exponent: Int64) {
        guard x.isFinite, x != 0 else { return (x, 0) }
        let exponent = Int64(x.exponent) + 1
        return (T(sign: x.sign, exponent: -1, significand: x.significand), exponent)
    }

    /// `self * 2**other`, as PyTorch computes it (a product with `pow(2, other)`).
    public func ldexp(_ other: Tensor) throws -> Tensor {
        let out = try GradMode.with(enabled: false) { try mul(other.rpow(.double(2))) }
        return out.record("LdexpBackward0", inputs: [self, other], saving: { (input: $0.slot(self), other: $0.slot(other)) }) { ctx, saved in
            let (x, e) = (try ctx.saved(saved.input), try ctx.saved(saved.other))
            let scale = try e.rpow(.double(2))
            return [ctx.needs(0) ? try ctx.grad.mul(scale) : nil,
                    ctx.needs(1) ? try ctx.grad.mul(x).mul(scale).mul(.wrapping(.double(M_LN2))) : nil]
        }
    }

    /// The next float after this tensor's towards `other`, C's `nextafter`; the gradient passes
    /// to this tensor alone.
    public func nextafter(_ other: Tensor) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        guard dtype.isFloatingPoint else { throw TorchError.notImplemented("\"nextafter_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        let f32: (Float, Float) -> Float
        switch dtype {
        case .float16: f32 = { Self.halfPrecisionStep($0, $1, bits: { Float16($0).bitPattern }, value: { Float(Float16(bitPattern: $0)) }) }
        case .bfloat16: f32 = { Self.halfPrecisionStep($0, $1, bits: { BFloat16($0).bits }, value: { BFloat16(bits: $0).float }) }
        default: f32 = { Glibc.nextafterf($0, $1) }
        }
        return try mapFloatPair(other, f32, { Glibc.nextafter($0, $1) })
            .record("NextafterBackward0", inputs: [self, other]) { ctx, _ in
                [ctx.grad, ctx.needs(1) ? try ctx.grad.mul(.wrapping(.int(0))) : nil]
            }
    }
}

extension Tensor {
    /// C's `nextafter` in a 16-bit float format (float16 or bfloat16, whose values `x` and `y`
    /// are): one step of the format's bit pattern towards `y`.
    fileprivate static func halfPrecisionStep(_ x: Float, _ y: Float, bits: (Float) -> UInt16, value: (UInt16) -> Float) -> Float {
        if x.isNaN || y.isNaN { return .nan }
        if x == y { return y }
        if x == 0 { return value(y > 0 ? 1 : 0x8001) }
        let pattern = bits(x)
        return value((y > x) == (x > 0) ? pattern + 1 : pattern - 1)
    }
}

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

    /// `self ** exponent` in float64, as `torch.float_power` computes it: both converted first.
    public func floatPower(_ exponent: Tensor) throws -> Tensor {
        let exponent = exponent.isWrappedNumber ? try Tensor.wrapping(.double(exponent.item().doubleValue)) : try exponent.to(.float64)
        return try to(.float64).pow(exponent)
    }
}
