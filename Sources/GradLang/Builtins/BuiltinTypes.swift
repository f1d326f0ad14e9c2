/// The type objects of the built-in types: callable as constructors, usable with `isinstance`,
/// and what `type(x)` returns. They hold no interpreter state, so one set serves every interpreter.
enum BuiltinTypes {
    nonisolated(unsafe) static let object = PyTypeObject(name: "object", constructor: Constructors.object) { _ in true }
    nonisolated(unsafe) static let type = PyTypeObject(name: "type", constructor: IntrospectionFunctions.type) {
        if case .object(let o) = $0 { return o is PyTypeObject || o is PyClass }
        return false
    }
    nonisolated(unsafe) static let noneType = PyTypeObject(name: "NoneType", constructor: Constructors.noneType) { $0.isNone }
    nonisolated(unsafe) static let int = PyTypeObject(name: "int", constructor: NumberConstructors.int) {
        switch $0 {
        case .int, .bigInt, .bool: return true
        default: return false
        }
    }
    nonisolated(unsafe) static let bool = PyTypeObject(name: "bool", constructor: NumberConstructors.bool) {
        if case .bool = $0 { return true } else { return false }
    }
    nonisolated(unsafe) static let float = PyTypeObject(name: "float", constructor: NumberConstructors.float) {
        if case .float = $0 { return true } else { return false }
    }
    nonisolated(unsafe) static let complex = objectType("complex", ComplexConstructor.constructor) { $0 is PyComplex }
    nonisolated(unsafe) static let str = PyTypeObject(name: "str", constructor: Constructors.str) {
        if case .str = $0 { return true } else { return false }
    }
    nonisolated(unsafe) static let bytes = objectType("bytes", BytesMethods.constructor(mutable: false)) { ($0 as? PyBytes)?.isMutable == false }
    nonisolated(unsafe) static let bytearray = objectType("bytearray", BytesMethods.constructor(mutable: true)) { ($0 as? PyBytes)?.isMutable == true }
    nonisolated(unsafe) static let memoryview = objectType("memoryview", MemoryViewMethods.constructor) { $0 is PyMemoryView }
    nonisolated(unsafe) static let list = objectType("list", Constructors.list) { $0 is PyList }
    nonisolated(unsafe) static let tuple = objectType("tuple", Constructors.tuple) { $0 is PyTuple }
    nonisolated(unsafe) static let dict = objectType("dict", Constructors.dict) { $0 is PyDict }
    nonisolated(unsafe) static let set = objectType("set", Constructors.set) { ($0 as? PySet)?.isFrozen == false }
    nonisolated(unsafe) static let frozenset = objectType("frozenset", Constructors.frozenset) { ($0 as? PySet)?.isFrozen == true }
    nonisolated(unsafe) static let range = objectType("range", Constructors.range) { $0 is PyRange }
    nonisolated(unsafe) static let slice = objectType("slice", Constructors.slice) { $0 is PySlice }
    /// `torch.Tensor` and `torch.Size` are the torch module's own type objects, so
    /// `type(t) is torch.Tensor`.
    static var tensor: PyTypeObject { TorchTypeObjects.tensor }
    static var torchSize: PyTypeObject { TorchTypeObjects.size }
    nonisolated(unsafe) static let builtinFunction = objectType("builtin_function_or_method", nil) { $0 is PyBuiltin || $0 is PyBoundMethod }
    nonisolated(unsafe) static let methodDescriptor = objectType("method_descriptor", nil) { $0 is PyMethodDescriptor }
    nonisolated(unsafe) static let module = objectType("module", nil) { $0 is PyModule }

    /// The types users can name at top level.
    static var named: [PyTypeObject] {
        [object, type, int, bool, float, complex, str, bytes, bytearray, memoryview, list, tuple, dict, set, frozenset, range, slice]
    }

    private static func objectType(_ name: String, _ constructor: PyBuiltin?, _ test: @escaping (PyObject) -> Bool) -> PyTypeObject {
        PyTypeObject(name: name, constructor: constructor) {
            if case .object(let o) = $0 { return test(o) }
            return false
        }
    }

    /// `type(x)`.
    static func of(_ value: Value) -> Value {
        switch value {
        case .none: return .object(noneType)
        case .bool: return .object(bool)
        case .int, .bigInt: return .object(int)
        case .float: return .object(float)
        case .str: return .object(str)
        case .tensor(let t): return .object(t.isParameter ? TorchParameter.type : tensor)
        case .object(let o):
            switch o {
            case let i as PyInstance: return .object(i.cls)
            case let c as PyClass where c.metaclass != nil: return .object(c.metaclass ?? type)
            case let c as PyClass where AbstractClasses.isAbstractBase(c): return .object(AbstractClasses.metaclass)
            case is PyTypeObject, is PyClass: return .object(type)
            case let t as PyTuple where t.kind == .torchSize: return .object(torchSize)
            case let t as PyTuple:
                switch t.kind {
                case .named(let name, _), .record(let name, _):
                    // The kind, not the tuple: the type is kept for the program's life.
                    let kind = t.kind
                    return .object(kindType(name: o.typeName, qualifiedName: name) {
                        if case .object(let u as PyTuple) = $0 { return u.kind == kind }
                        return false
                    })
                case .plain, .torchSize: break
                }
                return .object(tuple)
            case is PyList: return .object(list)
            case is PyDict: return .object(dict)
            case let s as PySet: return .object(s.isFrozen ? frozenset : set)
            case is PyRange: return .object(range)
            case is PyComplex: return .object(complex)
            case let b as PyBytes: return .object(b.isMutable ? bytearray : bytes)
            case is PyMemoryView: return .object(memoryview)
            case is PySlice: return .object(slice)
            case is PyBuiltin, is PyBoundMethod: return .object(builtinFunction)
            case is PyMethodDescriptor: return .object(methodDescriptor)
            case is PyModule: return .object(module)
            case is PyDType: return .object(TorchTypeObjects.dtype)
            case is PyDevice: return .object(TorchTypeObjects.device)
            case let info as PyTypeInfo: return .object(info.isFloat ? TorchTypeInfo.finfo : TorchTypeInfo.iinfo)
            case is PyRandom: return .object(RandomModule.randomType)
            case is PyWeakRef: return .object(WeakrefModule.referenceType)
            default:
                // Iterators, views, grad nodes...: a type named after the object's type.
                let name = o.typeName
                let isNode = o is PyGradNode || o is PyAccumulateGrad
                return .object(kindType(name: name, qualifiedName: (o as? PyGradNode)?.qualifiedTypeName ?? name,
                                        base: isNode ? TorchTypeObjects.graphNode : nil) {
                    if case .object(let other) = $0 { return other.typeName == name }
                    return false
                })
            }
        }
    }

    /// The types made for objects' kinds by `qualifiedName`, so that `type(iter([])) is
    /// type(iter([]))` as in CPython.
    nonisolated(unsafe) private static var kindTypes: [String: PyTypeObject] = [:]

    private static func kindType(name: String, qualifiedName: String, base: PyTypeObject? = nil,
                                 matches: @escaping (Value) -> Bool) -> PyTypeObject {
        if let made = kindTypes[qualifiedName] { return made }
        let made = PyTypeObject(name: name, qualifiedName: qualifiedName, constructor: nil, base: base, matches: matches)
        kindTypes[qualifiedName] = made
        return made
    }

    /// The direct base of a built-in type (`bool` → `int`, `torch.Size` → `tuple`).
    static func base(of t: PyTypeObject) -> PyTypeObject? {
        if t === object { return nil }
        if let base = t.base { return base }
        if t === bool { return int }
        if t === AbstractClasses.metaclass { return type }
        if t === torchSize { return tuple }
        if t === TorchParameter.type { return tensor }
        return object
    }

    /// `issubclass` between two classes (built-in types or exception classes).
    static func isSubclass(_ cls: PyObject, of target: PyObject) -> Bool {
        if cls === target || target === object { return true }
        switch (cls, target) {
        case (let c as PyClass, let t as PyClass): return c.isSubclass(of: t)
        case (let c as PyClass, let t as PyTypeObject): return c.nativeBase.map { isSubclass($0, of: t) } ?? false
        case (let c as PyTypeObject, let t as PyTypeObject):
            var current = base(of: c)
            while let b = current {
                if b === t { return true }
                current = base(of: b)
            }
            return false
        default: return false
        }
    }
}
