import Glibc

/// `xlogy`, `xlog1py`, `logaddexp`, `logaddexp2`: logarithms of two broadcast tensors, each
/// forward beside the backward of PyTorch's derivatives.yaml. `xlogy` and `xlog1py` are PyTorch's
/// scalar loops (the C library's `log`); `logaddexp` and `logaddexp2` its vector loop, SLEEF's
/// `exp`/`exp2` and `log1p` over whole blocks and the C library's on the elements after them.
extension Tensor {
    public func xlogy(_ other: Tensor) throws -> Tensor {
        try mapFloatPair(other, Self.halfPrecisionRounded(TypePromotion.resultType(self, other), Glibc.logf) { Self.timesLogarithm($0, $1, $2) },
                         { Self.timesLogarithm($0, $1, Glibc.log) })
            .recordTimesLogarithm(self, other, name: "Xlogy", shifted: false)
    }

    public func xlog1py(_ other: Tensor) throws -> Tensor {
        try mapFloatPair(other, Self.halfPrecisionRounded(TypePromotion.resultType(self, other), Glibc.log1pf) { Self.timesLogarithm($0, $1, $2) },
                         { Self.timesLogarithm($0, $1, Glibc.log1p) })
            .recordTimesLogarithm(self, other, name: "SpecialXlog1Py", shifted: true)
    }

    /// `x * log(y)` (or `log1p`) as PyTorch's kernel: NaN for a NaN `y`, 0 for a zero `x`.
    @inline(__always)
    private static func timesLogarithm<T: FloatElement>(_ x: T, _ y: T, _ log: (T) -> T) -> T {
        y.isNaN ? .nan : x == 0 ? 0 : x * log(y)
    }

    /// `kernel` over floats with `log` whose result is rounded to `dtype` first when it is
    /// float16 or bfloat16 (PyTorch's logarithm of a half-precision number is one).
    static func halfPrecisionRounded(_ dtype: DType, _ log: @escaping (Float) -> Float,
                                     _ kernel: @escaping (Float, Float, (Float) -> Float) -> Float) -> (Float, Float) -> Float {
        guard let round = dtype.halfPrecisionRounding else { return { kernel($0, $1, log) } }
        return { kernel($0, $1, { round(log($0)) }) }
    }

    /// The node of `xlogy`/`xlog1py`; PyTorch names the overload with a Python number first
    /// `…Backward1` and the one with a number second `…Backward2`.
    private func recordTimesLogarithm(_ input: Tensor, _ other: Tensor, name: String, shifted: Bool) -> Tensor {
        let overload = input.isWrappedNumber ? 1 : other.isWrappedNumber ? 2 : 0
        return record("\(name)Backward\(overload)", inputs: [input, other],
                      saving: { (input: $0.slot(input), other: $0.slot(other), shifted: shifted) }) { ctx, saved in
            let (x, y) = (try ctx.saved(saved.input), try ctx.saved(saved.other))
            // grad · log(y) (or log1p), but 0 where x is 0 and the logarithm is not finite.
            let zeroed = try x.eq(.wrapping(.int(0))).logicalAnd(y.le(.wrapping(.int(saved.shifted ? -1 : 0))))
            let slope = try saved.shifted ? ctx.grad.xlog1py(y) : ctx.grad.xlogy(y)
            return [ctx.needs(0) ? try slope.maskedFill(zeroed, .wrapping(.int(0))) : nil,
                    ctx.needs(1) ? try ctx.grad.mul(x).div(saved.shifted ? y.add(.wrapping(.int(1))) : y) : nil]
        }
    }

    public func logaddexp(_ other: Tensor) throws -> Tensor {
        try floatPairInVectorLoop(other, name: "logaddexp",
                                  vector: ({ Self.logAddExp($0, $1, Sleef.exp, Sleef.log1p) }, { Self.logAddExp($0, $1, Sleef.exp, Sleef.log1p) }),
                                  scalar: ({ Self.logAddExp($0, $1, Glibc.expf, Glibc.log1pf) }, { Self.logAddExp($0, $1, Glibc.exp, Glibc.log1p) }))
            .record("LogaddexpBackward0", inputs: [self, other], saving: { (input: $0.slot(self), other: $0.slot(other)) }) { ctx, saved in
                let (x, y) = (try ctx.saved(saved.input), try ctx.saved(saved.other))
                return [ctx.needs(0) ? try ctx.grad.div(y.sub(x).exp().add(.wrapping(.int(1)))) : nil,
                        ctx.needs(1) ? try ctx.grad.div(x.sub(y).exp().add(.wrapping(.int(1)))) : nil]
            }
    }

    public func logaddexp2(_ other: Tensor) throws -> Tensor {
        let (f32, f64) = (Float(1 / M_LN2), 1 / M_LN2)
        return try floatPairInVectorLoop(
            other, name: "logaddexp2",
            vector: ({ Self.logAddExp($0, $1, Sleef.exp2, Sleef.log1p, scale: f32) }, { Self.logAddExp($0, $1, Sleef.exp2, Sleef.log1p, scale: f64) }),
            scalar: ({ Self.logAddExp($0, $1, Glibc.exp2f, Glibc.log1pf, scale: f32) }, { Self.logAddExp($0, $1, Glibc.exp2, Glibc.log1p, scale: f64) }))
            .record("Logaddexp2Backward0", inputs: [self, other], saving: { (input: $0.slot(self), other: $0.slot(other)) }) { ctx, saved in
                let (x, y) = (try ctx.saved(saved.input), try ctx.saved(saved.other))
                return [ctx.needs(0) ? try ctx.grad.div(y.sub(x).rpow(.int(2)).add(.wrapping(.int(1)))) : nil,
                        ctx.needs(1) ? try ctx.grad.div(x.sub(y).rpow(.int(2)).add(.wrapping(.int(1)))) : nil]
            }
    }

    /// `max(a, b) + log1p(exp(-|a - b|)) * scale` (`exp2` and 1/ln 2 for `logaddexp2`, the
    /// product and sum fused as PyTorch's compiler fuses them), or the common value of two
    /// equal infinities, as PyTorch's kernels compute it.
    @inline(__always)
    private static func logAddExp<T: FloatElement>(_ a: T, _ b: T, _ exp: (T) -> T, _ log1p: (T) -> T, scale: T = 1) -> T {
        if a.isInfinite && a == b { return a }
        let tail = log1p(exp(-Swift.abs(a - b)))
        return scale == 1 ? Swift.max(a, b) + tail : Swift.max(a, b).addingProduct(tail, scale)
    }

    /// Both operands in their floating result dtype and broadcast shape, mapped by PyTorch's
    /// vector loop (`mapFloatPairVectorLoop`); integer operands are refused as PyTorch's kernel
    /// `NAME_cpu` refuses them.
    func floatPairInVectorLoop(_ other: Tensor, name: String,
                               vector: (f32: (Float, Float) -> Float, f64: (Double, Double) -> Double),
                               scalar: (f32: (Float, Float) -> Float, f64: (Double, Double) -> Double)) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"\(name)_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        let a = try detach().convertedIfNeeded(to: dtype).expand(shape)
        let b = try other.detach().convertedIfNeeded(to: dtype).expand(shape)
        return try a.mapFloatPairVectorLoop(b, vector: vector, scalar: scalar)
    }
}
