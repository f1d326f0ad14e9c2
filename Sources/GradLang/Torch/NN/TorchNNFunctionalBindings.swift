import GradTensor

/// The parts of `torch.nn.functional` that are ops of their own in PyTorch (one node, one
/// `grad_fn` name): `linear`, and `_nll_loss` under `nll_loss` and `cross_entropy`.
enum TorchNNFunctionalBindings {
    static var functional: [PyBuiltin] {
        [
            PyBuiltin("linear(input, weight, bias=None)") { args in
                let (input, weight) = (try args.tensor("input"), try args.tensor("weight"))
                let bias = args["bias"].isNone ? nil : try args.tensor("bias")
                return .tensor(try TorchBridge.run { try input.linear(weight, bias: bias) })
            },
            PyBuiltin("_nll_loss(input, target, weight, reduction, ignore_index)") { args in
                let (input, target) = (try args.tensor("input"), try args.tensor("target"))
                let weight = args["weight"].isNone ? nil : try args.tensor("weight")
                guard case .str(let text) = args["reduction"], let reduction = Tensor.LossReduction(rawValue: text.string) else {
                    throw PyError.value("\(Repr.str(args["reduction"])) is not a valid value for reduction")
                }
                let ignoreIndex = try args.int("ignore_index")
                return .tensor(try TorchBridge.run {
                    try input.nllLoss(target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
                })
            },
        ]
    }

}
