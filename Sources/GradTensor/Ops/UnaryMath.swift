import Glibc
import RealModule

/// Differentiable elementwise functions: forward kernel beside backward formula.
extension Tensor {
    public func exp() throws -> Tensor {
        try mapVectorMath(.exp) { try mapFloat({ .exp($0) }, { .exp($0) }) }.record("ExpBackward0", inputs: [self], savesOutput: true) { ctx, _ in
            [try ctx.grad.mul(ctx.output)]
        }
    }

    public func log() throws -> Tensor {
        try mapVectorMath(.log) { try mapFloat({ .log($0) }, { .log($0) }) }.record("LogBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.div(input)]
        }
    }

    /// MKL's, as PyTorch's, where MKL is installed; without it float32 as MKL's vsSqrt and float64
    /// correctly rounded. Float16 and bfloat16 correctly rounded in float32 (PyTorch's vector loop).
    public func sqrt() throws -> Tensor {
        let float32 = dtype == .float32
        return try mapVectorMath(.sqrt) {
            try mapFloat({ float32 ? Float.vmlSquareRoot($0) : $0.squareRoot() }, { Double.vmlSquareRoot($0) })
        }.record("SqrtBackward0", inputs: [self], savesOutput: true) { ctx, _ in
            [try ctx.grad.div(ctx.output.mul(.wrapping(.int(2))))]
        }
    }

    /// The correctly rounded square root in every dtype, as numpy's (not recorded for autograd).
    public func correctlyRoundedSqrt() throws -> Tensor {
        try mapFloat({ $0.squareRoot() }, { $0.squareRoot() })
    }

    public func sin() throws -> Tensor {
        try mapVectorMath(.sin) { try mapFloat({ .sin($0) }, { .sin($0) }) }.record("SinBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.cos())]
        }
    }

    public func cos() throws -> Tensor {
        try mapVectorMath(.cos) { try mapFloat({ .cos($0) }, { .cos($0) }) }.record("CosBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.sin().neg())]
        }
    }

    /// The most elements whose `tanh` grad takes from MKL (PyTorch's bits) when it is installed;
    /// larger tensors, a network's batches, go through grad's own kernel: 2.5 to 4 times faster here, and
    /// within 1 ulp of the exact value as MKL's is, but not always the same last bit (README,
    /// Elementwise bits).
    public static let libraryTanhLimit = 16_384

    public func tanh() throws -> Tensor {
        let own = { try self.mapFloatLanes(TanhLanes.self) }
        return try (numel <= Tensor.libraryTanhLimit ? mapVectorMath(.tanh, otherwise: own) : own())
            .record("TanhBackward0", inputs: [self], savesOutput: true) { ctx, _ in
                [try Tensor.tanhBackward(ctx.grad, ctx.output)]
            }
    }

    public func sigmoid() throws -> Tensor {
        // PyTorch's vector loop computes 1 / (1 + exp(0 - x)) with SLEEF's exp.
        try mapFloatVectorLoop(vector: ({ 1 / (1 + Sleef.exp(0 - $0)) }, { 1 / (1 + Sleef.exp(0 - $0)) }),
                               scalar: ({ 1 / (1 + Glibc.expf(-$0)) }, { 1 / (1 + Glibc.exp(-$0)) }))
            .record("SigmoidBackward0", inputs: [self], savesOutput: true) { ctx, _ in
                [try Tensor.sigmoidBackward(ctx.grad, ctx.output)]
            }
    }

    public func abs() throws -> Tensor {
        if dtype == .bool { throw TorchError.notImplemented("\"abs_cpu\" not implemented for 'Bool'") }
        return try mapKeepingType(float: { Swift.abs($0) }, int: { $0 == .min ? $0 : Swift.abs($0) })
            .record("AbsBackward0", inputs: [self], saving: self) { ctx, input in
                [try ctx.grad.mul(input.sign())]
            }
    }

    public func relu() throws -> Tensor {
        if dtype == .bool { throw TorchError.notImplemented("Boolean inputs not supported for relu") }
        return try mapKeepingType(float: { $0 > 0 || $0.isNaN ? $0 : 0 }, int: { Swift.max($0, 0) })
            .record("ReluBackward0", inputs: [self], savesOutput: true) { ctx, _ in
                [try Tensor.thresholdBackward(ctx.grad, ctx.output)]
            }
    }

    public func square() throws -> Tensor {
        try pow(.wrapping(.int(2)))
    }

    /// -1, 0 or 1 by sign (0 for zero, NaN for NaN); recorded with a zero gradient, as in PyTorch.
    public func sign() throws -> Tensor {
        if dtype == .bool { return try self.materialized() }
        return try mapKeepingType(float: { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) }, int: { $0.signum() })
            .record("SignBackward0", inputs: [self]) { ctx, _ in [try ctx.grad.mul(.wrapping(.int(0)))] }
    }

    /// `clamp(min, max)`; the gradient passes where the input was inside the bounds.
    public func clamp(min lo: Scalar?, max hi: Scalar?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let out = try MemoryOrder.unary(detach()) { input in
            var out = input
            if let lo { out = try out.binaryWithoutGraph(.maximum, .wrapping(lo)) }
            if let hi { out = try out.binaryWithoutGraph(.minimum, .wrapping(hi)) }
            return out
        }
        return out.record("ClampBackward1", inputs: [self],
                          saving: { (input: $0.slot(self), min: lo, max: hi) }) { ctx, saved in
            // Strictly inside the bounds: PyTorch gives a zero gradient at a bound itself.
            var mask = try ctx.saved(saved.input).gt(.wrapping(saved.min ?? .double(-.infinity)))
            mask = try mask.logicalAnd(ctx.saved(saved.input).lt(.wrapping(saved.max ?? .double(.infinity))))
            return [try ctx.grad.mul(mask)]
        }
    }

    /// `clamp_min(min)`: the gradient passes where the input is above the bound.
    public func clampMin(_ bound: Scalar) throws -> Tensor {
        try MemoryOrder.unary(self) { try $0.binaryWithoutGraph(.maximum, .wrapping(bound)) }
            .record("ClampMinBackward0", inputs: [self], saving: { (input: $0.slot(self), bound: bound) }) { ctx, saved in
                [try ctx.grad.mul(ctx.saved(saved.input).gt(.wrapping(saved.bound)))]
            }
    }

    /// `clamp_max(max)`: the gradient passes where the input is below the bound.
    public func clampMax(_ bound: Scalar) throws -> Tensor {
        try MemoryOrder.unary(self) { try $0.binaryWithoutGraph(.minimum, .wrapping(bound)) }
            .record("ClampMaxBackward0", inputs: [self], saving: { (input: $0.slot(self), bound: bound) }) { ctx, saved in
                [try ctx.grad.mul(ctx.saved(saved.input).lt(.wrapping(saved.bound)))]
            }
    }

    /// An arithmetic op computed without recording (forward kernels composed inside other ops).
    func binaryWithoutGraph(_ op: ArithmeticOp, _ other: Tensor) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        return try Tensor.arithmetic(op, self, other, dtype: dtype, shape: shape)
    }
}
