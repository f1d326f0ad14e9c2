/// The `abc` module: `ABC`, `ABCMeta` (only as `metaclass=`) and `abstractmethod` (see
/// AbstractClasses). Each interpreter makes its own `ABC` class.
enum AbcModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        var attributes: [String: Value] = [
            "ABCMeta": .object(AbstractClasses.metaclass),
            "abstractmethod": .object(PyBuiltin("abstractmethod(funcobj, /)") { args in
                let function = args["funcobj"]
                try args.interpreter.setAttribute(function, "__isabstractmethod__", .bool(true))
                return function
            }),
        ]
        var namespace = Namespace()
        namespace["__module__"] = .str("abc")
        namespace["__doc__"] = .str("Helper class that provides a standard way to create an ABC using\ninheritance.\n")
        namespace["__slots__"] = .object(PyTuple.empty)
        if let abc = try? ClassCreation.make(name: "ABC", qualifiedName: "ABC", moduleName: "abc",
                                             arguments: Arguments([], keywords: [("metaclass", .object(AbstractClasses.metaclass))]),
                                             namespace: namespace, interpreter: interpreter) {
            attributes["ABC"] = .object(abc)
        }
        return PyModule(name: "abc", attributes: attributes)
    }
}
