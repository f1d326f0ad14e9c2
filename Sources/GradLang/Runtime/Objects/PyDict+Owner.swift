/// Dicts that stand for namespaces grad keeps elsewhere than in a dict: an instance's
/// `__dict__` (`obj.__dict__["x"] = 1`, `self.__dict__.update(kwargs)`; see InstanceDict), a
/// module's `globals()` (`globals()["x"] = 1`; see GlobalsDict) and a class body's `locals()`
/// (what `exec` run there defines). Such a dict is made when asked for, and its changes are
/// written through to the namespace; each time it is read, it first catches up with the
/// namespace (see `PyDict.catchUpWithNamespace`).
enum DictOwner {
    case instance(PyInstance)
    case module(ModuleNamespace)
    case classBody(ClassNamespace)

    func forEachReference(_ visit: (Value) -> Void) {
        switch self {
        case .instance(let instance): visit(.object(instance))
        case .module(let namespace): namespace.forEachOwnedValue(visit)
        // The class body's frame holds its namespace while it runs.
        case .classBody: break
        }
    }

    /// Brings `d`, this namespace's dict, up to date with the namespace.
    func catchUp(_ d: PyDict) throws {
        switch self {
        case .instance(let instance): try d.holdOnly(instance.dictEntries)
        case .module(let namespace): try namespace.catchUp(d)
        case .classBody(let namespace): try d.holdOnly(namespace.values.entries)
        }
    }

    func giveUpReferences(into released: inout [Value]) {
        switch self {
        case .instance(let instance): released.append(.object(instance))
        case .module(let namespace): namespace.giveUpOwnedValues(into: &released)
        case .classBody: break
        }
    }
}

/// The global variables a `globals()` dict writes through to: the program's (held weakly: the
/// program's globals hold the dict when a variable does, `g = globals()`), or those of code run by
/// `exec(source, d)` in a dict of the caller's, which live as long as that dict (functions defined
/// there keep it alive).
final class ModuleNamespace {
    private weak var shared: Globals?
    private var owned: Globals?

    /// The count of the variables' stores when the dict last caught up with them (see catchUp).
    var caughtUpAt: Int

    init(shared globals: Globals) {
        shared = globals
        // Nothing is in the dict yet.
        caughtUpAt = -1
    }

    /// `globals` were filled from the dict.
    init(owned globals: Globals) {
        owned = globals
        caughtUpAt = globals.stores.count
    }

    var globals: Globals? { owned ?? shared }
    var ownsGlobals: Bool { owned != nil }

    /// The values of owned variables, which the dict holds through them (a namespace that holds
    /// its own dict is a cycle the collector must see).
    func forEachOwnedValue(_ visit: (Value) -> Void) {
        owned?.forEachValue(visit)
    }

    func giveUpOwnedValues(into released: inout [Value]) {
        guard let owned else { return }
        owned.forEachValue { released.append($0) }
        owned.unbindAll()
        self.owned = nil
    }
}

extension PyDict {
    /// Makes `current` (a namespace's names and values) this dict's entries under string keys
    /// (its owner set aside meanwhile, so that nothing is written back): changed ones set in
    /// place, new ones appended, the names no longer there removed. Other keys stay.
    fileprivate func holdOnly(_ current: [(name: String, value: Value)]) throws {
        let owner = self.owner
        self.owner = nil
        defer { self.owner = owner }
        // Most reads find nothing changed: as many entries, each name holding its value.
        func holds(_ entry: (name: String, value: Value)) throws -> Bool {
            guard let held = try get(.str(entry.name)) else { return false }
            return KeyEquality.isSame(held, entry.value)
        }
        if count == current.count, try current.allSatisfy(holds) { return }
        let names = Set(current.map(\.name))
        for case (.str(let name), _) in entries where !names.contains(name.string) { try remove(.str(name)) }
        for entry in current where try !holds(entry) { try set(.str(entry.name), entry.value) }
    }

    /// Whether this is a module's dict (`globals()`, a dict `exec` ran code in).
    var standsForModule: Bool {
        if case .module? = owner { return true }
        return false
    }

    /// Brings this dict up to date with the namespace it stands for. A key of its own whose
    /// comparison raises (a key `__eq__` that fails, met while a name is looked up) leaves the
    /// entries found so far: a read of the dict raises no error of a comparison it did not ask for.
    @inline(never)
    func catchUpWithNamespace() {
        guard let owner else { return }
        try? owner.catchUp(self)
    }

    /// `key` was set to `value` (nil: deleted) in this dict, whose owner follows.
    func changedEntry(_ key: Value, _ value: Value?) {
        guard let owner, case .str(let name) = key else { return }
        switch owner {
        case .instance(let instance): instance.setAttribute(name.string, value)
        case .module(let namespace):
            guard let globals = namespace.globals else { return }
            let caughtUp = namespace.caughtUpAt == globals.stores.count
            globals[name.string] = value
            // The dict already has what it wrote: it need not catch up with it.
            if caughtUp { namespace.caughtUpAt = globals.stores.count }
        case .classBody(let namespace): namespace.values[name.string] = value
        }
    }
}
