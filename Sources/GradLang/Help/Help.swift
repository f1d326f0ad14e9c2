/// `help()`: a short, honest description of grad's built-ins followed by what the host adds
/// (`Interpreter.helpTopics`: the REPL's keys and magics), and `help(obj)` for one object: torch's
/// objects with their descriptions (`TorchHelp`, `TorchDocs`), others with their signature when
/// built in, their docstring when defined in Python, their methods when a type or a module.
enum Help {
    static var function: PyBuiltin { PyBuiltin("help(request=<unset>, /)") { args in
        let interpreter = args.interpreter
        guard let request = args.given("request") else {
            try (interpreter.writeHelp ?? interpreter.writeOutput)(overview(interpreter) + "\n" + interpreter.helpTopics)
            return .none
        }
        try (interpreter.writeHelp ?? interpreter.writeOutput)(TorchHelp(interpreter: interpreter).describe(request)
                                ?? describe(request, interpreter) + "\n")
        return .none
    } }

    private static func overview(_ interpreter: Interpreter) -> String {
        var functions: [String] = [], types: [String] = [], exceptions: [String] = []
        for (name, value) in interpreter.builtins {
            guard case .object(let o) = value else { continue }
            switch o {
            case is PyBuiltin: functions.append(name)
            case is PyTypeObject: types.append(name)
            case is PyClass: exceptions.append(name)
            default: break
            }
        }
        return """
        grad runs a small Python with PyTorch-style tensors. Type help(x) for help on x, for
        example help(len), help(str) or help(math).

        Built-in functions:
        \(wrapped(functions.sorted()))

        Built-in types:
        \(wrapped(types.sorted()))

        Exceptions:
        \(wrapped(exceptions.sorted()))

        Modules (import NAME):
        \(wrapped(Set(interpreter.modules.keys).union(interpreter.moduleMakers.keys).sorted()))
        """
    }

    private static func describe(_ value: Value, _ interpreter: Interpreter) -> String {
        switch value {
        case .object(let b as PyBuiltin):
            return "Help on built-in function \(b.name):\n\n\(signatureText(b.shownSignature))"
        case .object(let d as PyMethodDescriptor):
            return "Help on method_descriptor:\n\n\(signatureText(d.function.shownSignature))"
        case .object(let m as PyBoundMethod):
            return "Help on built-in method \(m.function.name) of \(m.receiver.typeName) object:\n\n\(signatureText(m.function.shownSignature))"
        case .object(let f as PyFunction):
            var text = "Help on function \(f.name) in module __main__:\n\n\(signatureText(f.signature, defaults: f.defaults))\n"
            if let doc = f.docstring.map(cleanedDocstring), !doc.isEmpty {
                text += doc.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    String(("    " + line).reversed().drop { $0 == " " }.reversed()) + "\n"
                }.joined()
            }
            return text
        case .object(let t as PyTypeObject):
            var text = "Help on class \(t.name):\n\nclass \(t.qualifiedName)"
            if let constructor = t.constructor { text += "\n |  \(signatureText(constructor.shownSignature))" }
            let names = publicNames(of: value, interpreter)
            if !names.isEmpty { text += "\n |\n |  Methods and attributes:\n\(wrapped(names, indent: " |      "))" }
            return text
        case .object(let c as PyClass): return describe(c)
        case .object(let i as PyInstance): return describe(i.cls)
        case .object(let m as PyModule):
            return "Help on module \(m.name):\n\nNAME\n    \(m.name)\n\nCONTENTS\n\(wrapped(m.attributes.keys.sorted(), indent: "    "))"
        default:
            let names = publicNames(of: value, interpreter)
            var text = "Help on \(value.typeName) object:\n\n\(Repr.repr(value))"
            if !names.isEmpty { text += "\n\nMethods and attributes:\n\(wrapped(names, indent: "    "))" }
            return text
        }
    }

    /// What help lists of a built-in value's attributes: not its special methods.
    private static func publicNames(of value: Value, _ interpreter: Interpreter) -> [String] {
        IntrospectionFunctions.attributeNames(of: value, interpreter).filter { !$0.hasPrefix("__") }
    }

    /// A class as pydoc shows it: its bases, docstring, the methods it defines (signature and
    /// docstring) and its other attributes, then what it inherits, by base.
    private static func describe(_ c: PyClass) -> String {
        let bases = c.bases.isEmpty ? "builtins." + (c.nativeBase ?? BuiltinTypes.object).name : c.bases.map(\.displayName).joined(separator: ", ")
        var lines = ["class \(c.name)(\(bases))"]
        func add(_ text: String = "") { lines.append(text.isEmpty ? " |" : " |  " + text) }
        if case .object(let f as PyFunction)? = c.lookup("__init__") {
            add(signatureText(f.signature, defaults: f.defaults).replacingOccurrences(of: f.qualifiedName + "(self, ", with: c.name + "(")
                .replacingOccurrences(of: f.qualifiedName + "(self)", with: c.name + "()"))
            add()
        }
        if case .str(let doc)? = c.namespace["__doc__"] {
            for line in cleanedDocstring(doc.string).split(separator: "\n", omittingEmptySubsequences: false) { add(String(line)) }
            add()
        }
        if c.mro.count > 1 {
            add("Method resolution order:")
            for k in c.mro { add("    " + k.displayName) }
            if let native = c.nativeBase { add("    builtins." + native.name) }
            add("    builtins.object")
            add()
        }
        var methods: [String] = [], data: [String] = []
        // What every class has, which pydoc does not list.
        let bookkeeping: Set = ["__module__", "__doc__", "__dict__", "__weakref__"]
        for (name, value) in c.namespace.entries where !bookkeeping.contains(name) {
            switch value {
            case .object(let f as PyFunction):
                methods.append(signatureText(f.signature, defaults: f.defaults).replacingOccurrences(of: f.qualifiedName + "(", with: name + "("))
                if let doc = f.docstring.map(cleanedDocstring), !doc.isEmpty {
                    methods += doc.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
                }
                methods.append("")
            case .object(let o) where o is PyProperty || o is PyStaticMethod || o is PyClassMethod:
                methods.append("\(name) (\(o.typeName))")
                methods.append("")
            default:
                data.append("\(name) = \(Repr.repr(value))")
            }
        }
        if !methods.isEmpty {
            add("Methods defined here:")
            add()
            methods.forEach(add)
        }
        if !data.isEmpty {
            add("Data and other attributes defined here:")
            add()
            data.forEach { add($0); add() }
        }
        for base in c.mro.dropFirst() where !base.namespace.names.isEmpty {
            let names = base.namespace.names.filter { !bookkeeping.contains($0) }
            if names.isEmpty { continue }
            add("Inherited from \(base.displayName):")
            add()
            add(names.joined(separator: ", "))
            add()
        }
        while lines.last == " |" { lines.removeLast() }
        return "Help on class \(c.name) in module \(c.moduleName):\n\n" + lines.joined(separator: "\n")
    }

    /// `name(a, b=1, *args, key=None)` back from a parsed signature; `<unset>` defaults show as
    /// `[name]`; a user function's evaluated `defaults` (by parameter index) show as their reprs.
    static func signatureText(_ s: Signature, defaults: [Int: Value] = [:]) -> String {
        var parts: [String] = []
        var keywordOnlyMarked = false
        for (i, p) in s.parameters.enumerated() {
            switch p.kind {
            case .varargs: parts.append("*" + p.name); keywordOnlyMarked = true
            case .varkw: parts.append("**" + p.name)
            case .keywordOnly, .positional:
                if p.kind == .keywordOnly && !keywordOnlyMarked { parts.append("*"); keywordOnlyMarked = true }
                parts.append(defaults[i].map { "\(p.name)=\(Repr.repr($0))" } ?? parameterText(p))
            }
            let next = i + 1 < s.parameters.count ? s.parameters[i + 1] : nil
            if p.positionalOnly && next?.positionalOnly != true { parts.append("/") }
        }
        return "\(s.name)(\(parts.joined(separator: ", ")))"
    }

    private static func parameterText(_ p: Signature.Parameter) -> String {
        switch p.literalDefault {
        case nil: return p.name
        case .unset?: return "[\(p.name)]"
        case .none?: return "\(p.name)=None"
        case .bool(let b)?: return "\(p.name)=\(b ? "True" : "False")"
        case .int(let i)?: return "\(p.name)=\(i)"
        case .float(let d)?: return "\(p.name)=\(Repr.repr(.float(d)))"
        case .str(let t)?: return "\(p.name)=\(Repr.string(t))"
        }
    }

    /// `inspect.cleandoc`: the first line stripped, the rest dedented by their common indentation,
    /// blank lines at either end dropped.
    static func cleanedDocstring(_ doc: String) -> String {
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }
        let margin = lines.dropFirst().filter { !$0.allSatisfy { $0 == " " } }.map { indent($0[...]) }.min() ?? 0
        var cleaned = [String(lines.first?.drop { $0 == " " } ?? "")]
            + lines.dropFirst().map { String($0.dropFirst(Swift.min(margin, indent($0[...])))) }
        while cleaned.first?.allSatisfy({ $0 == " " }) == true { cleaned.removeFirst() }
        while cleaned.last?.allSatisfy({ $0 == " " }) == true { cleaned.removeLast() }
        return cleaned.joined(separator: "\n")
    }

    /// Names joined by commas, wrapped at 76 columns.
    private static func wrapped(_ names: [String], indent: String = "    ") -> String {
        var lines: [String] = [], line = indent
        for (k, name) in names.enumerated() {
            let piece = name + (k + 1 < names.count ? "," : "")
            if line.count + piece.count + 1 > 76 && line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + piece
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
