import GradTensor

/// `weakref.ref(obj, callback=None)`: calling it gives `obj` while something else holds it, and
/// None once it is freed; `callback(ref)` is then called (see WeakReferences for when).
final class PyWeakRef: CollectableObject, PyCallable, PyAttributeProviding, PyCustomRepr {
    private weak var object: PyObject?
    private weak var tensor: Tensor?
    /// The callback until it is called (CPython drops it then too).
    private(set) var callback: Value?
    /// Weak: a reference outliving its program must not keep the interpreter.
    private weak var interpreter: Interpreter?
    private let referentID: ObjectIdentifier
    /// The referent's hash, kept once asked: the reference hashes the same after it dies.
    private var hashValue: Int?
    /// The `weakref.proxy` this reference works for, which holds it: what `getweakrefs` lists and
    /// the callback is given in its place (see WeakrefProxySource).
    private(set) weak var proxy: PyObject?

    /// A reference to `referent`, whose identity `id` is (see `identity(ofReferenceable:)`).
    private init(to referent: Value, id: ObjectIdentifier, callback: Value?, proxy: PyObject? = nil, _ interpreter: Interpreter) {
        if case .tensor(let t) = referent {
            tensor = t
            t.markWeaklyReferenced()
        } else if case .object(let o) = referent {
            object = o
            o.isWeaklyReferenced = true
        }
        referentID = id
        self.callback = callback
        self.proxy = proxy
        self.interpreter = interpreter
        super.init()
        WeakReferences.add(self, to: id)
    }

    deinit {
        WeakReferences.forget(deadReferencesTo: referentID)
    }

    /// `weakref.ref(referent, callback)`: without a callback, the plain reference `referent` already
    /// has if any, as CPython shares it.
    static func make(to referent: Value, callback: Value, _ interpreter: Interpreter) throws -> PyWeakRef {
        let id = try referenceableIdentity(referent)
        if callback.isNone, let plain = WeakReferences.references(to: id).first(where: { $0.callback == nil && $0.proxy == nil && $0.isAlive }) {
            return plain
        }
        return PyWeakRef(to: referent, id: id, callback: callback.isNone ? nil : callback, interpreter)
    }

    /// The reference a new `weakref.proxy(referent, callback)`, `proxy`, keeps: never shared.
    static func make(to referent: Value, for proxy: PyObject, callback: Value, _ interpreter: Interpreter) throws -> PyWeakRef {
        PyWeakRef(to: referent, id: try referenceableIdentity(referent), callback: callback.isNone ? nil : callback,
                  proxy: proxy, interpreter)
    }

    private static func referenceableIdentity(_ referent: Value) throws -> ObjectIdentifier {
        guard let id = identity(ofReferenceable: referent) else {
            throw PyError.type("cannot create weak reference to '\(referentTypeName(referent))' object")
        }
        return id
    }

    /// The identity of `v` if Python lets it be weakly referenced (CPython's rule: objects of
    /// types with a weak reference list: functions, classes, sets, modules, generators, methods,
    /// instances of user classes except those extending `int` or `tuple` or with `__slots__`
    /// lacking `__weakref__`; tensors), else nil.
    static func identity(ofReferenceable v: Value) -> ObjectIdentifier? {
        switch v {
        case .tensor(let t): return ObjectIdentifier(t)
        case .object(let o):
            switch o {
            case let instance as PyInstance:
                let cls = instance.cls
                // A built-in exception class has no interpreter; its instances have no weak list.
                guard cls.interpreter != nil,
                      cls.nativeBase !== BuiltinTypes.int, cls.nativeBase !== BuiltinTypes.tuple,
                      cls.allowedAttributes.map({ $0.contains("__weakref__") }) ?? true else { return nil }
                return ObjectIdentifier(o)
            case is PyFunction, is PyClass, is PyTypeObject, is PySet, is PyModule, is PyGeneratorObject,
                 is PyMethod, is PyBuiltin, is PyBoundMethod, is PyPartial, is PyCachedFunction,
                 is PyTextStream, is PyRandom:
                return ObjectIdentifier(o)
            default: return nil
            }
        default: return nil
        }
    }

    /// The type name CPython's message shows (`'weakref.ReferenceType'` for a reference, and
    /// the module's name before a proxy's type, which is C in CPython).
    private static func referentTypeName(_ v: Value) -> String {
        switch v {
        case .object(is PyWeakRef): return "weakref.ReferenceType"
        case .object(let i as PyInstance) where i.cls.moduleName == "weakref" && i.cls.name.hasSuffix("ProxyType"):
            return "weakref." + i.cls.name
        default: return v.typeName
        }
    }

    /// The referent while it lives.
    var referent: Value? {
        if let object { return .object(object) }
        if let tensor { return .tensor(tensor) }
        return nil
    }

    private var isAlive: Bool { referent != nil }

    override var typeName: String { "weakref.ReferenceType" }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        if !args.keywords.isEmpty { throw PyError.type("weakref() takes no keyword arguments") }
        if let message = Signature.expectedCount("weakref", given: args.positional.count, least: 0, most: 0) {
            throw PyError.type(message)
        }
        return referent ?? .none
    }

    /// Calls the callback with this reference (or its proxy), once; from the finalizer queue.
    func callBack() {
        guard let callback, let interpreter else { return }
        self.callback = nil
        GeneratorFinalizers.reportingErrors(of: callback, interpreter) {
            _ = try interpreter.call(callback, Arguments([.object(proxy ?? self)]))
        }
    }

    /// `==`: the referents' `==` while both live, else whether they are the same reference.
    func equals(_ other: PyWeakRef) throws -> Bool {
        guard let mine = referent, let theirs = other.referent else { return self === other }
        return try Operators.truthy(Operators.compare(.eq, mine, theirs))
    }

    /// `hash(ref)`: the referent's hash, also after it dies if it was asked before.
    func hash() throws -> Int {
        if let hashValue { return hashValue }
        guard let referent else { throw PyError.type("weak object has gone away") }
        let h = try Hashing.hash(referent)
        hashValue = h
        return h
    }

    func attribute(_ name: String) throws -> Value? {
        name == "__callback__" ? callback ?? Value.none : nil
    }

    var reprText: String {
        let me = Repr.address(.object(self))
        guard let referent else { return "<weakref at \(me); dead>" }
        let name = if case .object(let f as PyFunction) = referent { " (\(f.name))" } else { "" }
        return "<weakref at \(me); to '\(referent.typeName)' at \(Repr.address(referent))\(name)>"
    }

    override func forEachReference(_ visit: (Value) -> Void) {
        if let callback { visit(callback) }
    }
    override func giveUpReferences(into released: inout [Value]) {
        if let callback { released.append(callback) }
        callback = nil
    }
}
