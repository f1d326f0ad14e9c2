/// `obj.__class__ = C`, with CPython 3.11's rules (typeobject.c's `object_set_class` and
/// `compatible_for_assignment`): only an instance of a class made by a `class` statement can
/// change class, only to another such class, and only when instances of both are laid out alike
/// (the same built-in base and the same `__slots__`). The instance keeps its attributes.
enum ClassAssignment {
    /// Sets the class of `object` to `value` (nil: `del obj.__class__`), or throws CPython's TypeError.
    static func assign(_ value: Value?, to object: Value) throws {
        guard let value else { throw PyError.type("can't delete __class__ attribute") }
        guard case .object(let type) = value, type is PyClass || type is PyTypeObject else {
            throw PyError.type("__class__ must be set to a class, not '\(value.typeName)' object")
        }
        guard case .object(let instance as PyInstance) = object, let newClass = type as? PyClass,
              isUserClass(newClass), isUserClass(instance.cls) else {
            throw PyError.type("__class__ assignment only supported for mutable types or ModuleType subclasses")
        }
        guard compatible(instance.cls, newClass) else {
            throw PyError.type("__class__ assignment: '\(newClass.name)' object layout differs from '\(instance.cls.name)'")
        }
        instance.changeClass(to: newClass)
    }

    /// A class made by a `class` statement (a heap type in CPython), not a built-in one.
    private static func isUserClass(_ cls: PyClass) -> Bool { cls.interpreter != nil }

    /// Whether instances of the two classes are laid out alike: each class stands for the first
    /// class up its chain of `__base__`s that changes the layout; those must be the same class,
    /// or add the same slots to the same base.
    private static func compatible(_ old: PyClass, _ new: PyClass) -> Bool {
        let (oldRoot, newRoot) = (layoutRoot(old), layoutRoot(new))
        if oldRoot === newRoot { return true }
        guard let a = oldRoot as? PyClass, let b = newRoot as? PyClass, isUserClass(a), isUserClass(b) else { return false }
        return DeclaredBases.best(of: a) === DeclaredBases.best(of: b) && addedSlots(a) == addedSlots(b)
    }

    /// The first class from `cls` up its `__base__`s whose instances carry more than its base's
    /// (CPython walks up while `compatible_with_tp_base`); a built-in base ends the walk.
    private static func layoutRoot(_ cls: PyClass) -> PyObject {
        var current = cls
        while isUserClass(current), addedSlots(current) == nil || addedSlots(current)?.isEmpty == true {
            let base = DeclaredBases.best(of: current)
            // Without `__slots__`, a class adds a `__dict__` to a base whose instances have none.
            if addedSlots(current) == nil && !hasDict(base) { return current }
            guard let next = base as? PyClass else { return base }
            current = next
        }
        return current
    }

    /// The names a class's own `__slots__` declares, sorted as CPython keeps them; nil without `__slots__`.
    private static func addedSlots(_ cls: PyClass) -> [String]? {
        guard cls.namespace["__slots__"] != nil else { return nil }
        return Slots.ownNames(cls).sorted()
    }

    /// Whether instances of `base` have a `__dict__` (and `__weakref__`) already: those of user
    /// classes without `__slots__`; not `object`'s, a built-in type's or an exception's (it has
    /// a `__dict__` but no `__weakref__`).
    private static func hasDict(_ base: PyObject) -> Bool {
        guard let cls = base as? PyClass, isUserClass(cls) else { return false }
        return cls.allowedAttributes == nil
    }
}
