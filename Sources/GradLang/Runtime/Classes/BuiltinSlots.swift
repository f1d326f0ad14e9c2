/// The special methods of the built-in types as attributes, as CPython exposes its type slots:
/// `int.__add__(2, 3)`, `(1).__add__(2.5)` (NotImplemented), `list.__len__`, `dict.__getitem__`,
/// `object.__lt__`, `hasattr(1, "__add__")`, `dir(1)`, and `super().__len__()` in a class that
/// extends list. Each is a thin wrapper over the operation the language already has
/// (Operators.binary, Subscript.get, Repr, ...): one definition per special method, registered in
/// the attribute table for every type CPython gives it to. Which types have which, and which
/// operands a numeric or container slot takes (others give NotImplemented), follow CPython 3.11.
enum BuiltinSlots {
    /// The special methods of `object` (dir(object)) that every value has.
    static let objectNames = [
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
        "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
        "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    ]

    private static let intNames = [
        "__abs__", "__add__", "__and__", "__bool__", "__ceil__", "__divmod__", "__float__", "__floor__", "__floordiv__",
        "__getnewargs__", "__index__", "__int__", "__invert__", "__lshift__", "__mod__", "__mul__", "__neg__", "__or__",
        "__pos__", "__pow__", "__radd__", "__rand__", "__rdivmod__", "__rfloordiv__", "__rlshift__", "__rmod__",
        "__rmul__", "__ror__", "__round__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__",
        "__rxor__", "__sub__", "__truediv__", "__trunc__", "__xor__",
    ]

    /// Each built-in type with the special methods it has beyond object's (CPython 3.11's
    /// `dir(T)` minus `dir(object)`; for torch.Tensor, its operators and container methods).
    private static var types: [(key: TypeKey, type: PyTypeObject, names: [String])] {
        [
            (.int, BuiltinTypes.int, intNames),
            (.bool, BuiltinTypes.int, intNames),
            (.float, BuiltinTypes.float, [
                "__abs__", "__add__", "__bool__", "__ceil__", "__divmod__", "__float__", "__floor__", "__floordiv__",
                "__getformat__", "__getnewargs__", "__int__", "__mod__", "__mul__", "__neg__", "__pos__", "__pow__",
                "__radd__", "__rdivmod__", "__rfloordiv__", "__rmod__", "__rmul__", "__round__", "__rpow__", "__rsub__",
                "__rtruediv__", "__sub__", "__truediv__", "__trunc__",
            ]),
            (.complex, BuiltinTypes.complex, [
                "__abs__", "__add__", "__bool__", "__complex__", "__getnewargs__", "__mul__", "__neg__", "__pos__", "__pow__",
                "__radd__", "__rmul__", "__rpow__", "__rsub__", "__rtruediv__", "__sub__", "__truediv__",
            ]),
            (.str, BuiltinTypes.str, ["__add__", "__contains__", "__getitem__", "__getnewargs__", "__iter__", "__len__",
                                      "__mod__", "__mul__", "__rmod__", "__rmul__"]),
            (.bytes, BuiltinTypes.bytes, ["__add__", "__contains__", "__getitem__", "__getnewargs__", "__iter__", "__len__",
                                          "__mod__", "__mul__", "__rmod__", "__rmul__"]),
            (.bytearray, BuiltinTypes.bytearray, ["__add__", "__contains__", "__delitem__", "__getitem__", "__iadd__",
                                                  "__imul__", "__iter__", "__len__", "__mod__", "__mul__", "__rmod__",
                                                  "__rmul__", "__setitem__"]),
            (.list, BuiltinTypes.list, ["__add__", "__class_getitem__", "__contains__", "__delitem__", "__getitem__",
                                        "__iadd__", "__imul__", "__iter__", "__len__", "__mul__", "__reversed__", "__rmul__",
                                        "__setitem__"]),
            (.tuple, BuiltinTypes.tuple, ["__add__", "__class_getitem__", "__contains__", "__getitem__", "__getnewargs__",
                                          "__iter__", "__len__", "__mul__", "__rmul__"]),
            (.dict, BuiltinTypes.dict, ["__class_getitem__", "__contains__", "__delitem__", "__getitem__", "__ior__",
                                        "__iter__", "__len__", "__or__", "__reversed__", "__ror__", "__setitem__"]),
            // Sets and frozensets share one method table; a frozenset's receiver check refuses
            // the in-place ones.
            (.set, BuiltinTypes.set, ["__and__", "__class_getitem__", "__contains__", "__iand__", "__ior__", "__isub__",
                                      "__iter__", "__ixor__", "__len__", "__or__", "__rand__", "__ror__", "__rsub__",
                                      "__rxor__", "__sub__", "__xor__"]),
            (.range, BuiltinTypes.range, ["__bool__", "__contains__", "__getitem__", "__iter__", "__len__", "__reversed__"]),
            (.slice, BuiltinTypes.slice, []),
            (.none, BuiltinTypes.noneType, ["__bool__"]),
            (.tensor, BuiltinTypes.tensor, [
                "__abs__", "__add__", "__and__", "__bool__", "__contains__", "__delitem__", "__float__", "__floordiv__",
                "__getitem__", "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imod__", "__imul__", "__index__",
                "__int__", "__invert__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__iter__", "__itruediv__",
                "__ixor__", "__len__", "__lshift__", "__matmul__", "__mod__", "__mul__", "__neg__", "__or__", "__pos__",
                "__pow__", "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmod__", "__rmul__",
                "__ror__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__setitem__",
                "__sub__", "__truediv__", "__xor__",
            ]),
        ]
    }

    /// The types whose values compare by their own rules (`(1).__eq__(1.0)` is NotImplemented,
    /// `(1.0).__eq__(1)` is True); the others compare as objects do, by identity.
    private static let richlyCompared: Set<TypeKey> = [.int, .bool, .float, .complex, .str, .bytes, .bytearray, .list, .tuple, .dict, .set,
                                                       .range, .slice, .tensor]
    /// The types whose values are unhashable: their `__hash__` attribute is None.
    private static let unhashable: Set<TypeKey> = [.list, .dict, .set, .bytearray]
    /// What each built-in type defines for itself rather than inherits from object: a value's
    /// own repr, str and hash, and an `__init__` that ignores its arguments (list, dict and set
    /// fill themselves from them).
    private static let everyTypesOwn: Set<String> = ["__init__", "__repr__", "__str__", "__hash__"]
    /// Names that need a class's own machinery, not a wrapper: `__new__` is a static method of the
    /// type object (NativeBases.new), `__class__` and `__doc__` are not methods.
    private static let notWrapped: Set<String> = ["__class__", "__doc__", "__new__"]

    /// Registers every type's special methods, and `object`'s beyond those ClassBuiltins defines,
    /// without replacing a method already registered (torch's `__and__`).
    static func install(_ table: inout AttributeTable) {
        let objectMethods = table.classMethods["object"] ?? [:]
        var extraObjectMethods: [PyBuiltin] = []
        for name in objectNames where !notWrapped.contains(name) && objectMethods[name] == nil {
            if let m = wrapper(name, of: BuiltinTypes.object, key: .other) { extraObjectMethods.append(m) }
        }
        table.addClassMethods("object", extraObjectMethods)
        let inherited = table.classMethods["object"] ?? [:]
        for (key, type, names) in types {
            var methods: [PyBuiltin] = []
            for name in objectNames + names where !notWrapped.contains(name) && table.method(key, name) == nil {
                if name == "__hash__" && unhashable.contains(key) {
                    table.addGetter(key, name) { _ in .none }
                    continue
                }
                let own = names.contains(name) || everyTypesOwn.contains(name) || (richlyCompared.contains(key) && comparisons[name] != nil)
                if own, let m = wrapper(name, of: type, key: key) {
                    methods.append(m)
                } else if let m = inherited[name] {
                    methods.append(m)
                }
            }
            table.addMethods(key, methods)
            // `list.__class_getitem__(int)`: reached through the type object without a receiver.
            if names.contains("__class_getitem__") { table.addClassMethods(type.name, [classGetItem(type)]) }
        }
    }

    /// What `dir()` lists for values of `type` (of kind `key`), given its attribute table's
    /// `names`: its special methods too, and not a set's in-place ones for a frozenset.
    static func dirNames(_ names: [String], _ key: TypeKey, frozen: Bool) -> [String] {
        guard types.contains(where: { $0.key == key }) else { return names }
        let all = names + ["__class__", "__doc__", "__new__"]
        return (frozen ? all.filter { !inPlaceSetNames.contains($0) } : all).sorted()
    }

    private static let inPlaceSetNames: Set<String> = ["__iand__", "__ior__", "__isub__", "__ixor__"]

    // MARK: wrappers

    /// How a special method checks its argument count, with CPython's message for each kind: a
    /// slot wrapper's `check_num_args`, `PyArg_UnpackTuple` (ternary `__pow__`), or a method
    /// defined with METH_NOARGS / METH_O / Argument Clinic (`__round__`).
    private enum Arity {
        case wrapper(Int)
        case unpack(ClosedRange<Int>)
        case method(Int)
        case clinic(ClosedRange<Int>)
        /// Any arguments, keywords too, checked by the body (`__init__`).
        case any

        var takesKeywords: Bool {
            if case .any = self { return true }
            return false
        }

        func check(_ count: Int, _ name: String, _ typeName: String) throws {
            switch self {
            case .wrapper(let n):
                if count != n { throw PyError.type("expected \(n) argument\(n == 1 ? "" : "s"), got \(count)") }
            case .unpack(let range):
                // PyArg_UnpackTuple's message, its function name empty.
                let exact = range.lowerBound == range.upperBound
                for (bound, word) in [(range.lowerBound, "at least "), (range.upperBound, "at most ")]
                where word == "at least " ? count < bound : count > bound {
                    throw PyError.type(" expected \(exact ? "" : word)\(bound) argument\(bound == 1 ? "" : "s"), got \(count)")
                }
            case .method(let n):
                if count != n {
                    throw PyError.type("\(typeName).\(name)() takes \(n == 0 ? "no arguments" : "exactly one argument") (\(count) given)")
                }
            case .any: break
            case .clinic(let range):
                if count > range.upperBound {
                    throw PyError.type("\(name) expected at most \(range.upperBound) argument\(range.upperBound == 1 ? "" : "s"), got \(count)")
                }
            }
        }
    }

    private typealias Body = (_ receiver: Value, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value

    /// `type.name` as a built-in taking the receiver first: it checks the receiver is a `type`
    /// (or holds one, for an instance of a class extending it), then the arguments, then runs.
    private static func wrapper(_ name: String, of type: PyTypeObject, key: TypeKey) -> PyBuiltin? {
        guard let (arity, body) = slot(name, key) else { return nil }
        return PyBuiltin("\(name)(*args, **kwargs)") { args in
            var arguments = args.varargs("args")
            guard !arguments.isEmpty else { throw PyError.type("descriptor '\(name)' of '\(type.name)' object needs an argument") }
            let given = arguments.removeFirst()
            let receiver = NativeBases.contents(given)
            guard accepts(type, receiver, name) else {
                if type === BuiltinTypes.set { throw PyError.attribute("'\(given.typeName)' object has no attribute '\(name)'") }
                if type === BuiltinTypes.tensor {
                    throw PyError.type("descriptor '\(name)' for 'torch._C.TensorBase' objects doesn't apply to a '\(given.typeName)' object")
                }
                throw PyError.type("descriptor '\(name)' requires a '\(type.name)' object but received a '\(given.typeName)'")
            }
            let keywords = args.keywordArguments("kwargs")
            if !keywords.isEmpty, !arity.takesKeywords { throw PyError.type("wrapper \(name)() takes no keyword arguments") }
            try arity.check(arguments.count, name, receiver.typeName)
            return try body(receiver, Arguments(arguments, keywords: keywords), args.interpreter)
        }
    }

    /// Whether `receiver` is a value of `type`; a frozenset is a set that cannot change.
    private static func accepts(_ type: PyTypeObject, _ receiver: Value, _ name: String) -> Bool {
        if type === BuiltinTypes.set, case .object(let s as PySet) = receiver { return !s.isFrozen || !inPlaceSetNames.contains(name) }
        return type.matches(receiver)
    }

    private static func classGetItem(_ type: PyTypeObject) -> PyBuiltin {
        PyBuiltin("__class_getitem__(*args)") { args in
            guard let item = args.varargs("args").last else {
                throw PyError.type("\(type.name).__class_getitem__() takes exactly one argument (0 given)")
            }
            return .object(PyGenericAlias(origin: .object(type), key: item, prefix: type.name))
        }
    }

    private static let comparisons: [String: CompareOperator] = Dictionary(uniqueKeysWithValues: CompareOperator.allCases.compactMap { op in
        let name = SpecialName.methods(of: op).forward.name
        return name.hasPrefix("__") ? (name, op) : nil
    })

    /// The arity and body of special method `name` on values of kind `key`; nil for a name no
    /// built-in type defines.
    private static func slot(_ name: String, _ key: TypeKey) -> (Arity, Body)? {
        if let op = comparisons[name] {
            return (.wrapper(1), { receiver, arguments, _ in
                let other = NativeBases.contents(arguments.positional[0])
                guard comparable(key, receiver, other, ordering: op != .eq && op != .ne) else { return notImplemented }
                return try Operators.compare(op, receiver, other)
            })
        }
        if name == "__divmod__" || name == "__rdivmod__" {
            let reflected = name == "__rdivmod__"
            return (.wrapper(1), { receiver, arguments, _ in
                try binary(nil, key, receiver, arguments, reflected: reflected, NumericFunctions.divmod)
            })
        }
        for op in BinaryOperator.allCases {
            let names = SpecialName.methods(of: op)
            if name == names.forward.name || name == names.reflected.name {
                let reflected = name == names.reflected.name
                let arity: Arity = op == .power && key != .tensor ? .unpack(1...2) : .wrapper(1)
                return (arity, { receiver, arguments, _ in
                    try binary(op, key, receiver, arguments, reflected: reflected) { try Operators.binary(op, $0, $1) }
                })
            }
            if name == names.inPlace.name {
                return (.wrapper(1), { receiver, arguments, interpreter in
                    let other = NativeBases.contents(arguments.positional[0])
                    if key == .set, !(other.isSet) { return notImplemented }
                    if key == .list, op == .multiply { return try Operators.inPlace(op, receiver, .integer(try Arg.integer(other)), interpreter) }
                    return try Operators.inPlace(op, receiver, other, interpreter)
                })
            }
        }
        return unarySlot(name, key) ?? objectSlot(name, key)
    }

    /// `x.__add__(y)` and the reflected `x.__radd__(y)` (`op` nil: `__divmod__`), by `apply`:
    /// numbers take only numbers they know (NotImplemented otherwise), sequences raise their own
    /// errors, tensors answer NotImplemented for what they cannot take.
    private static func binary(_ op: BinaryOperator?, _ key: TypeKey, _ receiver: Value, _ arguments: Arguments, reflected: Bool,
                               _ apply: (Value, Value) throws -> Value) throws -> Value {
        let other = NativeBases.contents(arguments.positional[0])
        if other.instance != nil { return notImplemented }
        let (left, right) = reflected ? (other, receiver) : (receiver, other)
        switch key {
        case .int, .bool, .float:
            // An int's operators take ints only; a float's take ints and floats.
            guard other.isInteger || (other.isFloat && key == .float) else { return notImplemented }
            if arguments.positional.count == 2 {
                let modulus = NativeBases.contents(arguments.positional[1])
                if modulus.isNone { return try apply(left, right) }
                guard key == .float || modulus.isInteger else { return notImplemented }
                if key == .float { throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers") }
                return try NumericFunctions.modularPower(left, right, modulus)
            }
            return try apply(left, right)
        case .complex:
            guard other.isInteger || other.isFloat || other.isComplex else { return notImplemented }
            if arguments.positional.count == 2, !arguments.positional[1].isNone { throw PyError.value("complex modulo") }
            return try apply(left, right)
        case .dict:
            return other.isDict ? try apply(left, right) : notImplemented
        case .set:
            return other.isSet ? try apply(left, right) : notImplemented
        case .str where op == .modulo && reflected:
            if case .str = other { return try apply(left, right) }
            return notImplemented
        case .str, .bytes, .bytearray, .list, .tuple:
            // Repetition reads the count as an index (`'float' object cannot be interpreted
            // as an integer`); concatenation raises its own TypeError.
            if op == .multiply { return try apply(receiver, .integer(try Arg.integer(other))) }
            return try apply(left, right)
        default:
            do {
                return try apply(left, right)
            } catch let e as PyError where e.type === PyExc.typeError {
                return notImplemented
            }
        }
    }

    /// Whether a value of kind `key` compares with `other` by its own rules: numbers with
    /// numbers, containers with their own kind; dicts and ranges are not ordered.
    private static func comparable(_ key: TypeKey, _ receiver: Value, _ other: Value, ordering: Bool) -> Bool {
        if other.instance != nil { return false }
        switch key {
        case .int, .bool: return other.isInteger
        case .float: return other.isInteger || other.isFloat
        // Complex numbers are equal or not, never ordered.
        case .complex: return !ordering && (other.isInteger || other.isFloat || other.isComplex)
        case .tensor:
            if case .tensor = other { return true }
            return other.isInteger || other.isFloat
        case .other: return false
        case .dict, .range: return !ordering && TypeKey(other) == key
        case .set: return other.isSet
        // A bytearray compares with bytes too; bytes leaves a bytearray to its reflected method.
        case .bytearray: if case .object(is PyBytes) = other { return true } else { return false }
        default: return TypeKey(other) == key
        }
    }

    private static func unarySlot(_ name: String, _ key: TypeKey) -> (Arity, Body)? {
        func noArguments(_ body: @escaping (Value, Interpreter) throws -> Value) -> (Arity, Body) {
            (.wrapper(0), { receiver, _, interpreter in try body(receiver, interpreter) })
        }
        func method(_ body: @escaping (Value, Interpreter) throws -> Value) -> (Arity, Body) {
            (.method(0), { receiver, _, interpreter in try body(receiver, interpreter) })
        }
        switch name {
        case "__repr__": return noArguments { v, _ in .str(try Repr.checkedRepr(v)) }
        case "__str__": return noArguments { v, _ in .str(try Repr.checkedStr(v)) }
        case "__hash__": return noArguments { v, _ in .int(try Hashing.hash(v)) }
        case "__neg__": return noArguments { v, _ in try Operators.unary(.minus, v) }
        case "__pos__": return noArguments { v, _ in try Operators.unary(.plus, v) }
        case "__invert__": return noArguments { v, _ in try Operators.unary(.invert, v) }
        case "__abs__": return noArguments { v, _ in try NumericFunctions.absolute(v) }
        case "__bool__": return noArguments { v, _ in .bool(try Operators.truthy(v)) }
        case "__int__": return noArguments { v, interpreter in try interpreter.call(.object(NumberConstructors.int), Arguments([v])) }
        case "__float__": return noArguments { v, interpreter in try interpreter.call(.object(NumberConstructors.float), Arguments([v])) }
        case "__index__": return noArguments { v, _ in .integer(try Arg.integer(v)) }
        case "__len__": return noArguments { v, _ in .int(try IteratorFunctions.length(v)) }
        case "__iter__": return noArguments { v, _ in .object(try Iteration.iterator(v)) }
        case "__reversed__": return method { v, _ in .object(try IteratorFunctions.reversed(v)) }
        case "__trunc__", "__floor__", "__ceil__":
            let rule: FloatingPointRoundingRule = name == "__floor__" ? .down : name == "__ceil__" ? .up : .towardZero
            return method { v, _ in
                if case .float(let x) = v { return try NumberConstructors.integral(x.rounded(rule)) }
                return .integer(try Arg.integer(v))
            }
        case "__round__":
            return (.clinic(0...1), { receiver, arguments, interpreter in
                try Rounding.round(receiver, ndigits: arguments.positional.first ?? .none, interpreter)
            })
        case "__complex__": return method { v, _ in v }
        case "__getnewargs__":
            return method { v, _ in
                if case .object(let t as PyTuple) = v { return .object(PyTuple([.object(PyTuple(t.items))])) }
                if let z = v.complexValue { return .object(PyTuple([.float(z.real), .float(z.imag)])) }
                return .object(PyTuple([v]))
            }
        case "__getitem__":
            return (key == .list || key == .dict ? .method(1) : .wrapper(1), { receiver, arguments, interpreter in
                try Subscript.get(receiver, arguments.positional[0], interpreter: interpreter)
            })
        case "__setitem__":
            return (.unpack(2...2), { receiver, arguments, interpreter in
                try Subscript.set(receiver, arguments.positional[0], arguments.positional[1], interpreter: interpreter)
                return .none
            })
        case "__delitem__":
            return (.wrapper(1), { receiver, arguments, _ in
                try Subscript.delete(receiver, arguments.positional[0])
                return .none
            })
        case "__contains__":
            return (key == .dict ? .method(1) : .wrapper(1), { receiver, arguments, _ in
                .bool(try Operators.contains(receiver, arguments.positional[0]))
            })
        case "__class_getitem__":
            return (.method(1), { receiver, arguments, _ in
                .object(PyGenericAlias(origin: BuiltinTypes.of(receiver), key: arguments.positional[0], prefix: receiver.typeName))
            })
        default: return nil
        }
    }

    /// The methods every value has from `object` that ClassBuiltins does not define, and the
    /// receiver-specific `__init__` of list, dict and set.
    private static func objectSlot(_ name: String, _ key: TypeKey) -> (Arity, Body)? {
        switch name {
        case "__init__":
            return (.any, { receiver, arguments, interpreter in
                guard case .object(let contents) = receiver else { return .none }
                try NativeBases.initialize(contents, named: receiver.typeName, arguments, interpreter)
                return .none
            })
        case "__format__":
            return (.method(1), { receiver, arguments, _ in
                guard case .str(let spec) = NativeBases.contents(arguments.positional[0]) else {
                    throw PyError.type("\(receiver.typeName).__format__() argument must be str, not \(arguments.positional[0].typeName)")
                }
                // object.__format__ of an instance is its str, with no format spec.
                if let instance = receiver.instance {
                    if !spec.string.isEmpty {
                        throw PyError.type("unsupported format string passed to \(instance.typeName).__format__")
                    }
                    return .str(try SpecialMethods.str(instance))
                }
                return .str(try Formatting.format(receiver, spec: spec.string))
            })
        case "__dir__":
            return (.method(0), { receiver, _, interpreter in
                .object(PyList(IntrospectionFunctions.attributeNames(of: receiver, interpreter).map { .str($0) }))
            })
        case "__subclasshook__": return (.any, { _, _, _ in notImplemented })
        case "__sizeof__", "__reduce__", "__reduce_ex__", "__getstate__", "__getformat__":
            return (.any, { receiver, _, _ in
                throw PyError(PyExc.notImplementedError, "grad does not implement \(receiver.typeName).\(name)()")
            })
        default: return nil
        }
    }

    private static var notImplemented: Value { .object(SpecialMethods.notImplemented) }
}

private extension Value {
    /// An int or a bool.
    var isInteger: Bool {
        switch self {
        case .int, .bigInt, .bool: return true
        default: return false
        }
    }

    var isFloat: Bool {
        if case .float = self { return true }
        return false
    }

    var isZero: Bool {
        if case .int(0) = self { return true }
        if case .bool(false) = self { return true }
        return false
    }

    var isDict: Bool {
        if case .object(let o) = self { return o is PyDict }
        return false
    }

    var isSet: Bool {
        if case .object(let o) = self { return o is PySet }
        return false
    }
}
