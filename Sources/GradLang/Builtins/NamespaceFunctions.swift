/// `globals`, `locals`, `eval`, `exec` and `compile`: the built-ins that read or run code in a
/// namespace (the caller's, found through `Interpreter.takeCallerScope`, or a dict given).
enum NamespaceFunctions {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("globals()") { args in
                .object(try args.interpreter.takeCallerScope().globals.dict(args.interpreter))
            },
            PyBuiltin("locals()") { args in
                .object(try args.interpreter.takeCallerScope().localsDict(args.interpreter))
            },
            PyBuiltin("eval(source, globals=None, locals=None, /)") { args in
                try run(args, mode: .eval)
            },
            PyBuiltin("exec(source, globals=None, locals=None, /, *, closure=None)") { args in
                if args.has("closure") { throw PyError.type("grad's exec() does not take closure= yet") }
                return try run(args, mode: .exec)
            },
            PyBuiltin("compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)") { args in
                guard case .str(let modeName) = args["mode"], let mode = PyCodeObject.Mode(rawValue: modeName.string) else {
                    if case .str = args["mode"] { throw PyError.value("compile() mode must be 'exec', 'eval' or 'single'") }
                    throw PyError.type("compile() argument 'mode' must be str, not \(args["mode"].typeName)")
                }
                let filename: String
                switch args["filename"] {
                case .str(let s): filename = s.string
                case .object(let b as PyBytes): filename = try TextCodecs.decode(b.bytes, encoding: "utf-8", errors: "strict")
                case let other: throw PyError.type("expected str, bytes or os.PathLike object, not \(other.typeName)")
                }
                if case .object(let code as PyCodeObject) = args["source"] { return .object(code) }
                guard let source = try sourceText(args["source"]) else {
                    throw PyError.type("compile() arg 1 must be a string, bytes or AST object")
                }
                return .object(try PyCodeObject.compile(source, filename: filename, mode: mode))
            },
        ]
    }

    /// `eval(...)` or `exec(...)`: compiles a string (as `<string>`) or takes a code object, and
    /// runs it in the globals and locals given, by default the caller's.
    private static func run(_ args: BoundArguments, mode: PyCodeObject.Mode) throws -> Value {
        let interpreter = args.interpreter
        let caller = try interpreter.takeCallerScope()
        let name = mode.rawValue
        let code: PyCodeObject
        if case .object(let c as PyCodeObject) = args["source"] {
            code = c
        } else if let source = try sourceText(args["source"]) {
            code = try PyCodeObject.compile(source, filename: "<string>", mode: mode)
        } else {
            throw PyError.type("\(name)() arg 1 must be a string, bytes or code object")
        }
        let globalsDict: PyDict?
        switch args["globals"] {
        case .none: globalsDict = nil
        case .object(let d as PyDict): globalsDict = d
        case let other:
            throw PyError.type(mode == .eval ? "globals must be a dict" : "exec() globals must be a dict, not \(other.typeName)")
        }
        let localsDict: PyDict?
        switch args["locals"] {
        case .none: localsDict = nil
        case .object(let d as PyDict): localsDict = d
        case .object(let o as PyInstance) where o.cls.lookup("__getitem__") != nil:
            throw PyError.type("grad's \(name)() takes a dict as locals, not another mapping, yet")
        case let other:
            throw PyError.type(mode == .eval ? "locals must be a mapping" : "locals must be a mapping or None, not \(other.typeName)")
        }
        if let globalsDict {
            let globals = try Globals.of(globalsDict, interpreter)
            // Locals default to the globals given; the same dict twice is one namespace.
            let locals = localsDict === globalsDict ? nil : localsDict
            return try interpreter.run(code, globals: globals, locals: locals, globalsDict: globalsDict)
        }
        // The caller's namespaces: in a function, its locals are a snapshot, as in CPython 3.11.
        let locals = try localsDict ?? caller.locals?()
        return try interpreter.run(code, globals: caller.globals, locals: locals === caller.globals.dictView ? nil : locals)
    }

    /// A source string, or bytes decoded as UTF-8; nil for any other value.
    private static func sourceText(_ value: Value) throws -> String? {
        switch value {
        case .str(let s): return s.string
        case .object(let b as PyBytes): return try TextCodecs.decode(b.bytes, encoding: "utf-8", errors: "strict")
        default: return nil
        }
    }
}
