import GradTensor

/// The parts of `torch.nn.functional` that are ops of their own in PyTorch (one node, one
/// `grad_fn` name): `linear`.
enum TorchNNFunctionalBindings {
    static var functional: [PyBuiltin] {
        [
            PyBuiltin("linear(input, weight, bias=None)") { args in
                let (input, weight) = (try args.tensor("input"), try args.tensor("weight"))
                let bias = args["bias"].isNone ? nil : try args.tensor("bias")
                return .tensor(try TorchBridge.run { try input.linear(weight, bias: bias) })
            },
        ]
    }

}
