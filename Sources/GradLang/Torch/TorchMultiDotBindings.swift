import GradTensor

/// `torch.linalg.multi_dot(tensors)` and the deprecated `torch.chain_matmul(*matrices)`.
enum TorchMultiDotBindings {
    static var linalgFunctions: [PyBuiltin] {
        [
            PyBuiltin("multi_dot(tensors, *, out=None)", style: .torch) { args in
                guard let items = args["tensors"].sequenceItems else {
                    throw args.mismatch("tensors", expected: "tuple of Tensors", got: args["tensors"])
                }
                let tensors = try TorchShapeBindings.tensorList(items)
                return try TorchOp.storingOut(.tensor(try TorchBridge.run { try Tensor.multiDot(tensors) }), of: "multi_dot", args)
            },
        ]
    }

    static var functions: [PyBuiltin] {
        [
            PyBuiltin("chain_matmul(*matrices, out=None)", style: .torch) { args in
                var given = args.varargs("matrices")
                if given.count == 1, let items = given[0].sequenceItems { given = items }
                try args.interpreter.warnOnce("torch.chain_matmul is deprecated and will be removed in a future PyTorch release. Use torch.linalg.multi_dot instead, which accepts a list of two or more tensors rather than multiple parameters. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/LinearAlgebra.cpp:1096.)")
                let matrices = try TorchShapeBindings.tensorList(given)
                let result = try TorchBridge.run { () throws -> Tensor in
                    if matrices.isEmpty { throw TorchError.runtime("chain_matmul(): Expected one or more matrices") }
                    for m in matrices where m.rank != 2 { throw TorchError.runtime("Tensor dimension is \(m.rank), expected 2 instead.") }
                    return matrices.count == 1 ? try matrices[0].clone() : try Tensor.multiDot(matrices)
                }
                return try TorchOp.storingOut(.tensor(result), of: "chain_matmul", args)
            },
        ]
    }
}
