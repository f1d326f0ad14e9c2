import GradTensor

/// Tensor attributes: `shape dtype grad grad_fn requires_grad is_leaf data T mT mH H ndim device
/// retains_grad is_cuda`, and the setters for `grad`, `requires_grad` and `data`.
extension Interpreter {
    func installTensorProperties() {
        let getters: [(String, (Tensor) throws -> Value)] = [
            ("shape", { TorchViewBindings.sizeValue($0.shape) }),
            ("dtype", { TorchDTypes.object($0.dtype) }),
            ("grad", { [unowned self] t in
                if t.gradAccessWarrantsWarning { try warn(TorchWarningText.nonLeafGrad) }
                return t.grad.map(Value.tensor) ?? .none
            }),
            // A view written around gets its node remade first (Tensor.refreshViewGradFn).
            ("grad_fn", { t in
                t.refreshViewGradFn()
                return t.gradFn.map { .object(PyGradNode.of($0)) } ?? .none
            }),
            ("requires_grad", { t in
                t.refreshViewGradFn()
                return .bool(t.requiresGrad)
            }),
            ("is_leaf", { t in
                t.refreshViewGradFn()
                return .bool(t.isLeaf)
            }),
            ("data", { .tensor($0.data) }),
            ("T", { [unowned self] t in try TorchViewBindings.transposeAll(t, self) }),
            ("mT", { try matrixTranspose($0, "mT") }),
            ("mH", { try matrixTranspose($0, "mH") }),
            ("H", { t in
                guard t.rank == 2 else { throw PyError.runtime("tensor.H is only supported on matrices (2-D tensors). Got \(t.rank)-D tensor.") }
                return .tensor(try TorchBridge.run { try t.matrixTranspose })
            }),
            ("ndim", { .int($0.rank) }),
            ("device", { _ in .object(PyDevice.cpu) }),
            ("is_cuda", { _ in .bool(false) }),
            ("retains_grad", { .bool($0.retainsGradient) }),
            ("_version", { .int($0.version) }),
            ("output_nr", { .int($0.outputNr) }),
        ]
        for (name, get) in getters {
            attributeTable.addGetter(.tensor, name) { v in
                guard case .tensor(let t) = v else { throw PyError.attribute("'\(v.typeName)' object has no attribute '\(name)'") }
                return try get(t)
            }
        }
        let setters: [(String, (Tensor, Value) throws -> Void)] = [
            ("grad", setGrad), ("requires_grad", setRequiresGrad), ("data", setData),
        ]
        for (name, set) in setters {
            attributeTable.addSetter(.tensor, name) { target, value in
                guard case .tensor(let t) = target else { return }
                try set(t, value)
            }
        }
        // PyTorch names its C base class when refusing to set a read-only attribute.
        for (name, _) in getters where !setters.contains(where: { $0.0 == name }) {
            attributeTable.addSetter(.tensor, name) { _, _ in
                throw PyError.attribute("attribute '\(name)' of 'torch._C.TensorBase' objects is not writable")
            }
        }
    }
}

/// `x.grad = g`: None or a tensor of the same shape and dtype.
private func setGrad(_ t: Tensor, _ value: Value) throws {
    switch value {
    case .none: try TorchBridge.run { try t.setGrad(nil) }
    case .tensor(let g): try TorchBridge.run { try t.setGrad(g) }
    default: throw PyError.type("assigned grad expected to be a Tensor or None but got grad of type \(value.typeName)")
    }
}

/// `x.requires_grad = flag`: leaves only (a non-leaf already requires grad, and PyTorch refuses
/// either change there, with a longer text for switching it off).
private func setRequiresGrad(_ t: Tensor, _ value: Value) throws {
    guard case .bool(let flag) = value else { throw PyError.runtime("requires_grad must be a bool") }
    if !t.isLeaf && flag { throw PyError.runtime("you can only change requires_grad flags of leaf variables.") }
    try TorchBridge.run { try t.setRequiresGrad(flag, source: .attribute) }
}

/// `x.data = other`: swaps in other's data; a tensor that requires grad must stay floating point.
private func setData(_ t: Tensor, _ value: Value) throws {
    guard case .tensor(let other) = value else {
        throw PyError.type("Variable data has to be a tensor, but got \(value.typeName)")
    }
    if t.requiresGrad && !other.dtype.isFloatingPoint {
        throw PyError.runtime("data set to a tensor that requires gradients must be floating point or complex dtype")
    }
    try TorchBridge.run { try t.setData(other) }
}

/// `t.mT` / `t.mH` (the same for real tensors): the last two dimensions swapped.
private func matrixTranspose(_ t: Tensor, _ name: String) throws -> Value {
    guard t.rank >= 2 else {
        throw PyError.runtime("tensor.\(name) is only supported on matrices or batches of matrices. Got \(t.rank)-D tensor.")
    }
    return .tensor(try TorchBridge.run { try t.matrixTranspose })
}
