/// What a `class` statement does once its body has run: checks the bases and keywords and makes
/// the class object, as CPython's `type.__new__` does.
enum ClassCreation {
    static func make(name: String, qualifiedName: String, moduleName: String, arguments: Arguments,
                     namespace: Namespace, interpreter: Interpreter, metaclass: PyClass? = nil) throws -> PyClass {
        if arguments.positional.contains(where: TypedNamedTuple.isBase) {
            return try TypedNamedTuple.fromClassBody(name, bases: arguments.positional, namespace: namespace, interpreter)
        }
        var bases: [PyClass] = []
        var nativeBases: [PyTypeObject] = []
        var declared: [PyObject] = []
        for base in arguments.positional {
            if case .object(let o) = base, o is PyClass || o is PyTypeObject { declared.append(o) }
            switch base {
            case .object(let c as PyClass):
                bases.append(c)
                if let native = c.nativeBase { nativeBases.append(native) }
                if c.isExceptionClass { nativeBases.append(BuiltinTypes.object) }
            case .object(let t as PyTypeObject) where t === BuiltinTypes.object:
                continue
            case .object(let t as PyTypeObject) where NativeBases.isExtendable(t) || t === BuiltinTypes.type:
                nativeBases.append(t)
            case .object(let t as PyTypeObject) where t === AbstractClasses.metaclass:
                // `class Meta(ABCMeta)`: a metaclass whose classes follow ABCMeta's rules.
                nativeBases.append(BuiltinTypes.type)
            case .object(let t as PyTypeObject) where [BuiltinTypes.bool, BuiltinTypes.range, BuiltinTypes.slice, BuiltinTypes.noneType].contains { $0 === t }:
                throw PyError.type("type '\(t.qualifiedName)' is not an acceptable base type")
            case .object(let t as PyTypeObject):
                throw PyError.type("grad cannot make subclasses of '\(t.qualifiedName)' yet")
            default:
                throw PyError.type("bases must be types")
            }
        }
        // Two different built-in layouts (a list and a dict, or either and an exception) cannot mix.
        let layouts = nativeBases.reduce(into: [PyTypeObject]()) { found, t in if !found.contains(where: { $0 === t }) { found.append(t) } }
        if layouts.count > 1 { throw PyError.type("multiple bases have instance lay-out conflict") }
        let nativeBase = layouts.first.flatMap { $0 === BuiltinTypes.object ? nil : $0 }
        _ = try DeclaredBases.linearize(declared)
        var keywords = arguments.keywords
        var declaredAbstract = false
        if let i = keywords.firstIndex(where: { $0.name == "metaclass" }) {
            switch keywords.remove(at: i).value {
            case .object(let t) where t === AbstractClasses.metaclass: declaredAbstract = true
            case .object(let t) where t === BuiltinTypes.type: break
            default: throw PyError(PyExc.notImplementedError, "grad supports no metaclass but abc.ABCMeta yet")
            }
        }
        try Slots.check(namespace, nativeBase: nativeBase)
        var namespace = namespace
        // A class that defines equality without a hash is unhashable (CPython's rule).
        if namespace["__eq__"] != nil && namespace["__hash__"] == nil { namespace["__hash__"] = Value.none }
        // Plain functions stay functions; these three are always static and class methods.
        if case .object(let f as PyFunction)? = namespace["__new__"] { namespace["__new__"] = .object(PyStaticMethod(.object(f))) }
        if case .object(let f as PyFunction)? = namespace["__init_subclass__"] { namespace["__init_subclass__"] = .object(PyClassMethod(.object(f))) }
        if case .object(let f as PyFunction)? = namespace["__class_getitem__"] { namespace["__class_getitem__"] = .object(PyClassMethod(.object(f))) }
        let cls = try PyClass(name: name, qualifiedName: qualifiedName, moduleName: moduleName, bases: bases,
                              nativeBase: nativeBase, namespace: namespace, interpreter: interpreter)
        cls.metaclass = metaclass
        cls.declaredBases = declared
        cls.allowedAttributes = Slots.allowedNames(cls)
        try AbstractClasses.record(cls, declared: declaredAbstract || (metaclass.map(AbstractClasses.derivesFromABCMeta) ?? false))
        try UserDescriptors.setNames(cls, interpreter)
        try initSubclass(cls, keywords, interpreter)
        return cls
    }

    /// `super(cls, cls).__init_subclass__(**keywords)`: what the bases say about a new subclass
    /// (`object`'s takes no keywords).
    private static func initSubclass(_ cls: PyClass, _ keywords: [(name: String, value: Value)], _ interpreter: Interpreter) throws {
        guard let hook = cls.ancestors.lazy.compactMap({ $0.namespace["__init_subclass__"] }).first else {
            if !keywords.isEmpty { throw PyError.type("\(cls.name).__init_subclass__() takes no keyword arguments") }
            return
        }
        _ = try interpreter.call(try ClassAttributes.bind(hook, to: .object(cls), interpreter), Arguments([], keywords: keywords))
    }

    /// `C(args)`: its metaclass's `__call__` if it defines one, else `construct`.
    static func instantiate(_ cls: PyClass, _ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        if let call = cls.metaclass?.lookup("__call__") {
            return try interpreter.call(try ClassAttributes.bind(call, to: .object(cls), interpreter), args)
        }
        return try construct(cls, args, interpreter)
    }

    /// How `C(args)` makes its instance when `construct` would do no more than make a plain
    /// instance and run a `def __init__` on it (or, with no `__init__` anywhere in the order,
    /// take no arguments): a class with no metaclass, `__new__`, built-in base, exception base or
    /// abstract methods. Nil for any other class, which `instantiate` handles.
    enum PlainConstruction {
        case withoutInitializer
        case initializer(PyFunction)
    }

    static func plainConstruction(_ cls: PyClass) -> PlainConstruction? {
        guard cls.metaclass == nil, cls.nativeBase == nil, !cls.hasAbstractMethods, !cls.isExceptionClass else { return nil }
        if let known = cls.knownPlainConstruction { return known.answer }
        let answer = plainConstructionByLookup(cls)
        cls.knownPlainConstruction = KnownPlainConstruction(answer: answer)
        return answer
    }

    /// What the class's `__new__` and `__init__` allow (see `plainConstruction`).
    private static func plainConstructionByLookup(_ cls: PyClass) -> PlainConstruction? {
        guard cls.lookup(.new) == nil else { return nil }
        switch cls.lookup(.`init`) {
        case nil: return .withoutInitializer
        case .object(let f as PyFunction)?: return .initializer(f)
        default: return nil
        }
    }

    /// A class's `plainConstruction`, once found (nil inside: it needs the general call).
    struct KnownPlainConstruction {
        let answer: PlainConstruction?
    }

    /// `__init__` returned something other than None.
    static func initializerResultError(_ result: Value) -> PyError {
        PyError.type("__init__() should return None, not '\(result.typeName)'")
    }

    /// `type.__call__(C, args)`: a new instance, initialised by the class's `__init__` (an
    /// exception's arguments become its `args` first, as `BaseException.__new__` does); see
    /// InstanceCreation for classes that make their instances with a `__new__`.
    static func construct(_ cls: PyClass, _ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        let cls = cls === PyExc.osError ? PyExc.osErrorType(arguments: args.positional) : cls
        if InstanceCreation.needsNew(cls) { return try InstanceCreation.instantiate(cls, args, interpreter) }
        // `object.__new__`'s check (a `__new__` of the class's own reaches it through `super()`).
        if cls.hasAbstractMethods, let error = AbstractClasses.instantiationError(cls) { throw error }
        let instance = cls.isExceptionClass ? PyExceptionObject(type: cls, args: args.positional) : PyInstance(cls: cls)
        if let initializer = cls.lookup(.`init`) {
            let result: Value
            if case .object(let f as PyFunction) = initializer, args.keywords.isEmpty {
                // A plain `def __init__`: called with the instance first, no bound method made.
                result = try f.call(receiver: .object(instance), args.positional, interpreter)
            } else {
                result = try interpreter.call(try ClassAttributes.bind(initializer, to: .object(instance), interpreter), args)
            }
            guard result.isNone else { throw initializerResultError(result) }
        } else if instance.native != nil {
            try NativeBases.initialize(instance, args, interpreter)
        } else if !args.positional.isEmpty || !args.keywords.isEmpty {
            throw PyError.type("\(cls.name)() takes no arguments")
        }
        return .object(instance)
    }
}
