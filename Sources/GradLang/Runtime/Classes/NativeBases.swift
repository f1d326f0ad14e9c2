/// Classes that extend a built-in container (`class Vocab(dict)`, `class Batch(list)`,
/// `class Pair(tuple)`, `class Tags(set)`): each instance holds a list, dict, tuple or set as its
/// contents. What the class does not define itself, the
/// contents do: indexing, `len`, iteration, `in`, repr, equality, the type's methods (`append`,
/// `keys`), and `super().__init__(...)`. `isinstance(x, list)` is true.
enum NativeBases {
    /// The built-in types a class may extend.
    static func isExtendable(_ type: PyTypeObject) -> Bool {
        type === BuiltinTypes.list || type === BuiltinTypes.dict || type === BuiltinTypes.tuple || type === BuiltinTypes.set
    }

    static func makeContents(_ type: PyTypeObject) -> PyObject? {
        if type === BuiltinTypes.list { return PyList([]) }
        if type === BuiltinTypes.dict { return PyDict() }
        if type === BuiltinTypes.set { return PySet() }
        // Made by `tuple.__new__` with its contents (see TupleBase).
        if type === BuiltinTypes.tuple { return PyTuple([]) }
        return nil
    }

    /// The value built-in operations see for `v`: an instance's contents, else `v` itself.
    static func contents(_ v: Value) -> Value {
        if case .object(let i as PyInstance) = v, let native = i.native { return .object(native) }
        return v
    }

    /// `list.__init__(self, iterable=())` and `dict.__init__(self, other=(), **kwargs)`: the
    /// contents made from the arguments (also what happens when the class has no `__init__`).
    static func initialize(_ instance: PyInstance, _ args: Arguments, _ interpreter: Interpreter) throws {
        switch instance.native {
        case let list as PyList:
            if !args.keywords.isEmpty { throw PyError.type("list() takes no keyword arguments") }
            if args.positional.count > 1 { throw PyError.type("list expected at most 1 argument, got \(args.positional.count)") }
            list.items = try args.positional.first.map(Iteration.collect) ?? []
        case let dict as PyDict:
            if args.positional.count > 1 { throw PyError.type("dict expected at most 1 argument, got \(args.positional.count)") }
            let keywords = PyDict()
            for (k, v) in args.keywords { try keywords.set(.str(k), v) }
            try DictUpdate.merge(into: dict, args.positional.first.map(contents), keywords: keywords, interpreter)
        case let set as PySet:
            if !args.keywords.isEmpty { throw PyError.type("set() takes no keyword arguments") }
            if args.positional.count > 1 { throw PyError.type("\(instance.cls.name) expected at most 1 argument, got \(args.positional.count)") }
            try set.replace(with: try args.positional.first.map(Iteration.collect) ?? [])
        default: break
        }
    }

    /// What `super().name` finds past the user's classes: the built-in type's method bound to
    /// the contents, or its special methods (`__init__`, `__getitem__`, `__len__`, ...).
    static func method(_ name: String, of instance: PyInstance, _ interpreter: Interpreter) -> Value? {
        guard let native = instance.native else { return nil }
        let contents = Value.object(native)
        if let m = interpreter.attributes.method(TypeKey(contents), name) {
            return .object(PyBoundMethod(receiver: contents, function: m))
        }
        let receiver = Value.object(instance)
        let special: PyBuiltin?
        switch name {
        case "__init__":
            special = PyBuiltin("__init__(self, /, *args, **kwargs)") { args in
                var call = Arguments(args.varargs("args"))
                for (k, v) in args.varkw("kwargs")?.entries ?? [] { if case .str(let s) = k { call.keywords.append((s.string, v)) } }
                try initialize(instance, call, args.interpreter)
                return .none
            }
        case "__getitem__":
            special = PyBuiltin("__getitem__(self, key, /)") { args in try Subscript.get(contents, args["key"], interpreter: args.interpreter) }
        case "__setitem__":
            special = PyBuiltin("__setitem__(self, key, value, /)") { args in
                try Subscript.set(contents, args["key"], args["value"], interpreter: args.interpreter)
                return .none
            }
        case "__delitem__":
            special = PyBuiltin("__delitem__(self, key, /)") { args in
                try Subscript.delete(contents, args["key"])
                return .none
            }
        case "__len__": special = PyBuiltin("__len__(self, /)") { _ in .int(try IteratorFunctions.length(contents)) }
        case "__contains__": special = PyBuiltin("__contains__(self, key, /)") { args in .bool(try Operators.contains(contents, args["key"])) }
        case "__iter__": special = PyBuiltin("__iter__(self, /)") { _ in .object(try Iteration.iterator(contents)) }
        case "__repr__": special = PyBuiltin("__repr__(self, /)") { _ in .str(try Repr.checkedRepr(contents)) }
        case "__eq__": special = PyBuiltin("__eq__(self, value, /)") { args in try Operators.compare(.eq, contents, NativeBases.contents(args["value"])) }
        default: special = nil
        }
        return special.map { .object(PyBoundMethod(receiver: receiver, function: $0)) }
    }
}
