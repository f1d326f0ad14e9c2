import GradTensor

/// `torch.nn.Parameter`: a tensor marked as a module's learnable weight. grad keeps it a plain
/// tensor value with a flag (no subclass), so ops on parameters run as fast as on any tensor;
/// `type(p)`, `isinstance(p, nn.Parameter)` and `repr(p)` read the flag.
enum TorchParameter {
    nonisolated(unsafe) static let type = PyTypeObject(
        name: "Parameter", qualifiedName: "torch.nn.parameter.Parameter",
        constructor: PyBuiltin("Parameter(data=None, requires_grad=True)") { args in
            let data: Tensor
            switch args["data"] {
            case .none: data = try TorchBridge.run { try Tensor(zeros: [0], dtype: .defaultFloat) }
            case .tensor(let t): data = t
            default:
                // PyTorch's constructor calls data.detach() first.
                throw PyError.attribute("'\(args["data"].typeName)' object has no attribute 'detach'")
            }
            return .tensor(try make(data, requiresGrad: try args.bool("requires_grad")))
        },
        matches: { value in
            if case .tensor(let t) = value { return t.isParameter }
            return false
        })

    /// A parameter sharing `data`'s storage, a leaf (PyTorch's `_make_subclass` detaches).
    static func make(_ data: Tensor, requiresGrad: Bool) throws -> Tensor {
        let parameter = data.detach()
        parameter.isParameter = true
        try TorchBridge.run { try parameter.setRequiresGrad(requiresGrad) }
        return parameter
    }
}
