import GradTensor

/// The kinds of built-in values that carry methods and properties.
public enum TypeKey: Hashable, Sendable {
    case none, bool, int, float, complex, str, bytes, bytearray, list, tuple, dict, set, range, slice, tensor, module, dtype, gradNode
    case exception, function, iterator, generator, property, other

    /// Inlined, so that a number, str or tensor (`w.grad`, `t.sum()`) is told apart in place;
    /// the objects' longer classification is a call.
    @inline(__always)
    init(_ v: Value) {
        switch v {
        case .none: self = .none
        case .bool: self = .bool
        case .int, .bigInt: self = .int
        case .float: self = .float
        case .str: self = .str
        case .tensor: self = .tensor
        case .object(let o): self = TypeKey(object: o)
        }
    }

    private init(object o: PyObject) {
        switch o {
        case is PyList: self = .list
        case is PyTuple: self = .tuple
        case is PyDict: self = .dict
        case is PySet: self = .set
        case is PyRange: self = .range
        case is PyComplex: self = .complex
        case let b as PyBytes: self = b.isMutable ? .bytearray : .bytes
        case is PySlice: self = .slice
        case is PyModule: self = .module
        case is PyDType: self = .dtype
        case is PyGradNode: self = .gradNode
        case is PyExceptionObject: self = .exception
        case is PyProperty: self = .property
        case is PyIterator: self = .iterator
        case is PyGeneratorObject: self = .generator
        // Before the protocol cast, which the runtime does not cache: an instance of a user
        // class would fail it on every look-up.
        case is PyInstance: self = .other
        case is PyBuiltin, is PyBoundMethod, is PyMethodDescriptor, is PyCallable: self = .function
        default: self = .other
        }
    }
}

extension TypeKey {
    /// The kind whose methods a built-in type object (`str`, `dict`, `frozenset`) exposes.
    init?(typeName: String) {
        let kinds: [String: TypeKey] = [
            "bool": .bool, "int": .int, "float": .float, "complex": .complex, "str": .str, "bytes": .bytes, "bytearray": .bytearray, "list": .list, "tuple": .tuple,
            "dict": .dict, "set": .set, "frozenset": .set, "range": .range, "slice": .slice,
        ]
        guard let kind = kinds[typeName] else { return nil }
        self = kind
    }
}

/// Attribute access on built-in values: methods (bound to their receiver on access), computed
/// properties and property setters, registered per type by Builtins/ and Torch/.
public struct AttributeTable {
    var methods: [TypeKey: [String: PyBuiltin]] = [:]
    var getters: [TypeKey: [String: (Value) throws -> Value]] = [:]
    var setters: [TypeKey: [String: (Value, Value) throws -> Void]] = [:]
    /// Methods reached through a type object that take no receiver (`dict.fromkeys`), by type name.
    var classMethods: [String: [String: PyBuiltin]] = [:]

    /// Registers methods; each signature's first parameter is the receiver (`self`).
    public mutating func addMethods(_ type: TypeKey, _ list: [PyBuiltin]) {
        for m in list { methods[type, default: [:]][m.name] = m }
    }

    public mutating func addClassMethods(_ typeName: String, _ list: [PyBuiltin]) {
        for m in list { classMethods[typeName, default: [:]][m.name] = m }
    }

    /// `str.lower`, `dict.fromkeys`: an attribute of a built-in type object (methods as method
    /// descriptors, special methods and class methods as they are).
    func typeAttribute(_ type: PyTypeObject, _ name: String) -> Value? {
        if let m = classMethods[type.name]?[name] { return .object(m) }
        guard let m = TypeKey(typeName: type.name).flatMap({ methods[$0]?[name] }) else { return nil }
        // Special methods are CPython's slot wrappers, which check their receiver themselves.
        if name.hasPrefix("__") && name.hasSuffix("__") { return .object(m) }
        // bool's methods are int's.
        let owner = type === BuiltinTypes.bool ? BuiltinTypes.int : type
        return .object(owner.methodDescriptor(m))
    }

    public mutating func addGetter(_ type: TypeKey, _ name: String, _ get: @escaping (Value) throws -> Value) {
        getters[type, default: [:]][name] = get
    }

    public mutating func addSetter(_ type: TypeKey, _ name: String, _ set: @escaping (Value, Value) throws -> Void) {
        setters[type, default: [:]][name] = set
    }

    /// The method itself, unbound (lets a call `x.f(a)` skip allocating a bound method).
    public func method(_ type: TypeKey, _ name: String) -> PyBuiltin? { methods[type]?[name] }

    /// Every attribute name of a type, for `dir()` and completion.
    public func names(_ type: TypeKey) -> [String] {
        Array(Set((methods[type]?.keys).map(Array.init) ?? []).union((getters[type]?.keys).map(Array.init) ?? [])).sorted()
    }
}

extension Interpreter {
    /// `value.name`.
    public func getAttribute(_ value: Value, _ name: String) throws -> Value {
        if case .object(let m as PyModule) = value {
            if let v = m.attributes[name] { return v }
            if name == "__name__" { return .str(m.name) }
            throw PyError.attribute("module '\(m.name)' has no attribute '\(name)'")
        }
        if case .object(let o) = value {
            switch o {
            case let i as PyInstance: return try ClassAttributes.get(i, name, self)
            case let c as PyClass: return try ClassAttributes.get(c, name, self)
            case let s as PySuper: return try ClassAttributes.get(s, name, self)
            case let f as PyFunction:
                let functionAttributes = f.attributes
                if let v = functionAttributes[name] { return v }
                if name == "__module__" { return .str("__main__") }
                if name == "__annotations__" {
                    // Made empty when first read, as CPython makes it.
                    let empty = Value.object(PyDict())
                    f.setAttribute(name, empty)
                    return empty
                }
                if name == "__dict__" {
                    let d = PyDict()
                    // `__annotations__` is kept with them but is not in the function's `__dict__`.
                    for (k, v) in functionAttributes.sorted(by: { $0.key < $1.key }) where k != "__annotations__" { try d.set(.str(k), v) }
                    return .object(d)
                }
            default: break
            }
        }
        if case .object(let o as PyAttributeProviding) = value, let v = try o.attribute(name) { return v }
        if case .object(let t as PyTypeObject) = value, let m = attributes.typeAttribute(t, name) { return m }
        let type = TypeKey(value)
        if let get = attributes.getters[type]?[name] { return try get(value) }
        if let method = attributes.methods[type]?[name] { return .object(PyBoundMethod(receiver: value, function: method)) }
        if name == "__class__" { return BuiltinTypes.of(value) }
        throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
    }

    /// `value.name = newValue`.
    public func setAttribute(_ value: Value, _ name: String, _ newValue: Value) throws {
        if case .object(let m as PyModule) = value {
            m.attributes[name] = newValue
            return
        }
        if case .object(let i as PyInstance) = value { return try ClassAttributes.set(i, name, newValue, self) }
        // `object.__class__`'s setter, which refuses every built-in value (modules aside).
        if name == "__class__" { return try ClassAssignment.assign(newValue, to: value) }
        if case .object(let f as PyFunction) = value {
            switch name {
            case "__name__", "__qualname__":
                guard case .str(let s) = newValue else {
                    throw PyError.type("\(name) must be set to a string object")
                }
                if name == "__name__" { f.name = s.string } else { f.qualifiedName = s.string }
            case "__doc__":
                if case .str(let s) = newValue { f.docstring = s.string } else { f.docstring = nil }
            case "__globals__": throw PyError.attribute("readonly attribute")
            default: f.setAttribute(name, newValue)
            }
            return
        }
        if case .object(let c as PyClass) = value {
            if try Metaclasses.setAttribute(c, name, newValue, self) { return }
            return try ClassAttributes.set(c, name, newValue)
        }
        if let set = attributes.setters[TypeKey(value)]?[name] { return try set(value, newValue) }
        throw unwritable(value, name)
    }

    /// Setting or deleting an attribute of a built-in value that has no setter: CPython's
    /// wording for a method, a computed property, or a name the type does not have.
    private func unwritable(_ value: Value, _ name: String) -> PyError {
        if attributes.methods[TypeKey(value)]?[name] != nil {
            return PyError.attribute("'\(value.typeName)' object attribute '\(name)' is read-only")
        }
        if attributes.getters[TypeKey(value)]?[name] != nil {
            return PyError.attribute("attribute '\(name)' of '\(value.typeName)' objects is not writable")
        }
        return PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
    }

    /// `del value.name`.
    func deleteAttribute(_ value: Value, _ name: String) throws {
        switch value {
        case .object(let i as PyInstance): try ClassAttributes.delete(i, name, self)
        case .object(let c as PyClass):
            if try Metaclasses.setAttribute(c, name, nil, self) { return }
            if name == "__class__" { return try ClassAssignment.assign(nil, to: value) }
            try ClassAttributes.set(c, name, nil)
        case .object(let m as PyModule):
            guard m.attributes.removeValue(forKey: name) != nil else {
                throw PyError.attribute("module '\(m.name)' has no attribute '\(name)'")
            }
        default:
            if name == "__class__" { return try ClassAssignment.assign(nil, to: value) }
            throw unwritable(value, name)
        }
    }

    public func hasAttribute(_ value: Value, _ name: String) -> Bool {
        (try? getAttribute(value, name)) != nil
    }
}
