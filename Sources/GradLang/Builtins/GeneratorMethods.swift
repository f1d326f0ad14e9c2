/// Methods and attributes of generator objects: `send`, `throw`, `close`, `__next__`,
/// `__iter__`, `gi_running`, `__name__`, `__qualname__`.
enum GeneratorMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("generator.send(self, value, /)") { args in try args.selfGenerator.send(args["value"]) },
            PyBuiltin("generator.throw(self, typ, val=None, tb=None, /)") { args in
                try args.selfGenerator.throwIn(try thrownError(args["typ"], args["val"]))
            },
            PyBuiltin("generator.close(self, /)") { args in
                try args.selfGenerator.close()
                return .none
            },
            PyBuiltin("generator.__next__(self, /)") { args in try args.selfGenerator.send(.none) },
            PyBuiltin("generator.__iter__(self, /)") { args in Value.object(try args.selfGenerator) },
        ]
    }

    /// The exception `throw(typ, val)` raises, as CPython 3.11 makes it from its arguments.
    static func thrownError(_ type: Value, _ value: Value) throws -> PyError {
        switch type {
        case .object(let instance as PyExceptionObject):
            guard value.isNone else { throw PyError.type("instance exception may not have a separate value") }
            return PyError(exception: instance)
        case .object(let exceptionType as PyClass) where exceptionType.isExceptionClass:
            // Made as calling the class makes it (a class of the program's runs its `__init__`).
            func instance(_ args: [Value]) throws -> PyError {
                if let interpreter = exceptionType.interpreter,
                   case .object(let made as PyExceptionObject) = try ClassCreation.instantiate(exceptionType, Arguments(args), interpreter) {
                    return PyError(exception: made)
                }
                return PyError(exception: PyExceptionObject(type: exceptionType, args: args))
            }
            switch value {
            case .none: return try instance([])
            case .object(let instance as PyExceptionObject) where instance.type.isSubclass(of: exceptionType):
                return PyError(exception: instance)
            case .object(let tuple as PyTuple): return try instance(tuple.items)
            default: return try instance([value])
            }
        default:
            throw PyError.type("exceptions must be classes or instances deriving from BaseException, not \(type.typeName)")
        }
    }

    static func install(_ table: inout AttributeTable) {
        table.addMethods(.generator, all)
        table.addGetter(.generator, "gi_running") { v in .bool(try generator(v).running) }
        table.addGetter(.generator, "__name__") { v in .str(try generator(v).name) }
        table.addGetter(.generator, "__qualname__") { v in .str(try generator(v).qualifiedName) }
    }

    private static func generator(_ v: Value) throws -> PyGeneratorObject {
        guard case .object(let g as PyGeneratorObject) = v else { throw PyError.type("expected a generator") }
        return g
    }
}
