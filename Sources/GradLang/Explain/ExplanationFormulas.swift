import GradTensor

/// What explanations know of each op: the expression it writes (`a·b`, `exp(a)`) and the local
/// derivative of its output with respect to each input, in the inputs' names (`∂(a·b)/∂a = b`).
/// Ops not listed here are shown by their node name, with the numbers only.
enum ExplanationFormulas {
    typealias Expression = ExplanationNames.Expression

    /// The expression `node` computes from its inputs.
    static func expression(_ node: Node, _ inputs: [Expression]) -> Expression {
        func a(_ p: ExplanationNames.Precedence) -> String { ExplanationNames.operand(inputs[0], in: p) }
        func b(_ p: ExplanationNames.Precedence) -> String { ExplanationNames.operand(inputs[1], in: p) }
        func call(_ f: String) -> Expression { Expression(text: f + "(" + inputs[0].text + ")", precedence: .atom) }
        let name = node.className
        switch (name, inputs.count) {
        case ("AddBackward0", 2): return Expression(text: a(.sum) + " + " + scaled(node, inputs[1]), precedence: .sum)
        case ("SubBackward0", 2): return Expression(text: a(.sum) + " - " + scaled(node, inputs[1], context: .product), precedence: .sum)
        case ("RsubBackward1", 1): return Expression(text: "const - " + a(.product), precedence: .sum)
        case ("MulBackward0", 2):
            // A number first, as one writes it: 3·x².
            let swap = Double(inputs[1].text) != nil && Double(inputs[0].text) == nil
            return Expression(text: swap ? b(.product) + "·" + a(.product) : a(.product) + "·" + b(.product), precedence: .product)
        case ("DivBackward0", 2): return Expression(text: a(.product) + "/" + b(.power), precedence: .product)
        case ("PowBackward0", 1): return Expression(text: power(a(.atom), exponent(node) ?? "k"), precedence: .power)
        case ("PowBackward1", 2): return Expression(text: a(.atom) + "^" + b(.atom), precedence: .power)
        case ("NegBackward0", 1): return Expression(text: "-" + a(.unary), precedence: .unary)
        case ("ReciprocalBackward0", 1): return Expression(text: "1/" + a(.power), precedence: .product)
        case ("MmBackward0", 2), ("MvBackward0", 2), ("DotBackward0", 2):
            return Expression(text: a(.product) + " @ " + b(.power), precedence: .product)
        case ("AddmmBackward0", 3):
            let product = ExplanationNames.operand(inputs[1], in: .product) + " @ " + ExplanationNames.operand(inputs[2], in: .power)
            return Expression(text: product + " + " + inputs[0].text, precedence: .sum)
        case ("TBackward0", 1): return Expression(text: a(.atom) + "ᵀ", precedence: .atom)
        case ("SigmoidBackward0", 1): return call("σ")
        case (_, 1) where functionNames[name] != nil: return call(functionNames[name] ?? name)
        default:
            return Expression(text: shortName(node) + "(" + inputs.map(\.text).joined(separator: ", ") + ")", precedence: .atom)
        }
    }

    /// Ops written as a call of their input: the node name → the function.
    private static let functionNames = [
        "ExpBackward0": "exp", "LogBackward0": "log", "SinBackward0": "sin", "CosBackward0": "cos",
        "TanhBackward0": "tanh", "ReluBackward0": "relu", "SqrtBackward0": "sqrt", "AbsBackward0": "abs",
        "SumBackward0": "sum", "SumBackward1": "sum", "MeanBackward0": "mean", "MeanBackward1": "mean",
    ]

    /// The op's name without `Backward0`: `Mul`, `AccumulateGrad`.
    static func shortName(_ node: Node) -> String {
        guard let range = node.className.range(of: "Backward") else { return node.className }
        return String(node.className[..<range.lowerBound])
    }

    /// The `_saved_*` name of the tensor an op kept for input `i`, which names a constant operand.
    static func savedOperandName(_ node: Node, _ i: Int) -> String? {
        switch node.className {
        case "MulBackward0", "DivBackward0": return i == 0 ? "self" : "other"
        case "PowBackward1": return i == 0 ? "self" : "exponent"
        case "MmBackward0": return i == 0 ? "self" : "mat2"
        case "AddmmBackward0": return i == 1 ? "mat1" : i == 2 ? "mat2" : nil
        default: return nil
        }
    }

    /// The local derivative of `node`'s output with respect to input `i`, as a formula in the
    /// inputs' names; nil for ops explanations have no formula for. For products of matrices,
    /// the rule that turns the output's gradient (`g`) into the input's.
    static func local(_ node: Node, _ i: Int, _ inputs: [Expression]) -> String? {
        func op(_ k: Int, _ p: ExplanationNames.Precedence) -> String { ExplanationNames.operand(inputs[k], in: p) }
        let n = node.inputShapes.first.map { $0.reduce(1, *) } ?? 1
        switch (node.className, i) {
        case ("AddBackward0", 0), ("SubBackward0", 0): return "1"
        case ("AddBackward0", 1): return alpha(node) ?? "1"
        case ("SubBackward0", 1): return "-" + (alpha(node) ?? "1")
        case ("RsubBackward1", _), ("NegBackward0", _): return "-1"
        case ("MulBackward0", _): return inputs[1 - i].text
        case ("DivBackward0", 0): return "1/" + op(1, .power)
        case ("DivBackward0", 1): return "-" + op(0, .product) + "/" + power(op(1, .atom), "2")
        case ("PowBackward0", 0):
            guard let k = exponentValue(node) else { return nil }
            if k == 0 { return "0" }
            if k == 1 { return "1" }
            return ExplanationText.number(.double(k), .float64) + "·" + power(op(0, .atom), ExplanationText.number(.double(k - 1), .float64))
        case ("PowBackward1", 0): return op(1, .product) + "·" + op(0, .atom) + "^(" + inputs[1].text + " - 1)"
        case ("PowBackward1", 1): return op(0, .atom) + "^" + op(1, .atom) + "·log(" + inputs[0].text + ")"
        case ("ReciprocalBackward0", _): return "-1/" + power(op(0, .atom), "2")
        case ("ExpBackward0", _): return "exp(" + inputs[0].text + ")"
        case ("LogBackward0", _): return "1/" + op(0, .power)
        case ("SinBackward0", _): return "cos(" + inputs[0].text + ")"
        case ("CosBackward0", _): return "-sin(" + inputs[0].text + ")"
        case ("TanhBackward0", _): return "1 - tanh(" + inputs[0].text + ")²"
        case ("SigmoidBackward0", _): return "σ(" + inputs[0].text + ")·(1 - σ(" + inputs[0].text + "))"
        case ("ReluBackward0", _): return "1 where " + op(0, .atom) + " > 0, else 0"
        case ("SqrtBackward0", _): return "1/(2·sqrt(" + inputs[0].text + "))"
        case ("SumBackward0", _), ("SumBackward1", _): return "1 for each element"
        case ("MeanBackward0", _): return "1/n for each element, n = \(n)"
        case ("MmBackward0", 0): return "g @ " + op(1, .atom) + "ᵀ"
        case ("MmBackward0", 1): return op(0, .atom) + "ᵀ @ g"
        case ("AddmmBackward0", 0): return "1"
        case ("AddmmBackward0", 1): return "g @ " + op(2, .atom) + "ᵀ"
        case ("AddmmBackward0", 2): return op(1, .atom) + "ᵀ @ g"
        case ("TBackward0", _): return "gᵀ"
        default: return nil
        }
    }

    /// Whether input `i` of `node` takes part in broadcasting (an elementwise op, addmm's bias):
    /// then a shape different from the output's means its gradient was summed over dimensions.
    static func broadcasts(_ node: Node, _ i: Int) -> Bool {
        switch node.className {
        case "AddBackward0", "SubBackward0", "MulBackward0", "DivBackward0", "PowBackward1": return true
        case "AddmmBackward0": return i == 0
        default: return false
        }
    }

    /// `base` raised to `k`, with a superscript for squares and cubes.
    static func power(_ base: String, _ k: String) -> String {
        switch k {
        case "1": return base
        case "2": return base + "²"
        case "3": return base + "³"
        default: return base + "^" + k
        }
    }

    private static func exponentValue(_ node: Node) -> Double? {
        guard case .scalar(let k)? = node.keptSavedValue("exponent") else { return nil }
        return k.doubleValue
    }

    private static func exponent(_ node: Node) -> String? {
        exponentValue(node).map { ExplanationText.number(.double($0), .float64) }
    }

    /// `alpha` of add and sub when it is not 1.
    private static func alpha(_ node: Node) -> String? {
        guard case .scalar(let a)? = node.keptSavedValue("alpha"), a.doubleValue != 1 else { return nil }
        return ExplanationText.number(a, .float64)
    }

    /// `b` scaled by add's or sub's alpha, when it is not 1.
    private static func scaled(_ node: Node, _ b: Expression, context: ExplanationNames.Precedence = .sum) -> String {
        guard let alpha = alpha(node) else { return ExplanationNames.operand(b, in: context == .sum ? .sum : .product) }
        return alpha + "·" + ExplanationNames.operand(b, in: .product)
    }
}
