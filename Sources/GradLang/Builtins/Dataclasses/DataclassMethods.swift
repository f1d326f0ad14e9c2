/// The methods `@dataclass` writes (`__init__`, `__repr__`, `__eq__`, the orderings, a frozen
/// class's `__setattr__`/`__delattr__`, `__hash__`), as the Python text CPython 3.11 generates,
/// run inside a function whose parameters they close over (CPython's `_create_fn`), then named
/// after the class (`C.__init__() missing 1 required positional argument: 'y'`).
extension DataclassesModule {
    /// A method's name and its text, indented to sit in the enclosing function.
    private typealias Method = (name: String, lines: [String])

    /// `initFields` are the fields and InitVars; the methods other than `__init__` see only fields.
    func addMethods(to cls: PyClass, _ initFields: [FieldInfo], _ options: Options, _ interpreter: Interpreter) throws {
        let own = cls.namespace
        let fields = initFields.filter { $0.kind == .field }
        let selfName = fields.contains { $0.name == "self" } ? "__dataclass_self__" : "self"
        var methods: [Method] = []
        var closed: [(name: String, value: Value)] = [
            ("__dataclass_cls__", .object(cls)), ("__dataclass_HAS_DEFAULT_FACTORY__", hasDefaultFactory),
            ("__dataclass_builtins_object__", .object(BuiltinTypes.object)),
            ("__dataclass_FrozenInstanceError__", .object(frozenInstanceError)),
        ]
        for f in initFields {
            let factory = f.value("default_factory"), value = f.value("default")
            if !isMissing(factory) { closed.append(("__dataclass_dflt_\(f.name)__", factory)) }
            else if !isMissing(value) { closed.append(("__dataclass_dflt_\(f.name)__", value)) }
        }
        if options.initializer {
            methods.append(try initializer(cls, initFields, frozen: options.frozen, slots: options.slots, selfName: selfName))
        }
        if options.repr {
            let shown = try fields.filter { try $0.flag("repr") }.map { "\($0.name)={\(selfName).\($0.name)!r}" }
            methods.append(("__repr__", ["def __repr__(\(selfName)):",
                                         "    return \(selfName).__class__.__qualname__ + f\"(\(shown.joined(separator: ", ")))\""]))
        }
        let compared = try fields.filter { try $0.flag("compare") }
        if options.eq {
            methods.append(comparison("__eq__", "==", compared, selfName))
        }
        if options.order {
            for (name, op) in [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")] {
                if own[name] != nil {
                    throw PyError.type("Cannot overwrite attribute \(name) in class \(cls.name). Consider using functools.total_ordering")
                }
                methods.append(comparison(name, op, compared, selfName))
            }
        }
        if options.frozen {
            let names = fields.map { "'\($0.name)'" }.joined(separator: ", ")
            let condition = "type(self) is __dataclass_cls__" + (fields.isEmpty ? "" : " or name in {\(names)}")
            for (name, verb, parameters, call) in [("__setattr__", "assign to", "name, value", "name, value"), ("__delattr__", "delete", "name", "name")] {
                if own[name] != nil { throw PyError.type("Cannot overwrite attribute \(name) in class \(cls.name)") }
                methods.append((name, ["def \(name)(self, \(parameters)):",
                                       "    if \(condition):",
                                       "        raise __dataclass_FrozenInstanceError__(f\"cannot \(verb) field {name!r}\")",
                                       "    super(__dataclass_cls__, self).\(name)(\(call))"]))
            }
        }
        let hashed = try fields.filter { f in f.value("hash").isNone ? try f.flag("compare") : try f.flag("hash") }
        switch try hashAction(own, options, className: cls.name) {
        case .none: break
        case .setNone: cls.setAttribute("__hash__", Value.none)
        case .add: methods.append(("__hash__", ["def __hash__(\(selfName)):", "    return hash(\(tuple(hashed, selfName)))"]))
        }
        let made = try functions(methods, closed, interpreter)
        for (method, function) in zip(methods, made) {
            // Defined in the class body wins (the orderings and frozen methods refused above).
            if own[method.name] != nil && method.name != "__hash__" { continue }
            cls.setAttribute(method.name, .object(function.renamed(qualifiedName: "\(cls.qualifiedName).\(method.name)")))
        }
        if options.matchArgs && own["__match_args__"] == nil {
            let names = try initFields.filter { try $0.flag("init") && !$0.flag("kw_only") }.map { Value.str($0.name) }
            cls.setAttribute("__match_args__", .object(PyTuple(names)))
        }
        if own["__doc__"].map(\.isNone) ?? true {
            cls.setAttribute("__doc__", .str(cls.name + (try signatureText(initFields, options.initializer))))
        }
    }

    private func initializer(_ cls: PyClass, _ fields: [FieldInfo], frozen: Bool, slots: Bool, selfName: String) throws -> Method {
        var positional: [String] = [], keywordOnly: [String] = []
        var seenDefault = false
        var body: [String] = []
        for f in fields {
            let hasFactory = !isMissing(f.value("default_factory")), hasDefault = !isMissing(f.value("default"))
            let stored = "__dataclass_dflt_\(f.name)__"
            if try f.flag("init") {
                let parameter = f.name + (hasFactory ? "=__dataclass_HAS_DEFAULT_FACTORY__" : hasDefault ? "=\(stored)" : "")
                if try f.flag("kw_only") {
                    keywordOnly.append(parameter)
                } else {
                    if seenDefault && !hasFactory && !hasDefault {
                        throw PyError.type("non-default argument '\(f.name)' follows default argument")
                    }
                    seenDefault = seenDefault || hasFactory || hasDefault
                    positional.append(parameter)
                }
            }
            let value: String
            if hasFactory {
                value = try f.flag("init") ? "\(stored)() if \(f.name) is __dataclass_HAS_DEFAULT_FACTORY__ else \(f.name)" : "\(stored)()"
            } else if try f.flag("init") {
                value = f.name
            } else if slots && hasDefault {
                // Without a class attribute to fall back on, a slot gets its default here.
                value = stored
            } else {
                continue
            }
            if f.kind == .initVariable { continue }
            body.append(frozen ? "    __dataclass_builtins_object__.__setattr__(\(selfName),'\(f.name)',\(value))"
                               : "    \(selfName).\(f.name)=\(value)")
        }
        if cls.lookup("__post_init__") != nil {
            let passed = fields.filter { $0.kind == .initVariable }.map(\.name).joined(separator: ",")
            body.append("    \(selfName).__post_init__(\(passed))")
        }
        let parameters = [selfName] + positional + (keywordOnly.isEmpty ? [] : ["*"] + keywordOnly)
        return ("__init__", ["def __init__(\(parameters.joined(separator: ", "))):"] + (body.isEmpty ? ["    pass"] : body))
    }

    private func comparison(_ name: String, _ op: String, _ fields: [FieldInfo], _ selfName: String) -> Method {
        (name, ["def \(name)(\(selfName), other):",
                "    if other.__class__ is \(selfName).__class__:",
                "        return \(tuple(fields, selfName))\(op)\(tuple(fields, "other"))",
                "    return NotImplemented"])
    }

    /// CPython's `_tuple_str`: `(self.a,self.b,)`, or `()`.
    private func tuple(_ fields: [FieldInfo], _ object: String) -> String {
        fields.isEmpty ? "()" : "(" + fields.map { "\(object).\($0.name)," }.joined() + ")"
    }

    private enum HashAction { case none, setNone, add }

    /// CPython's `_hash_action` table.
    private func hashAction(_ own: Namespace, _ options: Options, className: String) throws -> HashAction {
        let explicit = own["__hash__"].map { !($0.isNone && own["__eq__"] != nil) } ?? false
        if options.unsafeHash {
            if explicit { throw PyError.type("Cannot overwrite attribute __hash__ in class \(className)") }
            return .add
        }
        guard options.eq, !explicit else { return .none }
        return options.frozen ? .add : .setNone
    }

    /// Runs the methods' text inside `__create_fn__(closed names...)` and returns its functions.
    private func functions(_ methods: [Method], _ closed: [(name: String, value: Value)], _ interpreter: Interpreter) throws -> [PyFunction] {
        guard !methods.isEmpty else { return [] }
        var lines = ["def __create_fn__(\(closed.map(\.name).joined(separator: ", "))):"]
        for method in methods { lines += method.lines.map { "    " + $0 } }
        lines.append("    return (\(methods.map(\.name).joined(separator: ", ")),)")
        let create = try interpreter.runGenerated(lines.joined(separator: "\n") + "\n", names: [:], result: "__create_fn__")
        guard case .object(let made as PyTuple) = try interpreter.call(create, Arguments(closed.map(\.value))) else { return [] }
        return made.items.compactMap { if case .object(let f as PyFunction) = $0 { return f } else { return nil } }
    }

    /// What CPython puts in a dataclass's missing docstring: the class name and
    /// `str(inspect.signature(cls))` without ` -> None`.
    private func signatureText(_ fields: [FieldInfo], _ hasInit: Bool) throws -> String {
        guard hasInit else { return "()" }
        var positional: [String] = [], keywordOnly: [String] = []
        for f in fields where try f.flag("init") {
            var text = "\(f.name): \(DataclassesModule.annotationText(f.value("type")))"
            if !isMissing(f.value("default_factory")) { text += " = <factory>" }
            else if !isMissing(f.value("default")) { text += " = \(try Repr.checkedRepr(f.value("default")))" }
            if try f.flag("kw_only") { keywordOnly.append(text) } else { positional.append(text) }
        }
        return "(" + (positional + (keywordOnly.isEmpty ? [] : ["*"] + keywordOnly)).joined(separator: ", ") + ")"
    }

    /// `inspect.formatannotation`: built-in classes by name, others with their module, `typing`
    /// forms without `typing.`, anything else by its repr.
    static func annotationText(_ type: Value) -> String {
        switch type {
        case .object(let t as PyTypeObject): return t.qualifiedName
        case .object(let c as PyClass): return c.moduleName == "builtins" ? c.qualifiedName : "\(c.moduleName).\(c.qualifiedName)"
        case .object(let f as PyTypingForm): return f.name
        case .object(let alias as PyGenericAlias): return alias.reprText.replacingOccurrences(of: "typing.", with: "")
        default: return Repr.repr(type)
        }
    }
}
