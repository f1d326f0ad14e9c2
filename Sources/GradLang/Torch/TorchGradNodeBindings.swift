import GradTensor

/// What `grad_fn` shows: `name()`, `next_functions` (pairs of a node, an `AccumulateGrad` for a
/// leaf, or None, each with the index of the output the input was: 0 but for a node with
/// several), `metadata` (a dict kept as long as the node), and the hooks of `TorchHookBindings`.
enum TorchGradNodeBindings {
    static func install(_ table: inout AttributeTable) {
        table.addMethods(.gradNode, [
            PyBuiltin("name(self)", style: .torch) { args in
                guard case .object(let n as PyGradNode) = args[0] else { return .none }
                return .str(n.node.qualifiedName)
            },
        ] + TorchHookBindings.nodeMethods)
        table.addGetter(.gradNode, "next_functions") { v in
            guard case .object(let n as PyGradNode) = v else { return .none }
            return nextFunctions(n.node)
        }
        table.addGetter(.gradNode, "metadata") { v in
            guard case .object(let n as PyGradNode) = v else { return .none }
            let attachments = n.node.attachments
            if let dict = attachments.metadata as? PyDict { return .object(dict) }
            let dict = PyDict()
            attachments.metadata = dict
            return .object(dict)
        }
    }

    static func nextFunctions(_ node: Node) -> Value {
        .object(PyTuple(node.nextFunctions.map { next in
            switch next {
            case .node(let n, let output): return .object(PyTuple([.object(PyGradNode.of(n)), .int(output)]))
            case .accumulateGrad(let leaf): return .object(PyTuple([.object(PyAccumulateGrad.of(leaf)), .int(0)]))
            case .none: return .object(PyTuple([.none, .int(0)]))
            }
        }))
    }
}

/// The node that accumulates a leaf's gradient: `<AccumulateGrad object at 0x…>`, with the leaf as
/// `variable`, no `next_functions`, and `register_hook`/`register_prehook` (kept by the leaf).
final class PyAccumulateGrad: PyObject, PyAttributeProviding {
    let variable: Tensor
    private init(_ variable: Tensor) { self.variable = variable }

    /// The leaf's node object, the same one while anything holds it (as `PyGradNode.of`).
    static func of(_ leaf: Tensor) -> PyAccumulateGrad {
        let attachments = leaf.leafAttachments
        if let existing = attachments.languageObject as? PyAccumulateGrad { return existing }
        let made = PyAccumulateGrad(leaf)
        attachments.languageObject = made
        return made
    }

    /// Kept with the object, as PyTorch keeps it with the node.
    private lazy var metadata = PyDict()

    override var typeName: String { "AccumulateGrad" }

    /// What `dir()` lists: the attributes `attribute(_:)` answers, sorted.
    static let attributeNames = ["metadata", "name", "next_functions", "register_hook", "register_prehook", "variable"]

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "variable": return .tensor(variable)
        case "next_functions": return .object(PyTuple([]))
        case "metadata": return .object(metadata)
        case "name":
            return .object(PyBoundMethod(receiver: .object(self),
                                         function: PyBuiltin("name(self)", style: .torch) { _ in .str("torch::autograd::AccumulateGrad") }))
        default:
            return TorchHookBindings.accumulateGradMethod(name, of: variable).map {
                .object(PyBoundMethod(receiver: .object(self), function: $0))
            }
        }
    }
}
