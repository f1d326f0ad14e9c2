/// `threshold`, `softshrink`, `hardshrink`, `glu`: activations that cut or gate values, each
/// forward beside the backward of PyTorch's derivatives.yaml.
extension Tensor {
    /// `value` where x <= `threshold`, else x; the gradient passes where x > threshold.
    public func threshold(_ threshold: Scalar, value: Scalar) throws -> Tensor {
        let bound = try Tensor.wrapping(threshold)
        let out = try GradMode.with(enabled: false) { try Tensor.where(le(bound), Tensor.wrapping(value), self) }
        return try out.convertedIfNeeded(to: dtype).record("ThresholdBackward0", inputs: [self], saving: { (input: $0.slot(self), bound: threshold) }) { ctx, saved in
            [try ctx.grad.maskedFill(ctx.saved(saved.input).le(.wrapping(saved.bound)), .wrapping(.int(0)))]
        }
    }

    /// x - λ above λ, x + λ below -λ, 0 between (with x's sign, as PyTorch's `x * 0`).
    public func softshrink(_ lambda: Double) throws -> Tensor {
        try checkShrinkLambda(lambda)
        let out = try mapFloat({ Self.softShrunk($0, Float(lambda)) }, { Self.softShrunk($0, lambda) })
        return out.record("SoftshrinkBackward0", inputs: [self], saving: { (input: $0.slot(self), lambda: lambda) }) { ctx, saved in
            [try ctx.grad.maskedFill(ctx.saved(saved.input).abs().le(.wrapping(.double(saved.lambda))), .wrapping(.int(0)))]
        }
    }

    /// 0 within [-λ, λ], else x.
    public func hardshrink(_ lambda: Double) throws -> Tensor {
        guard dtype.isFloatingPoint else { throw TorchError.notImplemented("\"hardshrink_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        let out = try mapFloat({ Self.hardShrunk($0, Float(lambda)) }, { Self.hardShrunk($0, lambda) })
        return out.record("HardshrinkBackward0", inputs: [self], saving: { (input: $0.slot(self), lambda: lambda) }) { ctx, saved in
            let x = try ctx.saved(saved.input)
            let inside = try x.ge(.wrapping(.double(-saved.lambda))).logicalAnd(x.le(.wrapping(.double(saved.lambda))))
            return [try ctx.grad.maskedFill(inside, .wrapping(.int(0)))]
        }
    }

    /// PyTorch's checks: a floating input, and a λ that is not negative (shown as C++ prints it).
    private func checkShrinkLambda(_ lambda: Double) throws {
        guard dtype.isFloatingPoint else { throw TorchError.notImplemented("\"softshrink_check\" not implemented for '\(dtype.scalarTypeName)'") }
        if lambda < 0 {
            let largest = dtype == .float64 ? "1.79769e+308" : dtype == .float16 ? "65504" : dtype == .bfloat16 ? "3.38953e+38" : "3.40282e+38"
            let shown = lambda == lambda.rounded() && Swift.abs(lambda) < 1e15 ? "\(Int64(lambda))" : "\(lambda)"
            throw TorchError.runtime("lambda must be in range [0, \(largest)] for input dtype \(dtype.scalarTypeName), but found \(shown)")
        }
    }

    @inline(__always)
    private static func softShrunk<T: FloatElement>(_ x: T, _ lambda: T) -> T {
        x > lambda ? x - lambda : x < -lambda ? x + lambda : x * 0
    }

    @inline(__always)
    private static func hardShrunk<T: FloatElement>(_ x: T, _ lambda: T) -> T {
        x >= -lambda && x <= lambda ? 0 : x
    }

    /// The first half along `dim` times the sigmoid of the second, as PyTorch's loop computes
    /// it: `a * (1 / (1 + exp(-b)))`, SLEEF's `exp` over the leading whole blocks of each run
    /// of contiguous halves.
    public func glu(dim: Int) throws -> Tensor {
        guard rank > 0 else { throw TorchError.runtime("glu does not support scalars because halving size must be even") }
        let d = try Shape.wrapDim(dim, rank: rank)
        guard shape[d] % 2 == 0 else {
            throw TorchError.runtime("Halving dimension must be even, but dimension \(d) is size \(shape[d])")
        }
        guard dtype.isFloatingPoint else { throw TorchError.notImplemented("\"glu_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        let out: Tensor
        if isContiguous, dtype == .float32 {
            out = try gluRows(d, vectorExp: { Sleef.exp($0) } as (Float) -> Float)
        } else if isContiguous, dtype == .float64 {
            out = try gluRows(d, vectorExp: { Sleef.exp($0) } as (Double) -> Double)
        } else {
            let half = shape[d] / 2
            let (a, b) = (try detach().narrow(dim: d, start: 0, length: half), try detach().narrow(dim: d, start: half, length: half))
            out = try a.mapFloatPairVectorLoop(b, vector: ({ Self.gated($0, $1, Sleef.exp) }, { Self.gated($0, $1, Sleef.exp) }),
                                               scalar: ({ Self.gated($0, $1, { .exp($0) }) }, { Self.gated($0, $1, { .exp($0) }) }))
        }
        return out.record("GluBackward0", inputs: [self], saving: { (input: $0.slot(self), dim: d) }) { ctx, saved in
            let x = try ctx.saved(saved.input)
            let n = x.shape[saved.dim] / 2
            let (first, second) = (try x.narrow(dim: saved.dim, start: 0, length: n), try x.narrow(dim: saved.dim, start: n, length: n))
            let gate = try second.sigmoid()
            let gradFirst = try ctx.grad.mul(gate)
            let gradSecond = try ctx.grad.mul(first).mul(gate).mul(gate.rsub(.int(1)))
            return [try Tensor.cat([gradFirst, gradSecond], dim: saved.dim)]
        }
    }

    /// `glu` of a contiguous float tensor as PyTorch's loop takes it: each half of a row (the
    /// elements from dimension `d` on, for each index before it) is one contiguous run, whose
    /// leading whole blocks take SLEEF's `exp` and the rest the C library's.
    private func gluRows<T: FloatElement>(_ d: Int, vectorExp: (T) -> T) throws -> Tensor {
        var outShape = shape
        outShape[d] /= 2
        let run = outShape[d...].reduce(1, *), rows = shape[..<d].reduce(1, *)
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: rows * run), shape: outShape)
        let vectorised = run - run % T.vectorLoopBlock
        withExtendedLifetime(self) {
            let src = storage.pointer(T.self) + offset, dst = out.storage.pointer(T.self)
            for row in 0..<rows {
                let a = src + row * 2 * run, b = a + run, o = dst + row * run
                for i in 0..<vectorised { o[i] = Self.gated(a[i], b[i], vectorExp) }
                for i in vectorised..<run { o[i] = Self.gated(a[i], b[i], { .exp($0) }) }
            }
        }
        return out
    }

    @inline(__always)
    private static func gated<T: FloatElement>(_ a: T, _ b: T, _ exp: (T) -> T) -> T {
        a * (1 / (1 + exp(-b)))
    }
}
