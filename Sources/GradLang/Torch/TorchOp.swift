import GradTensor

/// An op PyTorch offers both as `torch.NAME(input, ...)` and as the method `tensor.NAME(...)`,
/// written once. `parameters` lists those after the tensor, in PyTorch's order and names.
struct TorchOp {
    typealias Body = (Tensor, BoundArguments) throws -> Value

    let name: String
    let parameters: String
    let body: Body

    init(_ name: String, _ parameters: String = "", _ body: @escaping Body) {
        self.name = name
        self.parameters = parameters
        self.body = body
    }

    /// An op returning one tensor, with the tensor library's errors turned into Python's.
    static func tensor(_ name: String, _ parameters: String = "",
                       _ body: @escaping (Tensor, BoundArguments) throws -> Tensor) -> TorchOp {
        TorchOp(name, parameters) { t, args in .tensor(try TorchBridge.run { try body(t, args) }) }
    }

    private var tail: String { parameters.isEmpty ? "" : ", " + parameters }

    /// `torch.NAME(input, ...)`.
    var function: PyBuiltin {
        let body = self.body
        return PyBuiltin("\(name)(input\(tail))") { args in try body(try args.receiver, args) }
    }

    /// `tensor.NAME(...)`.
    var method: PyBuiltin {
        let body = self.body
        return PyBuiltin("\(name)(self\(tail))") { args in try body(try args.receiver, args) }
    }

    /// The same op under another name (`clip` for `clamp`, `negative` for `neg`).
    func renamed(_ alias: String) -> TorchOp { TorchOp(alias, parameters, body) }
}

/// A method only (`view`, `item`, `backward`, ...): the signature starts with `self`.
func tensorMethod(_ signature: String, _ body: @escaping (Tensor, BoundArguments) throws -> Value) -> PyBuiltin {
    PyBuiltin(signature) { args in try body(try args.receiver, args) }
}

/// A method returning one tensor.
func tensorMethodReturningTensor(_ signature: String,
                                 _ body: @escaping (Tensor, BoundArguments) throws -> Tensor) -> PyBuiltin {
    tensorMethod(signature) { t, args in .tensor(try TorchBridge.run { try body(t, args) }) }
}
