/// The receiver (`self`) of a method of a built-in type. The attribute tables only bind methods
/// to values of their own type, so the failure paths are for direct misuse only.
extension BoundArguments {
    var selfString: String { get throws { try selfStr.string } }

    var selfStr: PyStr {
        get throws {
            guard case .str(let s) = NativeBases.scalar(self["self"]) ?? self["self"] else { throw receiverError("str") }
            return s
        }
    }

    var selfList: PyList { get throws { try receiver("list") } }
    var selfTuple: PyTuple { get throws { try receiver("tuple") } }
    var selfDict: PyDict { get throws { try receiver("dict") } }
    var selfSet: PySet { get throws { try receiver("set") } }
    var selfRange: PyRange { get throws { try receiver("range") } }
    var selfBytes: PyBytes { get throws { try receiver("bytes") } }
    var selfGenerator: PyGeneratorObject { get throws { try receiver("generator") } }

    /// The receiver as the object class `T` of Python type `type`.
    private func receiver<T: PyObject>(_ type: String) throws -> T {
        try Receiver.cast(self["self"], type, method: signature.name)
    }

    private func receiverError(_ type: String) -> PyError {
        Receiver.error(self["self"], type, method: signature.name)
    }
}

/// The receiver of a method of a built-in type given as a value (the methods with a direct body,
/// see PyBuiltin.Direct).
enum Receiver {
    /// `value` as the object class `T` of Python type `type`.
    /// An instance of a class extending the type (`dict.get(my_dict, k)`) gives the built-in
    /// value it holds.
    static func cast<T: PyObject>(_ value: Value, _ type: String, method: String) throws -> T {
        if case .object(let o as T) = value { return o }
        if case .object(let instance as PyInstance) = value, let native = instance.native as? T { return native }
        throw error(value, type, method: method)
    }

    static func error(_ value: Value, _ type: String, method: String) -> PyError {
        PyError.type("descriptor '\(method)' for '\(type)' objects doesn't apply to a '\(value.typeName)' object")
    }
}
