import GradTensor

/// `torch.logspace`, the deprecated `torch.range` and `torch.empty_strided`.
enum TorchCreationExtrasBindings {
    private static let options = TorchCreationBindings.options

    static var functions: [PyBuiltin] {
        [
            TorchCreationBindings.factory("logspace(start, end, steps, base=10.0, *, \(options))") { args in
                try Tensor.logspace(try args.scalar("start"), try args.scalar("end"), steps: try args.int("steps"),
                                    base: try args.scalar("base").doubleValue, dtype: try args.dtype() ?? .defaultFloat)
            },
            TorchCreationBindings.factory("range(start, end, step=1, *, \(options))") { args in
                try args.interpreter.warn(rangeDeprecation)
                return try Tensor.range(try args.scalar("start"), try args.scalar("end"), step: try args.scalar("step"),
                                        dtype: try args.dtype() ?? .defaultFloat)
            },
            TorchCreationBindings.factory("empty_strided(size, stride, *, \(options))") { args in
                try Tensor.emptyStrided(try args.sizeSequence("size"), strides: try args.sizeSequence("stride"), dtype: try args.dtype() ?? .defaultFloat)
            },
        ]
    }

    /// PyTorch's deprecation warning of `torch.range`.
    private static let rangeDeprecation = "torch.range is deprecated and will be removed in a future release because its behavior is inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in [start, end)."
}
