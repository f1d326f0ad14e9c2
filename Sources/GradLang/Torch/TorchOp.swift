import GradTensor

/// An op PyTorch offers both as `torch.NAME(input, ...)` and as the method `tensor.NAME(...)`,
/// written once. `parameters` lists those after the tensor, in PyTorch's order and names.
struct TorchOp {
    typealias Body = (Tensor, BoundArguments) throws -> Value

    let name: String
    let parameters: String
    let body: Body

    /// Whether `torch.NAME` also takes `out=` (the method does not).
    let takesOut: Bool

    init(_ name: String, _ parameters: String = "", takesOut: Bool = false, _ body: @escaping Body) {
        self.name = name
        self.parameters = parameters
        self.takesOut = takesOut
        self.body = body
    }

    /// An op returning one tensor, with the tensor library's errors turned into Python's.
    static func tensor(_ name: String, _ parameters: String = "",
                       _ body: @escaping (Tensor, BoundArguments) throws -> Tensor) -> TorchOp {
        TorchOp(name, parameters) { t, args in .tensor(try TorchBridge.run { try body(t, args) }) }
    }

    private var tail: String { parameters.isEmpty ? "" : ", " + parameters }

    /// `torch.NAME(input, ...)`, with `out=` when the op takes it.
    var function: PyBuiltin {
        let (body, name) = (self.body, self.name)
        guard takesOut else { return PyBuiltin("\(name)(input\(tail))", style: .torch) { args in try body(try args.receiver, args) } }
        let keywordOnly = parameters.contains("*")
        return PyBuiltin("\(name)(input\(tail)\(keywordOnly ? ", out=None" : ", *, out=None"))", style: .torch) { args in
            try TorchOp.storingOut(try body(try args.receiver, args), of: name, args)
        }
    }

    /// `result` written into the `out=` tensor of `args` when there is one (resized, with
    /// PyTorch's warning, when its shape differs), else returned.
    static func storingOut(_ result: Value, of name: String, _ args: BoundArguments) throws -> Value {
        guard case .tensor(let out) = args["out"], case .tensor(let value) = result else {
            if !args["out"].isNone { throw args.mismatch("out", expected: "Tensor", got: args["out"]) }
            return result
        }
        let (oldShape, inputs) = (out.shape, args.values.compactMap { v -> Tensor? in if case .tensor(let t) = v { t } else { nil } })
        let (written, resized) = try TorchBridge.run { try out.receiveOutput(value, of: name, inputs: inputs) }
        if resized { try args.interpreter.warn(TorchWarningText.outputResized(from: oldShape, to: value.shape)) }
        return .tensor(written)
    }

    /// The same op, taking `out=` as a function.
    var withOut: TorchOp { TorchOp(name, parameters, takesOut: true, body) }

    /// `tensor.NAME(...)`.
    var method: PyBuiltin {
        let body = self.body
        return PyBuiltin("\(name)(self\(tail))", style: .torch) { args in try body(try args.receiver, args) }
    }

    /// The same op under another name (`clip` for `clamp`, `negative` for `neg`).
    func renamed(_ alias: String) -> TorchOp { TorchOp(alias, parameters, takesOut: takesOut, body) }
}

/// A method only (`view`, `item`, `backward`, ...): the signature starts with `self`.
func tensorMethod(_ signature: String, _ body: @escaping (Tensor, BoundArguments) throws -> Value) -> PyBuiltin {
    PyBuiltin(signature, style: .torch) { args in try body(try args.receiver, args) }
}

/// A method returning one tensor.
func tensorMethodReturningTensor(_ signature: String,
                                 _ body: @escaping (Tensor, BoundArguments) throws -> Tensor) -> PyBuiltin {
    tensorMethod(signature) { t, args in .tensor(try TorchBridge.run { try body(t, args) }) }
}
