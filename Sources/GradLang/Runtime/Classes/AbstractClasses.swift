/// `abc`: classes made with `metaclass=ABCMeta` (or deriving from `ABC`) record the names of
/// their abstract methods (`@abstractmethod`, also under `property`, `staticmethod`,
/// `classmethod`) in `__abstractmethods__` and cannot be instantiated while any remain, with
/// CPython 3.11's message. Other classes ignore `@abstractmethod`, as in CPython.
enum AbstractClasses {
    /// `abc.ABCMeta`: the one metaclass grad knows, as the `metaclass=` keyword and `type(C)`.
    nonisolated(unsafe) static let metaclass = PyTypeObject(name: "ABCMeta", qualifiedName: "abc.ABCMeta", constructor: nil) {
        if case .object(let c as PyClass) = $0 { return isAbstractBase(c) }
        return false
    }

    /// Whether `cls`'s metaclass is ABCMeta: it or a base recorded abstract methods.
    static func isAbstractBase(_ cls: PyClass) -> Bool {
        cls.lookup("__abstractmethods__") != nil
    }

    /// Whether a metaclass extends ABCMeta (`class Meta(ABCMeta)`): its classes record their
    /// abstract methods as ABCMeta's do.
    static func derivesFromABCMeta(_ metaclass: PyClass) -> Bool {
        DeclaredBases.order(metaclass).contains { $0 === AbstractClasses.metaclass }
    }

    /// `@abstractmethod`'s mark on a function, or on the function a descriptor wraps.
    static func isAbstract(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        switch o {
        case let f as PyFunction:
            let attributes = f.attributes
            return attributes["__isabstractmethod__"].map { (try? Operators.truthy($0)) ?? false } ?? false
        case let p as PyProperty: return [p.getter, p.setter, p.deleter].contains { $0.map(isAbstract) ?? false }
        case let s as PyStaticMethod: return isAbstract(s.function)
        case let c as PyClassMethod: return isAbstract(c.function)
        default: return false
        }
    }

    /// ABCMeta's `__new__`: the abstract methods the class defines, and those of its bases it
    /// does not override with concrete ones. Nothing for a class whose metaclass is not ABCMeta.
    static func record(_ cls: PyClass, declared: Bool) throws {
        guard declared || cls.bases.contains(where: isAbstractBase) else { return }
        var abstract = cls.namespace.entries.filter { isAbstract($0.value) }.map(\.name)
        for base in cls.bases {
            guard case .object(let names as PySet)? = base.lookup("__abstractmethods__") else { continue }
            for case .str(let name) in names.items where !abstract.contains(name.string) {
                if let v = cls.lookup(name.string), isAbstract(v) { abstract.append(name.string) }
            }
        }
        let set = PySet(frozen: true)
        for name in abstract { try set.insert(.str(name)) }
        cls.setAttribute("__abstractmethods__", .object(set))
        cls.hasAbstractMethods = !abstract.isEmpty
    }

    /// CPython's refusal to instantiate a class with abstract methods left; nil when it has none.
    static func instantiationError(_ cls: PyClass) -> PyError? {
        guard case .object(let names as PySet)? = cls.lookup("__abstractmethods__"), names.count > 0 else { return nil }
        let sorted = names.items.compactMap { if case .str(let s) = $0 { return s.string } else { return nil } }.sorted()
        return PyError.type("Can't instantiate abstract class \(cls.name) with abstract method\(sorted.count == 1 ? "" : "s") \(sorted.joined(separator: ", "))")
    }
}
