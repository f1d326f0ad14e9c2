/// The float32 2-d convolution that PyTorch's CPU hands to oneDNN, summed as oneDNN sums it
/// (measured against PyTorch 2.15 with oneDNN 3.13). Its direct AVX-512 kernel makes each
/// output one fused multiply-add chain per block of 16 input channels of its group, over
/// kernel rows, then kernel columns, then the block's channels; the first block's sum gets the
/// bias, and each further block's sum is added to that. Grouped convolutions whose groups'
/// channel counts are not multiples of 16 go through oneDNN's im2col and gemm instead: one
/// chain over channels, then kernel rows, then kernel columns, the bias added last (measured
/// up to 75 products per output; longer chains can differ in the last bits).
enum ConvolutionKernels {
    /// Whether PyTorch's `use_mkldnn` takes oneDNN for a float32 (N, C, H, W) input and an
    /// (O, C / groups, KH, KW) weight, with its default of more than one thread: grouped
    /// convolutions, kernels larger than 3 in both directions, batches, and large inputs.
    static func usesOneDNN(input: [Int], kernel: [Int], groups: Int) -> Bool {
        groups > 1 || (kernel[0] > 3 && kernel[1] > 3) || input[0] > 1 || Shape.count(input) > 20480
    }

    /// Whether PyTorch hands this float32 convolution of (N, C, H, W) `x` to oneDNN.
    static func takesOneDNN(_ x: Tensor, _ w: Tensor, geometry: ConvolutionGeometry) -> Bool {
        // An asymmetric 'same' padding is PyTorch's explicit pad first, which enlarges the input.
        let padded = [x.shape[0], x.shape[1]] + (0..<2).map {
            x.shape[2 + $0] + Swift.max(0, geometry.paddingAfter[$0] - geometry.paddingBefore[$0])
        }
        return x.dtype == .float32 && x.numel > 0 && usesOneDNN(input: padded, kernel: [w.shape[2], w.shape[3]], groups: geometry.groups)
    }

    /// The forward in oneDNN's order, for a convolution that `takesOneDNN`.
    static func oneDNNForward(_ x: Tensor, _ w: Tensor, bias: Tensor?, geometry: ConvolutionGeometry) throws -> Tensor {
        let (groupChannels, groupOutputs) = (w.shape[1], w.shape[0] / geometry.groups)
        let blocked = geometry.groups == 1 || groupChannels == 1 || (groupChannels % 16 == 0 && groupOutputs % 16 == 0)
        let problem = DirectConvolution(input: x.shape, weight: w.shape, geometry: geometry, channelBlock: blocked ? 16 : nil)
        let values = problem.run(input: try x.elementArray(Float.self), weight: try w.elementArray(Float.self),
                                 bias: try bias.map { try $0.elementArray(Float.self) })
        return try Tensor(copying: values, shape: problem.outputShape)
    }

    /// The input gradient of an ungrouped convolution as oneDNN's backward-data kernel sums it:
    /// the forward's order with the roles of input and output channels exchanged (one chain
    /// per block of 16 output channels over kernel rows, kernel columns, the block's channels,
    /// the blocks' sums added).
    static func oneDNNInputGradient(_ g: Tensor, _ w: Tensor, inputShape: [Int], geometry: ConvolutionGeometry) throws -> Tensor {
        let problem = DirectConvolution(input: inputShape, weight: w.shape, geometry: geometry, channelBlock: 16)
        let values = problem.inputGradient(try g.elementArray(Float.self), weight: try w.elementArray(Float.self))
        return try Tensor(copying: values, shape: inputShape)
    }

    /// The weight gradient of an ungrouped convolution as oneDNN's backward-weights kernel sums
    /// it on one thread: per weight element one chain over the batch and the output positions.
    static func oneDNNWeightGradient(_ g: Tensor, _ x: Tensor, weightShape: [Int], geometry: ConvolutionGeometry) throws -> Tensor {
        let problem = DirectConvolution(input: x.shape, weight: weightShape, geometry: geometry, channelBlock: 16)
        let values = problem.weightGradient(try g.elementArray(Float.self), input: try x.elementArray(Float.self))
        return try Tensor(copying: values, shape: weightShape)
    }

    /// The bias gradient as oneDNN's backward sums it on one thread (PyTorch's recordings'
    /// setting): per output channel one chain over the batch and the output positions in order.
    static func oneDNNBiasGradient(_ g: Tensor) throws -> Tensor {
        let values = try g.elementArray(Float.self)
        let (batch, channels) = (g.shape[0], g.shape[1])
        let plane = g.shape[2] * g.shape[3]
        var sums = [Float](repeating: 0, count: channels)
        for n in 0..<batch {
            for c in 0..<channels {
                let start = (n * channels + c) * plane
                for v in values[start..<(start + plane)] { sums[c] += v }
            }
        }
        return try Tensor(copying: sums, shape: [channels])
    }
}

/// One convolution problem: shapes and geometry, and the loop in oneDNN's order over
/// bounds-checked arrays.
private struct DirectConvolution {
    let input: [Int]
    let weight: [Int]
    let geometry: ConvolutionGeometry
    let outputShape: [Int]
    /// Input channels summed in one chain, kernel tap by kernel tap, before a partial sum is
    /// stored (the direct kernel's block); nil for one chain channel by channel (gemm's order).
    let channelBlock: Int?

    init(input: [Int], weight: [Int], geometry: ConvolutionGeometry, channelBlock: Int?) {
        self.input = input
        self.weight = weight
        self.geometry = geometry
        self.channelBlock = channelBlock
        outputShape = [input[0], weight[0]] + (0..<2).map {
            geometry.outputLength($0, input: input[2 + $0], kernel: weight[2 + $0])
        }
    }

    func run(input x: [Float], weight w: [Float], bias: [Float]?) -> [Float] {
        let (batch, outChannels, groupChannels) = (input[0], weight[0], weight[1])
        let (outH, outW) = (outputShape[2], outputShape[3])
        let outPerGroup = outChannels / geometry.groups
        var out = [Float](repeating: 0, count: batch * outChannels * outH * outW)
        // The taps inside the input depend on the output position only.
        let tapTable = (0..<(outH * outW)).map { taps(at: ($0 / outW, $0 % outW)) }
        var at = 0
        for n in 0..<batch {
            for o in 0..<outChannels {
                let firstChannel = (o / outPerGroup) * groupChannels
                for oh in 0..<outH {
                    for ow in 0..<outW {
                        let inside = tapTable[oh * outW + ow]
                        if let channelBlock {
                            out[at] = blockedSum(x, w, bias, n: n, o: o, firstChannel: firstChannel, taps: inside, block: channelBlock)
                        } else {
                            out[at] = chainSum(x, w, n: n, o: o, firstChannel: firstChannel, taps: inside) + (bias?[o] ?? 0)
                        }
                        at += 1
                    }
                }
            }
        }
        return out
    }

    /// Per input element, one chain per block of output channels over the kernel taps that
    /// reach it from inside the output.
    func inputGradient(_ g: [Float], weight w: [Float]) -> [Float] {
        let (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        let (outChannels, kernelH, kernelW) = (weight[0], weight[2], weight[3])
        let (outH, outW) = (outputShape[2], outputShape[3])
        let block = channelBlock ?? outChannels
        // Per input element, the output positions and kernel taps that reach it.
        let reachingTable = (0..<(height * width)).map { at in
            var reaching: [(position: Int, tap: Int)] = []
            let (h, wi) = (at / width, at % width)
            for kh in 0..<kernelH {
                let rowOffset = h + geometry.paddingBefore[0] - kh * geometry.dilation[0]
                guard rowOffset >= 0, rowOffset % geometry.stride[0] == 0, rowOffset / geometry.stride[0] < outH else { continue }
                for kw in 0..<kernelW {
                    let colOffset = wi + geometry.paddingBefore[1] - kw * geometry.dilation[1]
                    guard colOffset >= 0, colOffset % geometry.stride[1] == 0, colOffset / geometry.stride[1] < outW else { continue }
                    reaching.append(((rowOffset / geometry.stride[0]) * outW + colOffset / geometry.stride[1], kh * kernelW + kw))
                }
            }
            return reaching
        }
        var out = [Float](repeating: 0, count: batch * channels * height * width)
        var at = 0
        for n in 0..<batch {
            for c in 0..<channels {
                for h in 0..<height {
                    for wi in 0..<width {
                        let reaching = reachingTable[h * width + wi]
                        var total: Float = 0
                        for start in stride(from: 0, to: outChannels, by: block) {
                            var sum: Float = 0
                            for tap in reaching {
                                for o in start..<Swift.min(start + block, outChannels) {
                                    let gv = g[(n * outChannels + o) * outH * outW + tap.position]
                                    sum = sum.addingProduct(w[(o * channels + c) * kernelH * kernelW + tap.tap], gv)
                                }
                            }
                            total = start == 0 ? sum : total + sum
                        }
                        out[at] = total
                        at += 1
                    }
                }
            }
        }
        return out
    }

    /// Per weight element, one chain over the batch and the output positions whose tap lies
    /// inside the input.
    func weightGradient(_ g: [Float], input x: [Float]) -> [Float] {
        let (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        let (outChannels, kernelH, kernelW) = (weight[0], weight[2], weight[3])
        let (outH, outW) = (outputShape[2], outputShape[3])
        var out = [Float](repeating: 0, count: outChannels * channels * kernelH * kernelW)
        var at = 0
        for o in 0..<outChannels {
            for c in 0..<channels {
                for kh in 0..<kernelH {
                    for kw in 0..<kernelW {
                        var sum: Float = 0
                        for n in 0..<batch {
                            for oh in 0..<outH {
                                let h = oh * geometry.stride[0] - geometry.paddingBefore[0] + kh * geometry.dilation[0]
                                guard h >= 0 && h < height else { continue }
                                for ow in 0..<outW {
                                    let wi = ow * geometry.stride[1] - geometry.paddingBefore[1] + kw * geometry.dilation[1]
                                    guard wi >= 0 && wi < width else { continue }
                                    let xv = x[((n * channels + c) * height + h) * width + wi]
                                    sum = sum.addingProduct(g[((n * outChannels + o) * outH + oh) * outW + ow], xv)
                                }
                            }
                        }
                        out[at] = sum
                        at += 1
                    }
                }
            }
        }
        return out
    }

    /// The kernel taps of output (oh, ow) that fall inside the input: the input's row and
    /// column and the tap's index in the weight's kernel plane.
    private func taps(at position: (oh: Int, ow: Int)) -> [(h: Int, w: Int, tap: Int)] {
        var found: [(h: Int, w: Int, tap: Int)] = []
        for kh in 0..<weight[2] {
            let h = position.oh * geometry.stride[0] - geometry.paddingBefore[0] + kh * geometry.dilation[0]
            guard h >= 0 && h < input[2] else { continue }
            for kw in 0..<weight[3] {
                let w = position.ow * geometry.stride[1] - geometry.paddingBefore[1] + kw * geometry.dilation[1]
                guard w >= 0 && w < input[3] else { continue }
                found.append((h, w, kh * weight[3] + kw))
            }
        }
        return found
    }

    /// The direct kernel's sum: per block of channels one chain over taps, then channels.
    private func blockedSum(_ x: [Float], _ w: [Float], _ bias: [Float]?, n: Int, o: Int, firstChannel: Int,
                            taps inside: [(h: Int, w: Int, tap: Int)], block: Int) -> Float {
        let (channels, plane, groupChannels) = (input[1], input[2] * input[3], weight[1])
        let kernelPlane = weight[2] * weight[3]
        var total: Float = 0
        for start in stride(from: 0, to: groupChannels, by: block) {
            var sum: Float = 0
            for tap in inside {
                for c in start..<Swift.min(start + block, groupChannels) {
                    let xv = x[(n * channels + firstChannel + c) * plane + tap.h * input[3] + tap.w]
                    sum = sum.addingProduct(w[(o * groupChannels + c) * kernelPlane + tap.tap], xv)
                }
            }
            total = start == 0 ? (bias.map { sum + $0[o] } ?? sum) : total + sum
        }
        return total
    }

    /// gemm's sum: one chain over channels, then taps.
    private func chainSum(_ x: [Float], _ w: [Float], n: Int, o: Int, firstChannel: Int, taps inside: [(h: Int, w: Int, tap: Int)]) -> Float {
        let (channels, plane, groupChannels) = (input[1], input[2] * input[3], weight[1])
        let kernelPlane = weight[2] * weight[3]
        var sum: Float = 0
        for c in 0..<groupChannels {
            for tap in inside {
                let xv = x[(n * channels + firstChannel + c) * plane + tap.h * input[3] + tap.w]
                sum = sum.addingProduct(w[(o * groupChannels + c) * kernelPlane + tap.tap], xv)
            }
        }
        return sum
    }
}
