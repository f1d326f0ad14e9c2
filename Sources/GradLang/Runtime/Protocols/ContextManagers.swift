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
        if interpreter.tensorLibrary.entersDirectly(v), case .object(let manager as PyContextManager) = try interpreter.call(v, Arguments()) {
            return manager
        }
        return nil
    }
}
