/// An instance's `__dict__`: grad keeps its attributes in slots (see PyInstance), so the dict is
/// a view whose changes are written through to them (see PyDict+Owner) and which, each time it
/// is read, first catches up with them. An instance has one such dict while anything holds it
/// (`o.__dict__ is o.__dict__`); the instance itself stores nothing for it, so attribute access
/// and instance creation pay nothing (see InstanceDicts).
extension PyInstance {
    /// This instance's `__dict__` (nil when its class's `__slots__` leave it none).
    func dict() -> PyDict? {
        guard cls.allowedAttributes == nil else { return nil }
        if let d = InstanceDicts.dict(of: self) { return d }
        let d = PyDict()
        // Empty until first read, when it catches up.
        d.owner = .instance(self)
        InstanceDicts.remember(d, of: self)
        return d
    }

    /// `o.__dict__ = d`: the attributes become `d`'s string keys, and `d` becomes the instance's
    /// `__dict__` unless it already stands for another namespace (then it is copied).
    func replaceDict(with value: Value) throws {
        guard case .object(let d as PyDict) = value else {
            throw PyError.type("__dict__ must be set to a dictionary, not a '\(value.typeName)'")
        }
        guard cls.allowedAttributes == nil else {
            throw PyError.attribute("'\(typeName)' object has no attribute '__dict__'")
        }
        let entries = d.entries
        // The dict replaced keeps the attributes it showed, as a plain dict.
        if let old = InstanceDicts.dict(of: self), old !== d {
            old.catchUpWithNamespace()
            old.owner = nil
        }
        for (name, _) in dictEntries { setAttribute(name, nil) }
        for case (.str(let name), let v) in entries { setAttribute(name.string, v) }
        guard d.owner == nil else { return }
        d.owner = .instance(self)
        InstanceDicts.remember(d, of: self)
    }

    /// The attributes its `__dict__` shows: those not declared in `__slots__`.
    var dictEntries: [(name: String, value: Value)] {
        let inSlots = Slots.declaredNames(cls)
        return attributes.filter { !inSlots.contains($0.name) }
    }
}

/// The `__dict__` of each instance that has one alive, held weakly: an instance whose dict is
/// dropped gets a new one when next asked (no one can tell it from the old one), and a dict keeps
/// its instance alive, so an entry whose dict is alive names the same instance it was made for.
enum InstanceDicts {
    private struct WeakDict { weak var dict: PyDict? }
    nonisolated(unsafe) private static var dicts: [ObjectIdentifier: WeakDict] = [:]
    /// The table's size at which the entries of dicts gone are next removed.
    nonisolated(unsafe) private static var pruneAt = 64

    static func dict(of instance: PyInstance) -> PyDict? {
        guard let d = dicts[ObjectIdentifier(instance)]?.dict, case .instance(let owner)? = d.owner, owner === instance else { return nil }
        return d
    }

    static func remember(_ d: PyDict, of instance: PyInstance) {
        dicts[ObjectIdentifier(instance)] = WeakDict(dict: d)
        guard dicts.count >= pruneAt else { return }
        dicts = dicts.filter { $0.value.dict != nil }
        pruneAt = max(64, dicts.count * 2)
    }
}
