/// `@dataclass` and `@dataclass(...)`: CPython 3.11's `_process_class` — the fields from the
/// bases' and the class's own annotations, then the methods it asks for, added where the class
/// does not define them.
extension DataclassesModule {
    struct Options {
        var initializer = true, repr = true, eq = true, order = false, unsafeHash = false, frozen = false
        var matchArgs = true, kwOnly = false, slots = false, weakrefSlot = false
    }

    var dataclass: PyBuiltin {
        PyBuiltin("dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False)") { args in
            let options = Options(
                initializer: try Operators.truthy(args["init"]), repr: try Operators.truthy(args["repr"]),
                eq: try Operators.truthy(args["eq"]), order: try Operators.truthy(args["order"]),
                unsafeHash: try Operators.truthy(args["unsafe_hash"]), frozen: try Operators.truthy(args["frozen"]),
                matchArgs: try Operators.truthy(args["match_args"]), kwOnly: try Operators.truthy(args["kw_only"]),
                slots: try Operators.truthy(args["slots"]), weakrefSlot: try Operators.truthy(args["weakref_slot"]))
            if args["cls"].isNone {
                return .object(PyBuiltin("wrap(cls)") { inner in try self.process(inner["cls"], options, inner.interpreter) })
            }
            return try self.process(args["cls"], options, args.interpreter)
        }
    }

    /// CPython's `_FIELD`, `_FIELD_CLASSVAR` and `_FIELD_INITVAR`: a field, a `ClassVar`, or an
    /// `InitVar` (an argument of `__init__` passed on to `__post_init__`, not stored).
    enum FieldKind: String {
        case field = "_FIELD", classVariable = "_FIELD_CLASSVAR", initVariable = "_FIELD_INITVAR"
    }

    /// One field as the class declares it.
    struct FieldInfo {
        let object: PyInstance
        let name: String
        var kind: FieldKind
        var value: (String) -> Value { { self.object.attribute($0) ?? .none } }
        func flag(_ name: String) throws -> Bool { try Operators.truthy(value(name)) }
    }

    private func process(_ target: Value, _ options: Options, _ interpreter: Interpreter) throws -> Value {
        guard case .object(let cls as PyClass) = target else {
            if case .object(let t as PyTypeObject) = target {
                throw PyError.type("cannot set '__dataclass_params__' attribute of immutable type '\(t.name)'")
            }
            // Where CPython's `_process_class` first fails on a value that is not a class.
            let missing = target.typeName == "function" ? "__mro__" : "__module__"
            throw PyError.attribute("'\(target.typeName)' object has no attribute '\(missing)'")
        }
        if options.order && !options.eq { throw PyError.value("eq must be true if order is true") }
        var fields: [FieldInfo] = []
        func add(_ field: FieldInfo) {
            if let i = fields.firstIndex(where: { $0.name == field.name }) { fields[i] = field } else { fields.append(field) }
        }
        // The bases' fields first, the furthest base first (CPython walks __mro__[-1:0:-1]).
        var baseIsFrozen: Bool?
        for base in cls.mro.dropFirst().reversed() {
            guard case .object(let table as PyDict)? = base.namespace["__dataclass_fields__"] else { continue }
            for case (_, .object(let f as PyInstance)) in table.entries {
                add(FieldInfo(object: f, name: DataclassesModule.nameOf(f), kind: fieldKind(f.attribute("_field_type"))))
            }
            if case .object(let p as PyInstance)? = base.namespace["__dataclass_params__"] {
                baseIsFrozen = try Operators.truthy(p.attribute("frozen") ?? .bool(false))
            }
        }
        let annotations: [(key: Value, value: Value)]
        if case .object(let d as PyDict)? = cls.namespace["__annotations__"] { annotations = d.entries } else { annotations = [] }
        var kwOnly = options.kwOnly, seenKwOnlyMarker = false
        for (key, type) in annotations {
            guard case .str(let nameText) = key else { continue }
            let name = nameText.string
            // `_: KW_ONLY` is no field: the fields after it are keyword-only.
            if case .object(let marker) = type, marker === kwOnlyClass {
                if seenKwOnlyMarker { throw PyError.type("'\(name)' is KW_ONLY, but KW_ONLY has already been specified") }
                (seenKwOnlyMarker, kwOnly) = (true, true)
                continue
            }
            let declared = cls.namespace[name]
            let f: PyInstance
            if case .object(let given as PyInstance)? = declared, given.cls === fieldClass {
                f = given
            } else {
                f = try makeField(default: declared)
            }
            f.setAttribute("name", .str(name))
            f.setAttribute("type", type)
            let kind: FieldKind = DataclassesModule.isClassVar(type) ? .classVariable : isInitVar(type) ? .initVariable : .field
            f.setAttribute("_field_type", .str(kind.rawValue))
            if kind != .field && !isMissing(f.attribute("default_factory")) {
                throw PyError.type("field \(name) cannot have a default factory")
            }
            if kind == .classVariable && !isMissing(f.attribute("kw_only")) {
                throw PyError.type("field \(name) is a ClassVar but specifies kw_only")
            }
            if kind != .classVariable && isMissing(f.attribute("kw_only")) {
                f.setAttribute("kw_only", .bool(kwOnly))
            }
            if kind == .field {
                if let d = f.attribute("default"), try isMutableDefault(d) {
                    throw PyError.value("mutable default \(Repr.repr(.object(typeObject(of: d)))) for field \(name) is not allowed: use default_factory")
                }
            }
            // A field() in the class body gives way to its default, or to nothing.
            if case .object(let given as PyInstance)? = declared, given.cls === fieldClass {
                if isMissing(f.attribute("default")) { cls.setAttribute(name, nil) } else { cls.setAttribute(name, f.attribute("default")) }
            }
            add(FieldInfo(object: f, name: name, kind: kind))
        }
        for (name, value) in cls.namespace.entries {
            if case .object(let f as PyInstance) = value, f.cls === fieldClass, !annotations.contains(where: { Repr.str($0.key) == name }) {
                throw PyError.type("'\(name)' is a field but has no type annotation")
            }
        }
        if let baseIsFrozen, baseIsFrozen != options.frozen {
            throw PyError.type(baseIsFrozen ? "cannot inherit non-frozen dataclass from a frozen one" : "cannot inherit frozen dataclass from a non-frozen one")
        }
        let table = PyDict()
        for f in fields { try table.set(.str(f.name), .object(f.object)) }
        cls.setAttribute("__dataclass_fields__", .object(table))
        let params = PyInstance(cls: paramsClass)
        for (name, on) in [("init", options.initializer), ("repr", options.repr), ("eq", options.eq), ("order", options.order),
                           ("unsafe_hash", options.unsafeHash), ("frozen", options.frozen)] {
            params.setAttribute(name, .bool(on))
        }
        cls.setAttribute("__dataclass_params__", .object(params))
        try addMethods(to: cls, fields.filter { $0.kind != .classVariable }, options, interpreter)
        if options.weakrefSlot && !options.slots { throw PyError.type("weakref_slot is True but slots is False") }
        if options.slots { return .object(try withSlots(cls, fields.filter { $0.kind == .field }, weakrefSlot: options.weakrefSlot, interpreter)) }
        return target
    }

    /// CPython's `_add_slots`: the class made again with `__slots__` naming its fields (those
    /// no base's slots name), its namespace without the fields' defaults.
    private func withSlots(_ cls: PyClass, _ fields: [FieldInfo], weakrefSlot: Bool, _ interpreter: Interpreter) throws -> PyClass {
        if cls.namespace["__slots__"] != nil { throw PyError.type("\(cls.name) already specifies __slots__") }
        let inherited = Slots.declaredNames(cls)
        var namespace = Namespace()
        for (name, value) in cls.namespace.entries where !fields.contains(where: { $0.name == name }) && name != "__weakref__" {
            namespace[name] = value
        }
        let names = fields.map(\.name) + (weakrefSlot ? ["__weakref__"] : [])
        namespace["__slots__"] = .object(PyTuple(names.filter { !inherited.contains($0) }.map { .str($0) }))
        let bases = cls.bases.isEmpty ? (cls.nativeBase.map { [Value.object($0)] } ?? []) : cls.bases.map { .object($0) }
        return try ClassCreation.make(name: cls.name, qualifiedName: cls.qualifiedName, moduleName: cls.moduleName,
                                      arguments: Arguments(bases), namespace: namespace, interpreter: interpreter, metaclass: cls.metaclass)
    }

    private func fieldKind(_ marker: Value?) -> FieldKind {
        if case .str(let s)? = marker { return FieldKind(rawValue: s.string) ?? .field }
        return .field
    }

    /// `InitVar` or `InitVar[type]`.
    private func isInitVar(_ type: Value) -> Bool {
        switch type {
        case .object(let c as PyClass): return c === initVarClass
        case .object(let i as PyInstance): return i.cls === initVarClass
        default: return false
        }
    }

    func isMissing(_ v: Value?) -> Bool {
        guard case .object(let o)? = v, case .object(let m) = missing else { return false }
        return o === m
    }

    /// `typing.ClassVar` or `typing.ClassVar[...]`.
    private static func isClassVar(_ type: Value) -> Bool {
        switch type {
        case .object(let form as PyTypingForm): return form.name == "ClassVar"
        case .object(let alias as PyGenericAlias):
            if case .object(let form as PyTypingForm) = alias.origin { return form.name == "ClassVar" }
            return false
        default: return false
        }
    }

    static func nameOf(_ field: PyInstance) -> String {
        if case .str(let s)? = field.attribute("name") { return s.string }
        return ""
    }

    /// CPython refuses a default whose class is unhashable (`list`, `dict`, `set`, a class with
    /// `__eq__` and no `__hash__`): every instance would share it.
    private func isMutableDefault(_ v: Value) throws -> Bool {
        switch v {
        case .object(let o as PySet): return !o.isFrozen
        case .object(let o): return o is PyList || o is PyDict || ((o as? PyInstance)?.cls.lookup("__hash__")?.isNone ?? false)
        default: return false
        }
    }

    private func typeObject(of v: Value) -> PyObject {
        if case .object(let i as PyInstance) = v { return i.cls }
        if case .object(let s as PySet) = v { return s.isFrozen ? BuiltinTypes.frozenset : BuiltinTypes.set }
        if case .object(let o) = v, o is PyDict { return BuiltinTypes.dict }
        return BuiltinTypes.list
    }
}
