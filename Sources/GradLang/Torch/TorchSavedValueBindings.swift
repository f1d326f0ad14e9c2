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
            return .object(PySavedTensor(node: node, field: field))
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
        }
    }

    /// PyTorch's getters print a negative dimension as the unsigned number of its bits.
    private static func dimension(_ d: Int) -> Value {
        d >= 0 ? .int(d) : .bigInt(BigInt(d) + (BigInt(1) << 64))
    }
}

/// `grad_fn._raw_saved_<name>`: PyTorch's `torch._C._autograd.SavedTensor`, the saved tensor
/// as the node keeps it. grad's formulas read saved tensors directly, so hooks that would change
/// what backward reads (`register_hooks`) are refused rather than silently ignored.
final class PySavedTensor: PyObject, PyCustomRepr, PyAttributeProviding {
    private let node: Node
    private let field: String

    init(node: Node, field: String) {
        self.node = node
        self.field = field
    }

    override var typeName: String { "SavedTensor" }

    var reprText: String { "<torch._C._autograd.SavedTensor object at \(Repr.address(.object(self)))>" }

    func attribute(_ name: String) throws -> Value? {
        guard name == "register_hooks" else { return nil }
        return .object(PyBoundMethod(receiver: .object(self), function: PyBuiltin("register_hooks(self, pack_hook, unpack_hook)", style: .torch) { [node, field] _ in
            if node.isFreed {
                throw PyError.runtime("Calling register_hooks on a saved tensor after it has been freed. Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved variables after calling backward.")
            }
            if case .tensor(nil)? = try TorchBridge.run({ try node.savedAttribute(field) }) {
                throw PyError.runtime("Calling register_hooks on a saved tensor with value None is forbidden")
            }
            throw PyError(PyExc.notImplementedError, "grad does not support hooks on a saved tensor yet (SavedTensor.register_hooks)")
        }))
    }
}
