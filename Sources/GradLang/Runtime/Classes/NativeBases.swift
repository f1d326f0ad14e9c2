/// Classes that extend a built-in type (`class Vocab(dict)`, `class Batch(list)`,
/// `class Pair(tuple)`, `class Tags(set)`, `class Name(str)`, `class Celsius(float)`,
/// `class Z(complex)`): each
/// instance holds a value of that type as its contents. What the class does not define itself,
/// the contents do: arithmetic, indexing, `len`, iteration, `in`, repr and str, equality,
/// hashing, the type's methods (`append`, `keys`, `upper`), and `super().__init__(...)`.
/// `isinstance(x, float)` is true.
///
/// The mutable types' contents are made empty with the instance and filled by `__init__`; the
/// others' are fixed when the instance is made, by the type's `__new__` (see InstanceCreation).
enum NativeBases {
    private nonisolated(unsafe) static let mutable = [BuiltinTypes.list, BuiltinTypes.dict, BuiltinTypes.set]
    private nonisolated(unsafe) static let immutable = [BuiltinTypes.tuple, BuiltinTypes.frozenset, BuiltinTypes.str,
                                                       BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.complex,
                                                       WeakrefModule.referenceType]

    /// The built-in types a class may extend.
    static func isExtendable(_ type: PyTypeObject) -> Bool {
        mutable.contains { $0 === type } || immutable.contains { $0 === type }
    }

    /// Whether instances of a class extending `type` get their contents from `type.__new__`.
    static func isImmutable(_ type: PyTypeObject) -> Bool {
        immutable.contains { $0 === type }
    }

    /// The empty contents of a new instance whose class extends a mutable type.
    static func makeContents(_ type: PyTypeObject) -> PyObject? {
        if type === BuiltinTypes.list { return PyList([]) }
        if type === BuiltinTypes.dict { return PyDict() }
        if type === BuiltinTypes.set { return PySet() }
        return nil
    }

    /// The value built-in operations see for `v`: an instance's contents, else `v` itself.
    static func contents(_ v: Value) -> Value {
        if case .object(let i as PyInstance) = v, let contents = i.contents { return contents }
        return v
    }

    /// The str, int or float `v` holds if it is an instance of a class extending one: what
    /// built-ins taking such a value read (`math.sqrt(Celsius(4.0))`, `int(flags)`).
    static func scalar(_ v: Value) -> Value? {
        if case .object(let i as PyInstance) = v, let scalar = i.native as? NativeScalar { return scalar.value }
        return nil
    }

    /// `T.__new__(cls, *args, **kwargs)` of each extendable type: an instance of `cls` (a class
    /// extending `T`) holding what `T(*args, **kwargs)` makes, or that value itself for `T`.
    /// Mutable types make empty contents, which `__init__` fills.
    static func new(of type: PyTypeObject) -> PyBuiltin? {
        newMethods[ObjectIdentifier(type)]
    }

    /// Each extendable type with its `__new__`, for the type objects' attributes.
    static var typesWithNew: [(type: PyTypeObject, new: PyBuiltin)] {
        (mutable + immutable).compactMap { t in new(of: t).map { (t, $0) } }
    }

    private nonisolated(unsafe) static let newMethods = Dictionary(uniqueKeysWithValues: (mutable + immutable).map { type in
        (ObjectIdentifier(type), PyBuiltin("\(type.name).__new__(*args, **kwargs)") { args in
            var rest = args.varargs("args")
            let cls = try InstanceCreation.typeArgument(&rest, of: type.name)
            let call = Arguments(rest, keywords: args.keywordArguments("kwargs"))
            switch cls {
            case .object(let t as PyTypeObject) where t === type:
                return try args.interpreter.call(.object(type), call)
            case .object(let c as PyClass) where c.nativeBase === type:
                guard isImmutable(type) else { return .object(PyInstance(cls: c)) }
                return .object(PyInstance(cls: c, contents: box(try args.interpreter.call(.object(type), call))))
            default:
                throw InstanceCreation.notSubtype(cls, of: type.name)
            }
        })
    })

    /// `super().__add__(other)`, `super().__radd__(other)`, `super().__lt__(other)` and the other
    /// operator methods of the built-in base: NotImplemented for an operand it does not take.
    private static func operatorMethod(_ name: String, _ contents: Value) -> PyBuiltin? {
        func method(_ body: @escaping (Value) throws -> Value) -> PyBuiltin {
            PyBuiltin("\(name)(self, value, /)") { args in
                do {
                    return try body(NativeBases.contents(args["value"]))
                } catch let e as PyError where e.type === PyExc.typeError {
                    return .object(SpecialMethods.notImplemented)
                }
            }
        }
        for op in BinaryOperator.allCases {
            let names = SpecialName.methods(of: op)
            if name == names.forward.name { return method { try Operators.binary(op, contents, $0) } }
            if name == names.reflected.name { return method { try Operators.binary(op, $0, contents) } }
        }
        for op in CompareOperator.allCases where name == SpecialName.methods(of: op).forward.name {
            return method { try Operators.compare(op, contents, $0) }
        }
        return nil
    }

    /// Contents as the object a PyInstance holds: a str, int or float in a NativeScalar.
    private static func box(_ v: Value) -> PyObject {
        if case .object(let o) = v { return o }
        return NativeScalar(v)
    }

    /// `list.__init__(self, iterable=())` and `dict.__init__(self, other=(), **kwargs)`: the
    /// contents made from the arguments (also what happens when the class has no `__init__`).
    static func initialize(_ instance: PyInstance, _ args: Arguments, _ interpreter: Interpreter) throws {
        guard let native = instance.native else { return }
        try initialize(native, named: instance.cls.name, args, interpreter)
    }

    /// `initialize` of a list, dict or set itself (`xs.__init__([1, 2])`); `name` is the type
    /// a set's error names. Other values ignore the arguments, as `int.__init__` does.
    static func initialize(_ native: PyObject, named name: String, _ args: Arguments, _ interpreter: Interpreter) throws {
        switch native {
        case let list as PyList:
            if !args.keywords.isEmpty { throw PyError.type("list() takes no keyword arguments") }
            if args.positional.count > 1 { throw PyError.type("list expected at most 1 argument, got \(args.positional.count)") }
            list.items = try args.positional.first.map(Iteration.collect) ?? []
        case let dict as PyDict:
            if args.positional.count > 1 { throw PyError.type("dict expected at most 1 argument, got \(args.positional.count)") }
            let keywords = PyDict()
            for (k, v) in args.keywords { try keywords.set(.str(k), v) }
            try DictUpdate.merge(into: dict, args.positional.first.map(contents), keywords: keywords, interpreter)
        case let set as PySet where !set.isFrozen:
            if !args.keywords.isEmpty { throw PyError.type("set() takes no keyword arguments") }
            if args.positional.count > 1 { throw PyError.type("\(name) expected at most 1 argument, got \(args.positional.count)") }
            try set.replace(with: try args.positional.first.map(Iteration.collect) ?? [])
        default: break
        }
    }

    /// What `super().name` finds past the user's classes: the built-in type's method, bound to
    /// the contents, or its special method (see BuiltinSlots), bound to the instance: those
    /// read the contents themselves, and object's (`__setattr__`) act on the instance.
    static func method(_ name: String, of instance: PyInstance, _ interpreter: Interpreter) -> Value? {
        guard let contents = instance.contents else { return nil }
        guard let m = interpreter.attributes.method(TypeKey(contents), name) else {
            // The contents' properties (`z.real`), and a list's, dict's or set's `__hash__`, which is None.
            return try? interpreter.attributes.getters[TypeKey(contents)]?[name]?(contents)
        }
        let special = name.hasPrefix("__") && name.hasSuffix("__")
        return .object(PyBoundMethod(receiver: special ? .object(instance) : contents, function: m))
    }
}

/// The str, int or float a PyInstance of a class extending one of those holds.
final class NativeScalar: PyObject {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    override var typeName: String { value.typeName }
}

extension PyInstance {
    /// What this instance holds as its class's built-in base, if it has one (see NativeBases).
    var contents: Value? {
        guard let native else { return nil }
        if let scalar = native as? NativeScalar { return scalar.value }
        return .object(native)
    }
}
