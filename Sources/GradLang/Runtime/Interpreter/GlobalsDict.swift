/// A module's namespace as a dict (`globals()`, the dicts `exec` and `eval` run in). grad keeps
/// globals in slots that compiled code reads directly (see GlobalSlot), so the dict is a copy
/// whose changes are written through to the slots (see PyDict+Owner) and which, read after the
/// slots were stored into, first catches up with them (see `ModuleNamespace.catchUp`).
extension Globals {
    /// `globals()`: the same dict object for as long as something holds it (as CPython's module
    /// dict is always the same).
    func dict(_ interpreter: Interpreter) throws -> PyDict {
        if let d = dictView { return d }
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
        // Owned from here on, the dict fills itself with the variables when first read.
        d.owner = .module(ModuleNamespace(shared: self))
        dictView = d
        return d
    }

    /// The names a module's dict starts with (the values grad gives `__loader__` and `__spec__`
    /// are None).
    private static let headerNames = ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__"]
    /// The dict's names that no variable stands for, unless the program binds one: unbound,
    /// they stay in the dict.
    static let namesBesideSlots = Set(headerNames + ["__cached__"])
    /// The names whose place in the dict is fixed from the start: binding one again does not move it.
    static let namesInPlace = namesBesideSlots.union(["__file__"])

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

    /// Whether these are the variables of a dict given to `exec` or `eval`, which they live in.
    var livesInDict: Bool {
        guard case .module(let namespace)? = dictView?.owner else { return false }
        return namespace.ownsGlobals
    }

    private static func filled(from d: PyDict) throws -> Globals {
        let globals = Globals(collectsWhenFreed: false)
        for (key, value) in d.entries { if case .str(let name) = key { globals[name.string] = value } }
        return globals
    }

    /// Copies the variables into `d`, a dict of another namespace (an instance's `__dict__`),
    /// which is written through to it: bound ones set, unbound ones removed.
    func copy(into d: PyDict) throws {
        for name in order {
            if let value = slots[name]?.value {
                try d.set(.str(name), value)
            } else {
                try d.remove(.str(name))
            }
        }
    }
}

extension ModuleNamespace {
    /// Brings `d`, the dict of these variables, up to date with their stores since it last was
    /// (its owner, this, set aside meanwhile, so that nothing is written back): bound variables
    /// set in place, unbound ones removed, and the variables bound since then appended in the
    /// order they were bound (CPython's order of insertion into the module's dict).
    func catchUp(_ d: PyDict) throws {
        guard let globals, caughtUpAt != globals.stores.count else { return }
        let owner = d.owner
        d.owner = nil
        defer { d.owner = owner }
        var newlyBound: [GlobalSlot] = []
        for name in globals.order {
            guard let slot = globals.slots[name] else { continue }
            let key = Value.str(name)
            guard let value = slot.value else {
                if !Globals.namesBesideSlots.contains(name) { try d.remove(key) }
                continue
            }
            let held = try d.get(key)
            if held != nil, slot.boundAt > caughtUpAt, !Globals.namesInPlace.contains(name) {
                // Unbound and bound again since: CPython's dict has it at the end.
                try d.remove(key)
                newlyBound.append(slot)
            } else if let held {
                if !KeyEquality.isSame(held, value) { try d.set(key, value) }
            } else {
                newlyBound.append(slot)
            }
        }
        for slot in newlyBound.sorted(by: { $0.boundAt < $1.boundAt }) {
            if let value = slot.value { try d.set(.str(slot.name), value) }
        }
        caughtUpAt = globals.stores.count
    }
}
