import GradTensor

/// How a leaf's gradient arose, read from the graph and the pass records (`PassRecords`), never
/// by running the program again: each recorded pass that added to `.grad`, and for each pass
/// every path from its output back to the leaf, with the local derivative at each step and the
/// gradient it passes on. `ExplanationText` writes it out.
struct Explanation {
    /// The leaf's name ("x"), the leaf, and its `.grad` now.
    let target: String
    let leaf: Tensor
    /// The history of `.grad`, when passes were recorded into it.
    let history: PassRecords.History?
    /// The passes explained, oldest first: for `explain(x)` the recorded ones whose graph is
    /// still alive (the last few), for `explain(y, x)` the one from `y`.
    let passes: [Pass]
    /// Whether this explains one output (`explain(y, x)`) rather than the whole of `.grad`.
    let singleOutput: Bool

    /// Paths are listed one by one up to this many; beyond, the gradient at each op is shown.
    static let listedPaths = 6
    /// Passes explained step by step, the most recent ones; the others show their sums only.
    static let explainedPasses = 3

    struct Pass {
        /// The pass's place in the history of `.grad` (1 for the first since it was last
        /// zeroed), or nil when it is not in it (no backward from this output reached the leaf).
        let index: Int?
        /// The output's name (or the expression that made it), and that expression.
        let output: ExplanationNames.Expression
        let definition: String?
        /// What the pass added to `.grad`, as recorded.
        let recorded: Tensor?
        let body: Body
    }

    enum Body {
        /// The output's graph has been freed: only the recorded sum is known.
        case graphGone
        /// The output is the leaf itself (`x.backward()`): the gradient is the seed.
        case leafOutput(seed: Tensor)
        /// The leaf is not in the output's graph.
        case unreachable
        /// A node on the way cannot be re-run: which, and why.
        case unavailable(node: String, reason: String)
        case paths([Path], sum: Tensor)
        /// Too many paths to list: the gradient arriving at each op on the way, root first.
        case summary(pathCount: Int, steps: [Step], sum: Tensor)
    }

    struct Path {
        let steps: [Step]
        /// The seed, when it is not 1, for the product.
        let seed: Tensor
        let result: Tensor
    }

    /// One op on a path: `∂(output)/∂(input) = formula = local`, and the gradient then reaching
    /// the input (for a summary: the gradient reaching the op's output).
    struct Step {
        let output: ExplanationNames.Expression
        let input: ExplanationNames.Expression?
        let opName: String
        let formula: String?
        /// The local derivative as a number, when output and input have one element.
        let local: Tensor?
        let gradient: Tensor
        /// Where broadcasting was undone: the dims summed and the shapes.
        let broadcast: (dims: [Int], from: [Int], to: [Int])?
    }

    /// Why an explanation cannot start.
    struct Refusal: Error {
        let message: String
    }
}

extension Explanation {
    /// `explain(x)`: the history of `x.grad`.
    static func ofGrad(_ leaf: Tensor, names: ExplanationNames, target: String? = nil) throws -> Explanation {
        let target = target ?? names.name(of: leaf) ?? "the tensor"
        let history = PassRecords.history(of: leaf)
        var passes: [Pass] = []
        if let history {
            let contributions = history.contributions
            for (i, contribution) in contributions.enumerated() {
                let detailed = i >= contributions.count - explainedPasses
                passes.append(try pass(contribution.pass, index: i + 1, recorded: contribution.gradient,
                                       leaf: leaf, names: names, detailed: detailed))
            }
        }
        return Explanation(target: target, leaf: leaf, history: history, passes: passes, singleOutput: false)
    }

    /// `explain(y, x)`: how a backward from `y` reaches `x`.
    static func ofOutput(_ output: Tensor, _ leaf: Tensor, names: ExplanationNames) throws -> Explanation {
        let target = names.name(of: leaf) ?? "the tensor"
        let history = PassRecords.history(of: leaf)
        let found = history?.contributions.enumerated().last { _, c in
            c.pass.root.map { $0 === output.gradFn } ?? (c.pass.leafRoot === output)
        }
        let seed: Tensor
        if let found { seed = found.element.pass.seed }
        else if output.numel == 1 { seed = try Tensor.ones(output.shape, dtype: output.dtype) }
        else {
            throw Refusal(message: "explain: the output has \(output.numel) elements and no recorded backward pass from it reached the leaf: call y.backward(gradient) first")
        }
        let body = try paths(from: output, seed: seed, to: leaf, names: names)
        let pass = Pass(index: found.map { $0.offset + 1 }, output: outputName(output, names), definition: definition(output, names),
                        recorded: found?.element.gradient, body: body)
        return Explanation(target: target, leaf: leaf, history: history, passes: [pass], singleOutput: true)
    }

    private static func pass(_ pass: PassRecords.Pass, index: Int, recorded: Tensor, leaf: Tensor,
                             names: ExplanationNames, detailed: Bool) throws -> Pass {
        if let node = pass.root {
            let output = names.output(of: node, pass.rootOutput)
            let definition = names.name(of: node, output: pass.rootOutput) != nil ? names.made(by: node).text : nil
            let body = detailed ? try paths(from: node, output: pass.rootOutput, seed: pass.seed, to: leaf, names: names) : .graphGone
            return Pass(index: index, output: output, definition: definition, recorded: recorded, body: body)
        }
        if let root = pass.leafRoot {
            return Pass(index: index, output: .init(text: names.name(of: root) ?? "the tensor", precedence: .atom), definition: nil, recorded: recorded,
                        body: root === leaf ? .leafOutput(seed: pass.seed) : .unreachable)
        }
        return Pass(index: index, output: .init(text: "an output no longer alive", precedence: .atom), definition: nil, recorded: recorded, body: .graphGone)
    }

    private static func outputName(_ output: Tensor, _ names: ExplanationNames) -> ExplanationNames.Expression {
        if let name = names.name(of: output) { return .init(text: name, precedence: .atom) }
        if let node = output.gradFn { return names.output(of: node, output.outputNr) }
        return .init(text: "the tensor", precedence: .atom)
    }

    private static func definition(_ output: Tensor, _ names: ExplanationNames) -> String? {
        guard names.name(of: output) != nil, let node = output.gradFn else { return nil }
        return names.made(by: node).text
    }

    private static func paths(from output: Tensor, seed: Tensor, to leaf: Tensor, names: ExplanationNames) throws -> Body {
        guard let node = output.gradFn else { return output === leaf ? .leafOutput(seed: seed) : .unreachable }
        return try paths(from: node, output: output.outputNr, seed: seed, to: leaf, names: names)
    }

    /// The paths from output `rootOutput` of `root` to `leaf`, listed, or summarised when there
    /// are too many.
    private static func paths(from root: Node, output rootOutput: Int, seed: Tensor, to leaf: Tensor, names: ExplanationNames) throws -> Body {
        var counts: [ObjectIdentifier: Int] = [:]
        let total = pathCount(root, to: leaf, &counts)
        if total == 0 { return .unreachable }
        do {
            if total > listedPaths {
                return try summary(root, output: rootOutput, seed: seed, leaf: leaf, total: total, counts: counts, names: names)
            }
            var listed: [Path] = []
            var sum: Tensor?
            for route in routes(root, to: leaf, counts: counts) {
                let path = try walk(route, from: rootOutput, seed: seed, names: names)
                listed.append(path)
                sum = try sum.map { try $0.add(path.result) } ?? path.result
            }
            guard let sum else { return .unreachable }
            return .paths(listed, sum: sum)
        } catch let gap as Gap {
            return .unavailable(node: gap.node, reason: gap.reason)
        }
    }

    /// A node that cannot be re-run, as `Node.ExplanationStep` says.
    private struct Gap: Error {
        let node: String
        let reason: String
    }

    /// The number of paths from `node` to `leaf`, memoized by node.
    private static func pathCount(_ node: Node, to leaf: Tensor, _ counts: inout [ObjectIdentifier: Int]) -> Int {
        if let known = counts[ObjectIdentifier(node)] { return known }
        var total = 0
        for edge in node.nextFunctions {
            switch edge {
            case .accumulateGrad(let t): if t === leaf { total += 1 }
            case .node(let next, _): total += pathCount(next, to: leaf, &counts)
            case .none: break
            }
        }
        counts[ObjectIdentifier(node)] = total
        return total
    }

    /// Each path as the (node, input index) pairs it goes through, from the root.
    private static func routes(_ root: Node, to leaf: Tensor, counts: [ObjectIdentifier: Int]) -> [[(Node, Int)]] {
        var found: [[(Node, Int)]] = []
        var pending: [[(Node, Int)]] = [[]]
        var nodes: [Node] = [root]
        while let prefix = pending.popLast(), let node = nodes.popLast() {
            for (i, edge) in node.nextFunctions.enumerated().reversed() {
                switch edge {
                case .accumulateGrad(let t) where t === leaf: found.append(prefix + [(node, i)])
                case .node(let next, _) where (counts[ObjectIdentifier(next)] ?? 0) > 0:
                    pending.append(prefix + [(node, i)])
                    nodes.append(next)
                default: break
                }
            }
        }
        return found
    }

    /// The gradient carried along one path, step by step, from output `rootOutput` of its first node.
    private static func walk(_ route: [(Node, Int)], from rootOutput: Int, seed: Tensor, names: ExplanationNames) throws -> Path {
        var gradient = seed
        var steps: [Step] = []
        var arrivedAt = rootOutput
        for (node, i) in route {
            let inputs = node.nextFunctions.indices.map { names.input(node, $0) }
            let output = names.output(of: node, arrivedAt)
            let next = try gradients(node, gradient, output: arrivedAt)[i] ?? Tensor.zeros(node.inputShapes[i], dtype: gradient.dtype)
            var local: Tensor?
            if gradient.numel == 1 && next.numel == 1 {
                local = try gradients(node, try Tensor.ones(gradient.shape, dtype: gradient.dtype), output: arrivedAt)[i]
            }
            if case .node(_, let k) = node.nextFunctions[i] { arrivedAt = k }
            steps.append(Step(output: output, input: inputs[i],
                              opName: node.className, formula: ExplanationFormulas.local(node, i, inputs), local: local,
                              gradient: next, broadcast: broadcast(node, i, outputShape: gradient.shape)))
            gradient = next
        }
        return Path(steps: steps, seed: seed, result: gradient)
    }

    /// The gradient at each op that leads to the leaf, in an order where each op comes after
    /// all its consumers (reverse-mode accumulation over that part of the graph).
    /// A node with several outputs runs once per output that a gradient arrived at.
    private static func summary(_ root: Node, output rootOutput: Int, seed: Tensor, leaf: Tensor, total: Int,
                                counts: [ObjectIdentifier: Int], names: ExplanationNames) throws -> Body {
        var waiting: [ObjectIdentifier: Int] = [:]
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var stack = [root]
        while let node = stack.popLast() {
            for case .node(let next, _) in node.nextFunctions where (counts[ObjectIdentifier(next)] ?? 0) > 0 {
                waiting[ObjectIdentifier(next), default: 0] += 1
                if seen.insert(ObjectIdentifier(next)).inserted { stack.append(next) }
            }
        }
        // The gradient arrived at each output of each node, by output index.
        var arrived: [ObjectIdentifier: [Int: Tensor]] = [ObjectIdentifier(root): [rootOutput: seed]]
        var ready = [root]
        var steps: [Step] = []
        var sum: Tensor?
        while !ready.isEmpty {
            let node = ready.removeFirst()
            for (k, gradient) in (arrived[ObjectIdentifier(node)] ?? [:]).sorted(by: { $0.key < $1.key }) {
                steps.append(Step(output: names.output(of: node, k), input: nil, opName: node.className,
                                  formula: nil, local: nil, gradient: gradient, broadcast: nil))
                let results = try gradients(node, gradient, output: k)
                for (i, edge) in node.nextFunctions.enumerated() {
                    guard i < results.count, let g = results[i] else { continue }
                    switch edge {
                    case .accumulateGrad(let t) where t === leaf:
                        sum = try sum.map { try $0.add(g) } ?? g
                    case .node(let next, let nextOutput) where (counts[ObjectIdentifier(next)] ?? 0) > 0:
                        let key = ObjectIdentifier(next)
                        arrived[key, default: [:]][nextOutput] = try arrived[key]?[nextOutput].map { try $0.add(g) } ?? g
                    default: break
                    }
                }
            }
            for case .node(let next, _) in node.nextFunctions where (counts[ObjectIdentifier(next)] ?? 0) > 0 {
                let key = ObjectIdentifier(next)
                waiting[key, default: 1] -= 1
                if waiting[key] == 0 { ready.append(next) }
            }
        }
        guard let sum else { return .unreachable }
        return .summary(pathCount: total, steps: steps, sum: sum)
    }

    /// The node's input gradients for `gradient`, that of its output `output`, or a `Gap`
    /// saying why they cannot be had.
    private static func gradients(_ node: Node, _ gradient: Tensor, output: Int) throws -> [Tensor?] {
        switch try node.explanationGradients(gradient, output: output) {
        case .gradients(let results): return results
        case .freed:
            throw Gap(node: node.className, reason: "its saved values were freed: backward ran before passes were recorded (import grad\n  first), or they went through saved-tensor hooks")
        case .hooked:
            throw Gap(node: node.className, reason: "its saved tensors went through saved-tensor hooks, which an explanation does not run")
        case .modified(let t):
            throw Gap(node: node.className, reason: "a tensor it saved (shape \(ExplanationText.shape(t.shape))) was changed in place after the forward pass")
        }
    }

    /// The dims summed when input `i` was broadcast to the output's shape.
    private static func broadcast(_ node: Node, _ i: Int, outputShape: [Int]) -> (dims: [Int], from: [Int], to: [Int])? {
        let inputShape = node.inputShapes[i]
        guard ExplanationFormulas.broadcasts(node, i), inputShape != outputShape, inputShape.count <= outputShape.count else { return nil }
        let lead = outputShape.count - inputShape.count
        var dims = Array(0..<lead)
        for (k, extent) in inputShape.enumerated() where extent == 1 && outputShape[lead + k] != 1 { dims.append(lead + k) }
        return dims.isEmpty ? nil : (dims, inputShape, outputShape)
    }
}
