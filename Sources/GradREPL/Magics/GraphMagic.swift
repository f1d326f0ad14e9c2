import GradLang

/// `%graph [-s] EXPR [-o FILE]`: the autograd graph behind a tensor (or a tuple of them), drawn in
/// the terminal as a tree, or written as DOT text (`.dot`) or through Graphviz (`.svg`, `.png`,
/// `.pdf`). `-s` adds each node's saved values. Leaves are named by the session's globals.
struct GraphMagic {
    let session: Session
    static let usage = "UsageError: %graph [-s] EXPR [-o FILE.svg|.png|.pdf|.dot]\n"
    static let variable = "__grad_graph__"

    func run(_ argument: String) -> RunOutcome {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let showSaved = words.first == "-s"
        if showSaved { words.removeFirst() }
        var file: String?
        if words.count >= 2, words[words.count - 2] == "-o" {
            file = words.removeLast()
            words.removeLast()
        }
        let expression = words.joined(separator: " ")
        guard !expression.isBlank else {
            session.writeError(Self.usage)
            return .finished
        }
        let evaluated = session.runScript(source: "\(Self.variable) = (\(expression))\n", filename: "<magic-graph>")
        guard evaluated == .finished else { return evaluated }
        let value = session.globals[Self.variable]
        session.globals[Self.variable] = nil
        var names = TensorNames.names(in: session.globals, interpreter: session.interpreter)
        // `%graph x` titles the picture x even when another name is bound to the same tensor.
        if expression.isIdentifier, case .tensor(let tensor)? = value { names[ObjectIdentifier(tensor)] = expression }
        guard let value, let graph = GraphSnapshot(of: value, names: names) else {
            session.writeError("UsageError: %graph draws the graph behind a tensor; \(expression) is a \(value?.typeName ?? "None")\n")
            return .finished
        }
        if let file {
            write(graph, to: file, showSaved: showSaved)
        } else {
            let fancy = Terminal.allowsColour(1)
            session.writeOutput(GraphDrawing(unicode: fancy, colour: fancy, showSaved: showSaved).draw(graph, title: expression))
        }
        return .finished
    }

    /// `.dot`: the DOT text; `.svg`, `.png`, `.pdf`: the DOT text drawn by Graphviz's `dot`.
    private func write(_ graph: GraphSnapshot, to file: String, showSaved: Bool) {
        let source = DotWriter(showSaved: showSaved).source(of: graph)
        let parts = file.split(separator: ".")
        let format = parts.count > 1 ? parts[parts.count - 1].lowercased() : ""
        do {
            if format == "dot" || format == "gv" {
                try DotRendering.write(source, to: file)
                session.writeOutput("Wrote \(file) (DOT text)\n")
                return
            }
            guard ["svg", "png", "pdf"].contains(format) else {
                session.writeError("UsageError: %graph -o writes .svg, .png, .pdf or .dot files, not '\(file)'\n")
                return
            }
            let dotFile = file + ".dot"
            try DotRendering.write(source, to: dotFile)
            defer { try? DotRendering.remove(dotFile) }
            switch DotRendering.render(dotFile: dotFile, format: format, to: file) {
            case .success: session.writeOutput("Wrote \(file)\n")
            case .failure(let failure): session.writeError("%graph: " + DotRendering.describe(failure, format: format) + "\n")
            }
        } catch {
            session.writeError("%graph: cannot write \(file): \(error)\n")
        }
    }
}
