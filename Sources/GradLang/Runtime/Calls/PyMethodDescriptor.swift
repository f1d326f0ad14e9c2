/// A built-in type's method read from the type (`list.append`, `str.upper`): CPython's
/// `method_descriptor`, which takes the receiver as its first argument and checks its type.
/// One per type and name (see `PyTypeObject.methodDescriptor`), so `str.upper is str.upper`.
final class PyMethodDescriptor: PyObject {
    let function: PyBuiltin
    /// The type whose method this is.
    let owner: PyTypeObject

    init(_ function: PyBuiltin, of owner: PyTypeObject) {
        self.function = function
        self.owner = owner
    }

    override var typeName: String { "method_descriptor" }

    var qualifiedName: String { "\(owner.name).\(function.name)" }

    /// `list.append(xs, 1)`.
    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard let receiver = args.positional.first else {
            throw PyError.type("unbound method \(qualifiedName)() needs an argument")
        }
        guard try IntrospectionFunctions.isInstance(receiver, .object(owner)) else {
            throw PyError.type("descriptor '\(function.name)' for '\(owner.name)' objects doesn't apply to a '\(receiver.typeName)' object")
        }
        return try function.call(args, interpreter)
    }
}

extension PyTypeObject {
    /// Its method `function`, as read from the type.
    func methodDescriptor(_ function: PyBuiltin) -> PyMethodDescriptor {
        if let made = methodDescriptors[function.name], made.function === function { return made }
        let made = PyMethodDescriptor(function, of: self)
        methodDescriptors[function.name] = made
        return made
    }
}
