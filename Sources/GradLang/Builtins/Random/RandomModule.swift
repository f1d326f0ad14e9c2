/// The `random` module: a hidden `Random` instance seeded from entropy at import, whose bound
/// methods are the module's functions (`random.seed`, `random.random`, ...), and the `Random`
/// class for generators of one's own.
enum RandomModule {
    nonisolated(unsafe) static let randomType = PyTypeObject(
        name: "Random", qualifiedName: "random.Random",
        constructor: PyBuiltin("Random(*args, **kwargs)") { args in
            // The new instance is `__init__`'s first argument, so arity messages count it as CPython's do.
            let r = PyRandom()
            let keywords = args.varkw("kwargs")?.entries.map { (name: Repr.str($0.key), value: $0.value) } ?? []
            _ = try initializer.call(Arguments([.object(r)] + args.varargs("args"), keywords: keywords), args.interpreter)
            return .object(r)
        },
        matches: { if case .object(let o) = $0 { return o is PyRandom } else { return false } })

    nonisolated(unsafe) private static let initializer = PyBuiltin("Random.__init__(self, x=None)", style: .pythonMethod) { args in
        try RandomMethods.generator(args).seed(args["x"], version: .int(2))
        return .none
    }

    static func make() -> PyModule {
        let shared = PyRandom()
        var attributes: [String: Value] = ["Random": .object(randomType)]
        for (name, method) in RandomMethods.table {
            attributes[name] = .object(PyBoundMethod(receiver: .object(shared), function: method))
        }
        return PyModule(name: "random", attributes: attributes)
    }
}
