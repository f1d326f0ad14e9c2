import GradTensor

/// The methods `apply_`/`map_`, which call a Python function on each element of a tensor.
enum TorchElementCallbackBindings {
    static var methods: [PyBuiltin] {
        [
            tensorMethod("apply_(self, callable)") { t, args in
                try checkCallable(t, "apply_")
                let (f, interpreter) = (args["callable"], args.interpreter)
                return .tensor(try t.replaceElements { try number(interpreter.call(f, Arguments([Conversions.value(of: $0)]))) })
            },
            tensorMethod("map_(self, tensor, callable)") { t, args in
                try checkCallable(t, "map_")
                let (other, f, interpreter) = (try args.tensor("tensor"), args["callable"], args.interpreter)
                return .tensor(try TorchBridge.run {
                    try t.replaceElements(pairedWith: other) {
                        try number(interpreter.call(f, Arguments([Conversions.value(of: $0), Conversions.value(of: $1)])))
                    }
                })
            },
        ]
    }

    /// PyTorch refuses to run Python over a tensor that autograd tracks.
    private static func checkCallable(_ t: Tensor, _ name: String) throws {
        if t.requiresGrad {
            throw PyError.runtime("Can't call \(name)() on Variable that requires grad. Use var.detach().\(name)() instead.")
        }
    }

    /// The function's result as a number for the tensor.
    private static func number(_ v: Value) throws -> Scalar {
        guard let s = v.asScalar else { throw PyError.type("must be real number, not \(v.typeName)") }
        return s
    }
}
