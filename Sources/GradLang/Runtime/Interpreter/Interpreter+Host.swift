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

    /// The parameters a call of `value` takes by keyword, in order (for completing `f(na` to
    /// `name=`): a function's or built-in's, a bound method's after its receiver, a class's
    /// `__init__`'s after `self`. Empty for anything else.
    public func keywordParameterNames(of value: Value) -> [String] {
        func names(_ signature: Signature, droppingReceiver: Bool) -> [String] {
            signature.parameters.dropFirst(droppingReceiver ? 1 : 0)
                .filter { ($0.kind == .positional && !$0.positionalOnly) || $0.kind == .keywordOnly }
                .map(\.name)
        }
        switch value {
        case .object(let f as PyFunction): return names(f.signature, droppingReceiver: false)
        case .object(let b as PyBuiltin): return names(b.signature, droppingReceiver: false)
        case .object(let m as PyBoundMethod): return names(m.function.signature, droppingReceiver: true)
        case .object(let d as PyMethodDescriptor): return names(d.function.signature, droppingReceiver: false)
        case .object(let t as PyTypeObject): return t.constructor.map { names($0.signature, droppingReceiver: false) } ?? []
        case .object(let m as PyMethod):
            guard case .object(let f as PyFunction) = m.function else { return [] }
            return names(f.signature, droppingReceiver: true)
        case .object(let c as PyClass):
            guard case .object(let f as PyFunction)? = c.lookup("__init__") else { return [] }
            return names(f.signature, droppingReceiver: true)
        default: return []
        }
    }
}

extension Signature {
    /// `name(a, b=1, *args, key=None)`, as `help()` shows it.
    public var text: String { Help.signatureText(self) }
}
