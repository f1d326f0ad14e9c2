import GradTensor

/// What `grad_fn` shows: `name()`, `next_functions` (pairs of a node, an `AccumulateGrad` for a
/// leaf, or None, each with output index 0), `metadata`.
enum TorchGradNodeBindings {
    static func install(_ table: inout AttributeTable) {
        table.addMethods(.gradNode, [
            PyBuiltin("name(self)", style: .torch) { args in
                guard case .object(let n as PyGradNode) = args[0] else { return .none }
                return .str(n.node.qualifiedName)
            },
        ])
        table.addGetter(.gradNode, "next_functions") { v in
            guard case .object(let n as PyGradNode) = v else { return .none }
            return nextFunctions(n.node)
        }
        table.addGetter(.gradNode, "metadata") { _ in .object(PyDict()) }
    }

    static func nextFunctions(_ node: Node) -> Value {
        .object(PyTuple(node.nextFunctions.map { next in
            let target: Value
            switch next {
            case .node(let n): target = .object(PyGradNode(n))
            case .accumulateGrad(let leaf): target = .object(PyAccumulateGrad(leaf))
            case .none: target = .none
            }
            return .object(PyTuple([target, .int(0)]))
        }))
    }
}

/// The node that accumulates a leaf's gradient: `<AccumulateGrad object at 0x…>`, with the leaf as
/// `variable` and no `next_functions`.
final class PyAccumulateGrad: PyObject, PyAttributeProviding {
    let variable: Tensor
    init(_ variable: Tensor) { self.variable = variable }

    override var typeName: String { "AccumulateGrad" }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "variable": return .tensor(variable)
        case "next_functions": return .object(PyTuple([]))
        case "metadata": return .object(PyDict())
        case "name":
            return .object(PyBoundMethod(receiver: .object(self),
                                         function: PyBuiltin("name(self)", style: .torch) { _ in .str("torch::autograd::AccumulateGrad") }))
        default: return nil
        }
    }
}
