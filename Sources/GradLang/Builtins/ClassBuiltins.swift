/// The built-ins of the class machinery: `property`, `staticmethod`, `classmethod`, `super`,
/// `NotImplemented`, the methods of `object` (reached as `object.__setattr__` and through
/// `super()`), and BaseException's `__init__`/`__str__`/`__repr__`, which user exception classes
/// inherit.
enum ClassBuiltins {
    nonisolated(unsafe) static let property = PyTypeObject(name: "property", constructor: PyBuiltin(
        "property(fget=None, fset=None, fdel=None, doc=None)") { args in
        func accessor(_ name: String) -> Value? { args.has(name) ? args[name] : nil }
        return .object(PyProperty(getter: accessor("fget"), setter: accessor("fset"), deleter: accessor("fdel"), doc: args["doc"]))
    }) { if case .object(let o) = $0 { return o is PyProperty } else { return false } }

    nonisolated(unsafe) static let staticMethod = PyTypeObject(name: "staticmethod", constructor: PyBuiltin(
        "staticmethod(function, /)") { args in .object(PyStaticMethod(args["function"])) }) {
        if case .object(let o) = $0 { return o is PyStaticMethod } else { return false }
    }

    nonisolated(unsafe) static let classMethod = PyTypeObject(name: "classmethod", constructor: PyBuiltin(
        "classmethod(function, /)") { args in .object(PyClassMethod(args["function"])) }) {
        if case .object(let o) = $0 { return o is PyClassMethod } else { return false }
    }

    /// `super(C, obj)`; the compiler turns `super()` in a method into `super(__class__, self)`.
    nonisolated(unsafe) static let superType = PyTypeObject(name: "super", constructor: PyBuiltin(
        "super(type=<unset>, object_or_type=<unset>, /)") { args in
        guard let type = args.given("type") else { throw PyError.runtime("super(): no arguments") }
        guard case .object(let start as PyClass) = type else {
            throw PyError.type("super() argument 1 must be a type, not \(type.typeName)")
        }
        guard let receiver = args.given("object_or_type") else {
            throw PyError.runtime("grad does not support super() with one argument")
        }
        return .object(try PySuper(start: start, receiver: receiver))
    }) { if case .object(let o) = $0 { return o is PySuper } else { return false } }

    static var types: [PyTypeObject] { [property, staticMethod, classMethod, superType] }

    /// `@p.setter`, `@p.getter`, `@p.deleter` and `p.fget`/`p.fset`/`p.fdel`/`__doc__`.
    static func installPropertyAttributes(_ table: inout AttributeTable) {
        table.addMethods(.property, [
            PyBuiltin("property.setter(self, fset, /)") { args in try property(args["self"]).map { .object($0.with(setter: args["fset"])) } ?? .none },
            PyBuiltin("property.getter(self, fget, /)") { args in try property(args["self"]).map { .object($0.with(getter: args["fget"])) } ?? .none },
            PyBuiltin("property.deleter(self, fdel, /)") { args in try property(args["self"]).map { .object($0.with(deleter: args["fdel"])) } ?? .none },
        ])
        for (name, part) in [("fget", \PyProperty.getter), ("fset", \PyProperty.setter), ("fdel", \PyProperty.deleter)] {
            table.addGetter(.property, name) { value in
                guard let p = try property(value) else { throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'") }
                return p[keyPath: part] ?? .none
            }
        }
        // A property without a doc of its own takes its getter's docstring.
        table.addGetter(.property, "__doc__") { value in
            guard let p = try property(value) else { return .none }
            if !p.doc.isNone { return p.doc }
            if case .object(let f as PyFunction)? = p.getter, let doc = f.docstring { return .str(doc) }
            return .none
        }
        for kind in [TypeKey.function, .other] {
            table.addGetter(kind, "__func__") { value in
                switch value {
                case .object(let s as PyStaticMethod): return s.function
                case .object(let c as PyClassMethod): return c.function
                case .object(let m as PyMethod): return m.function
                default: throw PyError.attribute("'\(value.typeName)' object has no attribute '__func__'")
                }
            }
        }
        table.addGetter(.function, "__self__") { value in
            guard case .object(let m as PyMethod) = value else { throw PyError.attribute("'\(value.typeName)' object has no attribute '__self__'") }
            return m.receiver
        }
    }

    private static func property(_ value: Value) throws -> PyProperty? {
        if case .object(let p as PyProperty) = value { return p }
        throw PyError.attribute("'\(value.typeName)' object has no attribute")
    }

    /// `object.__init__` and friends: what a class that does not define them does.
    static var objectMethods: [PyBuiltin] {
        [
            PyBuiltin("object.__init__(self, /, *args, **kwargs)") { args in
                // A built-in value's type has its own `__new__`, which took the arguments.
                guard args["self"].instance != nil else { return .none }
                if !args.varargs("args").isEmpty || (args.varkw("kwargs")?.count ?? 0) > 0 {
                    throw PyError.type("object.__init__() takes exactly one argument (the instance to initialize)")
                }
                return .none
            },
            PyBuiltin("object.__init_subclass__(cls, /, **kwargs)") { args in
                if (args.varkw("kwargs")?.count ?? 0) > 0 {
                    let name = if case .object(let c as PyClass) = args["cls"] { c.name } else { "object" }
                    throw PyError.type("\(name).__init_subclass__() takes no keyword arguments")
                }
                return .none
            },
            PyBuiltin("object.__setattr__(self, name, value, /)") { args in
                let name = try IntrospectionFunctions.attributeName(args["name"])
                if case .object(let i as PyInstance) = args["self"] {
                    try ClassAttributes.setDirectly(i, name, args["value"], args.interpreter)
                } else {
                    try args.interpreter.setAttribute(args["self"], name, args["value"])
                }
                return .none
            },
            PyBuiltin("object.__getattribute__(self, name, /)") { args in
                let name = try IntrospectionFunctions.attributeName(args["name"])
                if case .object(let i as PyInstance) = args["self"] {
                    return try ClassAttributes.genericGet(i, name, args.interpreter, withGetattr: false)
                }
                return try args.interpreter.getAttribute(args["self"], name)
            },
            PyBuiltin("object.__delattr__(self, name, /)") { args in
                let name = try IntrospectionFunctions.attributeName(args["name"])
                guard case .object(let i as PyInstance) = args["self"], i.setAttribute(name, nil) else {
                    throw PyError.attribute("'\(args["self"].typeName)' object has no attribute '\(name)'")
                }
                return .none
            },
            PyBuiltin("object.__repr__(self, /)") { args in
                if case .object(let i as PyInstance) = args["self"] { return .str(SpecialMethods.defaultRepr(i)) }
                return .str(Repr.repr(args["self"]))
            },
            // An instance's str is its class's repr (a `__str__` calling `super().__str__()`
            // must not call itself).
            PyBuiltin("object.__str__(self, /)") { args in
                if case .object(let i as PyInstance) = args["self"] { return .str(try SpecialMethods.repr(i)) }
                return .str(try Repr.checkedStr(args["self"]))
            },
            PyBuiltin("object.__eq__(self, value, /)") { args in
                Operators.identical(args["self"], args["value"]) ? .bool(true) : .object(SpecialMethods.notImplemented)
            },
            // The inverse of `__eq__`, and NotImplemented where that is.
            PyBuiltin("object.__ne__(self, value, /)") { args in
                let equal: Value
                if let i = args["self"].instance, let r = try SpecialMethods.call(i, .eq, with: args["value"]) {
                    equal = r
                } else {
                    equal = Operators.identical(args["self"], args["value"]) ? .bool(true) : .object(SpecialMethods.notImplemented)
                }
                if case .object(let o) = equal, o === SpecialMethods.notImplemented { return equal }
                return .bool(!(try Operators.truthy(equal)))
            },
            PyBuiltin("object.__hash__(self, /)") { args in .int(try Hashing.hash(args["self"])) },
        ]
    }

    /// BaseException's own methods, in its namespace so user exception classes find them.
    static func installExceptionMethods() {
        let base = PyExc.baseException
        guard base.namespace["__init__"] == nil else { return }
        base.setAttribute("__init__", .object(PyBuiltin("BaseException.__init__(self, /, *args, **kwargs)") { args in
            guard case .object(let e as PyExceptionObject) = args["self"] else { return .none }
            if !args.keywordArguments("kwargs").isEmpty { throw PyError.type("\(e.type.name)() takes no keyword arguments") }
            e.args = args.varargs("args")
            return .none
        }))
        // OSError(errno, strerror, filename, winerror, filename2) keeps the first two as its
        // args and the file names as attributes, which its str shows.
        PyExc.osError.setAttribute("__init__", .object(PyBuiltin("OSError.__init__(self, /, *args)") { args in
            guard case .object(let e as PyExceptionObject) = args["self"] else { return .none }
            let given = args.varargs("args")
            guard (3...5).contains(given.count) else { e.args = given; return .none }
            e.args = Array(given.prefix(2))
            e.setAttribute("filename", given[2])
            if given.count == 5 { e.setAttribute("filename2", given[4]) }
            return .none
        }))
        base.setAttribute("__str__", .object(PyBuiltin("BaseException.__str__(self, /)") { args in
            guard case .object(let e as PyExceptionObject) = args["self"] else { return .str("") }
            return .str(e.message)
        }))
        base.setAttribute("__repr__", .object(PyBuiltin("BaseException.__repr__(self, /)") { args in
            guard case .object(let e as PyExceptionObject) = args["self"] else { return .str("") }
            return .str(SpecialMethods.defaultRepr(e))
        }))
        ExceptionGroups.installMethods()
    }

}
