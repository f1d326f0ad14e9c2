/// Install points for the program that hosts the interpreter (the command line and the REPL): the
/// built-ins that belong to the host rather than to the language (`exit`, `quit`, a `help` that knows
/// the REPL) and the modules it provides (`sys`, whose `argv` only the command line knows).
extension Interpreter {
    /// Adds or replaces a built-in name.
    public func setBuiltin(_ name: String, _ value: Value) {
        builtinTable[name] = value
    }

    /// Makes a module importable under its name.
    public func addModule(_ module: PyModule) {
        moduleTable[module.name] = module
    }
}

extension Interpreter {
    /// The attribute names of a value, as `dir(value)` lists them (for completion after a dot).
    public func attributeNames(of value: Value) -> [String] {
        IntrospectionFunctions.attributeNames(of: value, self)
    }

    /// `callable(value)`.
    public func isCallable(_ value: Value) -> Bool {
        IntrospectionFunctions.isCallable(value)
    }

    /// Whether `name` is a method of the value's type (or a callable in a module), found without
    /// running any property getter (completion must not compute `x.T`).
    public func isMethod(_ name: String, of value: Value) -> Bool {
        if case .object(let m as PyModule) = value { return m.attributes[name].map(isCallable) ?? false }
        return attributes.method(TypeKey(value), name) != nil
    }
}

extension Signature {
    /// `name(a, b=1, *args, key=None)`, as `help()` shows it.
    public var text: String { Help.signatureText(self) }
}
