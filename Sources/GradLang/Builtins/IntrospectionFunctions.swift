/// `type`, `isinstance`, `issubclass`, `callable`, `hasattr`/`getattr`/`setattr`/`delattr`, `dir`, `id`,
/// `hash`, `repr`.
enum IntrospectionFunctions {
    /// `type(x)`, the common call, runs `one` without binding a tuple and a dict of arguments.
    nonisolated(unsafe) static let type = PyBuiltin("type(*args, **kwargs)", { args in
        let all = args.varargs("args"), keywords = args.keywordArguments("kwargs")
        switch all.count {
        case 1:
            if !keywords.isEmpty { throw PyError.type("type() takes no keyword arguments") }
            return BuiltinTypes.of(all[0])
        case 3:
            return try Metaclasses.makeClass(all[0], all[1], all[2], keywords: keywords, metaclass: nil, args.interpreter)
        default: throw PyError.type("type() takes 1 or 3 arguments")
        }
    }, one: { object, _ in BuiltinTypes.of(object) })

    static var all: [PyBuiltin] {
        [
            PyBuiltin("isinstance(obj, class_or_tuple, /)", two: { obj, classes, interpreter in .bool(try isInstance(obj, classes, interpreter)) }),
            PyBuiltin("issubclass(cls, class_or_tuple, /)") { args in
                guard case .object(let cls) = args["cls"], cls is PyTypeObject || cls is PyClass else {
                    throw PyError.type("issubclass() arg 1 must be a class")
                }
                return .bool(try isSubclass(cls, args["class_or_tuple"]))
            },
            PyBuiltin("callable(obj, /)", one: { obj, _ in .bool(isCallable(obj)) }),
            PyBuiltin("hasattr(obj, name, /)") { args in
                let name = try attributeName(args["name"])
                return .bool(args.interpreter.hasAttribute(args["obj"], name))
            },
            PyBuiltin("getattr(object, name, default=<unset>, /)") { args in
                let name = try attributeName(args["name"])
                do {
                    return try args.interpreter.getAttribute(args["object"], name)
                } catch let e as PyError where e.type.isSubclass(of: PyExc.attributeError) {
                    guard let fallback = args.given("default") else {
                        throw Suggestions.noting(e, object: args["object"], name: name, args.interpreter)
                    }
                    return fallback
                }
            },
            PyBuiltin("setattr(obj, name, value, /)") { args in
                try args.interpreter.setAttribute(args["obj"], attributeName(args["name"]), args["value"])
                return .none
            },
            PyBuiltin("delattr(obj, name, /)") { args in
                try args.interpreter.deleteAttribute(args["obj"], attributeName(args["name"]))
                return .none
            },
            PyBuiltin("dir(object=<unset>, /)") { args in
                guard let object = args.given("object") else {
                    return .object(PyList((args.interpreter.namesInScope?() ?? []).sorted().map { .str($0) }))
                }
                return .object(PyList(attributeNames(of: object, args.interpreter).map { .str($0) }))
            },
            PyBuiltin("vars(object=<unset>, /)") { args in
                guard let object = args.given("object") else {
                    return .object(try args.interpreter.takeCallerScope().localsDict(args.interpreter))
                }
                switch object {
                case .object(let m as PyModule):
                    let d = PyDict()
                    for (k, v) in m.attributes { try d.set(.str(k), v) }
                    return .object(d)
                case .object(let o) where o is PyInstance || o is PyClass:
                    do {
                        return try args.interpreter.getAttribute(object, "__dict__")
                    } catch let e as PyError where e.type === PyExc.attributeError {
                        throw PyError.type("vars() argument must have __dict__ attribute")
                    }
                default: throw PyError.type("vars() argument must have __dict__ attribute")
                }
            },
            PyBuiltin("id(obj, /)", one: { obj, _ in .int(identity(obj)) }),
            PyBuiltin("hash(obj, /)", one: { obj, _ in .int(try Hashing.hash(obj)) }),
            PyBuiltin("repr(obj, /)") { args in .str(try Repr.checkedRepr(args["obj"])) },
            PyBuiltin("ascii(obj, /)") { args in .str(try TextFunctions.ascii(args["obj"])) },
        ]
    }

    /// `isinstance(value, classInfo)`; with an interpreter, an instance whose class answers
    /// `__class__` itself (a `__getattribute__`, or a `__class__` property: proxies, mocks) is
    /// also an instance of what that names, as in CPython.
    static func isInstance(_ value: Value, _ classInfo: Value, _ interpreter: Interpreter? = nil) throws -> Bool {
        guard case .object(let o) = classInfo else {
            throw PyError.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
        switch o {
        case let t as PyTypeObject:
            if case .object(let i as PyInstance) = value, let contents = i.contents { return t.matches(contents) }
            return t.matches(value)
        case let c as PyClass:
            if case .object(let x as PyInstance) = value {
                if x.cls.isSubclass(of: c) { return true }
                guard let interpreter, x.cls.lookup("__getattribute__") != nil || x.cls.lookup("__class__") != nil,
                      case .object(let claimed as PyClass) = try interpreter.getAttribute(value, "__class__") else { return false }
                return claimed !== x.cls && claimed.isSubclass(of: c)
            }
            if case .object(let x as PyClass) = value, let metaclass = x.metaclass { return metaclass.isSubclass(of: c) }
            return false
        case let tuple as PyTuple:
            for option in tuple.items where try isInstance(value, option, interpreter) { return true }
            return false
        default:
            throw PyError.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    private static func isSubclass(_ cls: PyObject, _ classInfo: Value) throws -> Bool {
        guard case .object(let o) = classInfo else {
            throw PyError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
        switch o {
        case is PyTypeObject, is PyClass: return BuiltinTypes.isSubclass(cls, of: o)
        case let tuple as PyTuple:
            for option in tuple.items where try isSubclass(cls, option) { return true }
            return false
        default:
            throw PyError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
    }

    static func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if let i = o as? PyInstance { return i.cls.lookup("__call__") != nil }
        return o is PyBuiltin || o is PyBoundMethod || o is PyMethodDescriptor || o is PyCallable || o is PyTypeObject || o is PyClass
    }

    /// The `name` argument of getattr and friends: a str.
    static func attributeName(_ v: Value) throws -> String {
        guard case .str(let s) = NativeBases.scalar(v) ?? v else { throw PyError.type("attribute name must be string, not '\(v.typeName)'") }
        return s.string
    }

    /// The methods a class has from the built-in type it extends (`append` for a list subclass).
    private static func builtinBaseNames(_ cls: PyClass, _ interpreter: Interpreter) -> [String] {
        cls.nativeBase.flatMap(typeKey).map { interpreter.attributes.names($0) } ?? []
    }

    /// `dir(x)`: a module's names, or the methods and properties of the value's type.
    static func attributeNames(of value: Value, _ interpreter: Interpreter) -> [String] {
        switch value {
        case .object(let m as PyModule): return m.attributes.keys.sorted()
        case .object(let c as PyClass): return ClassAttributes.names(of: c).union(builtinBaseNames(c, interpreter)).sorted()
        case .object(let i as PyInstance):
            return ClassAttributes.names(of: i.cls).union(i.attributes.map(\.name)).union(builtinBaseNames(i.cls, interpreter)).sorted()
        case .object(let t as PyTypeObject):
            if t === BuiltinTypes.object { return BuiltinSlots.objectNames.sorted() }
            guard let key = typeKey(of: t) else { return [] }
            return BuiltinSlots.dirNames(interpreter.attributes.names(key), key, frozen: t === BuiltinTypes.frozenset)
        case .object(is PyAccumulateGrad):
            return PyAccumulateGrad.attributeNames
        case .object(let n as PyGradNode):
            return (interpreter.attributes.names(.gradNode) + n.savedValueNames).sorted()
        default:
            let key = TypeKey(value)
            let frozen = if case .object(let s as PySet) = value { s.isFrozen } else { false }
            return BuiltinSlots.dirNames(interpreter.attributes.names(key), key, frozen: frozen)
        }
    }

    /// The attribute-table key of a built-in type object (`dir(str)` lists str's methods).
    static func typeKey(of t: PyTypeObject) -> TypeKey? {
        let keys: [(PyTypeObject, TypeKey)] = [
            (BuiltinTypes.str, .str), (BuiltinTypes.bytes, .bytes), (BuiltinTypes.bytearray, .bytearray), (BuiltinTypes.list, .list), (BuiltinTypes.tuple, .tuple), (BuiltinTypes.dict, .dict),
            (BuiltinTypes.set, .set), (BuiltinTypes.frozenset, .set), (BuiltinTypes.int, .int), (BuiltinTypes.float, .float),
            (BuiltinTypes.bool, .bool), (BuiltinTypes.range, .range), (BuiltinTypes.slice, .slice), (BuiltinTypes.tensor, .tensor),
        ]
        return keys.first { $0.0 === t }?.1
    }

    /// `id(x)`: objects by address; unboxed values by a stable stand-in (they have no address).
    private static func identity(_ v: Value) -> Int {
        switch v {
        case .tensor(let t): return Int(bitPattern: UInt(bitPattern: ObjectIdentifier(t)))
        case .object(let o): return Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o)))
        default: return (try? Hashing.hash(v)).map { $0 & 0x7fff_ffff_fff0 | 0x7f00_0000_0000 } ?? 0
        }
    }
}
