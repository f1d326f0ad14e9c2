/// The receiver (`self`) of a method of a built-in type. The attribute tables only bind methods
/// to values of their own type, so the failure paths are for direct misuse only.
extension BoundArguments {
    var selfString: String {
        get throws {
            guard case .str(let s) = self["self"] else { throw receiverError("str") }
            return s
        }
    }

    var selfList: PyList {
        get throws {
            guard case .object(let l as PyList) = self["self"] else { throw receiverError("list") }
            return l
        }
    }

    var selfTuple: PyTuple {
        get throws {
            guard case .object(let t as PyTuple) = self["self"] else { throw receiverError("tuple") }
            return t
        }
    }

    var selfDict: PyDict {
        get throws {
            guard case .object(let d as PyDict) = self["self"] else { throw receiverError("dict") }
            return d
        }
    }

    var selfSet: PySet {
        get throws {
            guard case .object(let s as PySet) = self["self"] else { throw receiverError("set") }
            return s
        }
    }

    private func receiverError(_ type: String) -> PyError {
        PyError.type("descriptor requires a '\(type)' object but received a '\(self["self"].typeName)'")
    }
}
