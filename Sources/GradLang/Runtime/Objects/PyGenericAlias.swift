/// `list[int]`, `dict[str, float]`, `typing.Optional[int]`: a type with parameters, which means
/// nothing at run time (annotations, `dataclasses`) but shows them in its repr. Calling one calls
/// its origin (`list[int]()` is `[]`).
final class PyGenericAlias: CollectableObject, PyCustomRepr, PyCallable {
    /// The type or `typing` form subscripted.
    let origin: Value
    let arguments: [Value]
    /// How the origin is written before the brackets: `list`, `typing.List`.
    private let prefix: String

    init(origin: Value, arguments: [Value], prefix: String) {
        self.origin = origin
        self.arguments = arguments
        self.prefix = prefix
    }

    /// `origin[key]`: a tuple key gives several arguments.
    convenience init(origin: Value, key: Value, prefix: String) {
        if case .object(let t as PyTuple) = key, t.kind == .plain {
            self.init(origin: origin, arguments: t.items, prefix: prefix)
        } else {
            self.init(origin: origin, arguments: [key], prefix: prefix)
        }
    }

    override var typeName: String { "types.GenericAlias" }

    var reprText: String {
        prefix + "[" + (arguments.isEmpty ? "()" : arguments.map(PyGenericAlias.typeRepr).joined(separator: ", ")) + "]"
    }

    /// CPython's `_type_repr`: a class by its qualified name (with its module unless built in),
    /// `...` as is, anything else by its repr.
    static func typeRepr(_ v: Value) -> String {
        switch v {
        case .object(let t as PyTypeObject): return t.qualifiedName
        case .object(let c as PyClass): return c.displayName
        case .object(let o) where o is PyEllipsis: return "..."
        case .none: return "None"
        // `Callable[[int], str]`'s parameter list.
        case .object(let l as PyList): return "[" + l.items.map(typeRepr).joined(separator: ", ") + "]"
        default: return Repr.repr(v)
        }
    }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        try interpreter.call(origin, args)
    }
}
