import GradTensor

/// `torch.nn.functional`: the activations and `mse_loss`.
enum TorchFunctionalBindings {
    private static let activations: [(String, @Sendable (Tensor) throws -> Tensor)] = [
        ("relu", { try $0.relu() }), ("sigmoid", { try $0.sigmoid() }), ("tanh", { try $0.tanh() }),
    ]

    static var functions: [PyBuiltin] {
        activations.map { name, apply in
            PyBuiltin("\(name)(input, inplace=False)", style: .torch) { args in
                let t = try args.tensor("input")
                return .tensor(try TorchBridge.run {
                    try Operators.truthy(args["inplace"]) ? try t.apply_(apply) : try apply(t)
                })
            }
        } + [
            softmax("softmax", log: false),
            softmax("log_softmax", log: true),
            PyBuiltin("mse_loss(input, target, size_average=None, reduce=None, reduction='mean')", style: .torch) { args in
                let (input, target, mode) = (try args.tensor("input"), try args.tensor("target"), try args.lossReduction())
                if input.shape != target.shape {
                    try args.interpreter.warn("Using a target size (\(TensorFormatter.sizeRepr(target.shape))) that is different to the input size (\(TensorFormatter.sizeRepr(input.shape))). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.")
                }
                return .tensor(try TorchBridge.run { try input.mseLoss(target, reduction: mode) })
            },
        ]
    }

    /// `F.softmax(input, dim=None)`: without a dim PyTorch picks one (0 for 0-, 1- and 3-dim
    /// inputs, else 1) and warns.
    private static func softmax(_ name: String, log: Bool) -> PyBuiltin {
        PyBuiltin("\(name)(input, dim=None, _stacklevel=3, dtype=None)", style: .torch) { args in
            let t = try args.tensor("input")
            var dim = try args.optionalInt("dim")
            if dim == nil {
                try args.interpreter.warn("Implicit dimension choice for \(name) has been deprecated. Change the call to include dim=X as an argument.")
                dim = [0, 1, 3].contains(t.rank) ? 0 : 1
            }
            return .tensor(try TorchBridge.run {
                try TorchReductionBindings.softmax(t, dim: dim ?? 0, dtype: try args.dtype(), log: log)
            })
        }
    }
}
