/// An exception group (`ExceptionGroup("batch", [ValueError(1), KeyError(2)])`): several unrelated
/// exceptions raised as one, which `except*` takes apart (see Compiler+ExceptStar) and tracebacks
/// print in nested boxes (ErrorRenderer).
final class PyExceptionGroupObject: PyExceptionObject, @unchecked Sendable {
    /// `message`: the str given first.
    private(set) var groupMessage: Value
    /// `exceptions`: the exceptions given, as a tuple keeps them (each a PyExceptionObject).
    private(set) var members: [Value]
    /// How a traceback shows member `i` when an `except*` clause raised it: the error as it left
    /// the clause, with the exception it was handling as its context. Absent for members made by a
    /// program, which show their own `__traceback__`.
    var raisedMembers: [Int: PyError] = [:]

    init(type: PyClass, args: [Value], message: Value, members: [Value]) {
        groupMessage = message
        self.members = members
        super.init(type: type, args: args)
    }

    var exceptions: [PyExceptionObject] {
        members.compactMap { if case .object(let e as PyExceptionObject) = $0 { return e } else { return nil } }
    }

    /// `str(eg)`: `batch (2 sub-exceptions)`.
    var summary: String {
        "\(Repr.str(groupMessage)) (\(members.count) sub-exception\(members.count == 1 ? "" : "s"))"
    }

    override func forEachReference(_ visit: (Value) -> Void) {
        super.forEachReference(visit)
        visit(groupMessage)
        members.forEach(visit)
    }
    override func makeStorageUnique() {
        super.makeStorageUnique()
        makeUniqueStorage({ self.members }, { self.members = $0 })
    }
    override func giveUpReferences(into released: inout [Value]) {
        super.giveUpReferences(into: &released)
        released.append(groupMessage)
        groupMessage = .none
        released += members
        members = []
        raisedMembers = [:]
    }
}

/// `BaseExceptionGroup`'s construction and methods, with CPython 3.11's rules and messages.
enum ExceptionGroups {
    /// `BaseExceptionGroup.__new__(cls, message, exceptions)`: BaseExceptionGroup itself makes an
    /// ExceptionGroup when every member is an Exception; ExceptionGroup and its subclasses refuse
    /// members that are not.
    static func make(_ cls: PyClass, _ args: [Value], _ interpreter: Interpreter) throws -> PyExceptionGroupObject {
        guard args.count == 2 else {
            throw PyError.type("BaseExceptionGroup.__new__() takes exactly 2 arguments (\(args.count) given)")
        }
        guard case .str = args[0] else {
            throw PyError.type("BaseExceptionGroup.__new__() argument 1 must be str, not \(args[0].typeName)")
        }
        guard isSequence(args[1]) else { throw PyError.type("second argument (exceptions) must be a sequence") }
        let members = try Iteration.collect(args[1])
        guard !members.isEmpty else { throw PyError.value("second argument (exceptions) must be a non-empty sequence") }
        var nestsBaseExceptions = false
        for (i, member) in members.enumerated() {
            guard case .object(let e as PyExceptionObject) = member else {
                throw PyError.value("Item \(i) of second argument (exceptions) is not an exception")
            }
            if !e.type.isSubclass(of: PyExc.exception) { nestsBaseExceptions = true }
        }
        var made = cls
        if cls === PyExc.baseExceptionGroup {
            if !nestsBaseExceptions { made = PyExc.exceptionGroup }
        } else if nestsBaseExceptions && cls.isSubclass(of: PyExc.exception) {
            throw PyError.type(cls === PyExc.exceptionGroup ? "Cannot nest BaseExceptions in an ExceptionGroup"
                                                            : "Cannot nest BaseExceptions in '\(cls.name)'")
        }
        return PyExceptionGroupObject(type: made, args: args, message: args[0], members: members)
    }

    /// What CPython's `PySequence_Check` accepts here: not a set, dict or iterator.
    private static func isSequence(_ value: Value) -> Bool {
        switch value {
        case _ where value.isSequence, .object(is PyRange): return true
        case .object(let instance as PyInstance): return instance.cls.lookup("__getitem__") != nil
        default: return false
        }
    }

    /// What decides membership in `split`, `subgroup` and `except*`.
    enum Condition {
        /// An exception class or a tuple of them: `isinstance`.
        case types(Value)
        /// A function of the exception.
        case predicate(Value)
        /// The leaves named, by identity (how `except*` rebuilds what its clauses re-raised).
        case leaves(Set<ObjectIdentifier>)

        init(_ value: Value) throws {
            switch value {
            case .object(let c as PyClass) where c.isExceptionClass: self = .types(value)
            case .object(let t as PyTuple):
                for item in t.items {
                    guard case .object(let c as PyClass) = item, c.isExceptionClass else { throw Condition.refused }
                }
                self = .types(value)
            case .object(is PyClass), .object(is PyTypeObject): throw Condition.refused
            default:
                guard IntrospectionFunctions.isCallable(value) else { throw Condition.refused }
                self = .predicate(value)
            }
        }

        private static var refused: PyError { PyError.type("expected a function, exception type or tuple of exception types") }

        func matches(_ e: PyExceptionObject, _ interpreter: Interpreter) throws -> Bool {
            switch self {
            case .types(let types): return try IntrospectionFunctions.isInstance(.object(e), types)
            case .predicate(let f): return try Operators.truthy(try interpreter.call(f, Arguments([.object(e)])))
            case .leaves(let ids): return ids.contains(ObjectIdentifier(e))
            }
        }
    }

    /// `eg.split(condition)`: the part that matches and the rest, each a group derived from `eg`
    /// with the same nesting (or nil when empty); a group that matches as a whole is itself the match.
    static func split(_ e: PyExceptionObject, _ condition: Condition, keepingRest: Bool,
                      _ interpreter: Interpreter) throws -> (match: PyExceptionObject?, rest: PyExceptionObject?) {
        if try condition.matches(e, interpreter) { return (e, nil) }
        guard let group = e as? PyExceptionGroupObject else { return (nil, keepingRest ? e : nil) }
        var matched: [Value] = [], rest: [Value] = []
        for member in group.exceptions {
            let parts = try split(member, condition, keepingRest: keepingRest, interpreter)
            if let m = parts.match { matched.append(.object(m)) }
            if let r = parts.rest { rest.append(.object(r)) }
        }
        return (try subset(group, matched, interpreter), try subset(group, rest, interpreter))
    }

    /// A group of `members` made by `group.derive`, carrying `group`'s traceback, cause and notes.
    private static func subset(_ group: PyExceptionGroupObject, _ members: [Value], _ interpreter: Interpreter) throws -> PyExceptionObject? {
        guard !members.isEmpty else { return nil }
        let derive = try interpreter.getAttribute(.object(group), "derive")
        guard case .object(let derived as PyExceptionGroupObject) = try interpreter.call(derive, Arguments([.object(PyList(members))])) else {
            throw PyError.type("derive must return an instance of BaseExceptionGroup")
        }
        derived.tracebackObject = group.tracebackObject
        // As CPython's PyException_SetCause, which also sets `__suppress_context__`.
        derived.setAttribute("__suppress_context__", .bool(true))
        for chained in ["__cause__", "__context__"] {
            if let value = group.attribute(chained) { derived.setAttribute(chained, value) }
        }
        if let notes = group.attribute("__notes__"), isSequence(notes) {
            derived.setAttribute("__notes__", .object(PyList(try Iteration.collect(notes))))
        }
        return derived
    }

    /// The identities of the exceptions that are not groups, at any depth.
    static func leaves(of e: PyExceptionObject) -> Set<ObjectIdentifier> {
        guard let group = e as? PyExceptionGroupObject else { return [ObjectIdentifier(e)] }
        return group.exceptions.reduce(into: []) { $0.formUnion(leaves(of: $1)) }
    }

    /// `BaseException.add_note(note)`: appends to the `__notes__` list, made on first use.
    static func addNote(_ e: PyExceptionObject, _ note: Value) throws {
        guard case .str = note else { throw PyError.type("note must be a str, not '\(note.typeName)'") }
        guard let notes = e.attribute("__notes__") else {
            e.setAttribute("__notes__", .object(PyList([note])))
            return
        }
        guard case .object(let list as PyList) = notes else { throw PyError.type("Cannot add note: __notes__ is not a list") }
        list.changeItems { $0.append(note) }
    }

    private static func group(_ value: Value) -> PyExceptionGroupObject? {
        if case .object(let g as PyExceptionGroupObject) = value { return g } else { return nil }
    }

    /// The methods BaseException and BaseExceptionGroup add to their classes.
    static func installMethods() {
        PyExc.baseException.setAttribute("add_note", .object(PyBuiltin("BaseException.add_note(self, note, /)") { args in
            guard case .object(let e as PyExceptionObject) = args["self"] else { return .none }
            try addNote(e, args["note"])
            return .none
        }))
        let groupClass = PyExc.baseExceptionGroup
        groupClass.setAttribute("__new__", .object(PyStaticMethod(.object(PyBuiltin("BaseExceptionGroup.__new__(cls, /, *args)") { args in
            guard case .object(let cls as PyClass) = args["cls"], cls.isSubclass(of: PyExc.baseExceptionGroup) else {
                throw InstanceCreation.notSubtype(args["cls"], of: "BaseExceptionGroup")
            }
            return .object(try make(cls, args.varargs("args"), args.interpreter))
        }))))
        groupClass.setAttribute("__str__", .object(PyBuiltin("BaseExceptionGroup.__str__(self, /)") { args in
            .str(group(args["self"])?.summary ?? "")
        }))
        groupClass.setAttribute("derive", .object(PyBuiltin("BaseExceptionGroup.derive(self, excs, /)") { args in
            guard let g = group(args["self"]) else { return .none }
            return .object(try make(PyExc.baseExceptionGroup, [g.groupMessage, args["excs"]], args.interpreter))
        }))
        groupClass.setAttribute("split", .object(PyBuiltin("BaseExceptionGroup.split(self, matcher_value, /)") { args in
            guard let g = group(args["self"]) else { return .none }
            let parts = try split(g, try Condition(args["matcher_value"]), keepingRest: true, args.interpreter)
            return .object(PyTuple([parts.match.map { .object($0) } ?? .none, parts.rest.map { .object($0) } ?? .none]))
        }))
        groupClass.setAttribute("subgroup", .object(PyBuiltin("BaseExceptionGroup.subgroup(self, matcher_value, /)") { args in
            guard let g = group(args["self"]) else { return .none }
            let parts = try split(g, try Condition(args["matcher_value"]), keepingRest: false, args.interpreter)
            return parts.match.map { .object($0) } ?? .none
        }))
    }
}
