import GradTensor

/// Autograd entry points: `tensor.backward`, `retain_grad`, `requires_grad_`, `detach_`, and the
/// `torch.autograd` module's `grad` and `backward`.
enum TorchAutogradBindings {
    static var methods: [PyBuiltin] {
        [
            tensorMethod("backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None)") { t, args in
                try runBackward([t], [try gradient(args["gradient"])], args)
                return .none
            },
            tensorMethod("retain_grad(self)") { t, _ in
                try TorchBridge.run { try t.retainGrad() }
                return .none
            },
            tensorMethod("requires_grad_(self, requires_grad=True)") { t, args in
                let flag = try args.bool("requires_grad")
                _ = try TorchBridge.run { try t.requiresGrad_(flag) }
                return .tensor(t)
            },
            tensorMethodReturningTensor("detach_(self)") { t, _ in try t.detach_() },
        ]
    }

    /// `torch.autograd`.
    static var moduleFunctions: [PyBuiltin] {
        [
            PyBuiltin("grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True, allow_unused=None)", style: .torch) { args in
                let outputs = try tensors(args["outputs"])
                let inputs = try tensors(args["inputs"])
                // PyTorch checks the outputs before the inputs.
                if let i = outputs.firstIndex(where: { !$0.requiresGrad }) {
                    throw PyError.runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
                }
                let gradOutputs = args["grad_outputs"].isNone ? nil : try gradients(args["grad_outputs"], count: outputs.count)
                let results = try TorchBridge.run {
                    try Autograd.grad(outputs: outputs, inputs: inputs, gradOutputs: gradOutputs,
                                      retainGraph: try optionalBool(args["retain_graph"]),
                                      createGraph: try Operators.truthy(args["create_graph"]),
                                      allowUnused: try Operators.truthy(args["allow_unused"]))
                }
                return .object(PyTuple(results.map { $0.map(Value.tensor) ?? .none }))
            },
            PyBuiltin("backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None)", style: .torch) { args in
                let outputs = try tensors(args["tensors"])
                let given = try gradients(args["grad_tensors"], count: outputs.count)
                try runBackward(outputs, given, args)
                return .none
            },
        ]
    }

    /// One backward pass from one or more outputs, each with its gradient (nil: implicit ones
    /// for a scalar), into the leaves or only into `inputs`.
    private static func runBackward(_ outputs: [Tensor], _ gradients: [Tensor?], _ args: BoundArguments) throws {
        let createGraph = try Operators.truthy(args["create_graph"])
        let retainGraph = try optionalBool(args["retain_graph"])
        let inputs = try backwardInputs(args["inputs"])
        if createGraph {
            try args.interpreter.warn("Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters to None after use to break the cycle and avoid the leak. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/engine.cpp:1445.)")
        }
        let interpreter = args.interpreter
        let observer = interpreter.lints.observerForPass(calledFrom: interpreter.currentFrame)
        try TorchBridge.run {
            do {
                try Autograd.backward(outputs, gradients: gradients, inputs: inputs, retainGraph: retainGraph,
                                      createGraph: createGraph, observer: observer)
            } catch let error as TorchError where error == Node.freedError && interpreter.lintsEnabled {
                try interpreter.lint(LintText.backwardThroughFreedGraph)
                throw error
            }
        }
        if interpreter.lints.sawStaleGradient { try interpreter.lint(LintText.gradientsPileUp) }
    }

    /// A tensor or a sequence of tensors (`outputs`, `inputs`): PyTorch iterates anything else,
    /// hence its "not iterable" error for numbers.
    private static func tensors(_ v: Value) throws -> [Tensor] {
        if case .tensor(let t) = v { return [t] }
        return try Iteration.collect(v).map { item in
            guard case .tensor(let t) = item else {
                throw PyError.type("expected Tensor as element of the argument list, but got \(item.typeName)")
            }
            return t
        }
    }

    /// `backward`'s `inputs`: None, a tensor, a dict (its values) or a sequence of tensors.
    private static func backwardInputs(_ v: Value) throws -> [Tensor]? {
        let items: [Value]
        switch v {
        case .none: return nil
        case .tensor(let t): return [t]
        case .object(let dict as PyDict): items = dict.entries.map(\.value)
        default: items = try Iteration.collect(v)
        }
        return try items.map { item in
            guard case .tensor(let t) = item else {
                throw PyError.runtime("all inputs have to be Tensors or GradientEdges, but got \(item.typeName)")
            }
            return t
        }
    }

    /// `tensor.backward`'s one gradient; the common None and tensor without building a list.
    private static func gradient(_ v: Value) throws -> Tensor? {
        switch v {
        case .none: nil
        case .tensor(let t): t
        default: try gradients(v, count: 1).first ?? nil
        }
    }

    /// `gradient` / `grad_outputs` / `grad_tensors`: None, a tensor, or a sequence of tensors or Nones.
    private static func gradients(_ v: Value, count: Int) throws -> [Tensor?] {
        switch v {
        case .none: return Array(repeating: nil, count: count)
        case .tensor(let t): return [t]
        default:
            return try Iteration.collect(v).map { item in
                switch item {
                case .none: return nil
                case .tensor(let t): return t
                default: throw PyError.type("gradients can be either Tensors or None, but got \(item.typeName)")
                }
            }
        }
    }

    private static func optionalBool(_ v: Value) throws -> Bool? {
        v.isNone ? nil : try Operators.truthy(v)
    }
}
