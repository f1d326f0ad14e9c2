import GradTensor

/// How an explanation names the values of a graph: a tensor bound to a global variable by the
/// variable's name; any other result by the expression that made it, written from its node (the
/// op, its inputs' names, the numbers it saved): `3·x²`, `relu(x @ W1ᵀ + b1)`.
final class ExplanationNames {
    private var tensorNames: [ObjectIdentifier: String] = [:]
    /// By node and output (`split`'s pieces are outputs of one node).
    private var nodeNames: [NodeOutput: String] = [:]
    private var expressions: [ObjectIdentifier: Expression] = [:]
    /// Longer expressions are shortened to their op (`relu(…)`), to keep lines in 80 columns.
    private let longest = 24

    /// A piece of an expression and how tightly it binds, for parentheses.
    struct Expression {
        let text: String
        let precedence: Precedence
    }

    enum Precedence: Int, Comparable {
        case sum = 1, product, unary, power, atom
        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    /// The tensors' names in `globals` (`TensorNames`); a result is named like the tensor it is.
    init(globals: Globals?, interpreter: Interpreter) {
        guard let globals else { return }
        tensorNames = TensorNames.names(in: globals, interpreter: interpreter)
        for name in globals.namesInOrder where !name.hasPrefix("_") {
            guard case .tensor(let t)? = globals[name], let node = t.gradFn else { continue }
            let key = NodeOutput(node: ObjectIdentifier(node), output: t.outputNr)
            guard nodeNames[key] == nil, let tensorName = tensorNames[ObjectIdentifier(t)] else { continue }
            nodeNames[key] = tensorName
        }
    }

    private struct NodeOutput: Hashable {
        let node: ObjectIdentifier
        let output: Int
    }

    func name(of tensor: Tensor) -> String? { tensorNames[ObjectIdentifier(tensor)] }

    func name(of node: Node, output: Int = 0) -> String? { nodeNames[NodeOutput(node: ObjectIdentifier(node), output: output)] }

    /// Output `output` of `node`: its variable's name, or the expression that made it.
    func output(of node: Node, _ output: Int = 0) -> Expression {
        if let name = name(of: node, output: output) { return Expression(text: name, precedence: .atom) }
        return made(by: node)
    }

    /// The expression that made `node`'s output, even when a variable holds it.
    func made(by node: Node, depth: Int = 0) -> Expression {
        if let known = expressions[ObjectIdentifier(node)] { return known }
        let inputs = node.nextFunctions.indices.map { input(node, $0, depth: depth + 1) }
        var expression = ExplanationFormulas.expression(node, inputs)
        if expression.text.count > longest {
            expression = Expression(text: ExplanationFormulas.shortName(node) + "(…)", precedence: .atom)
        }
        expressions[ObjectIdentifier(node)] = expression
        return expression
    }

    /// Input `i` of `node`: a variable, a result, or a constant the op saved (a number it was given).
    func input(_ node: Node, _ i: Int, depth: Int = 0) -> Expression {
        switch node.nextFunctions[i] {
        case .accumulateGrad(let leaf):
            return Expression(text: name(of: leaf) ?? "leaf" + ExplanationText.shape(leaf.shape), precedence: .atom)
        case .node(let producer, let output):
            if let name = name(of: producer, output: output) { return Expression(text: name, precedence: .atom) }
            if depth > 8 { return Expression(text: "…", precedence: .atom) }
            return made(by: producer, depth: depth)
        case .none:
            return constant(node, i)
        }
    }

    /// An input that needs no gradient, by what the op saved of it, when it saved it.
    private func constant(_ node: Node, _ i: Int) -> Expression {
        let saved = ExplanationFormulas.savedOperandName(node, i).flatMap(node.keptSavedValue)
        guard case .tensor(let t?)? = saved else { return Expression(text: "const", precedence: .atom) }
        if let name = name(of: t) { return Expression(text: name, precedence: .atom) }
        if t.numel == 1, let value = try? t.item() {
            let text = ExplanationText.number(value, t.dtype)
            return Expression(text: text, precedence: text.hasPrefix("-") ? .unary : .atom)
        }
        return Expression(text: "const", precedence: .atom)
    }

    /// `e` as an operand of an operator of precedence `context`, parenthesized when it binds less.
    static func operand(_ e: Expression, in context: Precedence) -> String {
        e.precedence < context ? "(" + e.text + ")" : e.text
    }

    /// `e` inside `∂(…)`: bare when it is a name.
    static func differentiated(_ e: Expression) -> String {
        e.precedence == .atom && !e.text.contains("(") ? e.text : "(" + e.text + ")"
    }
}
