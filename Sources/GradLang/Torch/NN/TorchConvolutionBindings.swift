import GradTensor

/// The Swift kernels under `nn.functional`'s convolution and pooling functions
/// (NNConvolutionSource), which normalise the arguments to one list per spatial dimension.
enum TorchConvolutionBindings {
    static var functional: [PyBuiltin] {
        [
            PyBuiltin("_convolution(input, weight, bias, stride, padding_before, padding_after, dilation, groups)") { args in
                let (input, weight, bias) = (try args.tensor("input"), try args.tensor("weight"), try args.optionalTensor("bias"))
                let geometry = ConvolutionGeometry(
                    stride: try args.intList("stride"), paddingBefore: try args.intList("padding_before"),
                    paddingAfter: try args.intList("padding_after"), dilation: try args.intList("dilation"), groups: try args.int("groups"))
                return .tensor(try TorchBridge.run { try Tensor.convolution(input, weight, bias: bias, geometry: geometry) })
            },
            PyBuiltin("_max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)") { args in
                let (input, geometry) = (try args.tensor("input"), try args.poolingGeometry())
                let (values, indices) = try TorchBridge.run { try input.maxPool2d(geometry) }
                return .object(PyTuple([.tensor(values), .tensor(indices)]))
            },
            PyBuiltin("_avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)") { args in
                let input = try args.tensor("input")
                let geometry = PoolingGeometry(kernel: try args.intList("kernel_size"), stride: try args.intList("stride"),
                                               padding: try args.intList("padding"), dilation: [1, 1], ceilMode: try args.bool("ceil_mode"))
                let (countIncludePad, divisor) = (try args.bool("count_include_pad"), try args.optionalInt("divisor_override"))
                return .tensor(try TorchBridge.run {
                    try input.avgPool2d(geometry, countIncludePad: countIncludePad, divisorOverride: divisor)
                })
            },
            PyBuiltin("_adaptive_avg_pool2d(input, output_size)") { args in
                let (input, size) = (try args.tensor("input"), try args.intList("output_size"))
                return .tensor(try TorchBridge.run { try input.adaptiveAvgPool2d(size) })
            },
            PyBuiltin("_adaptive_max_pool2d(input, output_size)") { args in
                let (input, size) = (try args.tensor("input"), try args.intList("output_size"))
                let (values, indices) = try TorchBridge.run { try input.adaptiveMaxPool2d(size) }
                return .object(PyTuple([.tensor(values), .tensor(indices)]))
            },
        ]
    }
}

extension BoundArguments {
    /// `kernel_size`, `stride`, `padding`, `dilation` (normalised to pairs) and `ceil_mode`.
    func poolingGeometry() throws -> PoolingGeometry {
        PoolingGeometry(kernel: try intList("kernel_size"), stride: try intList("stride"), padding: try intList("padding"),
                        dilation: try intList("dilation"), ceilMode: try bool("ceil_mode"))
    }

    /// A list of ints that the Python caller has already normalised.
    func intList(_ name: String) throws -> [Int] {
        try dims(name) ?? []
    }
}
