import GradTensor

/// The one step of `torch.autograd.Function.apply` that Python cannot take: giving the forward's
/// output its node (the rest of `apply` is Python, in `AutogradFunctionSource`).
enum TorchFunctionBindings {
    static var moduleFunctions: [PyBuiltin] {
        [
            // `backward(grad, output)` returns one gradient (or None) per tensor of `inputs`;
            // `module` is the module the node's type shows in its repr (None for none).
            PyBuiltin("_record_function(name, output, inputs, backward, module)", style: .torch) { args in
                guard case .str(let name) = args["name"], case .tensor(let output) = args["output"] else {
                    throw PyError.type("_record_function() expects a name and a tensor")
                }
                let inputs: [Tensor] = try Iteration.collect(args["inputs"]).map {
                    guard case .tensor(let t) = $0 else { throw PyError.type("_record_function() inputs must be tensors") }
                    return t
                }
                let backward = args["backward"]
                let interpreter = args.interpreter
                let previous = output.gradFn
                output.recordFunction(name.string, inputs: inputs) { [unowned interpreter] grad, out in
                    let result = try interpreter.call(backward, Arguments([.tensor(grad), .tensor(out)]))
                    return try Iteration.collect(result).map { item in
                        if case .tensor(let t) = item { return t }
                        return nil
                    }
                }
                if case .str(let module) = args["module"], let node = output.gradFn, node !== previous {
                    node.attachments.typeModule = module.string
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
