/// A module's namespace as a dict (`globals()`, the dicts `exec` and `eval` run in). grad keeps
/// globals in slots that compiled code reads directly (see GlobalSlot), so the dict is a copy
/// whose changes are written through to the slots (see PyDict+Owner), refreshed from them each
/// time `globals()` is called and after each `exec`/`eval` in it.
extension Globals {
    /// `globals()`: the same dict object for as long as something holds it (as CPython's module
    /// dict is always the same), with the variables' current values.
    func dict(_ interpreter: Interpreter) throws -> PyDict {
        if let d = dictView {
            try refresh(d)
            return d
        }
        let d = PyDict()
        // What CPython's `__main__` has before the script's first line runs, first, as CPython lists it.
        let header: [Value] = [
            self["__name__"] ?? .str("__main__"), .none, .none, .none, .none, .object(PyDict()),
            .object(interpreter.builtinsModule),
        ]
        for (name, value) in zip(Globals.headerNames, header) { try d.set(.str(name), value) }
        // A script's (a file's or piped stdin's, not `-c` code's) has its file next.
        if let file = self["__file__"] {
            try d.set(.str("__file__"), file)
            try d.set(.str("__cached__"), .none)
        }
        d.owner = .module(ModuleNamespace(shared: self))
        dictView = d
        try refresh(d)
        return d
    }

    /// The names a module's dict starts with (the values grad gives `__loader__` and `__spec__`
    /// are None).
    private static let headerNames = ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__"]
    /// The dict's names that no variable stands for, unless the program binds one.
    private static let namesBesideSlots = Set(headerNames + ["__cached__"])

    /// The variables of the dict `d` that code in `exec(source, d)` or `eval(source, d)` reads
    /// and writes: the program's own when `d` came from `globals()`, else variables made from
    /// `d`'s entries (with `__builtins__` added to `d`, as CPython adds it), which stay linked to
    /// `d` for later calls and for the functions defined there.
    static func of(_ d: PyDict, _ interpreter: Interpreter) throws -> Globals {
        switch d.owner {
        case .module(let namespace)?:
            if let globals = namespace.globals { return globals }
        case .instance?, .classBody?:
            // An instance's `__dict__`, a class body's `locals()`: a namespace of its own,
            // copied back through the dict.
            return try filled(from: d)
        case nil:
            break
        }
        if try d.get(.str("__builtins__")) == nil { try d.set(.str("__builtins__"), .object(interpreter.builtinsModule)) }
        let globals = try filled(from: d)
        d.owner = .module(ModuleNamespace(owned: globals))
        globals.dictView = d
        return globals
    }

    private static func filled(from d: PyDict) throws -> Globals {
        let globals = Globals(collectsWhenFreed: false)
        for (key, value) in d.entries { if case .str(let name) = key { globals[name.string] = value } }
        return globals
    }

    /// Copies the variables into `d`: bound ones set, unbound ones removed. A dict of the module
    /// is not written back to (its slots are what it copies); a dict of another namespace is.
    func refresh(_ d: PyDict) throws {
        let owner = d.owner
        if case .module? = owner { d.owner = nil }
        defer { d.owner = owner }
        for name in order {
            if let value = slots[name]?.value {
                try d.set(.str(name), value)
            } else if !Globals.namesBesideSlots.contains(name) {
                try d.remove(.str(name))
            }
        }
    }
}
