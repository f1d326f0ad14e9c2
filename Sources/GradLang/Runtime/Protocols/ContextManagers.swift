/// What `with` accepts: context-manager objects, and the factories that make them when written
/// without a call (`with no_grad:` is grad's short form of `with torch.no_grad():`).
enum ContextManagers {
    static func resolve(_ v: Value, _ interpreter: Interpreter) throws -> PyContextManager {
        if let m = try TorchBindings.contextManager(for: v, interpreter: interpreter) { return m }
        if case .object(let factory as PyBuiltin) = v, factory.makesContextManager,
           case .object(let m as PyContextManager) = try factory.call(Arguments(), interpreter) {
            return m
        }
        throw PyError.type("'\(v.typeName)' object does not support the context manager protocol")
    }
}
