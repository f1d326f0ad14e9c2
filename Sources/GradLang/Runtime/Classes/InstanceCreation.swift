/// `C(args)` for a class that makes its instances with `__new__`: one that defines `__new__`
/// (singletons, caches, a `__new__` returning something else) or extends a type whose instances
/// are fixed when made (`tuple`, `str`, `float`, `type` for metaclasses). As CPython's
/// `type.__call__`: `__new__(C, args)` makes the object, then `__init__(args)` runs on it only if
/// it is an instance of `C`. Other classes take ClassCreation's shorter way, which is the same
/// with `object.__new__`.
enum InstanceCreation {
    /// Whether instances of `cls` are made by a `__new__` other than `object.__new__`.
    static func needsNew(_ cls: PyClass) -> Bool {
        cls.nativeBase.map { NativeBases.isImmutable($0) || $0 === BuiltinTypes.type } ?? false || cls.lookup(.new) != nil
    }

    static func instantiate(_ cls: PyClass, _ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        var call = args
        call.positional.insert(.object(cls), at: 0)
        let made = try interpreter.call(newFunction(of: cls), call)
        guard isInstance(made, of: cls) else { return made }
        if let initializer = cls.lookup(.`init`) {
            let result = try interpreter.call(try ClassAttributes.bind(initializer, to: made, interpreter), args)
            guard result.isNone else { throw PyError.type("__init__() should return None, not '\(result.typeName)'") }
        } else if case .object(let instance as PyInstance) = made, instance.native != nil {
            try NativeBases.initialize(instance, args, interpreter)
        }
        return made
    }

    /// The `__new__` that makes instances of `cls`: its own or a base's, else its built-in
    /// base's (`float.__new__`), else `object.__new__`. A `__new__` is a static method.
    static func newFunction(of cls: PyClass) -> Value {
        if let new = cls.lookup(.new) {
            if case .object(let s as PyStaticMethod) = new { return s.function }
            return new
        }
        return .object(newOfBuiltinBase(cls))
    }

    /// What `super().__new__` finds past a class's own: its built-in base's, or `object.__new__`.
    static func newOfBuiltinBase(_ cls: PyClass) -> PyBuiltin {
        if let native = cls.nativeBase {
            if native === BuiltinTypes.type { return Metaclasses.typeNew }
            if let new = NativeBases.new(of: native) { return new }
        }
        return objectNew
    }

    /// Whether `__init__` runs on what `__new__` made: it is an instance of `cls` (a class, when
    /// `cls` is a metaclass).
    private static func isInstance(_ made: Value, of cls: PyClass) -> Bool {
        switch made {
        case .object(let i as PyInstance): return i.cls.isSubclass(of: cls)
        case .object(let c as PyClass): return c.metaclass?.isSubclass(of: cls) ?? false
        default: return false
        }
    }

    /// `object.__new__(cls, *args, **kwargs)`: a bare instance of `cls`, with CPython's checks.
    /// Arguments are refused unless `cls` keeps `object.__new__` and has an `__init__` to take them.
    nonisolated(unsafe) static let objectNew = PyBuiltin("object.__new__(*args, **kwargs)") { args in
        var rest = args.varargs("args")
        let type = try typeArgument(&rest, of: "object")
        switch type {
        case .object(let t as PyTypeObject) where t === BuiltinTypes.object:
            return try Constructors.object.call(Arguments(rest, keywords: args.keywordArguments("kwargs")), args.interpreter)
        case .object(let t as PyTypeObject):
            throw PyError.type("object.__new__(\(t.name)) is not safe, use \(t.name).__new__()")
        case .object(let cls as PyClass):
            if let native = cls.nativeBase {
                throw PyError.type("object.__new__(\(cls.name)) is not safe, use \(native.name).__new__()")
            }
            // BaseException.__new__, which user exception classes reach here, keeps the arguments.
            if cls.isExceptionClass { return .object(PyExceptionObject(type: cls, args: rest)) }
            if !rest.isEmpty || !args.keywordArguments("kwargs").isEmpty {
                if cls.lookup(.new) != nil {
                    throw PyError.type("object.__new__() takes exactly one argument (the type to instantiate)")
                }
                if cls.lookup(.`init`) == nil { throw PyError.type("\(cls.name)() takes no arguments") }
            }
            if cls.hasAbstractMethods, let error = AbstractClasses.instantiationError(cls) { throw error }
            return .object(PyInstance(cls: cls))
        default:
            throw notSubtype(type, of: "object")
        }
    }

    /// The class a `T.__new__` call makes an instance of: its first argument, taken off `args`.
    static func typeArgument(_ args: inout [Value], of typeName: String) throws -> Value {
        guard !args.isEmpty else { throw PyError.type("\(typeName).__new__(): not enough arguments") }
        return args.removeFirst()
    }

    /// CPython's refusal of `T.__new__(X)` when X is not a class extending `T`.
    static func notSubtype(_ type: Value, of typeName: String) -> PyError {
        switch type {
        case .object(let c as PyClass): return PyError.type("\(typeName).__new__(\(c.name)): \(c.name) is not a subtype of \(typeName)")
        case .object(let t as PyTypeObject): return PyError.type("\(typeName).__new__(\(t.name)): \(t.name) is not a subtype of \(typeName)")
        default: return PyError.type("\(typeName).__new__(X): X is not a type object (\(type.typeName))")
        }
    }
}
