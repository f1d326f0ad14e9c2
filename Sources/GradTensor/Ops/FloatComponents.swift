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
        return value((y > x) == (x > 0) ? pattern &+ 1 : pattern &- 1)
    }
}
