/// `prod`, `var` and `std` over all elements or along dimensions, each one graph node as in PyTorch.
extension Tensor {
    /// `prod()` / `prod(dim, keepdim)`. Integer and bool tensors multiply to int64, as in PyTorch.
    public func prod(dim: Int? = nil, keepdim: Bool = false, dtype requested: DType? = nil) throws -> Tensor {
        let dtype = requested ?? (self.dtype.isFloatingPoint ? self.dtype : .int64)
        let dims = dim.map { [$0] }
        let layout = try ReductionLayout(self, dims: dims, dtype: dtype)
        let out: Tensor
        switch dtype {
        case .float32: out = try layout.products(Float.self, keepdim: keepdim)
        case .float64: out = try layout.products(Double.self, keepdim: keepdim)
        case .float16, .bfloat16: out = try widened(through: dtype).prod(dim: dim, keepdim: keepdim).narrowed(to: dtype)
        default:
            out = try layout.map(Int64.self, Int64.self, keepdim: keepdim) { p, n in
                var r: Int64 = 1
                for i in 0..<n { r = r &* p[i] }
                return r
            }.materializedIfCast(to: dtype)
        }
        return out.record(dim == nil ? "ProdBackward0" : "ProdBackward1", inputs: [self], savesOutput: true,
                          saving: { (input: $0.slot(self), dims: dims, keptShape: layout.keptShape) }) { ctx, saved in
            let g = try ctx.grad.reshape(saved.keptShape), result = try ctx.output.reshape(saved.keptShape)
            return [try g.mul(ctx.saved(saved.input).productOfOthers(result, dims: saved.dims))]
        }
    }

    /// For each element, the product of the others in its reduced block: `result / x` without
    /// zeros; with one zero, the zero's slot gets the product of the rest; with more, all zero.
    private func productOfOthers(_ result: Tensor, dims: [Int]?) throws -> Tensor {
        let zero = try Tensor.wrapping(.int(0)), one = try Tensor.wrapping(.int(1))
        let isZero = try eq(zero)
        let zeros = try isZero.sum(dims: dims, keepdim: true)
        let nonzeroProduct = try Tensor.where(isZero, one, self).prod(dims: dims)
        let atZero = try Tensor.where(zeros.eq(one), nonzeroProduct, zero)
        let elsewhere = try Tensor.where(zeros.eq(zero), result.div(Tensor.where(isZero, one, self)), zero)
        return try Tensor.where(isZero, atZero, elsewhere)
    }

    /// The product over several dims, kept as size 1 (the backward's helper).
    private func prod(dims: [Int]?) throws -> Tensor {
        guard let dims else { return try prod().reshape(shape.map { _ in 1 }) }
        var out = self
        for d in dims { out = try out.prod(dim: d, keepdim: true) }
        return out
    }

    /// `var(dim, correction, keepdim)`: the mean squared deviation with `correction` (1: Bessel's).
    public func variance(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        let (out, divisor) = try spread(dims: dims, correction: correction, keepdim: keepdim, takeSquareRoot: false)
        let keptShape = try ReductionLayout.keptShape(self, dims)
        return out.record("VarBackward0", inputs: [self],
                          saving: { (input: $0.slot(self), dims: dims, keptShape: keptShape, divisor: divisor) }) { ctx, saved in
            [try ctx.saved(saved.input).varianceGradient(ctx.grad, dims: saved.dims, keptShape: saved.keptShape, divisor: saved.divisor)]
        }
    }

    /// `std(dim, correction, keepdim)`: the square root of `variance`.
    public func standardDeviation(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        let (out, divisor) = try spread(dims: dims, correction: correction, keepdim: keepdim, takeSquareRoot: true)
        let keptShape = try ReductionLayout.keptShape(self, dims)
        return out.record("StdBackward0", inputs: [self], savesOutput: true,
                          saving: { (input: $0.slot(self), dims: dims, keptShape: keptShape, divisor: divisor) }) { ctx, saved in
            [try ctx.saved(saved.input).standardDeviationGradient(ctx.grad, result: ctx.output, dims: saved.dims,
                                                                  keptShape: saved.keptShape, divisor: saved.divisor)]
        }
    }

    /// The gradient reaching this input of `var` from `grad` (PyTorch's `var_backward`).
    func varianceGradient(_ grad: Tensor, dims: [Int]?, keptShape: [Int], divisor: Double) throws -> Tensor {
        try grad.reshape(keptShape).mul(.wrapping(.double(2 / divisor))).mul(deviation(dims: dims))
    }

    /// The gradient reaching this input of `std` (whose value was `result`) from `grad`: grad /
    /// (2 std), zero where the deviation is zero, then var's backward (PyTorch's `std_backward`).
    func standardDeviationGradient(_ grad: Tensor, result: Tensor, dims: [Int]?, keptShape: [Int], divisor: Double) throws -> Tensor {
        let result = try result.reshape(keptShape)
        let zero = try Tensor.wrapping(.int(0))
        let scaled = try Tensor.where(result.eq(zero), zero, grad.reshape(keptShape).div(result.mul(.wrapping(.int(2)))))
        return try varianceGradient(scaled, dims: dims, keptShape: keptShape, divisor: divisor)
    }

    /// The variance or standard deviation (ungraphed, PyTorch's kernels; float16 and bfloat16
    /// computed in float32 and rounded once) and the divisor `N - correction`.
    private func spread(dims: [Int]?, correction: Double, keepdim: Bool, takeSquareRoot: Bool) throws -> (Tensor, Double) {
        let source = try spreadSource()
        let layout = try ReductionLayout(source, dims: dims, dtype: source.dtype)
        let out = source.dtype == .float64
            ? try layout.variances(Double.self, correction: correction, takeSquareRoot: takeSquareRoot, keepdim: keepdim)
            : try layout.variances(Float.self, correction: correction, takeSquareRoot: takeSquareRoot, keepdim: keepdim)
        return (try out.narrowed(to: dtype), Swift.max(Double(layout.inner) - correction, 0))
    }

    /// This tensor in the float dtype `var` and `std` compute in; `name` is the op's in the
    /// error for other dtypes.
    func spreadSource(name: String = "std and var") throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\(name) only support floating point and complex dtypes")
        }
        return try widened()
    }

    /// `self - mean(dims, keepdim)`: computed again by var's and std's formulas from the saved
    /// input, as PyTorch's `var_backward` does, so gradients of gradients flow through it.
    private func deviation(dims: [Int]?) throws -> Tensor {
        try sub(mean(dims: dims, keepdim: true))
    }
}
