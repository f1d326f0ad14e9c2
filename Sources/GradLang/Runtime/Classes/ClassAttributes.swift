/// Attribute access on instances of user classes, on classes and on `super()` objects: CPython's
/// `object.__getattribute__` and `type.__getattribute__` (data descriptors first, then the
/// instance's own attributes, then what the class defines, then `__getattr__`).
enum ClassAttributes {
    /// What reading the class attribute `value` through `receiver` gives: a function becomes a
    /// method bound to it, a classmethod one bound to its class, a property calls its getter.
    static func bind(_ value: Value, to receiver: Value, _ interpreter: Interpreter) throws -> Value {
        guard case .object(let o) = value else { return value }
        switch o {
        case is PyFunction: return .object(PyMethod(function: value, receiver: receiver))
        case let b as PyBuiltin: return .object(PyBoundMethod(receiver: receiver, function: b))
        // Checks the receiver's type when called.
        case is PyMethodDescriptor: return .object(PyMethod(function: value, receiver: receiver))
        case let s as PyStaticMethod: return s.function
        case let c as PyClassMethod: return .object(PyMethod(function: c.function, receiver: .object(classOf(receiver))))
        case let p as PyProperty:
            guard let getter = p.getter else { throw p.missing("getter", owner: qualifiedTypeName(receiver)) }
            return try interpreter.call(getter, Arguments([receiver]))
        default:
            guard let (descriptor, get) = UserDescriptors.getter(of: o) else { return value }
            return try UserDescriptors.get(descriptor, get, instance: receiver, owner: classOf(receiver), interpreter)
        }
    }

    /// The qualified name of the receiver's type (`f.<locals>.C`), as CPython's property errors name it.
    private static func qualifiedTypeName(_ receiver: Value) -> String {
        if case .object(let i as PyInstance) = receiver { return i.cls.qualifiedName }
        return receiver.typeName
    }

    private static func classOf(_ receiver: Value) -> PyObject {
        if case .object(let i as PyInstance) = receiver { return i.cls }
        if case .object(let o) = receiver { return o }
        return PyExc.baseException
    }

    // MARK: instances

    static func get(_ instance: PyInstance, _ name: String, _ interpreter: Interpreter) throws -> Value {
        if instance.cls.definesGetattribute, let hook = instance.cls.lookup("__getattribute__") {
            return try getThrough(hook, instance, name, interpreter)
        }
        return try genericGet(instance, name, interpreter)
    }

    /// `object.__getattribute__`, then the class's `__getattr__` for what it does not find
    /// (unless `withGetattr` is false: `object.__getattribute__` called by name).
    static func genericGet(_ instance: PyInstance, _ name: String, _ interpreter: Interpreter, withGetattr: Bool = true) throws -> Value {
        let found = instance.cls.lookup(name)
        if case .object(let p as PyProperty)? = found { return try bind(.object(p), to: .object(instance), interpreter) }
        if let found, UserDescriptors.isData(found) { return try bind(found, to: .object(instance), interpreter) }
        if let v = instance.attribute(name) { return v }
        if let found { return try bind(found, to: .object(instance), interpreter) }
        if let v = NativeBases.method(name, of: instance, interpreter) { return v }
        if let v = try special(instance, name) { return v }
        if let v = objectMethod(name, of: instance, interpreter) { return v }
        if withGetattr, let getattr = instance.cls.lookup("__getattr__") {
            return try interpreter.call(try bind(getattr, to: .object(instance), interpreter), Arguments([.str(name)]))
        }
        throw PyError.attribute("'\(instance.typeName)' object has no attribute '\(name)'")
    }

    /// The attributes every instance has without storing them.
    private static func special(_ instance: PyInstance, _ name: String) throws -> Value? {
        switch name {
        case "__class__": return .object(instance.cls)
        case "__dict__":
            return instance.dict().map { .object($0) }
        case "args":
            if let e = instance as? PyExceptionObject { return .object(PyTuple(e.args)) }
            return nil
        case "__cause__", "__context__":
            return instance is PyExceptionObject ? Value.none : nil
        case "__suppress_context__":
            return instance is PyExceptionObject ? .bool(false) : nil
        case "__traceback__":
            guard let e = instance as? PyExceptionObject else { return nil }
            return e.tracebackObject.map { .object($0) } ?? Value.none
        case "with_traceback":
            guard instance is PyExceptionObject else { return nil }
            return .object(PyBoundMethod(receiver: .object(instance), function: PyExceptionObject.withTraceback))
        case "errno", "strerror":
            // What an OSError was made from: (errno, strerror[, filename[, winerror[, filename2]]]).
            guard let e = instance as? PyExceptionObject, e.type.isSubclass(of: PyExc.osError) else { return nil }
            return e.args.count == 2 ? e.args[name == "errno" ? 0 : 1] : Value.none
        case "msg", "lineno", "offset", "text", "end_lineno", "end_offset", "filename", "filename2":
            guard let e = instance as? PyExceptionObject else { return nil }
            if e.type.isSubclass(of: PyExc.osError) { return name.hasPrefix("filename") ? Value.none : nil }
            // What a SyntaxError was made from: (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
            guard e.type.isSubclass(of: PyExc.syntaxError), name != "filename2" else { return nil }
            if let syntax = SyntaxErrorArguments(e.args) { return syntax.attribute(name) }
            return name == "msg" ? e.args.first ?? Value.none : Value.none
        case "encoding", "object", "start", "end", "reason":
            // What a UnicodeError was made from: (encoding, object, start, end, reason).
            guard let e = instance as? PyExceptionObject, e.type.isSubclass(of: PyExc.unicodeError), e.args.count == 5 else { return nil }
            return e.args[["encoding", "object", "start", "end", "reason"].firstIndex(of: name) ?? 0]
        case "message", "exceptions":
            guard let group = instance as? PyExceptionGroupObject else { return nil }
            return name == "message" ? group.groupMessage : .object(PyTuple(group.members))
        case "value":
            // A StopIteration carries a generator's return value.
            if let e = instance as? PyExceptionObject, e.type.isSubclass(of: PyExc.stopIteration) { return e.args.first ?? Value.none }
            return nil
        default: return nil
        }
    }

    /// A method of `object` bound to the instance (`a.__eq__`, `a.__setattr__`, `a.__lt__`);
    /// not `__new__`, a static method, nor `__init_subclass__`, a class method.
    private static func objectMethod(_ name: String, of instance: PyInstance, _ interpreter: Interpreter) -> Value? {
        guard name != "__new__", name != "__init_subclass__", let m = interpreter.attributes.classMethods["object"]?[name] else { return nil }
        return .object(PyBoundMethod(receiver: .object(instance), function: m))
    }

    /// `instance.name = value`, through the class's `__setattr__` if it defines one.
    static func set(_ instance: PyInstance, _ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        if let setattr = instance.cls.lookup("__setattr__") {
            _ = try interpreter.call(try bind(setattr, to: .object(instance), interpreter),
                                     Arguments([.str(name), value]))
            return
        }
        try setDirectly(instance, name, value, interpreter)
    }

    /// `object.__setattr__`: a property's setter, or the instance's own attribute.
    static func setDirectly(_ instance: PyInstance, _ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        let found = instance.cls.lookup(name)
        if case .object(let p as PyProperty)? = found {
            guard let setter = p.setter else { throw p.missing("setter", owner: instance.cls.qualifiedName) }
            _ = try interpreter.call(setter, Arguments([.object(instance), value]))
            return
        }
        if found != nil, try UserDescriptors.set(found, on: instance, value, interpreter) { return }
        if let e = instance as? PyExceptionObject, name == "args" {
            e.args = try Iteration.collect(value)
            return
        }
        if let e = instance as? PyExceptionObject, name == "__traceback__" { return try e.setTraceback(value) }
        if name == "__class__" { return try ClassAssignment.assign(value, to: .object(instance)) }
        if name == "__dict__" { return try instance.replaceDict(with: value) }
        guard Slots.allows(instance.cls, name) else {
            throw PyError.attribute("'\(instance.typeName)' object has no attribute '\(name)'")
        }
        instance.setAttribute(name, value)
    }

    /// `del instance.name`.
    static func delete(_ instance: PyInstance, _ name: String, _ interpreter: Interpreter) throws {
        if let delattr = instance.cls.lookup("__delattr__") {
            _ = try interpreter.call(try bind(delattr, to: .object(instance), interpreter), Arguments([.str(name)]))
            return
        }
        let found = instance.cls.lookup(name)
        if case .object(let p as PyProperty)? = found {
            guard let deleter = p.deleter else { throw p.missing("deleter", owner: instance.cls.qualifiedName) }
            _ = try interpreter.call(deleter, Arguments([.object(instance)]))
            return
        }
        if found != nil, try UserDescriptors.set(found, on: instance, nil, interpreter) { return }
        if name == "__class__" { return try ClassAssignment.assign(nil, to: .object(instance)) }
        if instance is PyExceptionObject, name == "__traceback__" { throw PyError.type("__traceback__ may not be deleted") }
        if !instance.setAttribute(name, nil) {
            throw PyError.attribute("'\(instance.typeName)' object has no attribute '\(name)'")
        }
    }

    // MARK: classes

    /// `Class.name`: functions come out plain, classmethods bound to the class.
    static func get(_ cls: PyClass, _ name: String, _ interpreter: Interpreter) throws -> Value {
        if let found = cls.lookup(name) {
            guard case .object(let o) = found else { return found }
            switch o {
            case let s as PyStaticMethod: return s.function
            case let c as PyClassMethod: return .object(PyMethod(function: c.function, receiver: .object(cls)))
            default:
                guard let (descriptor, get) = UserDescriptors.getter(of: o) else { return found }
                return try UserDescriptors.get(descriptor, get, instance: .none, owner: cls, interpreter)
            }
        }
        switch name {
        case "__name__": return .str(cls.name)
        case "__qualname__": return .str(cls.qualifiedName)
        case "__module__": return .str(cls.moduleName)
        case "__mro__": return .object(PyTuple(DeclaredBases.order(cls).map { .object($0) }))
        case "__bases__": return .object(PyTuple(DeclaredBases.bases(of: cls).map { .object($0) }))
        case "__base__": return .object(DeclaredBases.best(of: cls))
        case "__doc__": return .none
        case "__dict__":
            let d = PyDict()
            for (k, v) in cls.namespace.entries { try d.set(.str(k), v) }
            return .object(d)
        case "__class__": return BuiltinTypes.of(.object(cls))
        default: break
        }
        if let native = cls.nativeBase, let m = interpreter.attributes.typeAttribute(native, name) { return m }
        if let method = interpreter.attributes.classMethods["object"]?[name] { return .object(method) }
        if let metaclass = cls.metaclass {
            if let found = metaclass.lookup(name) { return try bind(found, to: .object(cls), interpreter) }
            if let m = Metaclasses.method(name, of: .object(cls)) { return m }
        }
        throw PyError.attribute("type object '\(cls.name)' has no attribute '\(name)'")
    }

    static func set(_ cls: PyClass, _ name: String, _ value: Value?) throws {
        if cls.interpreter == nil {
            throw PyError.type("cannot set '\(name)' attribute of immutable type '\(cls.name)'")
        }
        if value == nil && cls.namespace[name] == nil {
            throw PyError.attribute("type object '\(cls.name)' has no attribute '\(name)'")
        }
        cls.setAttribute(name, value)
    }

    // MARK: dir()

    /// What `dir()` lists for a class (and, with its own attributes, for an instance): the names
    /// the class and its bases define, and those every object has (CPython 3.11's lists).
    static func names(of cls: PyClass) -> Set<String> {
        var names: Set<String> = [
            "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
            "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
            "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
        ]
        for c in cls.mro {
            names.formUnion(c.namespace.names)
            if c.interpreter != nil { names.formUnion(["__dict__", "__module__", "__weakref__"]) }
        }
        if cls.isExceptionClass {
            names.formUnion(["__cause__", "__context__", "__dict__", "__setstate__", "__suppress_context__", "__traceback__",
                             "add_note", "args", "with_traceback"])
            if cls.isSubclass(of: PyExc.baseExceptionGroup) { names.formUnion(["exceptions", "message"]) }
        }
        // Slots are the class's attributes (member descriptors in CPython), and take the place
        // of `__dict__` and `__weakref__` when every class declares them.
        names.formUnion(Slots.declaredNames(cls))
        if cls.allowedAttributes != nil { names.subtract(["__dict__", "__weakref__"]) }
        return names
    }

    // MARK: super()

    static func get(_ proxy: PySuper, _ name: String, _ interpreter: Interpreter) throws -> Value {
        let mro = proxy.receiverClass.mro
        let start = (mro.firstIndex { $0 === proxy.start } ?? mro.count) + 1
        for cls in mro.dropFirst(start) {
            if let v = cls.namespace[name] { return try bind(v, to: proxy.receiver, interpreter) }
        }
        if case .object(let instance as PyInstance) = proxy.receiver, let v = NativeBases.method(name, of: instance, interpreter) {
            return v
        }
        if name == "__new__" { return .object(InstanceCreation.newOfBuiltinBase(proxy.receiverClass)) }
        if proxy.receiverClass.isMetaclass, let m = Metaclasses.method(name, of: proxy.receiver) { return m }
        if let method = interpreter.attributes.classMethods["object"]?[name] {
            return .object(PyBoundMethod(receiver: proxy.receiver, function: method))
        }
        if name == "__class__" { return .object(ClassBuiltins.superType) }
        throw PyError.attribute("'super' object has no attribute '\(name)'")
    }
}

/// `super()`, `super(C, obj)`: attribute look-up that starts after `start` in the receiver's
/// method resolution order.
final class PySuper: CollectableObject, PyCustomRepr {
    let start: PyClass
    /// The instance (or, in a classmethod, the class) the methods found are bound to.
    let receiver: Value
    let receiverClass: PyClass

    override func forEachReference(_ visit: (Value) -> Void) { visit(receiver) }

    init(start: PyClass, receiver: Value) throws {
        self.start = start
        self.receiver = receiver
        switch receiver {
        case .object(let i as PyInstance) where i.cls.isSubclass(of: start): receiverClass = i.cls
        case .object(let c as PyClass) where c.isSubclass(of: start): receiverClass = c
        case .object(let c as PyClass) where c.metaclass?.isSubclass(of: start) ?? false:
            // In a metaclass's method, `super()` with a class made by it (`super().__call__()`).
            receiverClass = c.metaclass ?? start
        default: throw PyError.type("super(type, obj): obj must be an instance or subtype of type")
        }
    }

    override var typeName: String { "super" }

    var reprText: String { "<super: <class '\(start.name)'>, <\(receiverClass.name) object>>" }
}
