/// What the `match` statement asks of a subject and of the class in a class pattern (CPython's
/// `Py_TPFLAGS_SEQUENCE`, `Py_TPFLAGS_MAPPING` and `__match_args__` rules).
enum MatchSubjects {
    /// list, tuple, range and deque (and classes extending them): str, bytes and bytearray are not.
    static func isSequence(_ v: Value) -> Bool {
        if case .object(let i as PyInstance) = v, CollectionsModule.isDeque(i) { return true }
        switch base(v) {
        case .object(let o): return o is PyList || o is PyTuple || o is PyRange
        default: return false
        }
    }

    /// dict and the classes extending it.
    static func isMapping(_ v: Value) -> Bool {
        dictionary(v) != nil
    }

    /// The dict a mapping subject is or holds as its built-in base.
    static func dictionary(_ v: Value) -> PyDict? {
        if case .object(let d as PyDict) = base(v) { return d }
        return nil
    }

    /// The built-in value an instance of a class extending a built-in type holds, else `v`.
    private static func base(_ v: Value) -> Value {
        if case .object(let i as PyInstance) = v { return i.contents ?? v }
        return v
    }

    /// The items of a sequence subject, in order.
    static func items(_ v: Value, _ interpreter: Interpreter) throws -> [Value] {
        switch v {
        case .object(let l as PyList): return l.items
        case .object(let t as PyTuple): return t.items
        default:
            var values: [Value] = []
            let it = try Iteration.iterator(v)
            while let item = try it.next() {
                try interpreter.checkPendingEvents()
                values.append(item)
            }
            return values
        }
    }

    /// The name of a class, or nil when `v` is not one.
    static func typeName(_ v: Value) -> String? {
        switch v {
        case .object(let t as PyTypeObject): return t.name
        case .object(let c as PyClass): return c.name
        default: return nil
        }
    }

    /// The built-in types whose one positional sub-pattern matches the subject itself (`int(x)`).
    private static var matchingSelf: [PyTypeObject] {
        [
            BuiltinTypes.bool, BuiltinTypes.bytearray, BuiltinTypes.bytes, BuiltinTypes.dict, BuiltinTypes.float,
            BuiltinTypes.frozenset, BuiltinTypes.int, BuiltinTypes.list, BuiltinTypes.set, BuiltinTypes.str, BuiltinTypes.tuple,
        ]
    }

    private static func matchesSelf(_ cls: Value) -> Bool {
        switch cls {
        case .object(let t as PyTypeObject): return matchingSelf.contains { $0 === t }
        case .object(let c as PyClass): return c.nativeBase.map { base in matchingSelf.contains { $0 === base } } ?? false
        default: return false
        }
    }

    /// The attribute names (items of `__match_args__`, not yet checked to be strings) the first
    /// `count` (at least one) positional sub-patterns match; nil for one matching the subject itself.
    static func positionalNames(of cls: Value, _ className: String, count: Int) throws -> [Value?] {
        // Read from the class's own namespaces (the built-in types have none): a missing
        // attribute is the common case and raising it would cost an error per match.
        guard case .object(let c as PyClass) = cls, let matchArgs = c.lookup("__match_args__") else {
            if matchesSelf(cls) {
                guard count == 1 else { throw accepts(className, 1, count) }
                return [nil]
            }
            throw accepts(className, 0, count)
        }
        guard case .object(let tuple as PyTuple) = matchArgs else {
            throw PyError.type("\(className).__match_args__ must be a tuple (got \(matchArgs.typeName))")
        }
        guard count <= tuple.items.count else { throw accepts(className, tuple.items.count, count) }
        return tuple.items.prefix(count).map { $0 }
    }

    private static func accepts(_ className: String, _ accepted: Int, _ given: Int) -> PyError {
        PyError.type("\(className)() accepts \(accepted) positional sub-pattern\(accepted == 1 ? "" : "s") (\(given) given)")
    }
}
