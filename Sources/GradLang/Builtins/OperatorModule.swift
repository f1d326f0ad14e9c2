/// The `operator` module: Python's operators as functions, and `itemgetter`, `attrgetter`,
/// `methodcaller`.
enum OperatorModule {
    static func make() -> PyModule {
        var attributes: [String: Value] = [:]
        for f in functions { attributes[f.name] = .object(f) }
        return PyModule(name: "operator", attributes: attributes)
    }

    private static func binary(_ name: String, _ op: BinaryOperator) -> PyBuiltin {
        PyBuiltin("operator.\(name)(a, b, /)") { args in try Operators.binary(op, args["a"], args["b"]) }
    }

    private static func inPlace(_ name: String, _ op: BinaryOperator) -> PyBuiltin {
        PyBuiltin("operator.\(name)(a, b, /)") { args in try Operators.inPlace(op, args["a"], args["b"], args.interpreter) }
    }

    private static func comparison(_ name: String, _ op: CompareOperator) -> PyBuiltin {
        PyBuiltin("operator.\(name)(a, b, /)") { args in try Operators.compare(op, args["a"], args["b"]) }
    }

    private static var functions: [PyBuiltin] {
        let operators: [(String, BinaryOperator)] = [
            ("add", .add), ("sub", .subtract), ("mul", .multiply), ("truediv", .divide), ("floordiv", .floorDivide),
            ("mod", .modulo), ("pow", .power), ("matmul", .matrixMultiply), ("lshift", .leftShift),
            ("rshift", .rightShift), ("and_", .bitAnd), ("or_", .bitOr), ("xor", .bitXor),
        ]
        let comparisons: [(String, CompareOperator)] = [("lt", .lt), ("le", .le), ("eq", .eq), ("ne", .ne), ("ge", .ge), ("gt", .gt)]
        return operators.map { binary($0.0, $0.1) }
            + operators.map { inPlace("i" + $0.0.replacingOccurrences(of: "_", with: ""), $0.1) }
            + comparisons.map { comparison($0.0, $0.1) }
            + [
                PyBuiltin("operator.neg(a, /)") { args in try Operators.unary(.minus, args["a"]) },
                PyBuiltin("operator.pos(a, /)") { args in try Operators.unary(.plus, args["a"]) },
                PyBuiltin("operator.invert(a, /)") { args in try Operators.unary(.invert, args["a"]) },
                PyBuiltin("operator.abs(a, /)") { args in try NumericFunctions.absolute(args["a"]) },
                PyBuiltin("operator.not_(a, /)") { args in .bool(!(try Operators.truthy(args["a"]))) },
                PyBuiltin("operator.truth(a, /)") { args in .bool(try Operators.truthy(args["a"])) },
                PyBuiltin("operator.is_(a, b, /)") { args in .bool(Operators.identical(args["a"], args["b"])) },
                PyBuiltin("operator.is_not(a, b, /)") { args in .bool(!Operators.identical(args["a"], args["b"])) },
                PyBuiltin("operator.contains(a, b, /)") { args in .bool(try Operators.contains(args["a"], args["b"])) },
                PyBuiltin("operator.getitem(a, b, /)") { args in
                    try Subscript.get(args["a"], args["b"], interpreter: args.interpreter)
                },
                PyBuiltin("operator.setitem(a, b, c, /)") { args in
                    try Subscript.set(args["a"], args["b"], args["c"], interpreter: args.interpreter)
                    return .none
                },
                PyBuiltin("operator.delitem(a, b, /)") { args in
                    try Subscript.delete(args["a"], args["b"])
                    return .none
                },
                PyBuiltin("operator.index(a, /)") { args in .integer(try Arg.integer(args["a"])) },
                PyBuiltin("operator.length_hint(obj, default=0, /)", style: .checkPositional) { args in
                    let fallback = try Arg.size(args["default"])
                    return .int(try lengthHint(args["obj"], default: fallback, args.interpreter))
                },
                PyBuiltin("operator.itemgetter(item, /, *items)") { args in
                    let keys = [args["item"]] + args.varargs("items")
                    let interpreter = args.interpreter
                    return .object(PyNativeCallable(name: "operator.itemgetter") { call in
                        guard call.positional.count == 1, call.keywords.isEmpty else {
                            throw PyError.type("itemgetter expected 1 argument, got \(call.positional.count)")
                        }
                        let values = try keys.map { try Subscript.get(call.positional[0], $0, interpreter: interpreter) }
                        return values.count == 1 ? values[0] : .object(PyTuple(values))
                    })
                },
                PyBuiltin("operator.attrgetter(attr, /, *attrs)") { args in
                    let names = try ([args["attr"]] + args.varargs("attrs")).map { name -> [String] in
                        guard case .str(let s) = name else { throw PyError.type("attribute name must be a string") }
                        return s.string.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    }
                    let interpreter = args.interpreter
                    return .object(PyNativeCallable(name: "operator.attrgetter") { call in
                        guard call.positional.count == 1, call.keywords.isEmpty else {
                            throw PyError.type("attrgetter expected 1 argument, got \(call.positional.count)")
                        }
                        let values = try names.map { path in
                            try path.reduce(call.positional[0]) { try interpreter.getAttribute($0, $1) }
                        }
                        return values.count == 1 ? values[0] : .object(PyTuple(values))
                    })
                },
                PyBuiltin("operator.methodcaller(name, /, *args, **kwargs)") { args in
                    guard case .str(let name) = args["name"] else { throw PyError.type("method name must be a string") }
                    let extra = args.varargs("args")
                    let keywords = args.varkw("kwargs")?.entries.compactMap { entry -> (name: String, value: Value)? in
                        if case .str(let k) = entry.key { return (k.string, entry.value) } else { return nil }
                    } ?? []
                    let interpreter = args.interpreter
                    return .object(PyNativeCallable(name: "operator.methodcaller") { call in
                        guard call.positional.count == 1, call.keywords.isEmpty else {
                            throw PyError.type("methodcaller expected 1 argument, got \(call.positional.count)")
                        }
                        let method = try interpreter.getAttribute(call.positional[0], name.string)
                        return try interpreter.call(method, Arguments(extra, keywords: keywords))
                    })
                },
            ]
    }

    /// `operator.length_hint`: `len(obj)` if it has one, else what its `__length_hint__` says
    /// (built-in iterators: PyIterator.lengthHint), else `fallback`, with CPython's checks.
    private static func lengthHint(_ v: Value, default fallback: Int, _ interpreter: Interpreter) throws -> Int {
        do {
            return try IteratorFunctions.length(v)
        } catch let e as PyError where e.type.isSubclass(of: PyExc.typeError) {}
        let hint: Value
        switch v {
        case .object(let iterator as PyIterator):
            guard let answer = iterator.lengthHint else { return fallback }
            hint = answer(iterator)
        case .object(let instance as PyInstance):
            guard let method = instance.cls.lookup("__length_hint__") else { return fallback }
            hint = try interpreter.call(try ClassAttributes.bind(method, to: v, interpreter), Arguments())
        default: return fallback
        }
        switch hint {
        case .object(is PyNotImplemented): return fallback
        case .int(let n) where n < 0: throw PyError.value("__length_hint__() should return >= 0")
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b) where b < 0: throw PyError.value("__length_hint__() should return >= 0")
        case .bigInt: throw PyError.overflow("cannot fit 'int' into an index-sized integer")
        default: throw PyError.type("__length_hint__ must be an integer, not \(hint.typeName)")
        }
    }
}

/// A callable object a built-in makes (`operator.itemgetter(1)`, `functools.partial(f, 1)`): its
/// type name, and what calling it does.
final class PyNativeCallable: CollectableObject, PyCallable {
    let name: String
    /// What it holds lives in this closure, which the cycle collector cannot see into: a cycle
    /// through one is kept (a leak), never freed early.
    let body: (Arguments) throws -> Value

    init(name: String, _ body: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.body = body
    }

    override var typeName: String { String(name.split(separator: ".").last ?? "") }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value { try body(args) }
}
