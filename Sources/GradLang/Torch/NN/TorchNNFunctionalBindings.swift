import GradTensor

/// The parts of `torch.nn.functional` that are ops of their own in PyTorch (one node, one
/// `grad_fn` name): `linear`, and the losses' kernels, which the Python functions of
/// NNFunctionalSource call (`_nll_loss` under `nll_loss` and `cross_entropy`, ...).
enum TorchNNFunctionalBindings {
    static var functional: [PyBuiltin] {
        [
            PyBuiltin("linear(input, weight, bias=None)") { args in
                let (input, weight) = (try args.tensor("input"), try args.tensor("weight"))
                let bias = args["bias"].isNone ? nil : try args.tensor("bias")
                return .tensor(try TorchBridge.run { try input.linear(weight, bias: bias) })
            },
            PyBuiltin("_nll_loss(input, target, weight, reduction, ignore_index)") { args in
                let (input, target, weight) = (try args.tensor("input"), try args.tensor("target"), try args.optionalTensor("weight"))
                let (reduction, ignoreIndex) = (try args.lossReduction(), try args.int("ignore_index"))
                return .tensor(try TorchBridge.run {
                    try input.nllLoss(target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
                })
            },
            // The forward values of layer_norm, group_norm and batch_norm (float32 and float64),
            // whose nodes the Python functions record: (output, mean, rstd), and batch_norm's
            // moved running statistics.
            PyBuiltin("_layer_norm_forward(input, row_length, weight, bias, eps, statistics_shape)") { args in
                let (input, weight, bias) = (try args.tensor("input"), try args.optionalTensor("weight"), try args.optionalTensor("bias"))
                let (rowLength, eps, statisticsShape) = (try args.int("row_length"), try args.scalar("eps").doubleValue, try args.intList("statistics_shape"))
                let (output, mean, rstd) = try TorchBridge.run {
                    try input.layerNormForward(rowLength: rowLength, weight: weight, bias: bias, eps: eps, statisticsShape: statisticsShape)
                }
                return .object(PyTuple([.tensor(output), .tensor(mean), .tensor(rstd)]))
            },
            PyBuiltin("_group_norm_forward(input, groups, weight, bias, eps)") { args in
                let (input, weight, bias) = (try args.tensor("input"), try args.optionalTensor("weight"), try args.optionalTensor("bias"))
                let (groups, eps) = (try args.int("groups"), try args.scalar("eps").doubleValue)
                let (output, mean, rstd) = try TorchBridge.run { try input.groupNormForward(groups: groups, weight: weight, bias: bias, eps: eps) }
                return .object(PyTuple([.tensor(output), .tensor(mean), .tensor(rstd)]))
            },
            PyBuiltin("_batch_norm_forward(input, weight, bias, running_mean, running_var, training, momentum, eps)") { args in
                let (input, weight, bias) = (try args.tensor("input"), try args.optionalTensor("weight"), try args.optionalTensor("bias"))
                let (runningMean, runningVar) = (try args.optionalTensor("running_mean"), try args.optionalTensor("running_var"))
                let (training, momentum, eps) = (try args.bool("training"), try args.scalar("momentum").doubleValue, try args.scalar("eps").doubleValue)
                let result = try TorchBridge.run {
                    try input.batchNormForward(weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                               training: training, momentum: momentum, eps: eps)
                }
                let moved: [Value] = [result.runningMean, result.runningVar].map { $0.map(Value.tensor) ?? .none }
                return .object(PyTuple([.tensor(result.output), .tensor(result.mean), .tensor(result.invstd)] + moved))
            },
            PyBuiltin("_batch_norm_backward(grad, input, weight, mean, invstd, running_var, training, eps)") { args in
                let (grad, input, weight) = (try args.tensor("grad"), try args.tensor("input"), try args.optionalTensor("weight"))
                let (mean, invstd, runningVar) = (try args.tensor("mean"), try args.tensor("invstd"), try args.optionalTensor("running_var"))
                let (training, eps) = (try args.bool("training"), try args.scalar("eps").doubleValue)
                let grads = try TorchBridge.run {
                    try input.batchNormBackward(grad, weight: weight, mean: mean, invstd: invstd, runningVar: runningVar,
                                                training: training, eps: eps)
                }
                return .object(PyTuple([.tensor(grads.input), .tensor(grads.weight), .tensor(grads.bias)]))
            },
            PyBuiltin("_embedding(input, weight, padding_idx)") { args in
                let (input, weight, padding) = (try args.tensor("input"), try args.tensor("weight"), try args.optionalInt("padding_idx"))
                return .tensor(try TorchBridge.run { try Tensor.embedding(weight, input, paddingIndex: padding) })
            },
            PyBuiltin("_div_scalar(input, other)") { args in
                let (input, other) = (try args.tensor("input"), try args.scalar("other"))
                return .tensor(try TorchBridge.run { try input.div(scalar: other) })
            },
            PyBuiltin("_smooth_l1_loss(input, target, reduction, beta)") { args in
                let (input, target, beta) = (try args.tensor("input"), try args.tensor("target"), try args.scalar("beta").doubleValue)
                let reduction = try args.lossReduction()
                return .tensor(try TorchBridge.run { try input.smoothL1Loss(target, beta: beta, reduction: reduction) })
            },
            PyBuiltin("_huber_loss(input, target, reduction, delta)") { args in
                let (input, target, delta) = (try args.tensor("input"), try args.tensor("target"), try args.scalar("delta").doubleValue)
                let reduction = try args.lossReduction()
                return .tensor(try TorchBridge.run { try input.huberLoss(target, delta: delta, reduction: reduction) })
            },
            PyBuiltin("_binary_cross_entropy(input, target, weight, reduction)") { args in
                let (input, target, weight) = (try args.tensor("input"), try args.tensor("target"), try args.optionalTensor("weight"))
                let reduction = try args.lossReduction()
                return .tensor(try TorchBridge.run { try input.binaryCrossEntropy(target, weight: weight, reduction: reduction) })
            },
            PyBuiltin("_binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)") { args in
                let (input, target, weight) = (try args.tensor("input"), try args.tensor("target"), try args.optionalTensor("weight"))
                let (posWeight, reduction) = (try args.optionalTensor("pos_weight"), try args.lossReduction())
                return .tensor(try TorchBridge.run {
                    try input.binaryCrossEntropyWithLogits(target, weight: weight, posWeight: posWeight, reduction: reduction)
                })
            },
        ]
    }
}

extension BoundArguments {
    /// `reduction=`: 'mean', 'sum' or 'none'.
    func lossReduction() throws -> Tensor.LossReduction {
        guard case .str(let text) = self["reduction"], let reduction = Tensor.LossReduction(rawValue: text.string) else {
            throw PyError.value("\(Repr.str(self["reduction"])) is not a valid value for reduction")
        }
        return reduction
    }

    /// A tensor or None.
    func optionalTensor(_ name: String) throws -> Tensor? {
        self[name].isNone ? nil : try tensor(name)
    }
}
