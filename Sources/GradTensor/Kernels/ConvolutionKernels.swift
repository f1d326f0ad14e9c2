/// The float32 2-d convolution that PyTorch's CPU hands to oneDNN, summed as oneDNN's direct
/// AVX-512 kernel sums it (measured against PyTorch 2.15 with oneDNN 3.13): each output is
/// one fused multiply-add chain per block of 16 input channels of its group, over kernel rows,
/// then kernel columns, then the block's channels; the first block's sum gets the bias, and
/// each further block's sum is added to that.
enum ConvolutionKernels {
    /// Whether PyTorch's `use_mkldnn` takes oneDNN for a float32 (N, C, H, W) input and an
    /// (O, C / groups, KH, KW) weight, with its default of more than one thread: grouped
    /// convolutions, kernels larger than 3 in both directions, batches, and large inputs.
    static func usesOneDNN(input: [Int], kernel: [Int], groups: Int) -> Bool {
        groups > 1 || (kernel[0] > 3 && kernel[1] > 3) || input[0] > 1 || Shape.count(input) > 20480
    }

    /// The forward in oneDNN's order, or nil where PyTorch does not take oneDNN.
    static func oneDNNForward(_ x: Tensor, _ w: Tensor, bias: Tensor?, geometry: ConvolutionGeometry) throws -> Tensor? {
        // An asymmetric 'same' padding is PyTorch's explicit pad first, which enlarges the input.
        let padded = [x.shape[0], x.shape[1]] + (0..<2).map {
            x.shape[2 + $0] + Swift.max(0, geometry.paddingAfter[$0] - geometry.paddingBefore[$0])
        }
        guard x.dtype == .float32, x.numel > 0,
              usesOneDNN(input: padded, kernel: [w.shape[2], w.shape[3]], groups: geometry.groups) else { return nil }
        let problem = DirectConvolution(input: x.shape, weight: w.shape, geometry: geometry)
        let values = problem.run(input: try x.elementArray(Float.self), weight: try w.elementArray(Float.self),
                                 bias: try bias.map { try $0.elementArray(Float.self) })
        return try Tensor(copying: values, shape: problem.outputShape)
    }
}

/// One direct convolution problem: shapes and geometry, and the loop in oneDNN's order over
/// bounds-checked arrays.
private struct DirectConvolution {
    let input: [Int]
    let weight: [Int]
    let geometry: ConvolutionGeometry
    let outputShape: [Int]

    /// Input channels summed in one chain before a partial sum is stored (oneDNN's block).
    private static let channelBlock = 16

    init(input: [Int], weight: [Int], geometry: ConvolutionGeometry) {
        self.input = input
        self.weight = weight
        self.geometry = geometry
        outputShape = [input[0], weight[0]] + (0..<2).map {
            geometry.outputLength($0, input: input[2 + $0], kernel: weight[2 + $0])
        }
    }

    func run(input x: [Float], weight w: [Float], bias: [Float]?) -> [Float] {
        let (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        let (outChannels, groupChannels, kernelH, kernelW) = (weight[0], weight[1], weight[2], weight[3])
        let (outH, outW) = (outputShape[2], outputShape[3])
        let outPerGroup = outChannels / geometry.groups
        var out = [Float](repeating: 0, count: batch * outChannels * outH * outW)
        var at = 0
        for n in 0..<batch {
            for o in 0..<outChannels {
                let firstChannel = (o / outPerGroup) * groupChannels
                for oh in 0..<outH {
                    for ow in 0..<outW {
                        var total: Float = 0
                        for block in stride(from: 0, to: groupChannels, by: Self.channelBlock) {
                            var sum: Float = 0
                            let blockEnd = Swift.min(block + Self.channelBlock, groupChannels)
                            for kh in 0..<kernelH {
                                let h = oh * geometry.stride[0] - geometry.paddingBefore[0] + kh * geometry.dilation[0]
                                guard h >= 0 && h < height else { continue }
                                for kw in 0..<kernelW {
                                    let wi = ow * geometry.stride[1] - geometry.paddingBefore[1] + kw * geometry.dilation[1]
                                    guard wi >= 0 && wi < width else { continue }
                                    for c in block..<blockEnd {
                                        let xv = x[((n * channels + firstChannel + c) * height + h) * width + wi]
                                        sum = sum.addingProduct(w[((o * groupChannels + c) * kernelH + kh) * kernelW + kw], xv)
                                    }
                                }
                            }
                            total = block == 0 ? (bias.map { sum + $0[o] } ?? sum) : total + sum
                        }
                        out[at] = total
                        at += 1
                    }
                }
            }
        }
        return out
    }
}
