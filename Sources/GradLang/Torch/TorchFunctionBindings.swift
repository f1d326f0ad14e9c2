import GradTensor

/// The steps of `torch.autograd.Function.apply` that Python cannot take: giving the forward's
/// output its node, and noting that an output marked dirty changed in place (the rest of
/// `apply` is Python, in `AutogradFunctionSource`).
enum TorchFunctionBindings {
    static var moduleFunctions: [PyBuiltin] {
        [
            // `tensors`: an iterable of tensors (`torch.autograd.graph.increment_version`).
            PyBuiltin("_increment_version(tensors)", style: .torch) { args in
                for item in try Iteration.collect(args["tensors"]) {
                    guard case .tensor(let t) = item else {
                        throw PyError.type("_increment_version(): argument 'tensors' must be an iterable of tensors")
                    }
                    t.incrementVersion()
                }
                return .none
            },
            // `output` is a tensor, whose `backward(grad, output)` returns one gradient (or None)
            // per tensor of `inputs`; or a list, the outputs of one node (a tensor, or None for
            // an output that is not differentiable), whose `backward(grads, outputs)` gets a
            // list of their gradients (None where none arrived) and of the outputs.
            // `module` is the module the node's type shows in its repr (None for none).
            // With `runs_without_gradient` (a custom Function's node) backward is called, with
            // None, when no gradient reached the node; otherwise it is not called then.
            // `saves` says what backward frees: "nothing" (it can run again), "tensors" (the
            // backward function holds them), or "outputs" (the node keeps the outputs for it;
            // otherwise backward gets None for them).
            PyBuiltin("_record_function(name, output, inputs, backward, module, saves, runs_without_gradient=False)", style: .torch) { args in
                guard case .str(let name) = args["name"] else { throw PyError.type("_record_function() expects a name") }
                let saving: Tensor.FunctionSaving
                switch args["saves"] {
                case .str(let s) where s.string == "nothing": saving = .nothing
                case .str(let s) where s.string == "tensors": saving = .tensors
                case .str(let s) where s.string == "outputs": saving = .outputs
                default: throw PyError.value("_record_function() saves must be 'nothing', 'tensors' or 'outputs'")
                }
                let tensors = { (value: Value, what: String) throws -> [Tensor] in
                    try Iteration.collect(value).map {
                        guard case .tensor(let t) = $0 else { throw PyError.type("_record_function() \(what) must be tensors") }
                        return t
                    }
                }
                let inputs = try tensors(args["inputs"], "inputs")
                let backward = args["backward"]
                let interpreter = args.interpreter
                let gradients = { [unowned interpreter] (arguments: [Value]) throws -> [Tensor?] in
                    try Iteration.collect(try interpreter.call(backward, Arguments(arguments))).map { item in
                        if case .tensor(let t) = item { return t }
                        return nil
                    }
                }
                let outputs: [Tensor?]
                if case .tensor(let t) = args["output"] {
                    outputs = [t]
                } else {
                    outputs = try Iteration.collect(args["output"]).map {
                        if case .tensor(let t) = $0 { return t }
                        guard $0.isNone else { throw PyError.type("_record_function() outputs must be tensors or None") }
                        return nil
                    }
                }
                guard let output = outputs.lazy.compactMap({ $0 }).first else { return .none }
                let previous = output.gradFn
                if outputs.count == 1 {
                    output.recordFunction(name.string, inputs: inputs, saving: saving) { grad, out in
                        try gradients([grad.map(Value.tensor) ?? .none, out.map(Value.tensor) ?? .none])
                    }
                } else {
                    let list = { (items: [Tensor?]) in Value.object(PyList(items.map { $0.map(Value.tensor) ?? .none })) }
                    Tensor.recordFunction(name.string, outputs: outputs, inputs: inputs, saving: saving) { grads, outs in
                        try gradients([list(grads), list(outs)])
                    }
                }
                if case .str(let module) = args["module"], let node = output.gradFn, node !== previous {
                    node.attachments.typeModule = module.string
                }
                if try args.bool("runs_without_gradient"), let node = output.gradFn, node !== previous {
                    node.attachments.runsWithoutGradient = true
                }
                // Made by the Function machinery's Python for the caller of `apply`: in anomaly
                // mode the node was made where apply was called, as in PyTorch, whose apply is C++.
                if AnomalyMode.isEnabled, let node = output.gradFn, node !== previous {
                    node.attachments.placeOfCreation = interpreter.stackOfFrames(outside: interpreter.currentFrame?.file)
                }
                return .none
            },
        ]
    }
}
