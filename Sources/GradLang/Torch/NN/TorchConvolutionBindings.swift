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
