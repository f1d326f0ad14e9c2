/// Constructors of the built-in container types and of `str`, `object`, `NoneType`.
enum Constructors {
    /// `str(object)`, or decoding with `encoding`/`errors`, which takes only bytes-like objects:
    /// grad has none, so a decoding call is always CPython's TypeError.
    nonisolated(unsafe) static let str = PyBuiltin("str(object=<unset>, encoding=<unset>, errors=<unset>)", style: .clinic) { args in
        var decoding = false
        for name in ["encoding", "errors"] {
            guard let given = args.given(name) else { continue }
            guard case .str = given else { throw PyError.type("str() argument '\(name)' must be str, not \(given.typeName)") }
            decoding = true
        }
        guard let object = args.given("object") else { return .str("") }
        guard decoding else { return .str(try Repr.checkedStr(object)) }
        if case .str = object { throw PyError.type("decoding str is not supported") }
        if case .object(let b as PyBytes) = object {
            return .str(try TextCodecs.decode(b.bytes, encoding: args.given("encoding").map { try Arg.string($0, "") } ?? "utf-8",
                                              errors: args.given("errors").map { try Arg.string($0, "") } ?? "strict"))
        }
        throw PyError.type("decoding to str: need a bytes-like object, \(object.typeName) found")
    }

    nonisolated(unsafe) static let list = PyBuiltin("list(iterable=<unset>, /)") { args in
        .object(PyList(try args.given("iterable").map(Iteration.collect) ?? []))
    }

    nonisolated(unsafe) static let tuple = PyBuiltin("tuple(iterable=<unset>, /)") { args in
        guard let iterable = args.given("iterable") else { return .object(PyTuple.empty) }
        if case .object(let t as PyTuple) = iterable, t.kind == .plain { return iterable }
        return .object(PyTuple(try Iteration.collect(iterable)))
    }

    nonisolated(unsafe) static let set = PyBuiltin("set(iterable=<unset>, /)") { args in
        .object(try makeSet(args.given("iterable"), frozen: false, args.interpreter))
    }

    nonisolated(unsafe) static let frozenset = PyBuiltin("frozenset(iterable=<unset>, /)") { args in
        .object(try makeSet(args.given("iterable"), frozen: true, args.interpreter))
    }

    nonisolated(unsafe) static let dict = PyBuiltin("dict(iterable=<unset>, /, **kwargs)") { args in
        let d = PyDict()
        try DictUpdate.merge(into: d, args.given("iterable"), keywords: args.varkw("kwargs"), args.interpreter)
        return .object(d)
    }

    nonisolated(unsafe) static let range = PyBuiltin("range(*args, /)") { args in
        let bounds = args.varargs("args")
        switch bounds.count {
        case 0: throw PyError.type("range expected at least 1 argument, got 0")
        case 1: return .object(try makeRange(.int(0), bounds[0], .int(1)))
        case 2: return .object(try makeRange(bounds[0], bounds[1], .int(1)))
        case 3: return .object(try makeRange(bounds[0], bounds[1], bounds[2]))
        default: throw PyError.type("range expected at most 3 arguments, got \(bounds.count)")
        }
    }

    nonisolated(unsafe) static let slice = PyBuiltin("slice(*args, /)") { args in
        let parts = args.varargs("args")
        switch parts.count {
        case 0: throw PyError.type("slice expected at least 1 argument, got 0")
        case 1: return .object(PySlice(start: .none, stop: parts[0], step: .none))
        case 2: return .object(PySlice(start: parts[0], stop: parts[1], step: .none))
        case 3: return .object(PySlice(start: parts[0], stop: parts[1], step: parts[2]))
        default: throw PyError.type("slice expected at most 3 arguments, got \(parts.count)")
        }
    }

    nonisolated(unsafe) static let object = PyBuiltin("object(*args, **kwargs)") { args in
        if !args.varargs("args").isEmpty || (args.varkw("kwargs")?.count ?? 0) > 0 {
            throw PyError.type("object() takes no arguments")
        }
        return .object(PyObject())
    }

    nonisolated(unsafe) static let noneType = PyBuiltin("NoneType(/)") { _ in .none }

    static func makeSet(_ iterable: Value?, frozen: Bool, _ interpreter: Interpreter) throws -> PySet {
        let s = PySet(frozen: frozen)
        if case .object(let other as PySet)? = iterable { try s.merge(other); return s }
        if let iterable { try interpreter.forEach(in: iterable) { try s.insert($0) } }
        return s
    }

    /// A range of ints of any size (`len` fails instead when the length passes an Int).
    static func makeRange(_ start: Value, _ stop: Value, _ step: Value) throws -> PyRange {
        if case .int(let a) = start, case .int(let b) = stop, case .int(let c) = step, c != 0 {
            return PyRange(start: a, stop: b, step: c)
        }
        let (a, b, c) = (try Arg.integer(start), try Arg.integer(stop), try Arg.integer(step))
        if c.isZero { throw PyError.value("range() arg 3 must not be zero") }
        return PyRange(start: a, stop: b, step: c)
    }
}
