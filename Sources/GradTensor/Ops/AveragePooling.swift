/// Average pooling over the last two dimensions of a (C, H, W) or (N, C, H, W) tensor:
/// `avg_pool2d` (`AvgPool2DBackward0`) and `adaptive_avg_pool2d` (`AdaptiveAvgPool2DBackward0`),
/// each window summed in row-major order and divided as PyTorch's CPU kernels divide (by one
/// divisor, or by the window's height and then its width for the adaptive one). The backward
/// spreads each output's gradient, divided the same way, over its window; it is itself a
/// recorded op whose backward is the forward, so gradients are differentiable again.
struct AveragingWindows: Sendable {
    /// Per output row (column), the input rows (columns) of its window, clipped to the input.
    let rows: [Range<Int>]
    let cols: [Range<Int>]
    /// Per output position in row-major order, what its sum is divided by, in turn.
    let divisors: [(Int, Int)]
    let inputSize: [Int]

    var outputSize: [Int] { [rows.count, cols.count] }

    /// `avg_pool2d`'s windows: padding counts towards the divisor with `countIncludePad`
    /// (up to the padded input's end), `divisorOverride` replaces it.
    static func averagePool(input: [Int], _ geometry: PoolingGeometry, outputSize: [Int], countIncludePad: Bool,
                            divisorOverride: Int?) -> AveragingWindows {
        func spans(_ d: Int) -> [(clipped: Range<Int>, padded: Int)] {
            (0..<outputSize[d]).map { o in
                let start = o * geometry.stride[d] - geometry.padding[d]
                let end = Swift.min(start + geometry.kernel[d], input[d] + geometry.padding[d])
                let clipped = Swift.max(start, 0)..<Swift.max(Swift.max(start, 0), Swift.min(end, input[d]))
                return (clipped, end - start)
            }
        }
        let (rowSpans, colSpans) = (spans(0), spans(1))
        var divisors: [(Int, Int)] = []
        for r in rowSpans {
            for c in colSpans {
                let divisor = divisorOverride ?? (countIncludePad ? r.padded * c.padded : r.clipped.count * c.clipped.count)
                divisors.append((divisor, 1))
            }
        }
        return AveragingWindows(rows: rowSpans.map(\.clipped), cols: colSpans.map(\.clipped), divisors: divisors, inputSize: input)
    }

    /// `adaptive_avg_pool2d`'s windows: output o of n over an input of length i reads
    /// [⌊o·i/n⌋, ⌈(o+1)·i/n⌉).
    static func adaptive(input: [Int], outputSize: [Int]) -> AveragingWindows {
        func spans(_ d: Int) -> [Range<Int>] {
            (0..<outputSize[d]).map { o in
                (o * input[d] / outputSize[d])..<(((o + 1) * input[d] + outputSize[d] - 1) / outputSize[d])
            }
        }
        let (rows, cols) = (spans(0), spans(1))
        let divisors = rows.flatMap { r in cols.map { c in (r.count, c.count) } }
        return AveragingWindows(rows: rows, cols: cols, divisors: divisors, inputSize: input)
    }

    /// Each window's sum over `planes` planes, divided.
    func average<T: BinaryFloatingPoint & Element>(_ x: [T], planes: Int) -> [T] {
        var out: [T] = []
        out.reserveCapacity(planes * divisors.count)
        let plane = inputSize[0] * inputSize[1]
        for p in 0..<planes {
            var k = 0
            for r in rows {
                for c in cols {
                    var sum: T = 0
                    for h in r {
                        for w in c { sum += x[p * plane + h * inputSize[1] + w] }
                    }
                    let (first, second) = divisors[k]
                    out.append(r.isEmpty || c.isEmpty ? 0 : sum / T(first) / T(second))
                    k += 1
                }
            }
        }
        return out
    }

    /// Each output gradient, divided as the forward divides, added over its window.
    func spread<T: BinaryFloatingPoint & Element>(_ g: [T], planes: Int) -> [T] {
        let plane = inputSize[0] * inputSize[1]
        var out = [T](repeating: 0, count: planes * plane)
        var at = 0
        for p in 0..<planes {
            var k = 0
            for r in rows {
                for c in cols {
                    let (first, second) = divisors[k]
                    let delta = g[at] / T(first) / T(second)
                    for h in r {
                        for w in c { out[p * plane + h * inputSize[1] + w] += delta }
                    }
                    k += 1
                    at += 1
                }
            }
        }
        return out
    }
}

extension Tensor {
    /// `avg_pool2d` with PyTorch's checks (those of `max_pool2d`, and a non-zero divisor).
    public func avgPool2d(_ geometry: PoolingGeometry, countIncludePad: Bool, divisorOverride: Int?) throws -> Tensor {
        guard rank == 3 || rank == 4 else {
            throw TorchError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        if let divisorOverride, divisorOverride == 0 { throw TorchError.runtime("divisor must be not zero") }
        let outSize = try geometry.outputSize(self, op: "avg_pool2d")
        let windows = AveragingWindows.averagePool(input: Array(shape.suffix(2)), geometry, outputSize: outSize,
                                                   countIncludePad: countIncludePad, divisorOverride: divisorOverride)
        return try averaged(windows, name: "AvgPool2DBackward0")
    }

    /// `adaptive_avg_pool2d` to `outputSize` (H', W'); an output of 1 × 1 is PyTorch's mean over
    /// the last two dimensions (`MeanBackward1`).
    public func adaptiveAvgPool2d(_ outputSize: [Int]) throws -> Tensor {
        guard rank == 3 || rank == 4 else {
            throw TorchError.runtime("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got \(shape)")
        }
        try Tensor.checkAdaptiveSize(outputSize, op: "adaptive_avg_pool2d")
        for d in 1..<rank where shape[d] == 0 {
            throw TorchError.runtime("adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \(shape) with dimension \(d) being empty")
        }
        if outputSize == [1, 1] { return try mean(dims: [-1, -2], keepdim: true) }
        return try averaged(.adaptive(input: Array(shape.suffix(2)), outputSize: outputSize), name: "AdaptiveAvgPool2DBackward0")
    }

    /// The windows' averages as one node `name`, whose backward is `spreadAverages`.
    private func averaged(_ windows: AveragingWindows, name: String) throws -> Tensor {
        let planes = Shape.count(Array(shape.dropLast(2)))
        let outShape = Array(shape.dropLast(2)) + windows.outputSize
        let out: Tensor
        switch dtype {
        case .float32: out = try Tensor(copying: windows.average(try elementArray(Float.self), planes: planes), shape: outShape)
        case .float64: out = try Tensor(copying: windows.average(try elementArray(Double.self), planes: planes), shape: outShape)
        default: throw TorchError.notImplemented("\"\(name.hasPrefix("Adaptive") ? "adaptive_avg_pool2d" : "avg_pool2d")\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return out.record(name, inputs: [self], saving: { (windows: windows, input: $0.slot(self), name: name) }) { ctx, saved in
            [try ctx.grad.spreadAverages(saved.windows, into: ctx.saved(saved.input), name: saved.name)]
        }
    }

    /// The backward of an average pooling, a node of its own whose gradient is the pooling again.
    /// `input` is an input of that node too, with a zero gradient, as in PyTorch.
    private func spreadAverages(_ windows: AveragingWindows, into input: Tensor, name: String) throws -> Tensor {
        let inputShape = input.shape
        let planes = Shape.count(Array(inputShape.dropLast(2)))
        let g = try contiguous()
        let out: Tensor
        switch dtype {
        case .float32: out = try Tensor(copying: windows.spread(try g.elementArray(Float.self), planes: planes), shape: inputShape)
        case .float64: out = try Tensor(copying: windows.spread(try g.elementArray(Double.self), planes: planes), shape: inputShape)
        default: throw TorchError.notImplemented("\"\(name)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        // AvgPool2DBackward0's own node is AvgPool2DBackwardBackward0.
        return out.record(String(name.dropLast()) + "Backward0", inputs: [self, input], saving: { _ in (windows: windows, name: name, shape: inputShape) }) { ctx, saved in
            [ctx.needs(0) ? try ctx.grad.averaged(saved.windows, name: saved.name) : nil,
             ctx.needs(1) ? try Tensor.zeros(saved.shape, dtype: ctx.grad.dtype) : nil]
        }
    }
}
