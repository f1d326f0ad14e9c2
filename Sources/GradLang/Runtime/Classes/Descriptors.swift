/// `property`, `staticmethod` and `classmethod`: class attributes that change what reading them
/// through an instance or the class gives (CPython's descriptors).
final class PyProperty: CollectableObject {
    let getter: Value?
    let setter: Value?
    let deleter: Value?
    let doc: Value

    override func forEachReference(_ visit: (Value) -> Void) {
        for case let accessor? in [getter, setter, deleter] { visit(accessor) }
        visit(doc)
    }

    init(getter: Value?, setter: Value?, deleter: Value?, doc: Value) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
        self.doc = doc
    }

    override var typeName: String { "property" }

    /// The name a class statement gave it (CPython's `__set_name__`), which its errors show; nil
    /// for a property set on a class afterwards.
    var name: String?

    /// The same property with one accessor replaced (`@x.setter`).
    func with(getter: Value? = nil, setter: Value? = nil, deleter: Value? = nil) -> PyProperty {
        PyProperty(getter: getter ?? self.getter, setter: setter ?? self.setter, deleter: deleter ?? self.deleter, doc: doc)
    }

    /// CPython's AttributeError for an accessor (`getter`, `setter`, `deleter`) the property lacks,
    /// used on an instance of `owner`: `property 'x' of 'C' object has no setter`.
    func missing(_ accessor: String, owner: String) -> PyError {
        let property = name.map { "property \(Repr.repr(.str($0)))" } ?? "property"
        return PyError.attribute("\(property) of '\(owner)' object has no \(accessor)")
    }
}

/// `@staticmethod`: the function, unbound, through instances and the class alike.
final class PyStaticMethod: CollectableObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    override var typeName: String { "staticmethod" }
    override func forEachReference(_ visit: (Value) -> Void) { visit(function) }
}

/// `@classmethod`: the function bound to the class, through instances and the class alike.
final class PyClassMethod: CollectableObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    override var typeName: String { "classmethod" }
    override func forEachReference(_ visit: (Value) -> Void) { visit(function) }
}

/// A function bound to the object it was read from (`obj.method`): calling it passes the object
/// first. Its repr is `<bound method C.f of <__main__.C object at 0x…>>`.
final class PyMethod: CollectableObject, PyCallable {
    let function: Value
    let receiver: Value

    init(function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
    }

    override var typeName: String { "method" }

    override func forEachReference(_ visit: (Value) -> Void) {
        visit(function)
        visit(receiver)
    }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        var bound = args
        bound.positional.insert(receiver, at: 0)
        return try interpreter.call(function, bound)
    }
}
