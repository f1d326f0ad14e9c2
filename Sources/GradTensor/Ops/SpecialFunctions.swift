import RealModule
#if canImport(Glibc)
import Glibc
#endif

/// `erf`, `erfc`, `erfinv`, `sgn`, `deg2rad`, `rad2deg`, `nan_to_num`, `fmod`: forward beside the backward
/// of PyTorch's derivatives.yaml.
extension Tensor {
    public func erf() throws -> Tensor {
        try mapVectorMath(.erf) { try mapFloat(ErrorFunction.erf, ErrorFunction.erf) }.record("ErfBackward0", inputs: [self], saving: self) { ctx, input in
            [try input.gaussianSlope(2 / Double.pi.squareRoot()).mul(ctx.grad)]
        }
    }

    public func erfc() throws -> Tensor {
        try mapVectorMath(.erfc) { try mapFloat(ErrorFunction.erfc, ErrorFunction.erfc) }.record("ErfcBackward0", inputs: [self], saving: self) { ctx, input in
            [try input.gaussianSlope(-2 / Double.pi.squareRoot()).mul(ctx.grad)]
        }
    }

    /// `erfinv`: NaN outside [-1, 1]; the gradient is √π/2 · exp(erfinv(x)²).
    public func erfinv() throws -> Tensor {
        try mapVectorMath(.erfinv) { try mapFloat(InverseErrorFunction.value, InverseErrorFunction.value) }
            .record("ErfinvBackward0", inputs: [self], saving: self) { ctx, input in
                [try input.erfinv().pow(.wrapping(.int(2))).exp().mul(.wrapping(.double(Double.pi.squareRoot() / 2))).mul(ctx.grad)]
            }
    }

    /// `scale * exp(-x²)`, the derivative of erf (scale 2/√π) and erfc (-2/√π).
    private func gaussianSlope(_ scale: Double) throws -> Tensor {
        try pow(.wrapping(.int(2))).neg().exp().mul(.wrapping(.double(scale)))
    }

    /// `sgn`: the sign of real numbers, recorded under its own name with a zero gradient.
    public func sgn() throws -> Tensor {
        let out = try GradMode.with(enabled: false) { try sign() }
        return out.record("SgnBackward0", inputs: [self]) { ctx, _ in [try ctx.grad.mul(.wrapping(.int(0)))] }
    }

    public func deg2rad() throws -> Tensor { try scaledAngle(0.017453292519943295, "Deg2RadBackward0") }
    public func rad2deg() throws -> Tensor { try scaledAngle(57.29577951308232, "Rad2DegBackward0") }

    /// An angle converted by `factor` (integers become float32), the gradient scaled alike.
    private func scaledAngle(_ factor: Double, _ name: String) throws -> Tensor {
        if dtype == .bool { throw TorchError.runtime("\(name == "Deg2RadBackward0" ? "deg2rad" : "rad2deg") is not supported for bool tensors.") }
        let input = dtype.isFloatingPoint ? detach() : try materialized(as: .defaultFloat)
        let out = try input.binaryWithoutGraph(.mul, .wrapping(.double(factor)))
        return out.record(name, inputs: [self], saving: { _ in factor }) { ctx, factor in
            [try ctx.grad.mul(.wrapping(.double(factor)))]
        }
    }

    /// `nan_to_num(nan, posinf, neginf)`: NaNs and infinities replaced (by default with 0 and
    /// the dtype's largest and smallest finite values); the gradient passes at finite elements.
    /// Laid out as `empty_like(self)`, into which PyTorch writes it.
    public func nanToNum(nan: Double = 0, posinf: Double? = nil, neginf: Double? = nil) throws -> Tensor {
        let out: Tensor
        switch dtype {
        case .float32:
            let (high, low) = (Float(posinf ?? Double(Float.greatestFiniteMagnitude)), Float(neginf ?? -Double(Float.greatestFiniteMagnitude)))
            out = try mapUnary(self, Float.self, Float.self) { $0.isNaN ? Float(nan) : $0 == .infinity ? high : $0 == -.infinity ? low : $0 }
        case .float64:
            let (high, low) = (posinf ?? .greatestFiniteMagnitude, neginf ?? -.greatestFiniteMagnitude)
            out = try mapUnary(self, Double.self, Double.self) { $0.isNaN ? nan : $0 == .infinity ? high : $0 == -.infinity ? low : $0 }
        case _ where dtype.isFloatingPoint:
            // float16 and bfloat16: in float32, with their own extremes for the infinities.
            let extreme = dtype == .float16 ? 65504.0 : 3.3895313892515355e38
            out = try detach().widened().nanToNum(nan: nan, posinf: posinf ?? extreme, neginf: neginf ?? -extreme)
                .materialized(as: dtype)
        default:
            out = try materialized()
        }
        // PyTorch writes into `empty_like(self)`.
        return try MemoryOrder.laidOut(out, strides: MemoryOrder.preservedStrides(of: self)).record("NanToNumBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.isFinite())]
        }
    }

    /// `fmod(other)`: the remainder of truncated division, with the dividend's sign (C's fmod).
    public func fmod(_ other: Tensor) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        if dtype == .bool { throw TorchError.notImplemented("\"fmod_cpu\" not implemented for 'Bool'") }
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        let (a, b) = (try widened(through: dtype), try other.widened(through: dtype))
        var out: Tensor
        switch dtype.computeType {
        case .float32: out = try mapBinary(a, b, shape: shape, Float.self, Float.self) { Glibc.fmodf($0, $1) }
        case .float64: out = try mapBinary(a, b, shape: shape, Double.self, Double.self) { Glibc.fmod($0, $1) }
        case .int64:
            if try b.eq(.wrapping(.int(0))).sum().item().doubleValue > 0 { throw TorchError.runtime("ZeroDivisionError") }
            out = try mapBinary(a, b, shape: shape, Int64.self, Int64.self) { $0.remainderReportingOverflow(dividingBy: $1).partialValue }
        default: throw TorchError.notImplemented("\"fmod_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        out = try out.narrowed(to: dtype)
        // The Scalar overload's node for a Python number, the Tensor one's for a tensor, as in PyTorch.
        return out.record(other.isWrappedNumber ? "FmodBackward0" : "FmodBackward1", inputs: [self, other],
                          saving: { (input: $0.slot(self, if: other.requiresGrad), other: $0.slot(other, if: other.requiresGrad)) }) { ctx, saved in
            guard ctx.needs(1), let input = saved.input, let other = saved.other else { return [ctx.grad, nil] }
            return [ctx.grad, try ctx.grad.neg().mul(ctx.saved(input).div(ctx.saved(other)).trunc())]
        }
    }
}
