import GradTensor

/// `torch.autograd.Variable`, the wrapper of PyTorch before 0.4: calling it returns a tensor (the
/// data detached, a leaf, with `requires_grad` as asked), and every tensor is an instance of it.
enum TorchVariable {
    nonisolated(unsafe) static let type = PyTypeObject(
        name: "Variable", qualifiedName: "torch.autograd.variable.Variable",
        constructor: PyBuiltin("Variable(data=None, requires_grad=False, volatile=False)", style: .torch) { args in
            let data: Tensor
            switch args["data"] {
            case .none: data = try TorchBridge.run { try Tensor.zeros([0]) }
            case .tensor(let t): data = t.detach()
            case let other: throw PyError.type("Variable data has to be a tensor, but got \(other.typeName)")
            }
            if try Operators.truthy(args["volatile"]) {
                try args.interpreter.warn("volatile was removed and now has no effect. Use `with torch.no_grad():` instead.")
            }
            try TorchBridge.run { try data.setRequiresGrad(try Operators.truthy(args["requires_grad"])) }
            return .tensor(data)
        },
        matches: { value in
            if case .tensor = value { return true }
            return false
        })
}
