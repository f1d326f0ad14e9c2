/// What a call or attribute site keeps from one run to the next: its last look-up (a loop runs
/// the same site on the same kind of value every time, so the second run skips the hash-table
/// searches), and the argument array of a method call without arguments.

/// A global name's last look-up among the built-ins (`len` in a loop), kept while the built-ins
/// are unchanged: a hash-table search per use otherwise.
final class BuiltinCache {
    private let name: String
    private var version = -1
    private var found: Value?

    init(_ name: String) { self.name = name }

    func value(in interpreter: Interpreter) -> Value? {
        if version != interpreter.builtinsVersion {
            (version, found) = (interpreter.builtinsVersion, interpreter.builtinTable[name])
        }
        return found
    }
}

/// A call site's last method look-up, found or not, keyed on the receiver's type as CPython
/// 3.11's specialised LOAD_METHOD is: an object's Swift class (one compare, not the chain of casts
/// that classifies it), or a number's or str's kind. The method tables of built-in types are
/// complete once the interpreter is set up and no Swift class changes what it is, so the answer
/// for a key never changes. An instance of a user class (its methods can be rebound, its class
/// reassigned) has no built-in method here: its site looks it up in its class every time.
final class MethodCache {
    private enum Key: Equatable {
        case objectClass(ObjectIdentifier)
        case kind(TypeKey)
    }

    private var key: Key?
    private var method: PyBuiltin?

    /// The built-in method `name` of the receiver's type, or nil; the interpreter's table is read
    /// only when the receiver's type changed since the last call.
    @inline(__always)
    func method(_ receiver: Value, _ name: String, in interpreter: Interpreter) -> PyBuiltin? {
        let key: Key
        if case .object(let o) = receiver { key = .objectClass(ObjectIdentifier(type(of: o))) } else { key = .kind(TypeKey(receiver)) }
        if key != self.key { refresh(key, receiver, name, interpreter) }
        return method
    }

    private func refresh(_ key: Key, _ receiver: Value, _ name: String, _ interpreter: Interpreter) {
        self.key = key
        if case .object(let o) = receiver, o is PyInstance {
            method = nil
        } else {
            method = interpreter.attributes.method(TypeKey(receiver), name)
        }
    }
}

/// An attribute site's last look-up: a module's entry (valid while the module is unchanged), or
/// the getter of a built-in value's property (`w.grad`; the getter tables are complete once the
/// interpreter is set up).
final class AttributeCache {
    private var module: PyModule?
    private var moduleGeneration = 0
    private var moduleEntry: Value = .none
    private var getterType: TypeKey?
    private var getter: ((Value) throws -> Value)?

    /// The look-up on instances of user classes, which the site tries first (`slotValue`).
    let instances = InstanceAttributeCache()

    func load(_ value: Value, _ name: String, _ interpreter: Interpreter) throws -> Value {
        guard case .object(let object) = value else {
            let type = TypeKey(value)
            if type == getterType, let getter { return try getter(value) }
            if let found = interpreter.attributes.getters[type]?[name] {
                (getterType, getter) = (type, found)
                return try found(value)
            }
            return try interpreter.getAttribute(value, name)
        }
        if let module, module === object, module.generation == moduleGeneration { return moduleEntry }
        if let instance = object as? PyInstance { return try instances.load(instance, name, interpreter) }
        let found = try interpreter.getAttribute(value, name)
        if let m = object as? PyModule { (module, moduleGeneration, moduleEntry) = (m, m.generation, found) }
        return found
    }
}

/// The argument array of an `obj.method()` site, reused from call to call: such calls
/// (`loss.backward()`, `w.grad.zero_()`) would otherwise allocate a one-element array each time.
/// The receiver is dropped when the call returns. A method that keeps its arguments, or a
/// recursive call of the same site, shares the array, and the next write copies it first.
final class ReceiverArgument {
    private var values: [Value] = [.none]

    func call(_ method: PyBuiltin, _ receiver: Value, _ interpreter: Interpreter) throws -> Value {
        values[0] = receiver
        defer { values[0] = .none }
        return try method.call(Arguments(values), interpreter)
    }
}

/// An attribute site's last look-up on instances of a user class, valid while that class's version
/// is unchanged (see PyClass): the attribute's slot in the class's layout and what the class
/// defines under the name. A property, or a class that defines `__setattr__` (for stores), sends
/// the site through the general path every time.
final class InstanceAttributeCache {
    // Nothing here holds the class or what it defines: a method's body holds this cache, and the
    // class holds the method, so a strong reference would be a cycle no collection can see
    // (compiled code is not traversed). The class is known by its serial number, what it defines
    // under the name weakly (the class holds it while its version stays the same).
    private var serial = -1
    private var version = 0
    private var slot: Int?
    private var constant: Value?
    private weak var object: PyObject?
    private var isPlain = false

    private func refresh(_ cls: PyClass, _ name: String, forStore: Bool) {
        let found = cls.lookup(name)
        var plain = true
        if case .object(let o)? = found, o is PyProperty || UserDescriptors.isData(found) { plain = false }
        if !forStore && cls.definesGetattribute { plain = false }
        if forStore {
            if cls.lookup("__setattr__") != nil || ["__class__", "__dict__", "args", "__traceback__"].contains(name) || !Slots.allows(cls, name) {
                plain = false
            }
            slot = plain ? cls.slot(for: name) : nil
        } else {
            slot = cls.existingSlot(name)
        }
        if case .object(let o)? = found { (object, constant) = (o, nil) } else { (object, constant) = (nil, found) }
        (serial, version, isPlain) = (cls.serial, cls.version, plain)
    }

    /// What the class defines under the name, if anything.
    private var classValue: Value? {
        if let object { return .object(object) }
        return constant
    }

    @inline(__always)
    private func isCurrent(_ cls: PyClass) -> Bool { cls.serial == serial && cls.version == version }

    /// `instance.name`.
    func load(_ instance: PyInstance, _ name: String, _ interpreter: Interpreter) throws -> Value {
        let cls = instance.cls
        if !isCurrent(cls) { refresh(cls, name, forStore: false) }
        if isPlain {
            if let slot, slot < instance.slots.count, let v = instance.slots[slot] { return v }
            if let classValue { return try ClassAttributes.bind(classValue, to: .object(instance), interpreter) }
        }
        return try ClassAttributes.get(instance, name, interpreter)
    }

    /// `instance.name` when the site's look-up is current for the value's class and the value
    /// is an instance holding the attribute in its slot (a method reading `self.x`): small
    /// enough to inline into the site, with no class or cache retained. Nil otherwise, for
    /// `load` (which also makes the look-up current).
    @inline(__always)
    func slotValue(_ value: Value) -> Value? {
        guard case .object(let object) = value, let instance = object as? PyInstance, isPlain, let slot,
              isCurrent(instance.cls) else { return nil }
        let slots = instance.slots
        return slot < slots.count ? slots[slot] : nil
    }

    /// The slot `instance.name = value` stores into when the store is a plain one (no property,
    /// descriptor or `__setattr__` in the way); nil when it goes through `ClassAttributes.set`.
    @inline(__always)
    func plainSlot(_ instance: PyInstance, _ name: String) -> Int? {
        let cls = instance.cls
        if !isCurrent(cls) { refresh(cls, name, forStore: true) }
        return isPlain ? slot : nil
    }

    /// The function `instance.name(...)` calls with the instance first: a plain function of the
    /// class that no attribute of the instance hides; nil otherwise.
    func method(_ instance: PyInstance, _ name: String) -> PyFunction? {
        let cls = instance.cls
        if !isCurrent(cls) { refresh(cls, name, forStore: false) }
        guard isPlain, let f = object as? PyFunction else { return nil }
        if let slot, slot < instance.slots.count, instance.slots[slot] != nil { return nil }
        return f
    }
}
