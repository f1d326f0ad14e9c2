/// The receiver (`self`) of a method of a built-in type. The attribute tables only bind methods
/// to values of their own type, so the failure paths are for direct misuse only.
extension BoundArguments {
    var selfString: String { get throws { try selfStr.string } }

    var selfStr: PyStr {
        get throws {
            guard case .str(let s) = self["self"] else { throw receiverError("str") }
            return s
        }
    }

    var selfList: PyList { get throws { try receiver("list") } }
    var selfTuple: PyTuple { get throws { try receiver("tuple") } }
    var selfDict: PyDict { get throws { try receiver("dict") } }
    var selfSet: PySet { get throws { try receiver("set") } }
    var selfRange: PyRange { get throws { try receiver("range") } }
    var selfGenerator: PyGeneratorObject { get throws { try receiver("generator") } }

    /// The receiver as the object class `T` of Python type `type`.
    private func receiver<T: PyObject>(_ type: String) throws -> T {
        guard case .object(let o as T) = self["self"] else { throw receiverError(type) }
        return o
    }

    private func receiverError(_ type: String) -> PyError {
        PyError.type("descriptor '\(signature.name)' for '\(type)' objects doesn't apply to a '\(self["self"].typeName)' object")
    }
}
