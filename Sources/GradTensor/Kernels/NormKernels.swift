/// Vector norms and variances as PyTorch's CPU kernels compute them (ReduceOpsKernel.cpp,
/// SharedReduceOps.h, ReduceOps.cpp), in their order and precision: most walk each output's
/// elements one by one in TensorIterator's order (`binary_kernel_reduce`), multiplying and adding
/// apart; the one multiply-add PyTorch's build fuses (the 2-norm's tail) is fused here too.
extension ReductionLayout {
    /// These kernels read the input where it lies, as `T`s: a caller must hand them an input
    /// (and a layout) of `T`'s dtype, widening float16 and bfloat16 first.
    private func checkReadsInPlace<T: Element>(_: T.Type) throws {
        guard input.dtype == T.dtype, dtype == T.dtype else {
            throw TorchError.runtime("a \(T.dtype) reduction kernel was given a \(input.dtype) tensor")
        }
    }

    /// The p-norm (p > 0) of each block, of the input's float dtype.
    func norms<T: CascadeElement>(_: T.Type, p: Double, keepdim: Bool) throws -> Tensor {
        try checkReadsInPlace(T.self)
        let out = Tensor(storage: try Storage.make(dtype: dtype, count: outer), shape: keepdim ? keptShape : droppedShape)
        guard input.numel > 0 else { return out }
        let loops = ReductionIterator(shape: input.shape, strides: input.strides, reduced: dims)
        let (outputs, reduced) = loops.sequentialOrder()
        let dst = out.storage.pointer(T.self)
        let order = T(p), inverse = 1 / T(p)
        // The vectorised 2-norm of a contiguous last dimension (`is_reduce_lastdim`, float only).
        let lanes = p == 2 && loops.reducedRank == 1 && loops.inputStrides[0] == 1
        withExtendedLifetime(input) {
            let src = UnsafePointer(input.storage.pointer(T.self) + input.offset)
            for (o, i) in outputs {
                let base = src + i
                if lanes {
                    dst[o] = laneSumOfSquares(base, count: reduced.count).squareRoot()
                    continue
                }
                var acc: T = 0
                if p == 2 {
                    for r in reduced { acc += base[r] * base[r] }
                    acc = acc.squareRoot()
                } else if p == 1 {
                    for r in reduced { acc += Swift.abs(base[r]) }
                } else if p == .infinity {
                    // The largest magnitude; a NaN is the answer once met.
                    for r in reduced where !acc.isNaN {
                        let a = Swift.abs(base[r])
                        if a.isNaN || a > acc { acc = a }
                    }
                } else {
                    for r in reduced { acc += T.cPow(Swift.abs(base[r]), order) }
                    acc = T.cPow(acc, inverse)
                }
                dst[o] = acc
            }
        }
        return out
    }

    /// The variance (or with `takeSquareRoot` the standard deviation) of each block with
    /// `correction`: computed in double, then rounded to the dtype. A whole-tensor result takes
    /// PyTorch's two passes (the mean, then the squared deviations, summed per 2-D loop as
    /// `std_var_all_cpu` does); one per block takes Welford's running update (`WelfordOps`).
    func variances<T: CascadeElement>(_: T.Type, correction: Double, takeSquareRoot: Bool, keepdim: Bool) throws -> Tensor {
        try checkReadsInPlace(T.self)
        guard outer == 1, input.numel > 0 else {
            return try welfordMoments(T.self, correction: correction, takeSquareRoot: takeSquareRoot, keepdim: keepdim).spread
        }
        let loops = ReductionIterator(shape: input.shape, strides: input.strides, reduced: dims)
        let mean = try GradMode.with(enabled: false) { try input.mean() }.item().doubleValue
        let squares = withExtendedLifetime(input) {
            squaredDeviations(UnsafePointer(input.storage.pointer(T.self) + input.offset), loops, from: mean)
        }
        let variance = squares / Swift.max(0, Double(input.numel) - correction)
        return Tensor(storage: try Storage.make(repeating: T(takeSquareRoot ? variance.squareRoot() : variance), count: 1),
                      shape: keepdim ? keptShape : droppedShape)
    }

    /// Each block's variance (or standard deviation) and mean by Welford's running update in
    /// double (`WelfordOps`, what `var_mean` and `std_mean` run for every reduction), rounded to T.
    func welfordMoments<T: CascadeElement>(_: T.Type, correction: Double, takeSquareRoot: Bool,
                                           keepdim: Bool) throws -> (spread: Tensor, mean: Tensor) {
        try checkReadsInPlace(T.self)
        let outShape = keepdim ? keptShape : droppedShape
        let spread = Tensor(storage: try Storage.make(repeating: T.nan, count: outer), shape: outShape)
        let means = Tensor(storage: try Storage.make(repeating: T.nan, count: outer), shape: outShape)
        guard input.numel > 0 else { return (spread, means) }
        let (outputs, reduced) = ReductionIterator(shape: input.shape, strides: input.strides, reduced: dims).sequentialOrder()
        let spreadOut = spread.storage.pointer(T.self), meanOut = means.storage.pointer(T.self)
        withExtendedLifetime(input) {
            let src = UnsafePointer(input.storage.pointer(T.self) + input.offset)
            for (o, i) in outputs {
                var mean = 0.0, squares = 0.0, count = 0
                for r in reduced {
                    let x = Double(src[i &+ r])
                    count &+= 1
                    let delta = x - mean
                    mean += delta / Double(count)
                    squares += delta * (x - mean)
                }
                let variance = squares / Swift.max(0, Double(count) - correction)
                spreadOut[o] = T(takeSquareRoot ? variance.squareRoot() : variance)
                meanOut[o] = T(mean)
            }
        }
        return (spread, means)
    }
}

/// Σ (x − mean)² in double over the elements `loops` walks, summed per 2-D loop (its first two
/// dimensions) and those sums added, as `std_var_all_cpu`'s `serial_for_each` does. Walks the
/// strides directly: a list of every element's offset cost more than the arithmetic.
private func squaredDeviations<T: CascadeElement>(_ src: UnsafePointer<T>, _ loops: ReductionIterator, from mean: Double) -> Double {
    let shape = loops.shape, strides = loops.inputStrides
    let inner = shape.first ?? 1, innerStride = strides.first ?? 0
    let middle = shape.count > 1 ? shape[1] : 1, middleStride = shape.count > 1 ? strides[1] : 0
    let outerShape = Array(shape.dropFirst(2)), outerStrides = Array(strides.dropFirst(2))
    var index = [Int](repeating: 0, count: outerShape.count)
    var base = 0, total = 0.0
    while true {
        var local = 0.0
        for m in 0..<middle {
            let row = src + (base &+ m &* middleStride)
            for i in 0..<inner {
                let dx = Double(row[i &* innerStride]) - mean
                local += dx * dx
            }
        }
        total += local
        // The next outer position, the first outer dimension counting fastest.
        var d = 0
        while d < outerShape.count {
            index[d] &+= 1
            base &+= outerStrides[d]
            if index[d] < outerShape[d] { break }
            base &-= outerStrides[d] &* outerShape[d]
            index[d] = 0
            d &+= 1
        }
        if d == outerShape.count { return total }
    }
}

/// The vectorised sum of squares of PyTorch's 2-norm fast path: one vector of lanes adding
/// `x * x` (multiply, then add), the lanes added in order, then the elements past the last
/// whole vector one by one, as GCC compiled that loop: in fours squared apart from the adds,
/// the last (fewer than four) fused-multiply-added.
private func laneSumOfSquares<T: CascadeElement>(_ p: UnsafePointer<T>, count: Int) -> T {
    let width = T.AVX2Vector.scalarCount
    var lanes = T.AVX2Vector.zero
    var d = 0
    while d &+ width <= count {
        let v = T.AVX2Vector.load(p + d)
        lanes = lanes + v * v
        d &+= width
    }
    var total = lanes[0]
    for l in 1..<width { total += lanes[l] }
    let unfused = count &- (count &- d) % 4
    while d < unfused {
        total += p[d] * p[d]
        d &+= 1
    }
    while d < count {
        total.addProduct(p[d], p[d])
        d &+= 1
    }
    return total
}
