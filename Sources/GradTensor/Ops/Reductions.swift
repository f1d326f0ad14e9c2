/// Differentiable reductions: sum, nansum, mean, nanmean, max, min, argmax, argmin.
extension Tensor {
    /// `sum()` / `sum(dim, keepdim)`. Integer and bool tensors sum to int64, as in PyTorch.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false, dtype requested: DType? = nil) throws -> Tensor {
        let dtype = requested ?? (self.dtype.isFloatingPoint ? self.dtype : .int64)
        let out: Tensor
        if let whole = try wholeFloatSum(dims: dims, dtype: dtype, keepdim: keepdim) {
            out = whole
        } else {
            let layout = try ReductionLayout(self, dims: dims, dtype: dtype)
            switch dtype {
            case .float32: out = try layout.cascadeSums(Float.self, keepdim: keepdim)
            case .float64: out = try layout.cascadeSums(Double.self, keepdim: keepdim)
            case .float16, .bfloat16:
                // Accumulated in float32 and rounded once, as PyTorch sums reduced floats.
                out = try widened(through: dtype).sum(dims: dims, keepdim: keepdim).narrowed(to: dtype)
            default:
                out = try layout.map(Int64.self, Int64.self, keepdim: keepdim) { p, n in
                    var s: Int64 = 0
                    for i in 0..<n { s &+= p[i] }
                    return s
                }.materializedIfCast(to: dtype)
            }
        }
        guard GradMode.isEnabled && requiresGrad else { return out }
        let name = dims == nil ? "SumBackward0" : "SumBackward1"
        let keptShape = try ReductionLayout.keptShape(self, dims)
        return out.record(name, inputs: [self], saving: { _ in (keptShape: keptShape, dims: dims, keepdim: keepdim) }) { ctx, saved in
            [try ctx.grad.reshape(saved.keptShape).expand(ctx.inputShape(0))]
        }
    }

    /// `nansum()` / `nansum(dim, keepdim)`: the sum with every NaN counted as zero. PyTorch's
    /// kernel skips them in sum's own order; adding a zero there instead gives the same bits, as
    /// the partial sums start from +0 and never become -0 by adding +0.
    public func nansum(dims: [Int]? = nil, keepdim: Bool = false, dtype requested: DType? = nil) throws -> Tensor {
        guard self.dtype.isFloatingPoint else { return try sum(dims: dims, keepdim: keepdim, dtype: requested) }
        let isNumber = try ne(self).logicalNot()
        let out = try GradMode.with(enabled: false) {
            try Tensor.where(isNumber, detach(), Tensor.wrapping(.int(0))).sum(dims: dims, keepdim: keepdim, dtype: requested)
        }
        guard GradMode.isEnabled && requiresGrad else { return out }
        let keptShape = try ReductionLayout.keptShape(self, dims)
        return out.record("NansumBackward0", inputs: [self],
                          saving: { (input: $0.slot(self), keptShape: keptShape, dims: dims, keepdim: keepdim) }) { ctx, saved in
            let spread = try ctx.grad.reshape(saved.keptShape).expand(ctx.inputShape(0))
            let input = try ctx.saved(saved.input)
            return [try spread.mul(input.ne(input).logicalNot())]
        }
    }

    /// `nanmean()` / `nanmean(dim, keepdim)`: `nansum` divided by the count of numbers, as PyTorch
    /// composes it (so its node is a `DivBackward0` of a `NansumBackward0`).
    public func nanmean(dims: [Int]? = nil, keepdim: Bool = false, dtype requested: DType? = nil) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("nanmean(): expected input to have floating point or complex dtype but got \(dtype.scalarTypeName)")
        }
        let count = try GradMode.with(enabled: false) { try ne(self).logicalNot().sum(dims: dims, keepdim: keepdim) }
        return try nansum(dims: dims, keepdim: keepdim, dtype: requested).div(count)
    }

    /// The sum of every element of a contiguous float tensor, read straight from its buffer: the
    /// one-dimensional loop `ReductionIterator` would lay out, summed by the same kernel (so the
    /// same bits), without the layout's arrays and views. With `count`, the sum divided by it (mean).
    /// Nil when the reduction is not of that kind (`dims` none, or every dim in order as
    /// gradients summed back to a shape of ones ask).
    private func wholeFloatSum(dims: [Int]?, dtype: DType, keepdim: Bool, dividedBy count: Int? = nil) throws -> Tensor? {
        let everyDim = dims.map { $0.isEmpty || $0 == Array(0..<rank) } ?? true
        guard everyDim, dtype == self.dtype, isContiguous else { return nil }
        func reduce<T: CascadeElement>(_: T.Type) throws -> Tensor {
            var total = withExtendedLifetime(storage) { contiguousCascadeSum(UnsafePointer(storage.pointer(T.self) + offset), count: numel) }
            if let count { total /= T(scalar: .int(Int64(count))) }
            return Tensor(storage: try Storage.make(repeating: total, count: 1),
                          shape: keepdim ? [Int](repeating: 1, count: rank) : [])
        }
        switch dtype {
        case .float32: return try reduce(Float.self)
        case .float64: return try reduce(Double.self)
        default: return nil
        }
    }

    /// `mean()` / `mean(dim, keepdim)`: the sum divided by the count, as PyTorch's CPU kernel does.
    public func mean(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        let out: Tensor, count: Int
        if let whole = try wholeFloatSum(dims: dims, dtype: dtype, keepdim: keepdim, dividedBy: numel) {
            out = whole
            count = numel
        } else {
            // float16 and bfloat16 are summed and divided in float32, then rounded once.
            let source = try widened()
            let total = try GradMode.with(enabled: false) { try source.sum(dims: dims, keepdim: keepdim) }
            count = Shape.count(shape) / Swift.max(total.numel, 1)
            out = try total.binaryWithoutGraph(.div, .wrapping(.int(Int64(count)))).narrowed(to: dtype)
        }
        guard GradMode.isEnabled && requiresGrad else { return out }
        return out.record(dims == nil ? "MeanBackward0" : "MeanBackward1", inputs: [self],
                          saving: { _ in (count: Scalar.int(Int64(count)), dims: dims, keepdim: keepdim) }) { ctx, saved in
            // The output's gradient divided by the count, spread over the input's shape.
            let inputShape = ctx.inputShape(0)
            if let spread = try ctx.grad.spreadEvenly(over: inputShape, dividedBy: saved.count) { return [spread] }
            let keptShape = try ReductionLayout.keptShape(inputShape, saved.dims)
            let g = try ctx.grad.reshape(keptShape).expand(inputShape).div(.wrapping(saved.count))
            return [g]
        }
    }

    /// The gradient of a whole mean without building a graph: a one-element float gradient
    /// divided by the count, in every position of `shape` (what the expand-and-divide formula
    /// computes, in one tensor instead of two views and a quotient). Nil when it does not apply.
    private func spreadEvenly(over shape: [Int], dividedBy count: Scalar) throws -> Tensor? {
        guard !GradMode.isEnabled, numel == 1 else { return nil }
        func spread<T: FloatElement>(_: T.Type) throws -> Tensor {
            let value = storage.pointer(T.self)[offset] / T(scalar: count)
            let n = try Shape.checkedCount(shape, dtype: dtype)
            return Tensor(storage: try Storage.make(repeating: value, count: n), shape: shape)
        }
        switch dtype {
        case .float32: return try spread(Float.self)
        case .float64: return try spread(Double.self)
        default: return nil
        }
    }

    /// `max()` over all elements; the gradient is shared evenly among tied maxima, or the NaNs
    /// when the result is NaN (PyTorch's rule).
    public func max() throws -> Tensor { try extreme(isMax: true) }
    public func min() throws -> Tensor { try extreme(isMax: false) }

    private func extreme(isMax: Bool) throws -> Tensor {
        if numel == 0 {
            throw TorchError.runtime("\(isMax ? "max" : "min")(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let out = try extremeValues(dim: nil, keepdim: false, isMax: isMax).values
        return out.recordSharedAmongEqual(isMax ? "MaxBackward1" : "MinBackward1", input: self)
    }

    /// Records this value, picked from all of `input`'s elements: its gradient is shared evenly
    /// among the elements equal to it, or among the NaNs when it is NaN (PyTorch's
    /// `evenly_distribute_backward`).
    func recordSharedAmongEqual(_ name: String, input: Tensor) -> Tensor {
        record(name, inputs: [input], savesOutput: true, saving: input) { ctx, input in
            let value = ctx.output.detach()
            let mask = try value.containsNaN() ? input.ne(input) : input.eq(value)
            let ties = try mask.sum()
            return [try ctx.grad.div(ties).mul(mask)]
        }
    }

    /// `max(dim, keepdim)` → (values, indices); the gradient goes to the chosen index.
    public func max(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremeAlong(dim: dim, keepdim: keepdim, isMax: true)
    }

    public func min(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremeAlong(dim: dim, keepdim: keepdim, isMax: false)
    }

    private func extremeAlong(dim: Int, keepdim: Bool, isMax: Bool) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        if rank > 0 && shape[d] == 0 {
            throw TorchError.index("\(isMax ? "max" : "min")(): Expected reduction dim \(d) to have non-zero size.")
        }
        let (values, indices) = try extremeValues(dim: d, keepdim: keepdim, isMax: isMax)
        let keptShape = try ReductionLayout.keptShape(self, [d])
        values.record(isMax ? "MaxBackward0" : "MinBackward0", inputs: [self],
                      saving: { (indices: $0.slot(indices), dim: d, keptShape: keptShape) }) { ctx, saved in
            let g = try ctx.grad.reshape(saved.keptShape)
            return [try Tensor.scatter(g, indices: ctx.saved(saved.indices).reshape(saved.keptShape), dim: saved.dim,
                                       shape: ctx.inputShape(0))]
        }
        return (values, indices)
    }

    /// `argmax()` / `argmax(dim, keepdim)`: int64 positions of the first maximum.
    public func argmax(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtreme(dim: dim, keepdim: keepdim, isMax: true)
    }

    public func argmin(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtreme(dim: dim, keepdim: keepdim, isMax: false)
    }

    private func argExtreme(dim: Int?, keepdim: Bool, isMax: Bool) throws -> Tensor {
        let name = isMax ? "argmax" : "argmin"
        if dtype == .bool { throw TorchError.notImplemented("\(name)(): does not support bool input") }
        if let dim {
            let d = try Shape.wrapDim(dim, rank: rank)
            if rank > 0 && shape[d] == 0 {
                throw TorchError.index("\(name)(): Expected reduction dim \(d) to have non-zero size.")
            }
            return try extremeValues(dim: d, keepdim: keepdim, isMax: isMax).indices
        }
        if numel == 0 {
            throw TorchError.index("\(name)(): Expected reduction dim to be specified for input.numel() == 0.")
        }
        let flat = try reshape([-1])
        let idx = try flat.extremeValues(dim: 0, keepdim: false, isMax: isMax).indices
        return keepdim ? try idx.reshape(Array(repeating: 1, count: rank)) : idx
    }

    /// Values and first indices of the maximum (or minimum) along `dim` (nil: everything).
    /// NaN wins, as in PyTorch.
    func extremeValues(dim: Int?, keepdim: Bool, isMax: Bool) throws -> (values: Tensor, indices: Tensor) {
        let computeType = dtype.computeType
        let layout = try ReductionLayout(self, dims: dim.map { [$0] }, dtype: computeType)
        func run<T: Element & Comparable>(_: T.Type, isNaN: @escaping (T) -> Bool) throws -> (Tensor, Tensor) {
            try Scratch.check(layout.outer, of: Int64.self)
            var positions = [Int64](repeating: 0, count: layout.outer)
            var o = 0
            let values = try layout.map(T.self, T.self, keepdim: keepdim) { p, n in
                var best = p[0], at = 0
                if !isNaN(best) {
                    for i in 1..<Swift.max(n, 1) {
                        let v = p[i]
                        if isNaN(v) { best = v; at = i; break }
                        if isMax ? v > best : v < best { best = v; at = i }
                    }
                }
                positions[o] = Int64(at)
                o += 1
                return best
            }
            let indices = Tensor(storage: try Storage.make(dtype: .int64, count: positions.count), shape: values.shape)
            positions.withUnsafeBufferPointer { src in
                for i in 0..<src.count { indices.storage.pointer(Int64.self)[i] = src[i] }
            }
            return (values, indices)
        }
        let (values, indices): (Tensor, Tensor)
        switch computeType {
        case .float32: (values, indices) = try run(Float.self) { $0.isNaN }
        case .float64: (values, indices) = try run(Double.self) { $0.isNaN }
        default: (values, indices) = try run(Int64.self) { _ in false }
        }
        return try (values.materializedIfCast(to: dtype), indices)
    }
}

extension ReductionLayout {
    /// The keepdim shape of reducing `t` over `dims`, without building the layout's data.
    static func keptShape(_ t: Tensor, _ dims: [Int]?) throws -> [Int] {
        try keptShape(t.shape, dims)
    }

    static func keptShape(_ shape: [Int], _ dims: [Int]?) throws -> [Int] {
        guard let dims, !dims.isEmpty, !shape.isEmpty else { return shape.map { _ in 1 } }
        var kept = shape
        for d in dims { kept[try Shape.wrapDim(d, rank: shape.count)] = 1 }
        return kept
    }
}
