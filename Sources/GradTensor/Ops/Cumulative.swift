/// Running sums, products and extremes along a dimension: `cumsum`, `cumprod`, `cummax`,
/// `cummin`. As PyTorch's CPU kernel, float32 sums and products accumulate in double and round
/// each partial result; integers and bools accumulate in int64 (the result dtype unless `dtype`
/// says otherwise).
extension Tensor {
    public func cumsum(dim: Int, dtype requested: DType? = nil) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        let out = try scan(d, dtype: requested, product: false)
        return out.record("CumsumBackward0", inputs: [self], saving: { _ in d }) { ctx, dim in
            [try ctx.grad.reversedCumsum(dim)]
        }
    }

    public func cumprod(dim: Int, dtype requested: DType? = nil) throws -> Tensor {
        let d = try Shape.wrapDim(dim, rank: rank)
        let out = try scan(d, dtype: requested, product: true)
        return out.record("CumprodBackward0", inputs: [self], savesOutput: true,
                          saving: { (input: $0.slot(self), dim: d) }) { ctx, saved in
            [try Tensor.cumprodBackward(ctx.grad, ctx.saved(saved.input), ctx.output, dim: saved.dim)]
        }
    }

    /// `cummax(dim)` → the running maximum and where it was last reached (NaN, once met, stays).
    public func cummax(dim: Int) throws -> (values: Tensor, indices: Tensor) { try runningExtreme(dim, isMax: true) }

    /// `cummin(dim)` → the running minimum and where it was last reached.
    public func cummin(dim: Int) throws -> (values: Tensor, indices: Tensor) { try runningExtreme(dim, isMax: false) }

    private func runningExtreme(_ dim: Int, isMax: Bool) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.wrapDim(dim, rank: rank)
        let source = try widened().materialized()
        let values = Tensor(storage: try Storage.make(dtype: source.dtype, count: numel), shape: shape)
        let indices = Tensor(storage: try Storage.make(dtype: .int64, count: numel), shape: shape)
        switch source.dtype {
        case .float32: Tensor.runningExtremeKernel(source, values, indices, d, isMax, Float.self)
        case .float64: Tensor.runningExtremeKernel(source, values, indices, d, isMax, Double.self)
        default: Tensor.runningExtremeKernel(source, values, indices, d, isMax, Int64.self)
        }
        let result = try values.materializedIfCast(to: dtype)
        result.record(isMax ? "CummaxBackward0" : "CumminBackward0", inputs: [self],
                      saving: { (indices: $0.slot(indices), dim: d) }) { ctx, saved in
            [try Tensor(zeros: ctx.inputShape(0), dtype: ctx.grad.dtype).scatterAdd(dim: saved.dim, index: ctx.saved(saved.indices), source: ctx.grad)]
        }
        return (result, indices)
    }

    /// PyTorch's `cummax_cummin_helper`: an element replaces the extreme when it is NaN, or
    /// when it is at least (at most) as large and the extreme is not NaN.
    private static func runningExtremeKernel<T: Element & Comparable>(_ source: Tensor, _ values: Tensor, _ indices: Tensor,
                                                                     _ d: Int, _ isMax: Bool, _: T.Type) {
        let runs = RunsAlong(shape: source.shape, dim: d)
        withExtendedLifetime(source) {
            let src = source.storage.pointer(T.self) + source.offset
            let dst = values.storage.pointer(T.self), at = indices.storage.pointer(Int64.self)
            runs.forEach { start in
                var best = src[start], position = 0
                for k in 0..<runs.length {
                    let p = start &+ k &* runs.stride, x = src[p]
                    if x != x || (best == best && (isMax ? x >= best : x <= best)) {
                        best = x
                        position = k
                    }
                    dst[p] = best
                    at[p] = Int64(position)
                }
            }
        }
    }

    /// Sums from each position to the end along `dim` (cumsum's gradient): flipped, summed, flipped.
    func reversedCumsum(_ dim: Int) throws -> Tensor {
        if numel <= 1 || rank == 0 || shape[dim] == 1 { return self }
        return try flip([dim]).cumsum(dim: dim).flip([dim])
    }

    /// PyTorch's `cumprod_backward`: `reversed_cumsum(grad * output) / input` when no input is
    /// zero; else, per run along `dim`, that formula before the first zero, the product of the
    /// others at it, and zero after it.
    static func cumprodBackward(_ grad: Tensor, _ input: Tensor, _ output: Tensor, dim: Int) throws -> Tensor {
        if input.numel <= 1 { return grad }
        let weighted = try grad.mul(output)
        if try input.eq(.wrapping(.int(0))).sum().item().doubleValue == 0 {
            return try weighted.reversedCumsum(dim).div(input)
        }
        let g = try grad.detach().widened().materialized(), x = try input.detach().widened(through: grad.dtype).materialized()
        let result = try Tensor(zeros: x.shape, dtype: g.dtype)
        switch g.dtype {
        case .float64: cumprodBackwardRuns(g, x, into: result, dim: dim, Double.self)
        default: cumprodBackwardRuns(g, x, into: result, dim: dim, Float.self)
        }
        return try result.narrowed(to: grad.dtype)
    }

    /// The zero-aware gradient of each run along `dim`, computed directly.
    private static func cumprodBackwardRuns<T: FloatElement>(_ g: Tensor, _ x: Tensor, into result: Tensor, dim: Int, _: T.Type) {
        let runs = RunsAlong(shape: x.shape, dim: dim)
        let n = runs.length
        withExtendedLifetime((g, x)) {
            let pg = g.storage.pointer(T.self) + g.offset, px = x.storage.pointer(T.self) + x.offset
            let dst = result.storage.pointer(T.self)
            runs.forEach { start in
                let at = { (k: Int) in start &+ k &* runs.stride }
                let firstZero = (0..<n).first { px[at($0)] == 0 } ?? n
                // Up to the first zero: sum over j >= k of grad_j * prod_{i <= j, i != k} x_i.
                var prefix = [Double](repeating: 1, count: n + 1)
                for k in 0..<n { prefix[k + 1] = prefix[k] * Double(px[at(k)]) }
                for k in 0..<Swift.min(firstZero + 1, n) {
                    var total = 0.0, after = 1.0
                    for j in k..<n {
                        if j > k { after *= Double(px[at(j)]) }
                        total += Double(pg[at(j)]) * prefix[k] * after
                    }
                    dst[at(k)] = T(total)
                }
            }
        }
    }

    /// The running sums or products along `d`, in the result dtype.
    private func scan(_ d: Int, dtype requested: DType?, product: Bool) throws -> Tensor {
        let dtype = requested ?? (self.dtype.isFloatingPoint ? self.dtype : .int64)
        if dtype == .bool { throw TorchError.notImplemented("\"\(product ? "cumprod" : "cumsum")_out_cpu\" not implemented for 'Bool'") }
        // Narrow dtypes run in their compute type and are rounded back.
        let source = try widened(through: dtype).materialized()
        let out = Tensor(storage: try Storage.make(dtype: source.dtype, count: numel), shape: shape)
        switch source.dtype {
        case .float32: Tensor.scanKernel(source, out, d, product, Float.self, Double.self)
        case .float64: Tensor.scanKernel(source, out, d, product, Double.self, Double.self)
        default: Tensor.scanKernel(source, out, d, product, Int64.self, Int64.self)
        }
        return try out.narrowed(to: dtype)
    }

    private static func scanKernel<T: ConvertibleElement, A: ScanAccumulator>(
        _ source: Tensor, _ out: Tensor, _ d: Int, _ product: Bool, _: T.Type, _: A.Type) {
        let runs = RunsAlong(shape: source.shape, dim: d)
        withExtendedLifetime(source) {
            let src = source.storage.pointer(T.self) + source.offset, dst = out.storage.pointer(T.self)
            runs.forEach { start in
                var acc = A.start(product: product)
                var p = start
                for _ in 0..<runs.length {
                    acc = acc.combined(with: A.convert(src[p]), product: product)
                    dst[p] = T.convert(acc)
                    p &+= runs.stride
                }
            }
        }
    }
}

/// The type a scan accumulates in: double for floats, int64 (wrapping) for integers.
private protocol ScanAccumulator: ConvertibleElement {
    static func start(product: Bool) -> Self
    func combined(with value: Self, product: Bool) -> Self
}

extension Double: ScanAccumulator {
    static func start(product: Bool) -> Double { product ? 1 : 0 }
    func combined(with value: Double, product: Bool) -> Double { product ? self * value : self + value }
}

extension Int64: ScanAccumulator {
    static func start(product: Bool) -> Int64 { product ? 1 : 0 }
    func combined(with value: Int64, product: Bool) -> Int64 { product ? self &* value : self &+ value }
}
