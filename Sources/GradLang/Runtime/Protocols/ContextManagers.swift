/// What `with` accepts: context-manager objects, and the factories that make them when written
/// without a call (`with no_grad:` is grad's short form of `with torch.no_grad():`).
enum ContextManagers {
    static func resolve(_ v: Value, _ interpreter: Interpreter) throws -> PyContextManager {
        if let m = try manager(for: v, interpreter) { return m }
        throw PyError.type("'\(v.typeName)' object does not support the context manager protocol")
    }

    /// The manager `with v:` enters: `v` itself, or what a factory written without its call
    /// makes; nil when `v` is neither.
    static func manager(for v: Value, _ interpreter: Interpreter) throws -> PyContextManager? {
        guard case .object(let o) = v else { return nil }
        if let manager = o as? PyContextManager { return manager }
        if let view = o as? PyMemoryView { return view.contextManager }
        if let instance = o as? PyInstance, SpecialMethods.defines(instance, .enter), SpecialMethods.defines(instance, .exit) {
            return InstanceContextManager(instance)
        }
        if interpreter.tensorLibrary.entersDirectly(v), case .object(let manager as PyContextManager) = try interpreter.call(v, Arguments()) {
            return manager
        }
        return nil
    }
}

/// `with obj:` for an instance of a user class: its `__enter__` and `__exit__`, which may
/// swallow the exception the block raised by returning a true value.
final class InstanceContextManager: PyContextManager {
    let instance: PyInstance

    init(_ instance: PyInstance) {
        self.instance = instance
        super.init(name: instance.typeName)
    }

    override func enter() throws -> Value { try SpecialMethods.call(instance, .enter, []) ?? .none }

    override func exit(after error: PyError?) throws -> Bool {
        let details: [Value] = error.map { [.object($0.exception.cls), .object($0.exception), $0.exception.tracebackObject.map { .object($0) } ?? .none] }
            ?? [.none, .none, .none]
        let result = try SpecialMethods.call(instance, .exit, details) ?? .none
        guard error != nil else { return false }
        return try Operators.truthy(result)
    }
}
