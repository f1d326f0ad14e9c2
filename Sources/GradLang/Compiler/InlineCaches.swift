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

/// A call site's last method look-up, found or not. The method tables of built-in types are
/// complete once the interpreter is set up, so the answer for a kind of value never changes.
final class MethodCache {
    private var type: TypeKey?
    private var method: PyBuiltin?

    /// The built-in method `name` of the receiver's type, or nil; the interpreter's table is read
    /// only when the receiver's type changed since the last call.
    func method(_ receiver: Value, _ name: String, in interpreter: Interpreter) -> PyBuiltin? {
        let type = TypeKey(receiver)
        if type != self.type { (self.type, method) = (type, interpreter.attributes.method(type, name)) }
        return method
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
