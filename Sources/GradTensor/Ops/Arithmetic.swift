import RealModule

/// How `div(other, rounding_mode=)` rounds the quotient.
public enum DivisionRounding: String, Sendable {
    case trunc, floor
}

/// The differentiable arithmetic operators, each forward beside its backward formula.
/// Python numbers arrive as `Tensor.wrapping(scalar)` operands.
extension Tensor {
    private func binary(_ op: ArithmeticOp, _ other: Tensor) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        let shape = try Shape.broadcastResult(self.shape, other.shape, dtype: dtype)
        return try Tensor.arithmetic(op, self, other, dtype: dtype, shape: shape)
    }

    public func add(_ other: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        let out = try scaledSum(other, alpha: alpha, .add)
        guard Tensor.needsGraph(self, other) else { return out }
        return out.record("AddBackward0", inputs: [self, other], saving: { _ in alpha }) { ctx, alpha in
            // None for an operand that needs no gradient (a number): what a node hook sees.
            [ctx.needs(0) ? ctx.grad : nil, ctx.needs(1) ? try alpha.map { try ctx.grad.mul(.wrapping($0)) } ?? ctx.grad : nil]
        }
    }

    public func sub(_ other: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        try Tensor.checkSubtractable(self, other)
        let out = try scaledSum(other, alpha: alpha, .sub)
        guard Tensor.needsGraph(self, other) else { return out }
        return out.record("SubBackward0", inputs: [self, other], saving: { _ in alpha ?? .int(1) }) { ctx, alpha in
            let second = try ctx.needs(1) ? ctx.grad.neg().mul(.wrapping(alpha)) : nil
            return [ctx.needs(0) ? ctx.grad : nil, second]
        }
    }

    /// `self op other` without alpha; with it, `self op alpha * other`: on
    /// floating tensors one fused multiply-add, as PyTorch's kernel computes it.
    private func scaledSum(_ other: Tensor, alpha: Scalar?, _ op: ArithmeticOp) throws -> Tensor {
        guard let alpha else { return try binary(op, other) }
        if TypePromotion.resultType(self, other).isFloatingPoint {
            return try addScaled(other, alpha: op == .sub ? -alpha.doubleValue : alpha.doubleValue)
        }
        return try binary(op, other.binary(.mul, try .wrapping(alpha)))
    }

    /// `scalar - self` (Python's reflected subtraction).
    public func rsub(_ scalar: Scalar) throws -> Tensor {
        let minuend = try Tensor.wrapping(scalar)
        try Tensor.checkSubtractable(minuend, self)
        return try minuend.binary(.sub, self).record("RsubBackward1", inputs: [self]) { ctx, _ in
            [try ctx.grad.neg()]
        }
    }

    public func mul(_ other: Tensor) throws -> Tensor {
        let out = try binary(.mul, other)
        // Outside the graph (backward formulas, no_grad updates) the formula's closure is not even built.
        guard Tensor.needsGraph(self, other) else { return out }
        return out.record("MulBackward0", inputs: [self, other], saving: { $0.slotOperands(self, other) }) { ctx, saved in
            let first = ctx.needs(0) ? try saved.second.map { try ctx.grad.times(ctx.saved($0), summedTo: ctx.inputShape(0)) } : nil
            let second = ctx.needs(1) ? try saved.first.map { try ctx.grad.times(ctx.saved($0), summedTo: ctx.inputShape(1)) } : nil
            return [first, second]
        }
    }

    public func div(_ other: Tensor) throws -> Tensor {
        let out = try binary(.div, other)
        guard Tensor.needsGraph(self, other) else { return out }
        // The divisor serves both gradients, the dividend only the divisor's.
        return out.record("DivBackward0", inputs: [self, other],
                          saving: { (input: $0.slot(self, if: other.requiresGrad), other: $0.slot(other)) }) { ctx, saved in
            let other = try ctx.saved(saved.other)
            return [ctx.needs(0) ? try ctx.grad.div(other) : nil,
                    ctx.needs(1) ? try saved.input.map { try ctx.grad.neg().mul(ctx.saved($0).div(other).div(other)) } : nil]
        }
    }

    /// `div(other, rounding_mode=)`: the quotient rounded toward zero or down, in the promoted
    /// dtype (integers stay integers; float16 and bfloat16 rounded once, from float32). PyTorch
    /// gives both operands a zero gradient, under DivBackward2.
    public func div(_ other: Tensor, rounding: DivisionRounding) throws -> Tensor {
        let dtype = TypePromotion.resultType(self, other)
        let out: Tensor = try GradMode.with(enabled: false) {
            switch rounding {
            case .floor:
                return try floorDivide(other)
            case .trunc where dtype == .bool:
                throw TorchError.notImplemented("\"div_trunc_cpu\" not implemented for 'Bool'")
            case .trunc where dtype.isFloatingPoint:
                let (a, b) = dtype == dtype.computeType ? (self, other) : (try widened(through: dtype), try other.widened(through: dtype))
                return try a.binary(.div, b).trunc().narrowed(to: dtype)
            case .trunc:
                // Floor division, one more where the exact quotient is negative and not whole.
                let floor = try floorDivide(other)
                let inexactNegative = try floor.lt(.wrapping(.int(0))).logicalAnd(floor.mul(other).ne(self))
                return try Tensor.where(inexactNegative, floor.add(.wrapping(.int(1))), floor)
            }
        }
        guard Tensor.needsGraph(self, other) else { return out }
        return out.record("DivBackward2", inputs: [self, other]) { ctx, _ in
            [ctx.needs(0) ? try Tensor.zerosLike(ctx.grad) : nil, ctx.needs(1) ? try Tensor.zerosLike(ctx.grad) : nil]
        }
    }

    /// PyTorch's refusal of subtraction with a bool operand (two bools get the kernel's message).
    private static func checkSubtractable(_ a: Tensor, _ b: Tensor) throws {
        if (a.dtype == .bool) != (b.dtype == .bool) {
            throw TorchError.notImplemented("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
    }

    /// `scalar / self`: PyTorch computes `reciprocal(self) * scalar`, and its graph shows both nodes.
    public func rdiv(_ scalar: Scalar) throws -> Tensor {
        try reciprocal().mul(.wrapping(scalar))
    }

    public func reciprocal() throws -> Tensor {
        let one = try Tensor.wrapping(.int(1))
        return try MemoryOrder.unary(self) { try one.binary(.div, $0) }.record("ReciprocalBackward0", inputs: [self], savesOutput: true) { ctx, _ in
            let out = ctx.output
            return [try ctx.grad.neg().mul(out).mul(out)]
        }
    }

    /// `//`: not differentiable (PyTorch gives it a zero gradient).
    public func floorDivide(_ other: Tensor) throws -> Tensor {
        try binary(.floorDivide, other)
    }

    /// `%` with Python's sign convention. Only the divisor's gradient reads the operands, so
    /// they are saved only when it requires grad. The node name says whether the divisor was a
    /// Python number (PyTorch's Scalar overload) or a tensor.
    public func remainder(_ other: Tensor) throws -> Tensor {
        try binary(.remainder, other).record(other.isWrappedNumber ? "RemainderBackward0" : "RemainderBackward1", inputs: [self, other],
                                             saving: { (input: $0.slot(self, if: other.requiresGrad),
                                                        other: $0.slot(other, if: other.requiresGrad)) }) { ctx, saved in
            guard ctx.needs(1), let input = saved.input, let other = saved.other else { return [ctx.grad, nil] }
            return [ctx.grad, try ctx.grad.neg().mul(ctx.saved(input).floorDivide(ctx.saved(other)))]
        }
    }

    public func neg() throws -> Tensor {
        if dtype == .bool {
            throw TorchError.notImplemented("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
        // x * -1, not 0 - x: the negation of 0.0 is -0.0, as PyTorch's neg gives.
        return try MemoryOrder.unary(self) { try $0.binary(.mul, .wrapping(.int(-1))) }.record("NegBackward0", inputs: [self]) { ctx, _ in
            [try ctx.grad.neg()]
        }
    }

    /// `self ** exponent`. The node name says which side was a Python number, as in PyTorch.
    /// A number raised to a tensor is contiguous: PyTorch allocates it so, not by its iterator.
    public func pow(_ exponent: Tensor) throws -> Tensor {
        let computed = try binary(.pow, exponent)
        let out = isWrappedNumber ? try MemoryOrder.laidOut(computed, strides: Shape.contiguousStrides(computed.shape)) : computed
        if exponent.isWrappedNumber {
            let e = exponent.element(atFlat: 0)
            return out.record("PowBackward0", inputs: [self], saving: { (base: $0.slot(self), exponent: e) }) { ctx, saved in
                let e = saved.exponent, base = try ctx.saved(saved.base)
                // PyTorch's pow_backward: zeros for a zero exponent, else grad * (e * x ** (e - 1)).
                // Its graph (under create_graph) keeps `x ** (e - 1)`, so every higher derivative
                // reaches x: those of x ** 3 are 3x², 6x, 6, then a 0 with no graph.
                if e.doubleValue == 0 { return [try Tensor.zerosLike(base)] }
                if !GradMode.isEnabled {
                    if e.doubleValue == 2, let fused = try ctx.grad.timesDoubled(base) { return [fused] }
                    // x ** 1 is x exactly: skip computing it for the common `x ** 2`.
                    if e.minusOne.doubleValue == 1 { return [try ctx.grad.mul(base.mul(.wrapping(e)))] }
                }
                return [try ctx.grad.mul(base.pow(.wrapping(e.minusOne)).mul(scalar: .double(e.doubleValue)))]
            }
        }
        if isWrappedNumber {
            return out.record("PowBackward2", inputs: [exponent], savesOutput: true,
                              saving: { (exponent: $0.slot(exponent), base: element(atFlat: 0)) }) { ctx, saved in
                [try ctx.grad.mul(ctx.output).mul(.wrapping(.double(Double.log(saved.base.doubleValue))))]
            }
        }
        return out.record("PowBackward1", inputs: [self, exponent], savesOutput: true,
                          saving: { (base: $0.slot(self), exponent: $0.slot(exponent)) }) { ctx, saved in
            let (base, exponent) = (try ctx.saved(saved.base), try ctx.saved(saved.exponent))
            let zero = try Tensor.wrapping(.int(0))
            let baseGrad = ctx.needs(0)
                ? try Tensor.where(exponent.eq(zero), zero,
                                   ctx.grad.mul(exponent.mul(base.pow(exponent.sub(.wrapping(.int(1))))))) : nil
            // d/dy x**y = x**y * log(x), taken as 0 where x == 0 and y >= 0 (PyTorch's convention).
            let expGrad = ctx.needs(1)
                ? try ctx.grad.mul(Tensor.where(base.eq(zero).logicalAnd(exponent.ge(zero)), zero,
                                                ctx.output.mul(base.log()))) : nil
            return [baseGrad, expGrad]
        }
    }

    /// `self * (x * 2)`, the gradient of `x ** 2`, in one pass instead of two products (with the
    /// same two roundings); nil when a graph of it is being built or the dtypes differ.
    private func timesDoubled(_ x: Tensor) throws -> Tensor? {
        guard !GradMode.isEnabled, x.dtype == dtype else { return nil }
        let shape = try Shape.broadcastResult(self.shape, x.shape, dtype: dtype)
        switch dtype {
        case .float32: return try mapBinary(self, x, shape: shape, Float.self, Float.self) { g, x in g * (x * 2) }
        case .float64: return try mapBinary(self, x, shape: shape, Double.self, Double.self) { g, x in g * (x * 2) }
        default: return nil
        }
    }

    /// `self * x`, for the gradient of a factor of shape `target`. A 0-dim factor (`w * x`, the
    /// usual scalar weight) gets the products summed in one pass, in the order `sum()` adds
    /// them, with no product tensor; otherwise the product, which the engine sums back.
    private func times(_ x: Tensor, summedTo target: [Int]) throws -> Tensor {
        guard target.isEmpty, !GradMode.isEnabled, x.dtype == dtype, isContiguous, x.isContiguous,
              shape == x.shape || x.numel == 1 || numel == 1 else { return try mul(x) }
        let count = Swift.max(numel, x.numel)
        guard count > 0 else { return try mul(x) }
        func sum<T: CascadeElement>(_: T.Type) throws -> Tensor {
            let total = withExtendedLifetime((self, x)) {
                withUnsafeTemporaryAllocation(of: T.self, capacity: count) { products -> T in
                    guard let base = products.baseAddress else { return 0 }
                    let a = UnsafePointer(storage.pointer(T.self) + offset)
                    let b = UnsafePointer(x.storage.pointer(T.self) + x.offset)
                    let ia = numel == 1 ? 0 : 1, ib = x.numel == 1 ? 0 : 1
                    for i in 0..<count { base[i] = a[i &* ia] * b[i &* ib] }
                    return contiguousCascadeSum(UnsafePointer(base), count: count)
                }
            }
            return Tensor(storage: try Storage.make(repeating: total, count: 1), shape: [])
        }
        switch dtype {
        case .float32: return try sum(Float.self)
        case .float64: return try sum(Double.self)
        default: return try mul(x)
        }
    }

    /// `scalar ** self`.
    public func rpow(_ base: Scalar) throws -> Tensor {
        try Tensor.wrapping(base).pow(self)
    }
}

extension Scalar {
    /// The exponent of a power's derivative: `e - 1`, kept an int when `e` is one.
    var minusOne: Scalar {
        switch self {
        case .bool(let b): return .int(b ? 0 : -1)
        case .int(let i): return .int(i &- 1)
        case .double(let d): return .double(d - 1)
        }
    }
}


extension Tensor {
    /// `mul(Scalar)`, as ATen's formulas call it (`pow`'s gradient times its exponent): one node,
    /// `MulBackward1`. (Python's `t * 2` wraps the number into a tensor: `MulBackward0`.)
    public func mul(scalar: Scalar) throws -> Tensor {
        try scalarOverload("MulBackward1", scalar) { try $0.mul($1) }
    }

    /// `div(Scalar)`, as ATen's composite ops call it (cross_entropy's mean over probabilities):
    /// one node, `DivBackward1`. (Python's `t / 2` wraps the number into a tensor: `DivBackward0`.)
    public func div(scalar: Scalar) throws -> Tensor {
        try scalarOverload("DivBackward1", scalar) { try $0.div($1) }
    }

    /// `apply(self, scalar)` recorded as the op's Scalar overload, a node over `self` alone whose
    /// gradient is `apply(grad, scalar)` (the op is linear in `self`).
    private func scalarOverload(_ name: String, _ scalar: Scalar, _ apply: @escaping (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        let out = try GradMode.with(enabled: false) { try apply(self, .wrapping(scalar)) }
        return out.record(name, inputs: [self], saving: { _ in scalar }) { ctx, scalar in
            [try apply(ctx.grad, .wrapping(scalar))]
        }
    }
}
