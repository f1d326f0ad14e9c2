/// The `typing` module as annotations use it: `List[int]`, `Optional[str]`, `Any`, ... print as
/// CPython's and mean nothing at run time; `NamedTuple` makes named tuples from a class body's
/// annotations (see NamedTuple).
enum TypingModule {
    static let forms = ["Any", "Callable", "ClassVar", "Dict", "Final", "FrozenSet", "Iterable", "Iterator", "List",
                        "Literal", "Mapping", "Optional", "Sequence", "Set", "Tuple", "Type", "Union"]

    static func make() -> PyModule {
        var attributes: [String: Value] = ["TYPE_CHECKING": .bool(false)]
        for name in forms { attributes[name] = .object(PyTypingForm(name)) }
        attributes["NamedTuple"] = .object(PyTypingForm.namedTuple)
        attributes["cast"] = .object(PyBuiltin("cast(typ, val)") { args in args["val"] })
        return PyModule(name: "typing", attributes: attributes)
    }
}

/// A `typing` special form (`typing.Optional`): subscripting it makes a generic alias.
final class PyTypingForm: PyObject, PyCustomRepr, PyCallable {
    let name: String
    init(_ name: String) { self.name = name }

    nonisolated(unsafe) static let namedTuple = PyTypingForm("NamedTuple")

    override var typeName: String { "typing._SpecialForm" }
    var reprText: String { "typing.\(name)" }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard self === PyTypingForm.namedTuple else { throw PyError.type("Cannot instantiate typing.\(name)") }
        return try TypedNamedTuple.call(args, interpreter)
    }

    func subscripted(by key: Value) throws -> Value {
        if name == "Any" || name == "NamedTuple" { throw PyError.type("type '\(name)' is not subscriptable") }
        // `Union[int]` is `int`, as in CPython.
        if name == "Union", !(key.isTuple) { return key }
        return .object(PyGenericAlias(origin: .object(self), key: key, prefix: reprText))
    }
}

private extension Value {
    var isTuple: Bool {
        if case .object(let o) = self { return o is PyTuple }
        return false
    }
}
