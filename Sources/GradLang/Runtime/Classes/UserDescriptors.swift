/// Class attributes that are instances of user classes defining `__get__` (and `__set__` or
/// `__delete__`: data descriptors), as CPython's descriptor protocol treats them: reading the
/// attribute calls `__get__(instance, owner)` (`__get__(None, owner)` through the class); a data
/// descriptor comes before the instance's own attribute and handles assignment and `del`. A class
/// statement calls `__set_name__(owner, name)` on each such attribute.
enum UserDescriptors {
    /// The descriptor `value` is, if it is an instance whose class defines `__get__`.
    static func getter(of value: PyObject) -> (descriptor: PyInstance, get: Value)? {
        guard let d = value as? PyInstance, let get = d.cls.lookup("__get__") else { return nil }
        return (d, get)
    }

    /// Whether `value` is a data descriptor, which wins over the instance's own attributes.
    static func isData(_ value: Value?) -> Bool {
        guard case .object(let d as PyInstance)? = value else { return false }
        return d.cls.lookup("__set__") != nil || d.cls.lookup("__delete__") != nil
    }

    /// `descriptor.__get__(instance, owner)`.
    static func get(_ descriptor: PyInstance, _ get: Value, instance: Value, owner: PyObject, _ interpreter: Interpreter) throws -> Value {
        try interpreter.call(try ClassAttributes.bind(get, to: .object(descriptor), interpreter), Arguments([instance, .object(owner)]))
    }

    /// `descriptor.__set__(instance, value)` (or `__delete__(instance)` for nil); false when
    /// `value` is no data descriptor.
    static func set(_ descriptor: Value?, on instance: PyInstance, _ value: Value?, _ interpreter: Interpreter) throws -> Bool {
        guard isData(descriptor), case .object(let d as PyInstance)? = descriptor else { return false }
        let method = value == nil ? "__delete__" : "__set__"
        guard let found = d.cls.lookup(method) else {
            throw PyError.attribute(value == nil ? "__delete__" : "__set__")
        }
        _ = try interpreter.call(try ClassAttributes.bind(found, to: .object(d), interpreter),
                                 Arguments([.object(instance)] + (value.map { [$0] } ?? [])))
        return true
    }

    /// `__set_name__(owner, name)` of each attribute of a new class whose class defines it, and
    /// property's own (which names the property in its errors).
    static func setNames(_ cls: PyClass, _ interpreter: Interpreter) throws {
        for (name, value) in cls.namespace.entries {
            if case .object(let p as PyProperty) = value { p.name = name }
            guard case .object(let d as PyInstance) = value, let setName = d.cls.lookup("__set_name__") else { continue }
            _ = try interpreter.call(try ClassAttributes.bind(setName, to: value, interpreter), Arguments([.object(cls), .str(name)]))
        }
    }
}
