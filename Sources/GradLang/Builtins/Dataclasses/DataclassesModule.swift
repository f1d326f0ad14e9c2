/// The `dataclasses` module: `dataclass`, `field`, `fields`, `asdict`, `astuple`, `replace`,
/// `is_dataclass`, `MISSING`, `InitVar`, `KW_ONLY` and `FrozenInstanceError`, with CPython 3.11's behaviour and
/// messages. The methods a dataclass gets are written as Python and run, as CPython does (see
/// DataclassMethods); each interpreter makes its own `Field` class and markers.
final class DataclassesModule {
    /// `dataclasses.Field`: what `field()` returns and `fields()` lists.
    let fieldClass: PyClass
    /// `MISSING`: no default given.
    let missing: Value
    /// The marker a generated `__init__` has for a field made by a default factory.
    let hasDefaultFactory: Value
    let frozenInstanceError: PyClass
    let paramsClass: PyClass
    /// `InitVar` (`InitVar[int]` is an instance holding the type) and the `KW_ONLY` marker.
    let initVarClass: PyClass
    let kwOnlyClass: PyClass

    private init(_ interpreter: Interpreter) throws {
        func makeClass(_ name: String, base: PyClass? = nil, repr: PyBuiltin? = nil, methods: [PyBuiltin] = []) throws -> PyClass {
            var namespace = Namespace()
            namespace["__module__"] = .str("dataclasses")
            if let repr { namespace["__repr__"] = .object(repr) }
            for m in methods { namespace[m.name] = m.name == "__class_getitem__" ? .object(PyClassMethod(.object(m))) : .object(m) }
            return try ClassCreation.make(name: name, qualifiedName: name, moduleName: "dataclasses",
                                          arguments: Arguments(base.map { [.object($0)] } ?? []), namespace: namespace,
                                          interpreter: interpreter)
        }
        fieldClass = try makeClass("Field", repr: DataclassesModule.fieldRepr)
        missing = .object(PyInstance(cls: try makeClass("_MISSING_TYPE")))
        hasDefaultFactory = .object(PyInstance(cls: try makeClass("_HAS_DEFAULT_FACTORY_CLASS")))
        frozenInstanceError = try makeClass("FrozenInstanceError", base: PyExc.attributeError)
        paramsClass = try makeClass("_DataclassParams", repr: DataclassesModule.paramsRepr)
        initVarClass = try makeClass("InitVar", repr: DataclassesModule.initVarRepr, methods: DataclassesModule.initVarMethods)
        kwOnlyClass = try makeClass("KW_ONLY")
    }

    /// `InitVar(type)` and `InitVar[type]`.
    private static var initVarMethods: [PyBuiltin] {
        [
            PyBuiltin("__init__(self, type)") { args in
                if case .object(let i as PyInstance) = args["self"] { i.setAttribute("type", args["type"]) }
                return .none
            },
            PyBuiltin("__class_getitem__(cls, type, /)") { args in
                try args.interpreter.call(args["cls"], Arguments([args["type"]]))
            },
        ]
    }

    /// CPython's `InitVar.__repr__`: `dataclasses.InitVar[int]`.
    private static var initVarRepr: PyBuiltin {
        PyBuiltin("__repr__(self, /)") { args in
            guard case .object(let i as PyInstance) = args["self"], let type = i.attribute("type") else { return .str("dataclasses.InitVar") }
            let name: String
            switch type {
            case .object(let t as PyTypeObject): name = t.name
            case .object(let c as PyClass): name = c.name
            default: name = try Repr.checkedRepr(type)
            }
            return .str("dataclasses.InitVar[\(name)]")
        }
    }

    /// CPython's `Field.__repr__` (which `help()` of a dataclass shows).
    private static var fieldRepr: PyBuiltin {
        PyBuiltin("__repr__(self, /)") { args in
            guard case .object(let f as PyInstance) = args["self"] else { return .str("Field()") }
            func part(_ name: String) throws -> String {
                let v = f.attribute(name) ?? .none
                switch name {
                case "_field_type": return "\(name)=\(Repr.str(v))"
                case "metadata": return "\(name)=mappingproxy(\(try Repr.checkedRepr(v)))"
                default: return "\(name)=\(try Repr.checkedRepr(v))"
                }
            }
            let names = ["name", "type", "default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only", "_field_type"]
            return .str("Field(" + (try names.map(part)).joined(separator: ",") + ")")
        }
    }

    /// CPython's `_DataclassParams.__repr__`.
    private static var paramsRepr: PyBuiltin {
        PyBuiltin("__repr__(self, /)") { args in
            guard case .object(let p as PyInstance) = args["self"] else { return .str("_DataclassParams()") }
            let names = ["init", "repr", "eq", "order", "unsafe_hash", "frozen"]
            return .str("_DataclassParams(" + (try names.map { "\($0)=\(try Repr.checkedRepr(p.attribute($0) ?? .none))" }).joined(separator: ",") + ")")
        }
    }

    static func make(_ interpreter: Interpreter) -> PyModule {
        guard let module = try? DataclassesModule(interpreter) else { return PyModule(name: "dataclasses") }
        return PyModule(name: "dataclasses", attributes: [
            "dataclass": .object(module.dataclass),
            "field": .object(module.field),
            "fields": .object(module.fieldsFunction),
            "asdict": .object(module.asdict),
            "astuple": .object(module.astuple),
            "replace": .object(module.replace),
            "is_dataclass": .object(PyBuiltin("is_dataclass(obj)") { args in .bool(DataclassesModule.fields(of: args["obj"]) != nil) }),
            "Field": .object(module.fieldClass),
            "MISSING": module.missing,
            "InitVar": .object(module.initVarClass),
            "KW_ONLY": .object(module.kwOnlyClass),
            "FrozenInstanceError": .object(module.frozenInstanceError),
        ])
    }

    // MARK: field()

    private var field: PyBuiltin {
        PyBuiltin("field(*, default=<unset>, default_factory=<unset>, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=<unset>)") { args in
            if args.given("default") != nil && args.given("default_factory") != nil {
                throw PyError.value("cannot specify both default and default_factory")
            }
            return .object(try self.makeField(default: args.given("default"), factory: args.given("default_factory"),
                                         initialized: args["init"], repr: args["repr"], hash: args["hash"], compare: args["compare"],
                                         metadata: args["metadata"], kwOnly: args.given("kw_only")))
        }
    }

    func makeField(default value: Value?, factory: Value? = nil, initialized: Value = .bool(true), repr: Value = .bool(true),
                   hash: Value = .none, compare: Value = .bool(true), metadata: Value = .none, kwOnly: Value? = nil) throws -> PyInstance {
        let f = PyInstance(cls: fieldClass)
        let attributes: [(String, Value)] = [
            ("name", .none), ("type", .none), ("default", value ?? missing), ("default_factory", factory ?? missing),
            ("init", initialized), ("repr", repr), ("hash", hash), ("compare", compare),
            ("metadata", metadata.isNone ? .object(PyDict()) : metadata), ("kw_only", kwOnly ?? missing), ("_field_type", .none),
        ]
        for (name, v) in attributes {
            f.setAttribute(name, v)
        }
        return f
    }

    // MARK: fields(), asdict(), astuple(), replace()

    /// The fields of a dataclass or of an instance of one (class variables left out); nil for
    /// anything else.
    static func fields(of value: Value) -> [PyInstance]? {
        let cls: PyClass
        switch value {
        case .object(let c as PyClass): cls = c
        case .object(let i as PyInstance): cls = i.cls
        default: return nil
        }
        guard case .object(let table as PyDict)? = cls.lookup("__dataclass_fields__") else { return nil }
        return table.entries.compactMap { _, v in
            guard case .object(let f as PyInstance) = v, case .str(let kind)? = f.attribute("_field_type"), kind.string == "_FIELD" else { return nil }
            return f
        }
    }

    private var fieldsFunction: PyBuiltin {
        PyBuiltin("fields(class_or_instance)") { args in
            guard let fields = DataclassesModule.fields(of: args["class_or_instance"]) else {
                throw PyError.type("must be called with a dataclass type or instance")
            }
            return .object(PyTuple(fields.map { .object($0) }))
        }
    }

    private static func isInstance(_ v: Value) -> Bool {
        if case .object(let o) = v, o is PyInstance { return fields(of: v) != nil }
        return false
    }

    private var asdict: PyBuiltin {
        PyBuiltin("asdict(obj, *, dict_factory=<unset>)") { args in
            guard DataclassesModule.isInstance(args["obj"]) else { throw PyError.type("asdict() should be called on dataclass instances") }
            return try DataclassesModule.converted(args["obj"], factory: args.given("dict_factory"), args.interpreter)
        }
    }

    private var astuple: PyBuiltin {
        PyBuiltin("astuple(obj, *, tuple_factory=<unset>)") { args in
            guard DataclassesModule.isInstance(args["obj"]) else { throw PyError.type("astuple() should be called on dataclass instances") }
            return try DataclassesModule.converted(args["obj"], factory: args.given("tuple_factory"), asTuple: true, args.interpreter)
        }
    }

    /// CPython's `_asdict_inner` and `_astuple_inner`: dataclass instances become dicts (or
    /// tuples), containers are rebuilt around converted elements. Other values are shared, not
    /// deep-copied as CPython copies them (grad has no `copy.deepcopy`).
    private static func converted(_ v: Value, factory: Value?, asTuple: Bool = false, _ interpreter: Interpreter) throws -> Value {
        func inner(_ v: Value) throws -> Value { try converted(v, factory: factory, asTuple: asTuple, interpreter) }
        if isInstance(v), let fields = fields(of: v) {
            var values: [Value] = []
            for f in fields {
                let value = try inner(try interpreter.getAttribute(v, nameOf(f)))
                values.append(asTuple ? value : .object(PyTuple([.str(nameOf(f)), value])))
            }
            if let factory { return try interpreter.call(factory, Arguments([.object(PyList(values))])) }
            if asTuple { return .object(PyTuple(values)) }
            let d = PyDict()
            for case .object(let pair as PyTuple) in values { try d.set(pair.items[0], pair.items[1]) }
            return .object(d)
        }
        switch v {
        case .object(let t as PyTuple): return .object(PyTuple(try t.items.map(inner)))
        case .object(let l as PyList): return .object(PyList(try l.items.map(inner)))
        case .object(let d as PyDict):
            let copy = PyDict()
            for (k, value) in d.entries { try copy.set(try inner(k), try inner(value)) }
            return .object(copy)
        case .object(let i as PyInstance) where i.native != nil:
            let items = try Iteration.collect(.object(i)).map(inner)
            // A named tuple is rebuilt from its fields, other subclasses from an iterable.
            if i.cls.lookup("_fields") != nil { return try interpreter.call(.object(i.cls), Arguments(items)) }
            if let d = i.native as? PyDict {
                let pairs = try d.entries.map { k, value in Value.object(PyTuple([try inner(k), try inner(value)])) }
                return try interpreter.call(.object(i.cls), Arguments([.object(PyList(pairs))]))
            }
            return try interpreter.call(.object(i.cls), Arguments([.object(PyList(items))]))
        default: return v
        }
    }

    private var replace: PyBuiltin {
        PyBuiltin("replace(obj, /, **changes)") { args in
            let obj = args["obj"]
            guard DataclassesModule.isInstance(obj), case .object(let instance as PyInstance) = obj, let fields = DataclassesModule.fields(of: obj) else {
                throw PyError.type("replace() should be called on dataclass instances")
            }
            let changes = args.varkw("changes") ?? PyDict()
            var keywords: [(name: String, value: Value)] = []
            for f in fields {
                let name = DataclassesModule.nameOf(f)
                let given = try changes.get(.str(name))
                if !(try Operators.truthy(f.attribute("init") ?? .bool(true))) {
                    if given != nil {
                        throw PyError.value("field \(name) is declared with init=False, it cannot be specified with replace()")
                    }
                    continue
                }
                keywords.append((name, try given ?? args.interpreter.getAttribute(obj, name)))
            }
            let known = Set(fields.map(DataclassesModule.nameOf))
            for case (.str(let k), let v) in changes.entries where !known.contains(k.string) { keywords.append((k.string, v)) }
            return try args.interpreter.call(.object(instance.cls), Arguments([], keywords: keywords))
        }
    }
}
