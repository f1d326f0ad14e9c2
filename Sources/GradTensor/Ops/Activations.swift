import RealModule

/// The activations PyTorch computes as one op each (`gelu`, `elu`, `silu`, ...). The kernels
/// follow the order of operations of PyTorch's CPU loops (aten/src/ATen/native/cpu/Activation.cpp),
/// so the piecewise-arithmetic ones agree to the last bit; exp, expm1, log1p and tanh are SLEEF's
/// in the vector loop's blocks and the C library's elsewhere, as PyTorch's; so is erf (SLEEF's in
/// float64, PyTorch's own formula in float32). The exact gelu of a contiguous float32 or bfloat16
/// input of two or more elements is oneDNN's instead, as PyTorch hands it over (OneDNNGelu).
public enum Activation: Sendable, Equatable {
    case gelu(tanhApproximation: Bool)
    /// `scale * x` above zero, else `alpha * scale * (exp(inputScale * x) - 1)`: ELU, SELU, CELU.
    case elu(alpha: Double, scale: Double, inputScale: Double)
    /// ELU with `inputScale = 1 / alpha`, under a node of its own name.
    case celu(alpha: Double)
    case silu
    case mish
    case softplus(beta: Double, threshold: Double)
    case leakyRelu(slope: Double)
    case hardtanh(min: Double, max: Double)
    case hardswish
    case hardsigmoid
    case logSigmoid

    /// The name of the node of the forward op (its backward is this name with `Backward0`
    /// inserted again, as PyTorch names `GeluBackwardBackward0`).
    var nodeName: String {
        switch self {
        case .gelu: "GeluBackward0"
        case .elu: "EluBackward0"
        case .celu: "CeluBackward0"
        case .silu: "SiluBackward0"
        case .mish: "MishBackward0"
        case .softplus: "SoftplusBackward0"
        case .leakyRelu: "LeakyReluBackward0"
        case .hardtanh: "HardtanhBackward0"
        case .hardswish: "HardswishBackward0"
        case .hardsigmoid: "HardsigmoidBackward0"
        case .logSigmoid: "LogSigmoidBackward0"
        }
    }

    /// CELU's double backward is ELU's, as in PyTorch; hardsigmoid's backward has no formula
    /// of its own and shows PyTorch's placeholder node.
    var backwardNodeName: String {
        switch self {
        case .celu: "EluBackwardBackward0"
        case .hardsigmoid: "torch::autograd::NotImplemented"
        default: nodeName.dropLast("0".count) + "Backward0"
        }
    }

    private static func celuAsElu(_ alpha: Double) -> Activation { .elu(alpha: alpha, scale: 1, inputScale: 1 / alpha) }

    /// PyTorch's CELU backward divides by alpha rounded to a float (`1.0 / alpha.toFloat()`).
    private static func celuBackwardAsElu(_ alpha: Double) -> Activation {
        .elu(alpha: alpha, scale: 1, inputScale: 1 / Double(Float(alpha)))
    }

    // M_SQRT1_2, M_SQRT2 * M_2_SQRTPI * 0.5 and M_2_SQRTPI * M_SQRT1_2 * 0.5, rounded as C computes them in double.
    private static let sqrtHalf = 0.7071067811865476
    private static let tanhGeluBeta = 1.4142135623730951 * 1.1283791670955126 * 0.5
    private static let normalDensityScale = 1.1283791670955126 * 0.7071067811865476 * 0.5

    /// `f(x)`, with the steps PyTorch's compiler fuses fused (see `derivative`).
    func value<T: FloatElement, M: KernelMath>(_ x: T, _ math: M.Type) -> T {
        switch self {
        case .celu(let alpha):
            return Self.celuAsElu(alpha).value(x, math)
        case .gelu(tanhApproximation: false):
            return x * T(0.5) * (1 + M.erf(x * T(Self.sqrtHalf)))
        case .gelu(tanhApproximation: true):
            let inner = T(Self.tanhGeluBeta) * x.addingProduct(T(0.044715), x * x * x)
            return T(0.5) * x * (1 + M.tanh(inner))
        case .elu(let alpha, let scale, let inputScale):
            return x <= 0 ? M.expm1(x * T(inputScale)) * (T(alpha) * T(scale)) : x * T(scale)
        case .silu:
            return x / (1 + M.exp(-x))
        case .mish:
            return x * M.tanh(M.log1p(M.exp(x)))
        case .softplus(let beta, let threshold):
            return x * T(beta) > T(threshold) ? x : M.log1p(M.exp(x * T(beta))) / T(beta)
        case .leakyRelu(let slope):
            return x > 0 ? x : x * T(slope)
        case .hardtanh(let lo, let hi):
            return x.isNaN ? x : (x < T(lo) ? T(lo) : (x > T(hi) ? T(hi) : x))
        case .hardswish:
            return x * Self.clampedToSix(x + 3) / 6
        case .hardsigmoid:
            return Self.clampedToSix(x + 3) / 6
        case .logSigmoid:
            return (x < 0 || x.isNaN ? x : 0) - M.log1p(M.exp(-Swift.abs(x)))
        }
    }

    /// `grad * f'(x)`, PyTorch's `*_backward` kernel. Its kernels are compiled with FMA
    /// contraction, so the steps it fuses are fused here, found bit for bit against PyTorch
    /// (the tanh gelu's last sum is not fused).
    func derivative<T: FloatElement, M: KernelMath>(_ grad: T, _ x: T, _ math: M.Type) -> T {
        switch self {
        case .celu(let alpha):
            return Self.celuBackwardAsElu(alpha).derivative(grad, x, math)
        case .gelu(tanhApproximation: false):
            let cdf = T(0.5) * (1 + M.erf(x * T(Self.sqrtHalf)))
            let pdf = T(Self.normalDensityScale) * M.exp(x * x * T(-0.5))
            return grad * M.sum(cdf, x, pdf)
        case .gelu(tanhApproximation: true):
            let beta = T(Self.tanhGeluBeta), kappa = T(0.044715)
            let square = x * x
            let tanhInner = M.tanh(beta * x.addingProduct(kappa, square * x))
            let leftDerivative = T(0.5) * (1 + tanhInner)
            let innerDerivative = beta * (1 as T).addingProduct(3 * kappa, square)
            let halfXTanhDerivative = T(0.5) * x * (1 as T).addingProduct(-tanhInner, tanhInner)
            return grad * (leftDerivative + halfXTanhDerivative * innerDerivative)
        case .elu(let alpha, let scale, let inputScale):
            return x <= 0 ? grad * T(inputScale) * (T(alpha) * T(scale)) * M.exp(x * T(inputScale)) : grad * T(scale)
        case .silu:
            let sigmoid = 1 / (1 + M.exp(-x))
            return grad * sigmoid * (1 as T).addingProduct(x, 1 - sigmoid)
        case .mish:
            let sigmoid = 1 / (1 + M.exp(-x))
            let tanhSoftplus = M.tanh(M.log1p(M.exp(x)))
            return grad * tanhSoftplus.addingProduct(x * sigmoid, (1 as T).addingProduct(-tanhSoftplus, tanhSoftplus))
        case .softplus(let beta, let threshold):
            let z = M.exp(x * T(beta))
            return x * T(beta) > T(threshold) ? grad : grad * z / (z + 1)
        case .leakyRelu(let slope):
            return x > 0 ? grad : grad * T(slope)
        case .hardtanh(let lo, let hi):
            return x <= T(lo) || x >= T(hi) ? 0 : grad
        case .hardswish:
            return x > -3 && x < 3 ? grad * (x / 3 + T(0.5)) : (x >= 3 ? grad : 0)
        case .hardsigmoid:
            // PyTorch's kernel multiplies by the float 1/6 in every dtype.
            return x > -3 && x < 3 ? grad * T(Float(1) / Float(6)) : 0
        case .logSigmoid:
            return Self.logSigmoidDerivative(grad, x, buffer: M.exp(-Swift.abs(x)))
        }
    }

    /// log_sigmoid's backward from the buffer `exp(-|x|)` its forward stored.
    static func logSigmoidDerivative<T: FloatElement>(_ grad: T, _ x: T, buffer: T) -> T {
        let negative = x < 0
        return ((negative ? 1 : 0) - (negative ? 1 : -1) * (buffer / (1 + buffer))) * grad
    }

    /// `min(max(v, 0), 6)`, NaN staying NaN as in std::min/std::max.
    private static func clampedToSix<T: FloatElement>(_ v: T) -> T {
        let low = v < 0 ? 0 : v
        return T(6) < low ? 6 : low
    }

    /// PyTorch has no formula for differentiating hardsigmoid's backward.
    static let hardsigmoidTwice = TorchError.runtime("derivative for aten::hardsigmoid_backward is not implemented")

    /// The gradient of `grad * f'(x)` with respect to x, given `product` = its incoming gradient
    /// times `grad`: `product * f''(x)` in tensor ops, so that it is differentiable in turn.
    func backwardOfBackward(_ product: Tensor, _ x: Tensor) throws -> Tensor {
        func number(_ v: Double) throws -> Tensor { try Tensor.wrapping(.double(v)) }
        let zero = try Tensor.wrapping(.int(0))
        switch self {
        case .celu(let alpha):
            return try Self.celuBackwardAsElu(alpha).backwardOfBackward(product, x)
        case .gelu(tanhApproximation: false):
            // pdf(x) * (2 - x²)
            let pdf = try x.mul(x).mul(number(-0.5)).exp().mul(number(Self.normalDensityScale))
            return try product.mul(pdf.mul(x.mul(x).rsub(.int(2))))
        case .gelu(tanhApproximation: true):
            // (1 - t²) * (u' + x/2 * (u'' - 2 t u'²)) with u = β(x + κx³), t = tanh(u)
            let beta = Self.tanhGeluBeta, kappa = 0.044715
            let square = try x.mul(x)
            let t = try x.add(square.mul(x).mul(number(kappa))).mul(number(beta)).tanh()
            let u1 = try square.mul(number(3 * kappa)).add(number(1)).mul(number(beta))
            let u2 = try x.mul(number(6 * beta * kappa))
            let inner = try u1.add(x.mul(number(0.5)).mul(u2.sub(t.mul(u1).mul(u1).mul(number(2)))))
            return try product.mul(t.mul(t).rsub(.int(1)).mul(inner))
        case .elu(let alpha, let scale, let inputScale):
            let curvature = try x.mul(number(inputScale)).exp().mul(number(alpha * scale * inputScale * inputScale))
            return try Tensor.where(x.lt(zero), product.mul(curvature), zero)
        case .silu, .mish:
            // Under create_graph their backward is composed (silu/mishDerivative), never this node's.
            return try product.mul(Tensor.compositeDerivative(self, x))
        case .softplus(let beta, let threshold):
            let scaled = try x.mul(number(beta))
            let s = try scaled.sigmoid()
            return try Tensor.where(scaled.gt(number(threshold)), zero, product.mul(s.mul(s.rsub(.int(1))).mul(number(beta))))
        case .logSigmoid:
            let s = try x.sigmoid()
            return try product.mul(s.mul(s.rsub(.int(1)))).neg()
        case .hardswish:
            let inside = try x.gt(number(-3)).logicalAnd(x.lt(number(3)))
            return try Tensor.where(inside, product.div(scalar: .int(3)), zero)
        case .hardsigmoid:
            throw Self.hardsigmoidTwice
        case .leakyRelu, .hardtanh:
            return try Tensor.zerosLike(product)
        }
    }
}

/// The exp, expm1, log1p, tanh and erf an activation kernel calls.
protocol KernelMath {
    static func exp<T: FloatElement>(_ x: T) -> T
    static func expm1<T: FloatElement>(_ x: T) -> T
    static func log1p<T: FloatElement>(_ x: T) -> T
    static func tanh<T: FloatElement>(_ x: T) -> T
    static func erf<T: FloatElement>(_ x: T) -> T
    /// a + b·c as the loop rounds it where PyTorch's compiler was free to fuse it (the exact
    /// gelu's backward): fused in the float/double vector loop, twice rounded elsewhere.
    static func sum<T: FloatElement>(_ a: T, _ b: T, _ c: T) -> T
}

/// PyTorch's scalar loop (the tail after the vector blocks, strided inputs): the C library.
enum CLibraryMath: KernelMath {
    @inline(__always) static func exp<T: FloatElement>(_ x: T) -> T { T.exp(x) }
    @inline(__always) static func expm1<T: FloatElement>(_ x: T) -> T { T.expMinusOne(x) }
    @inline(__always) static func log1p<T: FloatElement>(_ x: T) -> T { T.log(onePlus: x) }
    @inline(__always) static func tanh<T: FloatElement>(_ x: T) -> T { T.tanh(x) }
    @inline(__always) static func erf<T: FloatElement>(_ x: T) -> T { T.erf(x) }
    @inline(__always) static func sum<T: FloatElement>(_ a: T, _ b: T, _ c: T) -> T { a + b * c }
}

/// SLEEF's functions, which PyTorch's vector loops call.
protocol SleefKernelMath: KernelMath {}

extension SleefKernelMath {
    @inline(__always) static func exp<T: FloatElement>(_ x: T) -> T { T.vectorExp(x) }
    @inline(__always) static func expm1<T: FloatElement>(_ x: T) -> T { T.vectorExpm1(x) }
    @inline(__always) static func log1p<T: FloatElement>(_ x: T) -> T { T.vectorLog1p(x) }
    @inline(__always) static func tanh<T: FloatElement>(_ x: T) -> T { Sleef.tanh(x) }
    @inline(__always) static func erf<T: FloatElement>(_ x: T) -> T { T.vectorErf(x) }
}

/// PyTorch's vector loop over floats and doubles.
enum SleefMath: SleefKernelMath {
    @inline(__always) static func sum<T: FloatElement>(_ a: T, _ b: T, _ c: T) -> T { a.addingProduct(b, c) }
}

/// PyTorch's vector loop over float16/bfloat16 converted to float, where its compiler left the
/// gelu backward's sum unfused.
enum HalfPrecisionSleefMath: SleefKernelMath {
    @inline(__always) static func sum<T: FloatElement>(_ a: T, _ b: T, _ c: T) -> T { a + b * c }
}

extension Tensor {
    /// One of PyTorch's fused activations: one node, whose backward is a node of its own.
    public func activation(_ kind: Activation) throws -> Tensor {
        if !dtype.isFloatingPoint { throw TorchError.notImplemented("\"\(kind.kernelName)\" not implemented for '\(dtype.scalarTypeName)'") }
        let vector: (f32: (Float) -> Float, f64: (Double) -> Double) = ({ kind.value($0, SleefMath.self) }, { kind.value($0, SleefMath.self) })
        let out = try kind.runsInOneDNN(self) ? mapFloat(OneDNNGelu.value, vector.f64)
            : kind.vectorisesEveryElement ? mapFloat(vector.f32, vector.f64)
            : mapFloatVectorLoop(vector: vector, scalar: ({ kind.value($0, CLibraryMath.self) }, { kind.value($0, CLibraryMath.self) }))
        let laidOut = try kind.allocatedStrides(like: self).map { try MemoryOrder.laidOut(out, strides: $0) } ?? out
        return laidOut.record(kind.nodeName, inputs: [self], saving: self) { ctx, input in
            // PyTorch differentiates silu and mish through composed ops when building a graph.
            if (kind == .silu || kind == .mish) && GradMode.isEnabled { return [try ctx.grad.mul(Tensor.compositeDerivative(kind, input))] }
            return [try Tensor.activationBackward(kind, ctx.grad, input)]
        }
    }

    /// `f'(x)` of silu and mish in tensor ops, PyTorch's `infinitely_differentiable_*_backward`.
    static func compositeDerivative(_ kind: Activation, _ x: Tensor) throws -> Tensor {
        let s = try x.sigmoid()
        if kind == .silu { return try s.mul(x.mul(s.rsub(.int(1))).add(Tensor.wrapping(.int(1)))) }
        let t = try x.activation(.softplus(beta: 1, threshold: 20)).tanh()
        return try t.add(x.mul(s).mul(t.mul(t).rsub(.int(1))))
    }

    /// `grad * f'(x)`; differentiable in both (PyTorch's `gelu_backward` and its formulas).
    static func activationBackward(_ kind: Activation, _ grad: Tensor, _ x: Tensor) throws -> Tensor {
        try GradMode.with(enabled: false) {
            let vector: (f32: (Float, Float) -> Float, f64: (Double, Double) -> Double)
                = ({ kind.derivative($0, $1, SleefMath.self) }, { kind.derivative($0, $1, SleefMath.self) })
            if kind.runsInOneDNN(x) { return try grad.mapFloatPair(x, { $0 * OneDNNGelu.derivative($1) }, vector.f64) }
            if kind == .logSigmoid, let stored = x.dtype.halfPrecisionRounding {
                // PyTorch's forward stores its buffer in the input's dtype, rounding it.
                return try grad.mapFloatPair(x, { g, x in Activation.logSigmoidDerivative(g, x, buffer: stored(.vectorExp(-Swift.abs(x)))) },
                                             vector.f64)
            }
            return try kind.vectorisesEveryElement ? grad.mapFloatPair(x, vector.f32, vector.f64)
                : grad.mapFloatPairVectorLoop(x, vector: vector, scalar: ({ kind.derivative($0, $1, CLibraryMath.self) },
                                                                          { kind.derivative($0, $1, CLibraryMath.self) }),
                                              halfPrecision: { kind.derivative($0, $1, HalfPrecisionSleefMath.self) })
        }
            .record(kind.backwardNodeName, inputs: [grad, x], saving: { (grad: $0.slot(grad), x: $0.slot(x)) }) { ctx, saved in
                if kind == .hardsigmoid { throw Activation.hardsigmoidTwice }
                return [ctx.needs(0) ? try activationBackward(kind, ctx.grad, ctx.saved(saved.x)) : nil,
                        ctx.needs(1) ? try kind.backwardOfBackward(ctx.grad.mul(ctx.saved(saved.grad)), ctx.saved(saved.x)) : nil]
            }
    }
}

extension Activation {
    /// log_sigmoid's forward is a loop of its own over single vectors whose last, partial one is
    /// loaded masked: SLEEF's exp and log1p reach every element, strided or not, and its
    /// backward reads that exp from the forward's buffer.
    var vectorisesEveryElement: Bool { self == .logSigmoid }

    /// PyTorch's `use_onednn` for the exact gelu and its backward (which asks it of the input x):
    /// a contiguous float32 or bfloat16 tensor of two or more elements.
    func runsInOneDNN(_ x: Tensor) -> Bool {
        self == .gelu(tanhApproximation: false) && (x.dtype == .float32 || x.dtype == .bfloat16) && x.isContiguous && x.numel > 1
    }

    /// The strides of the result PyTorch allocates before its kernel runs, nil where its
    /// TensorIterator lays the result out: `hardtanh` writes into `empty_like(x)`, `log_sigmoid`
    /// into a contiguous tensor.
    func allocatedStrides(like x: Tensor) -> [Int]? {
        switch self {
        case .hardtanh: MemoryOrder.preservedStrides(of: x)
        case .logSigmoid: Shape.contiguousStrides(x.shape)
        default: nil
        }
    }

    /// The kernel name in PyTorch's "not implemented for" error on integer inputs.
    var kernelName: String {
        switch self {
        case .gelu: "GeluKernelImpl"
        case .elu, .celu: "elu_cpu"
        case .silu: "silu_cpu"
        case .mish: "mish_cpu"
        case .softplus: "softplus_cpu"
        case .leakyRelu: "leaky_relu_cpu"
        case .hardtanh: "clamp_cpu"
        case .hardswish: "hardswish_cpu"
        case .hardsigmoid: "hardsigmoid_cpu"
        case .logSigmoid: "log_sigmoid_cpu"
        }
    }
}
