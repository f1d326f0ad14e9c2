import BigInt
import GradTensor

/// A graph node's saved values as PyTorch's generated node classes show them: `_saved_<name>`
/// (a tensor, None, a number or a tuple of sizes) and, for a saved tensor, `_raw_saved_<name>`
/// (the `SavedTensor` object).
extension PyGradNode: PyAttributeProviding {
    public func attribute(_ name: String) throws -> Value? {
        if name.hasPrefix("_raw_saved_") {
            let field = String(name.dropFirst("_raw_saved_".count))
            guard node.savedAttributes.contains(where: { $0.name == field && $0.isTensor }) else { return nil }
            return .object(PySavedTensor.of(node, field: field))
        }
        if name.hasPrefix("_saved_") {
            let field = String(name.dropFirst("_saved_".count))
            guard let saved = try TorchBridge.run({ try node.savedAttribute(field) }) else { return nil }
            return PyGradNode.value(saved)
        }
        return nil
    }

    /// The names `dir()` adds for the node's saved values, `_raw_saved_` ones first as in its
    /// sorted listing.
    var savedValueNames: [String] {
        let saved = node.savedAttributes
        return saved.filter(\.isTensor).map { "_raw_saved_" + $0.name } + saved.map { "_saved_" + $0.name }
    }

    static func value(_ saved: SavedValue) -> Value {
        switch saved {
        case .tensor(let t): return t.map(Value.tensor) ?? .none
        case .scalar(.bool(let b)): return .bool(b)
        case .scalar(.int(let i)): return .int(Int(i))
        case .scalar(.double(let d)): return .float(d)
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .sizes(let sizes): return .object(PyTuple(sizes.map { .int($0) }))
        case .dim(let d): return dimension(d)
        case .dims(let dims): return .object(PyTuple(dims.map(dimension)))
        case .none: return .none
        }
    }

    /// PyTorch's getters print a negative dimension as the unsigned number of its bits.
    private static func dimension(_ d: Int) -> Value {
        d >= 0 ? .int(d) : .bigInt(BigInt(d) + (BigInt(1) << 64))
    }
}

/// `grad_fn._raw_saved_<name>`: PyTorch's `torch._C._autograd.SavedTensor`, the saved tensor
/// as the node keeps it, whose `register_hooks(pack, unpack)` packs it now and has backward
/// (and `_saved_<name>`) read what unpack gives back.
final class PySavedTensor: PyObject, PyCustomRepr, PyAttributeProviding {
    private let node: Node
    private let field: String

    private init(node: Node, field: String) {
        self.node = node
        self.field = field
    }

    /// The object for the node's saved tensor `field`: the same one while anything holds it.
    static func of(_ node: Node, field: String) -> PySavedTensor {
        let attachments = node.attachments
        if let existing = attachments.savedTensorObjects[field]?.object as? PySavedTensor { return existing }
        let made = PySavedTensor(node: node, field: field)
        attachments.savedTensorObjects[field] = WeakObject(made)
        return made
    }

    override var typeName: String { "SavedTensor" }

    var reprText: String { "<torch._C._autograd.SavedTensor object at \(Repr.address(.object(self)))>" }

    func attribute(_ name: String) throws -> Value? {
        guard name == "register_hooks" else { return nil }
        return .object(PyBoundMethod(receiver: .object(self), function: PyBuiltin("register_hooks(self, *args, **kwargs)", style: .torch) { [node, field] args in
            let hooks = args.varargs("args")
            let keywords = args.keywordArguments("kwargs")
            guard hooks.count == 2, keywords.isEmpty, hooks.allSatisfy(IntrospectionFunctions.isCallable) else {
                throw PySavedTensor.incompatibleArguments(args["self"], hooks, keywords)
            }
            let pair = TorchSavedTensorHooksBindings.pair(pack: hooks[0], unpack: hooks[1], args.interpreter)
            try TorchBridge.run { try node.registerSavedTensorHooks(field, pair) }
            return .none
        }))
    }

    /// pybind11's refusal of arguments other than two callables.
    private static func incompatibleArguments(_ receiver: Value, _ positional: [Value], _ keywords: [(name: String, value: Value)]) -> PyError {
        var invoked = ([receiver] + positional).map(Repr.repr).joined(separator: ", ")
        if !keywords.isEmpty { invoked += "; kwargs: " + keywords.map { "\($0.name)=\(Repr.repr($0.value))" }.joined(separator: ", ") }
        return PyError.type("""
            register_hooks(): incompatible function arguments. The following argument types are supported:
                1. (self: torch._C._autograd.SavedTensor, arg0: collections.abc.Callable, arg1: collections.abc.Callable) -> None

            Invoked with: \(invoked)
            """)
    }
}
