import GradTensor

/// `%graph`'s picture of a graph in the terminal: a tree from each output down to its leaves, one
/// node a line, inputs in `next_functions` order. A node reached again is drawn once and referred
/// to (`↑ see [2]`); a chain that repeats three times or more (the layers of a deep network) is
/// drawn once, then a line saying how much was folded, then its last copy; a subtree that would
/// start too far right is drawn below as a block of its own.
public struct GraphDrawing {
    /// Box-drawing characters and arrows; plain ASCII otherwise.
    public var unicode: Bool
    /// ANSI colour.
    public var colour: Bool
    /// Each node's saved values under it (`%graph -s`).
    public var showSaved: Bool

    public init(unicode: Bool, colour: Bool, showSaved: Bool) {
        self.unicode = unicode
        self.colour = colour
        self.showSaved = showSaved
    }

    /// A chain is folded when it repeats at least this many times.
    static let foldingRepeats = 3
    /// The longest repeating unit looked for, in nodes.
    static let longestRepeatingUnit = 8

    /// A node whose inputs would start further right than this many columns is drawn as a block
    /// of its own below the tree (`⤵ continued below`), so that deep graphs stay narrow.
    static let deepestIndent = 36

    /// One line of the tree still to draw.
    private struct Item {
        let function: Int
        let prefix: String
        let last: Bool
    }

    /// Where a folded chain's second copy would start: the note that replaces it and the first
    /// node of its last copy, drawn under the note.
    private struct Fold {
        let note: String
        let resumeAt: Int
    }

    /// The drawing so far.
    private struct Canvas {
        var lines: [String] = []
        /// Reference numbers: of shared nodes, and of nodes continued below.
        var numbers: [Int: Int]
        var drawn = Set<Int>()
        var inFoldedChain = Set<Int>()
        var folds: [Int: Fold] = [:]
        var work: [Item] = []
        /// Nodes to draw as blocks of their own once the current tree is done.
        var continued: [Int] = []
    }

    /// The picture; `title` names an output that has no name of its own (the expression typed;
    /// `title[i]` for the i-th of several).
    public func draw(_ graph: GraphSnapshot, title: String) -> String {
        var canvas = Canvas(numbers: sharedFunctions(graph))
        for (position, output) in graph.outputs.prefix(graph.givenOutputCount).enumerated() {
            let tensor = graph.tensors[output.tensor]
            let fallback = graph.givenOutputCount == 1 ? title : "\(title)[\(position)]"
            canvas.lines.append(paint(tensor.name ?? fallback, .name) + "  " + paint(describe(tensor), .dim))
            guard let root = output.function else {
                canvas.lines.append(tensor.tensor.requiresGrad
                    ? "a leaf: no grad_fn; backward accumulates its gradient in .grad"
                    : "does not require grad: no graph was recorded for it")
                continue
            }
            canvas.work.append(Item(function: root, prefix: "", last: true))
            while true {
                if let item = canvas.work.popLast() {
                    drawItem(item, graph, &canvas)
                } else if !canvas.continued.isEmpty {
                    let index = canvas.continued.removeFirst()
                    let number = canvas.numbers[index].map { paint("[\($0)]", .note) + " " } ?? ""
                    canvas.lines.append(number + label(graph.functions[index], number: nil, graph))
                    expand(index, childPrefix: "", graph, &canvas)
                } else {
                    break
                }
            }
        }
        return canvas.lines.joined(separator: "\n") + "\n"
    }

    /// One node's line: a fold note, a reference to a node drawn already, a node continued
    /// below, or the node with its inputs to follow.
    private func drawItem(_ item: Item, _ graph: GraphSnapshot, _ canvas: inout Canvas) {
        let index = item.function, function = graph.functions[index]
        let head = item.prefix + connector(item.last)
        let childPrefix = item.prefix + (item.last ? "   " : (unicode ? "│  " : "|  "))
        if let fold = canvas.folds[index] {
            canvas.lines.append(head + paint(fold.note, .note))
            canvas.work.append(Item(function: fold.resumeAt, prefix: childPrefix, last: true))
            return
        }
        if canvas.drawn.contains(index), let number = canvas.numbers[index] {
            canvas.lines.append(head + paint((unicode ? "↑ see " : "^ see ") + "[\(number)]", .note)
                                + " " + paint(function.name, .function))
            return
        }
        canvas.drawn.insert(index)
        if childPrefix.count > Self.deepestIndent, !function.inputs.isEmpty {
            let number = canvas.numbers[index] ?? canvas.numbers.count + 1
            canvas.numbers[index] = number
            canvas.continued.append(index)
            canvas.lines.append(head + paint(function.name, .function) + " "
                                + paint("[\(number)] " + (unicode ? "⤵ " : "") + "continued below", .note))
            return
        }
        canvas.lines.append(head + label(function, number: canvas.numbers[index], graph))
        expand(index, childPrefix: childPrefix, graph, &canvas)
    }

    /// What comes under a node's line: its saved values (`-s`) and its inputs, with a fold
    /// noted where a chain starts repeating here.
    private func expand(_ index: Int, childPrefix: String, _ graph: GraphSnapshot, _ canvas: inout Canvas) {
        let function = graph.functions[index]
        if showSaved {
            let rail = function.inputs.isEmpty ? " " : (unicode ? "│" : "|")
            for saved in function.saved {
                canvas.lines.append(childPrefix + rail + "  " + paint(savedText(saved, graph), .dim))
            }
            if function.savedFailure != nil {
                canvas.lines.append(childPrefix + rail + "  " + paint("saved values freed by backward", .dim))
            }
        }
        if !canvas.inFoldedChain.contains(index), let run = repetition(from: index, graph) {
            canvas.inFoldedChain.formUnion(run.chain.prefix(run.unit))
            let hidden = run.copies - 2
            let unit = run.unit == 1 ? "the node above" : "the \(run.unit) nodes above"
            canvas.folds[run.chain[run.unit]] = Fold(
                note: (unicode ? "┄ " : "~ ") + "\(hidden) more cop\(hidden == 1 ? "y" : "ies") of \(unit), "
                    + "folded (\(hidden * run.unit) nodes)",
                resumeAt: run.chain[run.unit * (run.copies - 1)])
        }
        for (i, input) in function.inputs.enumerated().reversed() {
            canvas.work.append(Item(function: input, prefix: childPrefix, last: i == function.inputs.count - 1))
        }
    }

    // MARK: Folding

    /// The input a chain continues through: the first one that is an operation, not a leaf.
    private func trunk(of index: Int, _ graph: GraphSnapshot) -> Int? {
        graph.functions[index].inputs.first { graph.functions[$0].variable == nil }
    }

    /// What two nodes of a chain must share to be copies of each other: their name and the names
    /// of their other inputs.
    private func signature(_ index: Int, _ graph: GraphSnapshot) -> [String] {
        let function = graph.functions[index]
        let trunkInput = trunk(of: index, graph)
        return [function.name] + function.inputs.filter { $0 != trunkInput }.map { graph.functions[$0].name }
    }

    /// The shortest unit that repeats at least `foldingRepeats` times down the chain from
    /// `start`, with the chain (at least `unit × copies` nodes long) and the number of copies.
    private func repetition(from start: Int, _ graph: GraphSnapshot) -> (chain: [Int], unit: Int, copies: Int)? {
        var chain = [start]
        var signatures = [signature(start, graph)]
        // Extends the chain to `count` nodes if it is that long.
        func reach(_ count: Int) -> Bool {
            while chain.count < count {
                guard let next = trunk(of: chain[chain.count - 1], graph) else { return false }
                chain.append(next)
                signatures.append(signature(next, graph))
            }
            return true
        }
        for unit in 1...Self.longestRepeatingUnit {
            var matched = 0
            while reach(unit + matched + 1), signatures[matched] == signatures[unit + matched] { matched += 1 }
            let copies = 1 + matched / unit
            if copies >= Self.foldingRepeats { return (chain, unit, copies) }
        }
        return nil
    }

    // MARK: Lines

    /// Nodes reached more than once, numbered in the order the drawing meets them.
    private func sharedFunctions(_ graph: GraphSnapshot) -> [Int: Int] {
        var uses = [Int](repeating: 0, count: graph.functions.count)
        for output in graph.outputs.prefix(graph.givenOutputCount) {
            if let root = output.function { uses[root] += 1 }
        }
        for function in graph.functions { for input in function.inputs { uses[input] += 1 } }
        var numbers: [Int: Int] = [:]
        // Functions are numbered in depth-first preorder, the order the drawing meets them.
        for index in uses.indices where uses[index] > 1 { numbers[index] = numbers.count + 1 }
        return numbers
    }

    private func connector(_ last: Bool) -> String {
        unicode ? (last ? "└─ " : "├─ ") : (last ? "`- " : "|- ")
    }

    /// `MulBackward0 [2]`, or `AccumulateGrad ← w [3] float32` for a leaf.
    private func label(_ function: GraphSnapshot.Function, number: Int?, _ graph: GraphSnapshot) -> String {
        var text = paint(function.name, function.variable == nil ? .function : .accumulate)
        if let number { text += " " + paint("[\(number)]", .note) }
        if let variable = function.variable {
            let leaf = graph.tensors[variable]
            text += (unicode ? " ← " : " <- ") + (leaf.name.map { paint($0, .name) + " " } ?? "") + paint(describe(leaf), .dim)
        }
        return text
    }

    /// `self = x [4, 3] float32`, `alpha = 1`.
    private func savedText(_ saved: GraphSnapshot.Saved, _ graph: GraphSnapshot) -> String {
        switch saved.value {
        case .tensor(let index):
            let tensor = graph.tensors[index]
            return "saved \(saved.name) = " + (tensor.name.map { $0 + " " } ?? "") + describe(tensor)
        case .text(let text):
            return "saved \(saved.name) = \(text)"
        }
    }

    /// `[3, 4] float32`.
    private func describe(_ tensor: GraphSnapshot.TensorVertex) -> String {
        "[" + tensor.shape.map(String.init).joined(separator: ", ") + "] " + tensor.dtype.shortName
    }

    private enum Paint {
        case name, function, accumulate, dim, note

        var code: String {
            switch self {
            case .name: return "\u{1B}[1;32m"
            case .function: return "\u{1B}[36m"
            case .accumulate: return "\u{1B}[34m"
            case .dim: return "\u{1B}[2m"
            case .note: return "\u{1B}[33m"
            }
        }
    }

    private func paint(_ text: String, _ paint: Paint) -> String {
        colour ? paint.code + text + "\u{1B}[0m" : text
    }
}
