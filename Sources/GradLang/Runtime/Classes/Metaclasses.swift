/// Metaclasses: classes that extend `type` (`class Meta(type)`), whose instances are classes.
/// A class statement with `metaclass=Meta`, or with a base made by `Meta`, calls
/// `Meta(name, bases, namespace)`, which runs `Meta.__new__` (ending in `type.__new__`, which makes
/// the class) and `Meta.__init__`; calling such a class runs `Meta.__call__` if defined (ending in
/// `type.__call__`, which makes the instance). A class finds its metaclass's attributes after its
/// own (`cls.registry`, methods bound to the class).
enum Metaclasses {
    /// What a class statement (and `type(name, bases, dict)`) does: calls the metaclass the
    /// keyword and the bases decide, or lets `type.__new__` make the class when that is `type`.
    /// `prepared` is what the metaclass's `__prepare__` made before the body ran (see `prepare`).
    static func define(name: String, qualifiedName: String, moduleName: String, arguments: Arguments,
                       namespace: Namespace, prepared: Value? = nil, interpreter: Interpreter) throws -> Value {
        let choice = try choose(arguments)
        if case .callable(let other, let keywords) = choice {
            // Any callable may stand in for a metaclass: it gets what `type` would.
            return try interpreter.call(other, Arguments(
                [.str(name), .object(PyTuple(arguments.positional)), .object(try dictionary(namespace, qualifiedName))], keywords: keywords))
        }
        guard case .metaclass(let metaclass?, let keywords) = choice else {
            return .object(try ClassCreation.make(name: name, qualifiedName: qualifiedName, moduleName: moduleName,
                                                  arguments: arguments, namespace: namespace, interpreter: interpreter))
        }
        let bases = Value.object(PyTuple(arguments.positional))
        var contents = Value.object(try dictionary(namespace, qualifiedName))
        if let prepared {
            try fill(prepared, with: contents, interpreter)
            contents = prepared
        }
        return try interpreter.call(.object(metaclass), Arguments([.str(name), bases, contents], keywords: keywords))
    }

    /// Before a class body runs: the mapping the metaclass's `__prepare__(name, bases, **kwargs)`
    /// makes, whose entries the body starts with; nil when no metaclass defines `__prepare__`.
    static func prepare(name: String, arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard case .metaclass(let metaclass?, let keywords) = try choose(arguments), metaclass.lookup("__prepare__") != nil else { return nil }
        let prepare = try ClassAttributes.get(metaclass, "__prepare__", interpreter)
        return try interpreter.call(prepare, Arguments([.str(name), .object(PyTuple(arguments.positional))], keywords: keywords))
    }

    /// The str-keyed entries of a prepared mapping (a dict, or an instance of a dict subclass).
    static func entries(of prepared: Value) -> [(name: String, value: Value)] {
        guard case .object(let d as PyDict) = NativeBases.contents(prepared) else { return [] }
        return d.entries.compactMap { if case .str(let k) = $0.key { (k.string, $0.value) } else { nil } }
    }

    /// Who makes the class: a metaclass (nil: `type` or ABCMeta) with the keywords it gets, or
    /// a callable named by `metaclass=` that is not one.
    private enum Choice {
        case metaclass(PyClass?, keywords: [(name: String, value: Value)])
        case callable(Value, keywords: [(name: String, value: Value)])
    }

    private static func choose(_ arguments: Arguments) throws -> Choice {
        var keywords = arguments.keywords
        var explicit: PyClass?
        var abstract = false
        if let i = keywords.firstIndex(where: { $0.name == "metaclass" }) {
            switch keywords[i].value {
            case .object(let m as PyClass) where m.isMetaclass:
                explicit = m
                keywords.remove(at: i)
            case .object(let t as PyTypeObject) where t === BuiltinTypes.type || t === AbstractClasses.metaclass:
                abstract = t === AbstractClasses.metaclass
            case let other:
                keywords.remove(at: i)
                return .callable(other, keywords: keywords)
            }
        }
        return .metaclass(try winner(explicit, arguments.positional, abstract: abstract), keywords: keywords)
    }

    /// Writes what the class body defined into the mapping `__prepare__` made, one item at a
    /// time, leaving out the entries it started with and kept.
    private static func fill(_ mapping: Value, with body: Value, _ interpreter: Interpreter) throws {
        guard case .object(let items as PyDict) = body else { return }
        let initial = entries(of: mapping)
        for (key, value) in items.entries {
            if case .str(let k) = key, initial.contains(where: { $0.name == k.string && Operators.identical($0.value, value) }) { continue }
            try Subscript.set(mapping, key, value, interpreter: interpreter)
        }
    }

    /// The most derived of the metaclasses of the bases and the one given (nil: `type`), or
    /// CPython's TypeError when one is not a subclass of all the others.
    /// ABCMeta itself is no PyClass: `abstract` says it is given (or a base's), and then the
    /// winner must be nil (ABCMeta) or extend it.
    static func winner(_ given: PyClass?, _ bases: [Value], abstract: Bool = false) throws -> PyClass? {
        var found = given
        var needsABCMeta = abstract
        for case .object(let base as PyClass) in bases {
            guard let candidate = base.metaclass else {
                if AbstractClasses.isAbstractBase(base) { needsABCMeta = true }
                continue
            }
            guard let current = found else { found = candidate; continue }
            if current.isSubclass(of: candidate) { continue }
            if candidate.isSubclass(of: current) { found = candidate; continue }
            throw conflict
        }
        if needsABCMeta, let found, !AbstractClasses.derivesFromABCMeta(found) { throw conflict }
        return found
    }

    private static var conflict: PyError {
        PyError.type("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
    }

    /// The namespace a metaclass's `__new__` receives: `__module__` and `__qualname__` first, as
    /// a class body sets them, then what the body defined.
    private static func dictionary(_ namespace: Namespace, _ qualifiedName: String) throws -> PyDict {
        let d = PyDict()
        if let module = namespace["__module__"] { try d.set(.str("__module__"), module) }
        try d.set(.str("__qualname__"), .str(qualifiedName))
        for (k, v) in namespace.entries { try d.set(.str(k), v) }
        return d
    }

    /// `type.__new__(mcs, name, bases, namespace, **kwargs)`: a class whose metaclass is `mcs`
    /// (and `type(x)` with `mcs` being `type` and one argument).
    nonisolated(unsafe) static let typeNew = PyBuiltin("type.__new__(*args, **kwargs)") { args in
        var rest = args.varargs("args")
        let mcs = try InstanceCreation.typeArgument(&rest, of: "type")
        let keywords = args.keywordArguments("kwargs")
        switch mcs {
        case .object(let t as PyTypeObject) where t === BuiltinTypes.type:
            return try IntrospectionFunctions.type.call(Arguments(rest, keywords: keywords), args.interpreter)
        case .object(let m as PyClass) where m.isMetaclass:
            guard rest.count == 3 else { throw PyError.type("type.__new__() takes exactly 3 arguments (\(rest.count) given)") }
            return try makeClass(rest[0], rest[1], rest[2], keywords: keywords, metaclass: m, args.interpreter)
        default:
            throw InstanceCreation.notSubtype(mcs, of: "type")
        }
    }

    /// The class `type(name, bases, namespace)` makes, with CPython's checks of the three; `metaclass`
    /// is the one calling (nil: `type` itself, which calls a metaclass the bases have).
    static func makeClass(_ name: Value, _ bases: Value, _ namespace: Value, keywords: [(name: String, value: Value)],
                          metaclass: PyClass?, _ interpreter: Interpreter) throws -> Value {
        guard case .str(let name) = name else {
            throw PyError.type("type.__new__() argument 1 must be str, not \(name.typeName)")
        }
        guard case .object(let bases as PyTuple) = bases else {
            throw PyError.type("type.__new__() argument 2 must be tuple, not \(bases.typeName)")
        }
        guard case .object(let contents as PyDict) = namespace else {
            throw PyError.type("type.__new__() argument 3 must be dict, not \(namespace.typeName)")
        }
        var body = Namespace()
        var qualifiedName = name.string
        for (key, value) in contents.entries {
            guard case .str(let k) = key else { throw PyError.type("grad needs str keys in a class namespace") }
            if k.string == "__qualname__" {
                guard case .str(let q) = value else { throw PyError.type("type.__qualname__ must be a str, not \(value.typeName)") }
                qualifiedName = q.string
                continue
            }
            body[k.string] = value
        }
        if body["__module__"] == nil { body["__module__"] = .str("__main__") }
        let moduleName = if case .str(let m)? = body["__module__"] { m.string } else { "__main__" }
        let arguments = Arguments(bases.items, keywords: keywords)
        guard let metaclass else {
            return try define(name: name.string, qualifiedName: qualifiedName, moduleName: moduleName,
                              arguments: arguments, namespace: body, interpreter: interpreter)
        }
        return .object(try ClassCreation.make(name: name.string, qualifiedName: qualifiedName, moduleName: moduleName,
                                              arguments: arguments, namespace: body, interpreter: interpreter,
                                              metaclass: try winner(metaclass, bases.items)))
    }

    /// The methods of `type` that a metaclass's `super()` reaches, also as `type.__call__` and
    /// `type.__init__`.
    nonisolated(unsafe) static let typeMethods = [
        PyBuiltin("type.__call__(self, /, *args, **kwargs)") { args in
            let call = Arguments(args.varargs("args"), keywords: args.keywordArguments("kwargs"))
            guard case .object(let cls as PyClass) = args["self"] else { return try args.interpreter.call(args["self"], call) }
            return try ClassCreation.construct(cls, call, args.interpreter)
        },
        PyBuiltin("type.__setattr__(self, name, value, /)") { args in
            guard case .object(let cls as PyClass) = args["self"] else { throw InstanceCreation.notSubtype(args["self"], of: "type") }
            try ClassAttributes.set(cls, try IntrospectionFunctions.attributeName(args["name"]), args["value"])
            return .none
        },
        PyBuiltin("type.__delattr__(self, name, /)") { args in
            guard case .object(let cls as PyClass) = args["self"] else { throw InstanceCreation.notSubtype(args["self"], of: "type") }
            try ClassAttributes.set(cls, try IntrospectionFunctions.attributeName(args["name"]), nil)
            return .none
        },
        PyBuiltin("type.__init__(self, /, *args, **kwargs)") { args in
            let count = args.varargs("args").count
            guard count == 1 || count == 3 else { throw PyError.type("type.__init__() takes 1 or 3 arguments") }
            return .none
        },
    ]

    /// `cls.__iter__()`, `len(cls)`, `cls[key]`, `x in cls`, `repr(cls)` when the metaclass of
    /// `cls` defines the special method; nil when it does not.
    static func callSpecial(_ cls: PyClass, _ name: SpecialName, _ args: [Value]) throws -> Value? {
        guard let metaclass = cls.metaclass, let method = metaclass.lookup(name), !method.isNone,
              let interpreter = metaclass.interpreter else { return nil }
        return try interpreter.call(try ClassAttributes.bind(method, to: .object(cls), interpreter), Arguments(args))
    }

    /// `cls.name = value` (or `del cls.name` for nil) through the metaclass's `__setattr__` (or
    /// `__delattr__`); false when the metaclass defines none.
    static func setAttribute(_ cls: PyClass, _ name: String, _ value: Value?, _ interpreter: Interpreter) throws -> Bool {
        guard let metaclass = cls.metaclass, let hook = metaclass.lookup(value == nil ? "__delattr__" : "__setattr__") else { return false }
        _ = try interpreter.call(try ClassAttributes.bind(hook, to: .object(cls), interpreter), Arguments([.str(name)] + (value.map { [$0] } ?? [])))
        return true
    }

    /// `super().__call__`, `super().__init__` in a metaclass, bound to the class.
    static func method(_ name: String, of receiver: Value) -> Value? {
        typeMethods.first { $0.name == name }.map { .object(PyBoundMethod(receiver: receiver, function: $0)) }
    }
}

extension PyClass {
    /// Whether instances of this class are classes (it extends `type`).
    var isMetaclass: Bool { nativeBase === BuiltinTypes.type }
}
