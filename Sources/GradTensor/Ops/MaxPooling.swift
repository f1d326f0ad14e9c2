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

    /// The output's (height, width) for an (…, H, W) input, after PyTorch's checks.
    func outputSize(_ input: Tensor) throws -> [Int] {
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
        guard (rank == 3 || rank == 4), numel > 0 else {
            throw TorchError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        let outSize = try geometry.outputSize(self)
        let outShape = Array(shape.dropLast(2)) + outSize
        let (values, indices): (Tensor, Tensor)
        switch dtype {
        case .float32: (values, indices) = try maxPoolWindows(Float.self, geometry, outShape)
        case .float64: (values, indices) = try maxPoolWindows(Double.self, geometry, outShape)
        default: throw TorchError.notImplemented("\"max_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let planes = Shape.count(Array(shape.dropLast(2)))
        values.record("MaxPool2DWithIndicesBackward0", inputs: [self],
                      saving: { (indices: $0.slot(indices), shape: shape, planes: planes) }) { ctx, saved in
            let flatIndices = try ctx.saved(saved.indices).reshape([saved.planes, -1])
            let plane = saved.shape[saved.shape.count - 2] * saved.shape[saved.shape.count - 1]
            let zeros = try Tensor.zeros([saved.planes, plane], dtype: ctx.grad.dtype)
            return [try zeros.scatterAdd(dim: 1, index: flatIndices, source: ctx.grad.reshape([saved.planes, -1])).view(saved.shape)]
        }
        return (values, indices)
    }

    private func maxPoolWindows<T: BinaryFloatingPoint & Element>(_: T.Type, _ geometry: PoolingGeometry,
                                                                  _ outShape: [Int]) throws -> (Tensor, Tensor) {
        let x = try elementArray(T.self)
        let (height, width) = (shape[rank - 2], shape[rank - 1])
        let (outH, outW) = (outShape[outShape.count - 2], outShape[outShape.count - 1])
        let planes = Shape.count(Array(shape.dropLast(2)))
        var values = [T](), indices = [Int64]()
        values.reserveCapacity(planes * outH * outW)
        indices.reserveCapacity(planes * outH * outW)
        for p in 0..<planes {
            let base = p * height * width
            for oh in 0..<outH {
                var (hStart, hEnd) = geometry.window(0, oh)
                hEnd = Swift.min(hEnd, height)
                while hStart < 0 { hStart += geometry.dilation[0] }
                for ow in 0..<outW {
                    var (wStart, wEnd) = geometry.window(1, ow)
                    wEnd = Swift.min(wEnd, width)
                    while wStart < 0 { wStart += geometry.dilation[1] }
                    var best = -T.infinity, bestIndex = hStart * width + wStart
                    for h in stride(from: hStart, to: hEnd, by: geometry.dilation[0]) {
                        for w in stride(from: wStart, to: wEnd, by: geometry.dilation[1]) {
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
