/// The DOT text torchviz's `make_dot` gives for a graph, node for node and in the same order
/// (its colours, labels and `size`), with node ids numbered from 1 in order of appearance where
/// torchviz writes Python `id()`s. `%graph -o` writes the same text.
public struct DotWriter {
    public var showAttributes = false
    public var showSaved = false
    /// Longest attribute value shown whole (`max_attr_chars`); longer ones end in `...`.
    public var maximumAttributeCharacters = 50

    public init(showAttributes: Bool = false, showSaved: Bool = false, maximumAttributeCharacters: Int = 50) {
        self.showAttributes = showAttributes
        self.showSaved = showSaved
        self.maximumAttributeCharacters = maximumAttributeCharacters
    }

    private enum Vertex: Hashable {
        case tensor(Int)
        case function(Int)
    }

    /// What is being written: the statements so far and the ids given.
    private struct Text {
        var body: [String] = []
        var ids: [Vertex: Int] = [:]

        mutating func id(_ vertex: Vertex) -> String {
            if let id = ids[vertex] { return String(id) }
            ids[vertex] = ids.count + 1
            return String(ids.count)
        }

        mutating func node(_ vertex: Vertex, label: String, fillColour: String? = nil) {
            var line = "\t\(id(vertex)) [label=\(DotWriter.quote(label))"
            if let fillColour { line += " fillcolor=\(fillColour)" }
            body.append(line + "]\n")
        }

        mutating func edge(_ tail: Vertex, _ head: Vertex, attributes: String? = nil) {
            body.append("\t\(id(tail)) -> \(id(head))" + (attributes.map { " [\($0)]" } ?? "") + "\n")
        }
    }

    public func source(of graph: GraphSnapshot) -> String {
        var text = Text()
        var seenFunctions = Set<Int>(), seenTensors = Set<Int>()
        for output in 0..<graph.givenOutputCount {
            addOutput(output, colour: "darkolivegreen1", graph, &text, &seenFunctions, &seenTensors)
        }
        // torchviz's `resize_graph`: 0.15 inch a statement, at least 12 inches.
        let rows = Double(text.body.count) * 0.15
        let size = rows > 12 ? Repr.str(.float(rows)) : "12"
        return "digraph {\n\tgraph [size=\"\(size),\(size)\"]\n"
            + "\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]\n"
            + text.body.joined() + "}\n"
    }

    /// torchviz's `add_base_tensor`: the tensor, the graph behind it, and the base it is a view of.
    private func addOutput(_ index: Int, colour: String, _ graph: GraphSnapshot, _ text: inout Text,
                           _ seenFunctions: inout Set<Int>, _ seenTensors: inout Set<Int>) {
        let output = graph.outputs[index]
        guard seenTensors.insert(output.tensor).inserted else { return }
        text.node(.tensor(output.tensor), label: tensorLabel(graph.tensors[output.tensor]), fillColour: colour)
        if let function = output.function {
            addFunctions(from: function, graph, &text, &seenFunctions, &seenTensors)
            text.edge(.function(function), .tensor(output.tensor))
        }
        if let base = output.base {
            addOutput(base, colour: "darkolivegreen3", graph, &text, &seenFunctions, &seenTensors)
            text.edge(.tensor(graph.outputs[base].tensor), .tensor(output.tensor), attributes: "style=dotted")
        }
    }

    /// torchviz's `add_nodes`, walked with a stack rather than recursion: a node's saved tensors,
    /// its leaf, itself, then for each input the edge and the input's own nodes.
    private func addFunctions(from root: Int, _ graph: GraphSnapshot, _ text: inout Text,
                              _ seenFunctions: inout Set<Int>, _ seenTensors: inout Set<Int>) {
        var stack: [(function: Int, nextInput: Int)] = []
        func enter(_ index: Int) {
            guard seenFunctions.insert(index).inserted else { return }
            let function = graph.functions[index]
            if showSaved {
                for saved in function.saved {
                    guard case .tensor(let tensor) = saved.value else { continue }
                    seenTensors.insert(tensor)
                    text.edge(.function(index), .tensor(tensor), attributes: "dir=none")
                    text.node(.tensor(tensor), label: tensorLabel(graph.tensors[tensor], name: saved.name), fillColour: "orange")
                }
            }
            if let variable = function.variable {
                seenTensors.insert(variable)
                text.node(.tensor(variable), label: tensorLabel(graph.tensors[variable]), fillColour: "lightblue")
                text.edge(.tensor(variable), .function(index))
            }
            text.node(.function(index), label: functionLabel(function))
            stack.append((index, 0))
        }
        enter(root)
        while let top = stack.last {
            let inputs = graph.functions[top.function].inputs
            guard top.nextInput < inputs.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].nextInput += 1
            text.edge(.function(inputs[top.nextInput]), .function(top.function))
            enter(inputs[top.nextInput])
        }
    }

    /// `name\n (3, 4)`: the name (empty when there is none), then the shape.
    private func tensorLabel(_ tensor: GraphSnapshot.TensorVertex, name: String? = nil) -> String {
        (name ?? tensor.name ?? "") + "\n (" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// The node's class name and, with `show_attrs`, a table of its saved values.
    private func functionLabel(_ function: GraphSnapshot.Function) -> String {
        guard showAttributes, !function.saved.isEmpty else { return function.name }
        let rows = function.saved.map { saved -> (String, String) in
            switch saved.value {
            case .tensor: return (saved.name, "[saved tensor]")
            case .text(let text): return (saved.name, text)
            }
        }
        let keyWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = min(rows.map(\.1.count).max() ?? 0, max(maximumAttributeCharacters, 3))
        let rule = String(repeating: "-", count: max(keyWidth + valueWidth + 2, function.name.count))
        let lines = rows.map { key, value in
            let shown = value.count > valueWidth ? value.prefix(valueWidth - 3) + "..." : value
            return key.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + ": "
                + String(repeating: " ", count: max(0, valueWidth - shown.count)) + shown
        }
        return ([function.name, rule] + lines).joined(separator: "\n")
    }

    /// An ID as the Python `graphviz` package writes it: bare when it is a DOT identifier or
    /// number and not a keyword, else in double quotes with unescaped quotes escaped.
    static func quote(_ identifier: String) -> String {
        if isBareIdentifier(identifier) && !keywords.contains(identifier.lowercased()) { return identifier }
        var escaped = ""
        var backslashes = 0
        for character in identifier {
            if character == "\"" && backslashes % 2 == 0 { escaped += "\\" }
            backslashes = character == "\\" ? backslashes + 1 : 0
            escaped.append(character)
        }
        return "\"" + escaped + "\""
    }

    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// `[a-zA-Z_][a-zA-Z0-9_]*` or `-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)`, the `graphviz` package's test.
    private static func isBareIdentifier(_ text: String) -> Bool {
        let characters = Array(text.unicodeScalars)
        guard let first = characters.first else { return false }
        let isLetter = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        let isDigit = { (c: Unicode.Scalar) in ("0"..."9").contains(c) }
        if isLetter(first) { return characters.allSatisfy { isLetter($0) || isDigit($0) } }
        var number = characters[...]
        if number.first == "-" { number = number.dropFirst() }
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(isDigit) }) else { return false }
        if parts.count == 1 { return !parts[0].isEmpty }
        return !parts[0].isEmpty || !parts[1].isEmpty
    }
}
