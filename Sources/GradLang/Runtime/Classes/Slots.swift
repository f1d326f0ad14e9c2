/// `__slots__`: a class whose every class in its order names its instance attributes so has
/// instances without a `__dict__`, which refuse any other attribute (`'P' object has no attribute
/// 'z'`). grad keeps attributes in slots anyway (see PyClass); this only checks names, against
/// the set the class records when it is made.
enum Slots {
    /// CPython's checks of a `__slots__` declaration when the class is made.
    static func check(_ namespace: Namespace, nativeBase: PyTypeObject?) throws {
        guard let declared = namespace["__slots__"] else { return }
        let names = try self.names(declared)
        if nativeBase === BuiltinTypes.tuple && !names.isEmpty {
            throw PyError.type("nonempty __slots__ not supported for subtype of 'tuple'")
        }
        for name in names where namespace[name] != nil {
            throw PyError.value("'\(name)' in __slots__ conflicts with class variable")
        }
    }

    private static func names(_ declared: Value) throws -> [String] {
        let items: [Value] = if case .str = declared { [declared] } else { try Iteration.collect(declared) }
        return try items.map { item in
            guard case .str(let s) = item else { throw PyError.type("__slots__ items must be strings, not '\(item.typeName)'") }
            return s.string
        }
    }

    /// The attribute names instances of `cls` may have; nil when they have a `__dict__` (some
    /// class in the order declares no slots, or declares `__dict__`).
    static func allowedNames(_ cls: PyClass) -> Set<String>? {
        var allowed: Set<String> = []
        for c in cls.mro {
            guard c.interpreter != nil, let declared = c.namespace["__slots__"],
                  let names = try? names(declared) else { return nil }
            allowed.formUnion(names)
        }
        return allowed.contains("__dict__") ? nil : allowed
    }

    /// The slot names the class itself declares (not its bases).
    static func ownNames(_ cls: PyClass) -> [String] {
        cls.namespace["__slots__"].flatMap { try? names($0) } ?? []
    }

    /// The names declared in slots anywhere in the order: a `__dict__` leaves them out.
    static func declaredNames(_ cls: PyClass) -> Set<String> {
        cls.mro.reduce(into: []) { all, c in
            if let declared = c.namespace["__slots__"], let names = try? names(declared) { all.formUnion(names) }
        }
    }

    /// Whether instances of `cls` may have the attribute `name` (see `PyClass.allowedAttributes`).
    static func allows(_ cls: PyClass, _ name: String) -> Bool {
        cls.allowedAttributes?.contains(name) ?? true
    }
}
