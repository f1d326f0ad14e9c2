/// `help(obj)` for torch's objects: a description with the signature for every torch function,
/// tensor method and tensor property, and lists for `help(torch)` and `help(torch.Tensor)`.
struct TorchHelp {
    private let interpreter: Interpreter
    /// Qualified names (`torch.nn.functional.relu`) of the torch module tree's objects, by identity.
    private let qualifiedNames: [ObjectIdentifier: String]

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
        qualifiedNames = TorchHelp.index(interpreter)
    }

    /// The help text for a torch object, or nil for everything else.
    func describe(_ value: Value) -> String? {
        switch value {
        case .tensor:
            return tensorClassHelp()
        case .object(let builtin as PyBuiltin):
            guard let name = qualifiedNames[ObjectIdentifier(builtin)] else { return nil }
            let module = name.split(separator: ".").dropLast().joined(separator: ".")
            return "Help on built-in function \(builtin.name) in module \(module):\n\n"
                + entry(builtin.signature.text, TorchDocs.description(of: name))
        case .object(let method as PyBoundMethod):
            guard case .tensor = method.receiver else { return nil }
            return "Help on method \(method.function.name) of Tensor:\n\n"
                + entry(method.function.signature.text, TorchDocs.description(of: "Tensor." + method.function.name))
        case .object(let node as PyGradNode):
            return Self.gradNodeHelp(node.node.name)
        case .object(let node as PyAccumulateGrad):
            return Self.gradNodeHelp(node.typeName)
        case .object(let module as PyModule):
            guard module.name == "torch" || module.name.hasPrefix("torch.") else { return nil }
            return moduleHelp(module)
        case .object(let object):
            guard let name = qualifiedNames[ObjectIdentifier(object)] else { return nil }
            if name == "torch.Tensor" { return tensorClassHelp() }
            guard let description = TorchDocs.description(of: name) else { return nil }
            return "Help on \(name):\n\n    \(description)\n"
        default:
            return nil
        }
    }

    /// `help(y.grad_fn)`: what a node of the autograd graph is and what backward() does with it.
    static func gradNodeHelp(_ name: String) -> String {
        """
        Help on \(name) object:

        class \(name)
         |  A node of the autograd graph. Each operation on tensors that require grad records
         |  one: `y.grad_fn` is the node of the operation that computed y, and its name says
         |  which operation it was and how its gradient is computed.
         |
         |  y.backward() starts at y's node with the gradient of y (1 for a scalar). Each node
         |  turns the gradient of its output into gradients of its inputs and passes them on
         |  along next_functions; AccumulateGrad nodes, one per leaf tensor that requires
         |  grad, add what reaches them to the leaf's .grad.
         |
         |  name()          the node's name, '\(name)'
         |  next_functions  one (node, 0) pair per input: the node that computed the input,
         |                  AccumulateGrad for a leaf that requires grad, None for an input
         |                  that needs no gradient
         |  metadata        a dict for the user's own notes
         |  variable        (AccumulateGrad only) the leaf tensor it accumulates into

        """
    }

    private func entry(_ signature: String, _ description: String?) -> String {
        signature + "\n" + (description.map { "    " + $0 + "\n" } ?? "")
    }

    /// `help(torch)`: its functions with one line each, then its types, constants and submodules.
    private func moduleHelp(_ module: PyModule) -> String {
        var functions: [(String, String)] = [], others: [String] = [], submodules: [String] = []
        for name in module.attributes.keys.sorted() where !name.hasPrefix("_") {
            switch module.attributes[name] {
            case .object(let m as PyModule)?: submodules.append(m.name)
            case .object(is PyBuiltin)?: functions.append((name, TorchDocs.description(of: "\(module.name).\(name)") ?? ""))
            default: others.append(name)
            }
        }
        var text = "Help on module \(module.name):\n\n"
        if !functions.isEmpty { text += "FUNCTIONS\n" + table(functions) + "\n" }
        if !others.isEmpty { text += "DATA AND TYPES\n    " + others.joined(separator: ", ") + "\n\n" }
        if !submodules.isEmpty { text += "SUBMODULES\n    " + submodules.joined(separator: ", ") + "\n\n" }
        return text + "help(\(module.name).NAME) shows one of them with its signature.\n"
    }

    /// `help(torch.Tensor)` or `help(x)`: the methods and properties, one line each.
    private func tensorClassHelp() -> String {
        guard let sample = sampleTensor() else { return "Help on class Tensor in module torch.\n" }
        var methods: [(String, String)] = [], properties: [(String, String)] = []
        for name in interpreter.attributeNames(of: sample) where !name.hasPrefix("_") {
            let line = (name, TorchDocs.description(of: "Tensor." + name) ?? "")
            if interpreter.isMethod(name, of: sample) { methods.append(line) } else { properties.append(line) }
        }
        return "Help on class Tensor in module torch:\n\n    \(TorchDocs.description(of: "torch.Tensor") ?? "")\n\n"
            + "METHODS\n" + table(methods) + "\nPROPERTIES\n" + table(properties)
            + "\nhelp(x.NAME) shows a method with its signature.\n"
    }

    private func table(_ rows: [(String, String)]) -> String {
        let width = min((rows.map(\.0.count).max() ?? 0) + 2, 24)
        return rows.map { name, description in
            let padding = String(repeating: " ", count: max(width - name.count, 1))
            return "    " + name + padding + description + "\n"
        }.joined()
    }

    private func sampleTensor() -> Value? {
        guard let zeros = interpreter.modules["torch"]?.attributes["zeros"] else { return nil }
        return try? interpreter.call(zeros, Arguments([.int(1)]))
    }

    private static func index(_ interpreter: Interpreter) -> [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        var pending: [(String, PyModule)] = interpreter.modules["torch"].map { [("torch", $0)] } ?? []
        var seen = Set<ObjectIdentifier>()
        // Breadth first and in name order, so an object under two names gets the shortest, first one.
        while !pending.isEmpty {
            let (prefix, module) = pending.removeFirst()
            guard seen.insert(ObjectIdentifier(module)).inserted else { continue }
            for (name, value) in module.attributes.sorted(by: { $0.key < $1.key }) {
                guard case .object(let object) = value else { continue }
                if let submodule = object as? PyModule {
                    pending.append((prefix + "." + name, submodule))
                } else if names[ObjectIdentifier(object)] == nil {
                    names[ObjectIdentifier(object)] = prefix + "." + name
                }
            }
        }
        return names
    }
}
