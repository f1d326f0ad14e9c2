#if canImport(Glibc)
import Glibc
#endif
import GradTensor

/// How explanations are written: Unicode and colour for a terminal, or plain ASCII (piped, a
/// file, `NO_COLOR`), where `∂` is `d`, `·` is `*` and `x²` is `x**2`.
public enum ExplanationStyle: Sendable {
    case plain, terminal
}

/// Writes an `Explanation` as text in 80 columns.
struct ExplanationText {
    let style: ExplanationStyle
    private var lines: [String] = []

    static func render(_ e: Explanation, style: ExplanationStyle) -> String {
        var text = ExplanationText(style: style)
        if e.singleOutput { text.single(e) } else { text.whole(e) }
        return text.lines.map { text.coloured($0) }.joined(separator: "\n") + "\n"
    }

    private init(style: ExplanationStyle) { self.style = style }

    private mutating func add(_ line: String) { lines.append(spelled(line)) }

    /// `explain(x)`: where `x.grad`'s value came from, pass by pass.
    private mutating func whole(_ e: Explanation) {
        let grad = e.leaf.grad
        add("\(e.target).grad = " + (grad.map(ExplanationText.shown) ?? "None"))
        guard let history = e.history else {
            add(grad == nil
                ? "No backward pass has reached \(e.target) yet: \(e.target).grad is None."
                : "No recorded backward pass reached \(e.target): its .grad was set another way,")
            if grad != nil { add("or before passes were recorded (import grad first).") }
            return
        }
        let count = e.passes.count
        let passes = count == 1 ? "1 backward pass" : "\(count) backward passes"
        let came = count == 1 ? "It came from \(passes)" : "It is the sum of \(passes)"
        switch history.start {
        case .none: add("\(came) since \(e.target).grad was None:")
        case .zeroed: add("\(came) since \(e.target).grad was last zeroed:")
        case .changed(let before):
            add("\(e.target).grad held \(ExplanationText.shown(before)) (set or changed outside backward),")
            add("then \(passes) added to it:")
        }
        if count > 1 || history.start.isChanged {
            for pass in e.passes {
                add("  pass \(pass.index ?? 0): \(called(pass.output)) added \(pass.recorded.map(ExplanationText.value) ?? "?")")
            }
            if count > 1 { add("Gradients accumulate: zero them (\(e.target).grad.zero_(), or = None) between passes.") }
        }
        let only = count == 1 && !history.start.isChanged
        for pass in e.passes { explain(pass, target: e.target, addsAll: only) }
        var total: Tensor? = nil
        if case .changed(let before) = history.start { total = before }
        for pass in e.passes { if let r = pass.recorded { total = (try? total.map { try $0.add(r) } ?? r) ?? total } }
        if count > 1 || history.start.isChanged, let total, let grad {
            let parts = (history.start.isChanged ? [before(history.start)] : []) + e.passes.map(\.recorded)
            let terms = parts.allSatisfy({ $0?.numel == 1 })
                ? parts.compactMap { $0.map(ExplanationText.value) }
                : (history.start.isChanged ? ["before"] : []) + e.passes.map { "pass \($0.index ?? 0)" }
            add("Total: " + terms.joined(separator: " + ") + " = " + ExplanationText.value(total) + " "
                + verdict(total, grad, "\(e.target).grad"))
        }
    }

    /// `explain(y, x)`: the one pass from `y`.
    private mutating func single(_ e: Explanation) {
        guard let pass = e.passes.first else { return }
        explain(pass, target: e.target)
        let count = e.history?.contributions.count ?? 0
        if pass.index != nil, count > 1 || e.history?.start.isChanged == true {
            add("\(e.target).grad = \(e.leaf.grad.map(ExplanationText.shown) ?? "None") also holds other passes:")
            add("grad.explain(\(e.target)) lists them.")
        }
    }

    /// `y.backward()`, parenthesized when `y` is an expression.
    private func called(_ output: ExplanationNames.Expression) -> String {
        ExplanationNames.differentiated(output) + ".backward()"
    }

    private func before(_ start: PassRecords.History.Start) -> Tensor? {
        if case .changed(let t) = start { return t }
        return nil
    }

    /// `addsAll`: the pass's gradient is all of `.grad`, so the sum is compared with it by name.
    private mutating func explain(_ pass: Explanation.Pass, target: String, addsAll: Bool = false) {
        lines.append("")
        let heading = (pass.index.map { "Pass \($0): " } ?? "") + called(pass.output)
        add(heading + (pass.definition.map { ", where \(pass.output.text) = \($0)" } ?? ""))
        let what = addsAll ? "\(target).grad" : pass.index.map { "what pass \($0) added" } ?? "\(target).grad"
        let from = pass.output.text
        switch pass.body {
        case .graphGone:
            add("  (its graph is gone or not shown: only the sum it added is known)")
        case .leafOutput(let seed):
            add("  \(target) is the output itself: its gradient is the seed, \(ExplanationText.value(seed))")
        case .unreachable:
            add("  \(target) is not in the graph of \(from): no gradient flows to it from there.")
        case .unavailable(let node, let reason):
            add("  Cannot re-run \(node):")
            add("  \(reason).")
        case .paths(let paths, let sum):
            add("  " + (paths.count == 1 ? "1 path" : "\(paths.count) paths") + " from \(from) to \(target):")
            for (k, path) in paths.enumerated() { describe(path, number: k + 1) }
            let values = paths.map { ExplanationText.value($0.result) }
            let sumText = paths.count > 1 && paths.count <= 3 && values.allSatisfy({ !$0.contains("[") })
                ? values.joined(separator: " + ") + " = " + ExplanationText.value(sum) : ExplanationText.value(sum)
            add("  Sum over paths: \(sumText) " + verdict(sum, pass.recorded, what))
        case .summary(let count, let steps, let sum):
            add("  \(count) paths lead from \(from) to \(target): too many to list.")
            add("  The gradient reaching each op on the way (all paths summed):")
            let names = steps.map { spelled($0.output.text) }
            let width = min(36, names.map(\.count).max() ?? 0)
            for (name, step) in zip(names, steps) {
                add("    at " + ExplanationText.padded(name, width) + "  " + ExplanationText.shapeAndValues(step.gradient))
            }
            add("  Gradient reaching \(target): \(ExplanationText.shapeAndValues(sum)) " + verdict(sum, pass.recorded, what))
        }
    }

    private mutating func describe(_ path: Explanation.Path, number: Int) {
        let chain = path.steps.map(\.output.text) + [path.steps.last?.input?.text ?? ""]
        let route = spelled(chain.joined(separator: " → "))
        add("    path \(number)" + (route.count <= 64 ? ": " + route : ":"))
        let scalar = path.steps.allSatisfy { $0.local != nil }
        let lefts = path.steps.map { step in
            spelled("∂" + ExplanationNames.differentiated(step.output) + "/∂" + (step.input.map(ExplanationNames.differentiated) ?? ""))
        }
        let width = min(30, lefts.map(\.count).max() ?? 0)
        for (left, step) in zip(lefts, path.steps) {
            let input = step.input?.text ?? ""
            if scalar, let local = step.local {
                let value = ExplanationText.value(local)
                let formula = step.formula.map { $0 == value ? "" : $0 + " = " } ?? ""
                let unknown = step.formula == nil ? "   (\(step.opName): no formula, the number only)" : ""
                add("      " + ExplanationText.padded(left, width) + " = " + formula + value + unknown)
            } else {
                add("      " + ExplanationText.padded(left, width) + " = " + (step.formula ?? "(\(step.opName): no formula)"))
                if let b = step.broadcast {
                    let dims = b.dims.count == 1 ? "dim \(b.dims[0])" : "dims " + b.dims.map(String.init).joined(separator: ", ")
                    add("        summed over \(dims): \(input) \(ExplanationText.shape(b.from)) was broadcast to \(ExplanationText.shape(b.to))")
                }
                add("        gradient reaching \(input): " + ExplanationText.shapeAndValues(step.gradient))
            }
        }
        if scalar {
            let seed = ExplanationText.isOne(path.seed) ? [] : [ExplanationText.value(path.seed) + " (seed)"]
            let factors = seed + path.steps.compactMap { $0.local.map(ExplanationText.value) }
            add("      product: " + (factors.count > 1 ? factors.joined(separator: " · ") + " = " : "") + ExplanationText.value(path.result))
        }
    }

    /// "= x.grad ✓" when `value` is `expected`, else what differs and why it may.
    private func verdict(_ value: Tensor, _ expected: Tensor?, _ what: String) -> String {
        guard let expected else { return "" }
        switch ExplanationText.compare(value, expected) {
        case .exact: return "= \(what) ✓"
        case .close: return "= \(what) ✓ (up to rounding)"
        case .differs:
            return "✗ differs from \(what) = \(ExplanationText.value(expected))\n  (a hook changed the gradient, or .grad was changed after backward)"
        }
    }

    enum Agreement { case exact, close, differs }

    /// Whether two gradients agree: exactly, within rounding (paths summed in another order
    /// than backward sums them), or not.
    static func compare(_ a: Tensor, _ b: Tensor) -> Agreement {
        guard a.shape == b.shape else { return .differs }
        var exact = true
        let tolerance = a.dtype == .float64 ? 1e-12 : 1e-5
        for i in 0..<a.numel {
            let x = a.element(atFlat: i).doubleValue, y = b.element(atFlat: i).doubleValue
            if x == y { continue }
            exact = false
            if !(Swift.abs(x - y) <= tolerance * Swift.max(1, Swift.abs(y))) { return .differs }
        }
        return exact ? .exact : .close
    }

    static func isOne(_ t: Tensor) -> Bool {
        t.numel == 1 && t.element(atFlat: 0).doubleValue == 1
    }

    /// A number in a formula: one element as a number, more as shape and first values.
    static func value(_ t: Tensor) -> String {
        t.numel == 1 ? number(t.element(atFlat: 0), t.dtype) : shapeAndValues(t)
    }

    /// A gradient as the program would print a small one, or its shape and first values.
    static func shown(_ t: Tensor) -> String {
        if t.numel <= 4 && t.shape.count <= 1 { return t.description }
        return shapeAndValues(t)
    }

    /// `(4, 3) [0.25, 0.25, 0.25, 0.25, …]`, or the number for one element.
    static func shapeAndValues(_ t: Tensor) -> String {
        if t.numel == 1 { return (t.shape.isEmpty ? "" : shape(t.shape) + " ") + number(t.element(atFlat: 0), t.dtype) }
        let shownCount = Swift.min(t.numel, 3)
        let values = (0..<shownCount).map { number(t.element(atFlat: $0), t.dtype) }
        return shape(t.shape) + " [" + values.joined(separator: ", ") + (t.numel > shownCount ? ", …]" : "]")
    }

    /// `(4, 3)`, `(3,)`, `()` as Python writes a shape tuple.
    static func shape(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// A number as a formula shows it: whole numbers without a fraction (`4`, not `4.0`),
    /// others in the shortest form that reads back as the dtype's value (`0.3` for float32).
    static func number(_ value: Scalar, _ dtype: DType) -> String {
        switch value {
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isFinite && d == d.rounded() && Swift.abs(d) < 1e15 { return String(Int(d)) }
            if !d.isFinite { return d.isNaN ? "nan" : (d > 0 ? "inf" : "-inf") }
            return significant(d, dtype)
        }
    }

    /// `d` to 4 significant digits, as PyTorch prints tensors, in the shortest form that reads
    /// back as that rounded value (`0.1128`, `1.649e-05`).
    private static func significant(_ d: Double, _ dtype: DType) -> String {
        let scale = pow(10, 3 - floor(log10(Swift.abs(d))))
        let rounded = (d * scale).rounded() / scale
        guard rounded.isFinite, scale.isFinite else { return dtype == .float64 ? "\(d)" : "\(Float(d))" }
        return "\(rounded)"
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` in the style's characters: ASCII spelled out for plain text.
    private func spelled(_ text: String) -> String {
        style == .plain ? String(text.flatMap { ExplanationText.ascii[$0] ?? String($0) }) : text
    }

    /// A line in colour on a terminal: headings bold, verdicts green or red.
    private func coloured(_ text: String) -> String {
        guard style == .terminal else { return text }
        let marked = String(text.flatMap { $0 == "✓" ? ExplanationText.green + "✓" + ExplanationText.reset
            : $0 == "✗" ? ExplanationText.red + "✗" + ExplanationText.reset : String($0) })
        guard let first = text.first, first != " " else { return marked }
        return ExplanationText.bold + marked + ExplanationText.reset
    }

    private static let bold = "\u{1B}[1m", green = "\u{1B}[32m", red = "\u{1B}[31m", reset = "\u{1B}[0m"

    /// The ASCII spelling of each non-ASCII character explanations write.
    private static let ascii: [Character: String] = [
        "∂": "d", "·": "*", "²": "**2", "³": "**3", "ᵀ": ".T", "σ": "sigmoid", "→": "->", "…": "...",
        "✓": "(ok)", "✗": "(MISMATCH)",
    ]
}

extension PassRecords.History.Start {
    var isChanged: Bool {
        if case .changed = self { return true }
        return false
    }
}
