/// The `functools` module: `reduce`, `partial`, `wraps`/`update_wrapper`, `lru_cache`, `cache`,
/// and the class tools written in Python (FunctoolsClassTools).
enum FunctoolsModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        var attributes = FunctoolsClassTools.make(interpreter)
        for f in functions { attributes[f.name] = .object(f) }
        attributes["partial"] = .object(partialType)
        attributes["WRAPPER_ASSIGNMENTS"] = .object(PyTuple(wrapperAssignments.map { .str($0) }))
        attributes["WRAPPER_UPDATES"] = .object(PyTuple([.str("__dict__")]))
        return PyModule(name: "functools", attributes: attributes)
    }

    static let wrapperAssignments = ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"]

    nonisolated(unsafe) static let partialType = PyTypeObject(name: "partial", qualifiedName: "functools.partial",
        constructor: PyBuiltin("partial(func, /, *args, **keywords)") { args in
            let function = args["func"]
            guard IntrospectionFunctions.isCallable(function) else { throw PyError.type("the first argument must be callable") }
            var keywords: [(name: String, value: Value)] = []
            for (k, v) in args.varkw("keywords")?.entries ?? [] { if case .str(let s) = k { keywords.append((s.string, v)) } }
            // A partial of a partial flattens, as in CPython.
            if case .object(let inner as PyPartial) = function {
                let merged = inner.keywords.filter { old in !keywords.contains { $0.name == old.name } } + keywords
                return .object(PyPartial(function: inner.function, args: inner.args + args.varargs("args"), keywords: merged))
            }
            return .object(PyPartial(function: function, args: args.varargs("args"), keywords: keywords))
        }) { value in
        if case .object(let o) = value { return o is PyPartial }
        return false
    }

    private static var functions: [PyBuiltin] {
        [
            PyBuiltin("functools.reduce(function, iterable, initial=<unset>, /)") { args in
                let source = try Iteration.iterator(args["iterable"])
                guard var total = try args.given("initial") ?? source.next() else {
                    throw PyError.type("reduce() of empty iterable with no initial value")
                }
                while let v = try source.next() { total = try args.interpreter.call(args["function"], Arguments([total, v])) }
                return total
            },
            updateWrapperFunction,
            PyBuiltin("functools.wraps(wrapped, assigned=<unset>, updated=<unset>)") { args in
                let wrapped = args["wrapped"], interpreter = args.interpreter
                return .object(PyNativeCallable(name: "functools.partial") { call in
                    guard call.positional.count == 1 else { throw PyError.type("update_wrapper() missing 1 required positional argument: 'wrapper'") }
                    return try updateWrapper(call.positional[0], wrapped, interpreter)
                })
            },
            PyBuiltin("functools.lru_cache(maxsize=128, typed=False)") { args in
                // `@lru_cache` without parentheses passes the function itself.
                if IntrospectionFunctions.isCallable(args["maxsize"]) {
                    return .object(try PyCachedFunction(function: args["maxsize"], maxsize: 128, args.interpreter))
                }
                let maxsize: Int? = args["maxsize"].isNone ? nil : Swift.max(0, try Arg.size(args["maxsize"]))
                let interpreter = args.interpreter
                return .object(PyNativeCallable(name: "functools.lru_cache") { call in
                    guard call.positional.count == 1 else { throw PyError.type("lru_cache() takes 1 positional argument") }
                    return .object(try PyCachedFunction(function: call.positional[0], maxsize: maxsize, interpreter))
                })
            },
            PyBuiltin("functools.cache(user_function, /)") { args in
                .object(try PyCachedFunction(function: args["user_function"], maxsize: nil, args.interpreter))
            },
        ]
    }

    nonisolated(unsafe) static let updateWrapperFunction = PyBuiltin(
        "functools.update_wrapper(wrapper, wrapped, assigned=<unset>, updated=<unset>)") { args in
        try updateWrapper(args["wrapper"], args["wrapped"], args.interpreter)
    }

    /// Copies `__module__`, `__name__`, `__qualname__`, `__doc__`, `__annotations__` and `__dict__` from `wrapped`
    /// to `wrapper` and sets `__wrapped__`, as CPython's does; returns `wrapper`.
    static func updateWrapper(_ wrapper: Value, _ wrapped: Value, _ interpreter: Interpreter) throws -> Value {
        for name in wrapperAssignments {
            if let v = try? interpreter.getAttribute(wrapped, name) { try interpreter.setAttribute(wrapper, name, v) }
        }
        if case .object(let from as PyFunction) = wrapped, case .object(let to as PyFunction) = wrapper {
            for (name, value) in from.attributes { to.setAttribute(name, value) }
        }
        try interpreter.setAttribute(wrapper, "__wrapped__", wrapped)
        return wrapper
    }
}

/// `functools.partial(f, *args, **keywords)`.
final class PyPartial: CollectableObject, PyCallable, PyAttributeProviding, PyCustomRepr {
    let function: Value
    let args: [Value]
    let keywords: [(name: String, value: Value)]

    init(function: Value, args: [Value], keywords: [(name: String, value: Value)]) {
        self.function = function
        self.args = args
        self.keywords = keywords
    }

    override var typeName: String { "partial" }

    func call(_ call: Arguments, _ interpreter: Interpreter) throws -> Value {
        let merged = keywords.filter { old in !call.keywords.contains { $0.name == old.name } } + call.keywords
        return try interpreter.call(function, Arguments(args + call.positional, keywords: merged))
    }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "func": return function
        case "args": return .object(PyTuple(args))
        case "keywords":
            let d = PyDict()
            for (k, v) in keywords { try d.set(.str(k), v) }
            return .object(d)
        default: return nil
        }
    }

    var reprText: String {
        let parts = [Repr.repr(function)] + args.map { Repr.repr($0) } + keywords.map { "\($0.name)=\(Repr.repr($0.value))" }
        return "functools.partial(" + parts.joined(separator: ", ") + ")"
    }
}

/// A function wrapped by `lru_cache` or `cache`: results by arguments, least recently used first
/// out past `maxsize`; `cache_info()`, `cache_clear()`, `__wrapped__`.
final class PyCachedFunction: CollectableObject, PyCallable, PyAttributeProviding {
    let function: Value
    let maxsize: Int?
    private let results = PyDict()
    private var hits = 0, misses = 0
    private let interpreter: Interpreter

    init(function: Value, maxsize: Int?, _ interpreter: Interpreter) throws {
        guard IntrospectionFunctions.isCallable(function) else { throw PyError.type("Expected first argument to be a callable, or None") }
        self.function = function
        self.maxsize = maxsize
        self.interpreter = interpreter
    }

    override var typeName: String { "functools._lru_cache_wrapper" }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        var parts = args.positional
        if !args.keywords.isEmpty {
            parts.append(.object(PyUnset.shared))
            for (k, v) in args.keywords { parts += [.str(k), v] }
        }
        let key = Value.object(PyTuple(parts))
        if let found = try results.get(key) {
            hits += 1
            // Most recently used goes last.
            _ = try results.remove(key)
            try results.set(key, found)
            return found
        }
        misses += 1
        let result = try interpreter.call(function, args)
        if maxsize != 0 {
            try results.set(key, result)
            if let maxsize, results.count > maxsize, let oldest = results.entries.first { _ = try results.remove(oldest.key) }
        }
        return result
    }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "__wrapped__": return function
        case "cache_info":
            return .object(PyNativeCallable(name: "cache_info") { [self] _ in
                .object(PyTuple([.int(hits), .int(misses), maxsize.map { .int($0) } ?? .none, .int(results.count)],
                                kind: .record(type: "CacheInfo", fields: ["hits", "misses", "maxsize", "currsize"])))
            })
        case "cache_clear":
            return .object(PyNativeCallable(name: "cache_clear") { [self] _ in
                results.removeAll()
                (hits, misses) = (0, 0)
                return .none
            })
        case "__name__", "__qualname__", "__doc__", "__module__": return try interpreter.getAttribute(function, name)
        default: return nil
        }
    }
}
