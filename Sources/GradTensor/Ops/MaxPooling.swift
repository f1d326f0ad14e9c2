/// The window geometry of 2-d pooling, its output size and PyTorch's checks of it.
public struct PoolingGeometry: Sendable, Equatable {
    /// Per spatial dimension (height, width).
    public var kernel: [Int]
    public var stride: [Int]
    public var padding: [Int]
    public var dilation: [Int]
    public var ceilMode: Bool

    public init(kernel: [Int], stride: [Int], padding: [Int], dilation: [Int], ceilMode: Bool) {
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
    }

    /// PyTorch's `pooling_output_shape`: with `ceil_mode` a last, partial window, unless it
    /// would start in the padding after the input.
    func outputLength(_ d: Int, input: Int) -> Int {
        let span = input + 2 * padding[d] - dilation[d] * (kernel[d] - 1) - 1 + (ceilMode ? stride[d] - 1 : 0)
        var length = (span >= 0 ? span / stride[d] : (span - stride[d] + 1) / stride[d]) + 1
        if ceilMode && (length - 1) * stride[d] >= input + padding[d] { length -= 1 }
        return length
    }

    /// PyTorch's checks of the options' counts (`op` names the function) and of their range.
    func checkCounts(op: String) throws {
        guard kernel.count == 2 else { throw TorchError.runtime("\(op): kernel_size must either be a single int, or a tuple of two ints") }
        guard stride.count == 2 else {
            throw TorchError.runtime("\(op): stride must either be omitted, a single int, or a tuple of two ints")
        }
        guard padding.count == 2 else { throw TorchError.runtime("\(op): padding must either be a single int, or a tuple of two ints") }
        guard dilation.count == 2 else { throw TorchError.runtime("\(op): dilation must be either a single int, or a tuple of two ints") }
        // PyTorch's kernels take these as 32-bit ints.
        guard (kernel + stride + padding + dilation).allSatisfy({ Int(Int32.min) <= $0 && $0 <= Int(Int32.max) }) else {
            throw TorchError.runtime("value cannot be converted to type int without overflow")
        }
    }

    /// The output's (height, width) for an (…, H, W) input, after PyTorch's checks.
    func outputSize(_ input: Tensor, op: String) throws -> [Int] {
        try checkCounts(op: op)
        guard stride.allSatisfy({ $0 != 0 }) else { throw TorchError.runtime("stride should not be zero") }
        guard kernel.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("kernel size should be greater than zero, but got kH: \(kernel[0]) kW: \(kernel[1])")
        }
        guard stride.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("stride should be greater than zero, but got dH: \(stride[0]) dW: \(stride[1])")
        }
        guard dilation.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("dilation should be greater than zero, but got dilationH: \(dilation[0]) dilationW: \(dilation[1])")
        }
        for d in 0..<2 where padding[d] > kernel[d] / 2 {
            throw TorchError.runtime("pad should be at most half of effective kernel size, but got pad=\(padding[d]), kernel_size=\(kernel[d]) and dilation=\(dilation[d])")
        }
        let planes = input.shape[input.rank - 3]
        let (height, width) = (input.shape[input.rank - 2], input.shape[input.rank - 1])
        let size = [outputLength(0, input: height), outputLength(1, input: width)]
        guard size.allSatisfy({ $0 >= 1 }) else {
            throw TorchError.runtime("Given input size: (\(planes)x\(height)x\(width)). Calculated output size: (\(planes)x\(size[0])x\(size[1])). Output size is too small")
        }
        return size
    }

    /// The first and one-past-last input row (d = 0) or column (d = 1) of output position `o`
    /// in the input, before clipping to it.
    func window(_ d: Int, _ o: Int) -> (start: Int, end: Int) {
        let start = o * stride[d] - padding[d]
        return (start, start + (kernel[d] - 1) * dilation[d] + 1)
    }
}

extension Tensor {
    /// `max_pool2d` on (C, H, W) or (N, C, H, W): each window's largest element (a NaN where
    /// there is one, as PyTorch's kernel) and its flat index in its H × W plane; one node
    /// `MaxPool2DWithIndicesBackward0`, whose gradient adds each output's gradient at its index.
    public func maxPool2d(_ geometry: PoolingGeometry) throws -> (values: Tensor, indices: Tensor) {
        guard rank == 3 || rank == 4 else {
            throw TorchError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        guard shape.dropFirst(rank - 3).allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:\(shape)")
        }
        let outSize = try geometry.outputSize(self, op: "max_pool2d")
        func windows(_ d: Int) -> [StrideTo<Int>] {
            (0..<outSize[d]).map { o in
                var (start, end) = geometry.window(d, o)
                end = Swift.min(end, shape[rank - 2 + d])
                while start < 0 { start += geometry.dilation[d] }
                return stride(from: start, to: end, by: geometry.dilation[d])
            }
        }
        return try maxOverWindows(rows: windows(0), cols: windows(1), name: "MaxPool2DWithIndicesBackward0", op: "max_pool2d")
    }

    /// `adaptive_max_pool2d` to `outputSize` (H', W'): output o of n over an input of length i
    /// takes the largest of [⌊o·i/n⌋, ⌈(o+1)·i/n⌉); node `AdaptiveMaxPool2DBackward0`.
    public func adaptiveMaxPool2d(_ outputSize: [Int]) throws -> (values: Tensor, indices: Tensor) {
        guard rank == 3 || rank == 4 else {
            throw TorchError.runtime("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: \(shape)")
        }
        try Tensor.checkAdaptiveSize(outputSize, op: "adaptive_max_pool2d")
        for d in 1..<rank where shape[d] == 0 {
            throw TorchError.runtime("adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \(shape) with dimension \(d) being empty")
        }
        func windows(_ d: Int) -> [StrideTo<Int>] {
            let (input, count) = (shape[rank - 2 + d], outputSize[d])
            return (0..<count).map { o in stride(from: o * input / count, to: ((o + 1) * input + count - 1) / count, by: 1) }
        }
        return try maxOverWindows(rows: windows(0), cols: windows(1), name: "AdaptiveMaxPool2DBackward0", op: "adaptive_max_pool2d")
    }

    /// An adaptive pool's output size: two sizes, none negative.
    static func checkAdaptiveSize(_ size: [Int], op: String) throws {
        guard size.count == 2 else { throw TorchError.runtime("\(op): output_size must be 2") }
        guard size.allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime("\(op): elements of output_size must be greater than or equal to 0 but received {\(size[0]), \(size[1])}")
        }
    }

    /// Each window's largest element and its index, recorded as node `name`.
    private func maxOverWindows(rows: [StrideTo<Int>], cols: [StrideTo<Int>], name: String, op: String) throws -> (values: Tensor, indices: Tensor) {
        let outShape = Array(shape.dropLast(2)) + [rows.count, cols.count]
        let (values, indices): (Tensor, Tensor)
        switch dtype {
        case .float32: (values, indices) = try maxPoolWindows(Float.self, rows, cols, outShape)
        case .float64: (values, indices) = try maxPoolWindows(Double.self, rows, cols, outShape)
        default: throw TorchError.notImplemented("\"\(op)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let planes = Shape.count(Array(shape.dropLast(2)))
        values.record(name, inputs: [self], saving: { (indices: $0.slot(indices), shape: shape, planes: planes) }) { ctx, saved in
            let flatIndices = try ctx.saved(saved.indices).reshape([saved.planes, -1])
            let plane = saved.shape[saved.shape.count - 2] * saved.shape[saved.shape.count - 1]
            let zeros = try Tensor.zeros([saved.planes, plane], dtype: ctx.grad.dtype)
            return [try zeros.scatterAdd(dim: 1, index: flatIndices, source: ctx.grad.reshape([saved.planes, -1])).view(saved.shape)]
        }
        return (values, indices)
    }

    private func maxPoolWindows<T: BinaryFloatingPoint & Element>(_: T.Type, _ rows: [StrideTo<Int>], _ cols: [StrideTo<Int>],
                                                                  _ outShape: [Int]) throws -> (Tensor, Tensor) {
        let x = try elementArray(T.self)
        let (height, width) = (shape[rank - 2], shape[rank - 1])
        let planes = Shape.count(Array(shape.dropLast(2)))
        var values = [T](), indices = [Int64]()
        values.reserveCapacity(planes * rows.count * cols.count)
        indices.reserveCapacity(planes * rows.count * cols.count)
        for p in 0..<planes {
            let base = p * height * width
            for rowWindow in rows {
                for colWindow in cols {
                    var best = -T.infinity
                    var bestIndex = (rowWindow.min() ?? 0) * width + (colWindow.min() ?? 0)
                    for h in rowWindow {
                        for w in colWindow {
                            let v = x[base + h * width + w]
                            if v > best || v.isNaN {
                                best = v
                                bestIndex = h * width + w
                            }
                        }
                    }
                    values.append(best)
                    indices.append(Int64(bestIndex))
                }
            }
        }
        return (try Tensor(copying: values, shape: outShape), try Tensor(copying: indices, shape: outShape))
    }
}
