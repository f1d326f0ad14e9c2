/// Classes that extend `tuple` (`class Pair(tuple)`, and every `namedtuple`): a tuple is fixed
/// when it is made, so such a class is instantiated as CPython's `type.__call__` does it: its
/// `__new__` (or `tuple.__new__`) makes the instance with its contents, then `__init__` runs on it.
enum TupleBase {
    /// `C(args)` for a class whose built-in base is `tuple`.
    static func instantiate(_ cls: PyClass, _ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        let made: Value
        if let new = cls.lookup("__new__") {
            var call = args
            call.positional.insert(.object(cls), at: 0)
            made = try interpreter.call(unwrapped(new), call)
        } else {
            if !args.keywords.isEmpty { throw PyError.type("tuple() takes no keyword arguments") }
            if args.positional.count > 1 { throw PyError.type("tuple expected at most 1 argument, got \(args.positional.count)") }
            made = try make(cls, args.positional.first)
        }
        // As `type.__call__`: `__init__` only for an instance of the class that was called.
        guard case .object(let instance as PyInstance) = made, instance.cls.isSubclass(of: cls),
              let initializer = cls.lookup("__init__") else { return made }
        let result = try interpreter.call(try ClassAttributes.bind(initializer, to: made, interpreter), args)
        guard result.isNone else { throw PyError.type("__init__() should return None, not '\(result.typeName)'") }
        return made
    }

    /// `__new__` is a static method whether or not it is written `@staticmethod`.
    private static func unwrapped(_ new: Value) -> Value {
        if case .object(let s as PyStaticMethod) = new { return s.function }
        return new
    }

    /// `tuple.__new__(cls, iterable=())`, also what `super().__new__(cls, ...)` finds.
    nonisolated(unsafe) static let new = PyBuiltin("tuple.__new__(cls, iterable=<unset>, /)") { args in
        let cls = args["cls"]
        switch cls {
        case .object(let c as PyClass) where c.nativeBase === BuiltinTypes.tuple:
            return try make(c, args.given("iterable"))
        case .object(let t as PyTypeObject) where t === BuiltinTypes.tuple:
            return try Constructors.tuple.call(Arguments(args.given("iterable").map { [$0] } ?? []), args.interpreter)
        case .object(let c as PyClass):
            throw PyError.type("tuple.__new__(\(c.name)): \(c.name) is not a subtype of tuple")
        case .object(let t as PyTypeObject):
            throw PyError.type("tuple.__new__(\(t.name)): \(t.name) is not a subtype of tuple")
        default:
            throw PyError.type("tuple.__new__(X): X is not a type object (\(cls.typeName))")
        }
    }

    /// A new instance of `cls` holding the elements of `iterable`.
    private static func make(_ cls: PyClass, _ iterable: Value?) throws -> Value {
        let items = try iterable.map { try Iteration.collect($0) } ?? []
        return .object(PyInstance(cls: cls, contents: PyTuple(items)))
    }
}
