/// Dicts that stand for namespaces grad keeps elsewhere than in a dict: an instance's
/// `__dict__` (`obj.__dict__["x"] = 1`, `self.__dict__.update(kwargs)`; see PyInstance), a
/// module's `globals()` (`globals()["x"] = 1`; see GlobalsDict) and a class body's `locals()`
/// (what `exec` run there defines). Such a dict is made when asked for, and its changes are
/// written through to the namespace. It does not see changes made to the namespace afterwards;
/// asking for it again does.
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
/// there keep reading them through it).
final class ModuleNamespace {
    private weak var shared: Globals?
    private var owned: Globals?

    init(shared globals: Globals) { shared = globals }
    init(owned globals: Globals) { owned = globals }

    var globals: Globals? { owned ?? shared }

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
    /// `key` was set to `value` (nil: deleted) in this dict, whose owner follows.
    func changedEntry(_ key: Value, _ value: Value?) {
        guard let owner, case .str(let name) = key else { return }
        switch owner {
        case .instance(let instance): instance.setAttribute(name.string, value)
        case .module(let namespace): namespace.globals?[name.string] = value
        case .classBody(let namespace): namespace.values[name.string] = value
        }
    }
}
