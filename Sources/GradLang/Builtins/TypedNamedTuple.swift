/// `typing.NamedTuple`: `class Employee(NamedTuple)` with annotated fields (defaults from the
/// values beside them, methods and a docstring kept), and `NamedTuple("Pair", [("a", int)])`.
/// As CPython's `NamedTupleMeta`, the class statement makes a `collections.namedtuple` class and
/// copies the rest of the body onto it.
enum TypedNamedTuple {
    /// Names the class body may not define, and those it defines that are not copied.
    private static let prohibited: Set<String> = ["__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                                                   "_field_defaults", "_make", "_replace", "_asdict", "_source"]
    private static let special: Set<String> = ["__module__", "__name__", "__annotations__"]

    static func isBase(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === PyTypingForm.namedTuple }
        return false
    }

    /// The class a `class Name(NamedTuple)` statement makes.
    static func fromClassBody(_ name: String, bases: [Value], namespace: Namespace, _ interpreter: Interpreter) throws -> PyClass {
        if bases.count != 1 { throw PyError.type("can only inherit from a NamedTuple type and Generic") }
        let annotations: PyDict
        if case .object(let d as PyDict)? = namespace["__annotations__"] { annotations = d } else { annotations = PyDict() }
        var fields: [String] = [], defaults: [Value] = []
        for case (.str(let field), _) in annotations.entries {
            if let value = namespace[field.string] {
                defaults.append(value)
            } else if let last = fields.last, !defaults.isEmpty {
                throw PyError.type("Non-default namedtuple field \(field.string) cannot follow default field \(last)")
            }
            fields.append(field.string)
        }
        let made = try make(name, fields, annotations, defaults: defaults, module: namespace["__module__"] ?? .str("__main__"), interpreter)
        for (key, value) in namespace.entries {
            if prohibited.contains(key) { throw PyError.attribute("Cannot overwrite NamedTuple attribute \(key)") }
            if !special.contains(key) && !fields.contains(key) { made.setAttribute(key, value) }
        }
        return made
    }

    private static func make(_ name: String, _ fields: [String], _ annotations: PyDict, defaults: [Value], module: Value,
                             _ interpreter: Interpreter) throws -> PyClass {
        for field in fields where field.hasPrefix("_") {
            throw PyError.value("Field names cannot start with an underscore: \(Repr.repr(.str(field)))")
        }
        guard case .object(let cls as PyClass) = try NamedTuple.make(name, fields, defaults: defaults, module: module, interpreter) else {
            throw PyError.type("NamedTuple made no class")
        }
        cls.setAttribute("__annotations__", .object(annotations))
        return cls
    }

    /// `NamedTuple("Pair", [("a", int), ("b", str)])`.
    static func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard args.positional.count == 2, case .str(let name) = args.positional[0] else {
            throw PyError.type("grad supports NamedTuple(typename, fields) with a list of (name, type) pairs")
        }
        let annotations = PyDict()
        var fields: [String] = []
        for pair in try Iteration.collect(args.positional[1]) {
            let parts = try Iteration.collect(pair)
            guard parts.count == 2, case .str(let field) = parts[0] else { throw PyError.type("NamedTuple fields must be (name, type) pairs") }
            fields.append(field.string)
            try annotations.set(parts[0], parts[1])
        }
        return .object(try make(name.string, fields, annotations, defaults: [], module: .str("__main__"), interpreter))
    }
}
