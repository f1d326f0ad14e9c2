/// Whether operations are recorded into the graph (`torch.is_grad_enabled()`).
/// grad runs one interpreter on one thread, so a single global flag matches PyTorch's thread-local one.
public enum GradMode {
    nonisolated(unsafe) public private(set) static var isEnabled = true

    /// Runs `body` with recording switched to `enabled`, restoring the previous mode afterwards
    /// (`no_grad`, `enable_grad`, `set_grad_enabled` all nest this way).
    @discardableResult
    public static func with<R>(enabled: Bool, _ body: () throws -> R) rethrows -> R {
        let saved = isEnabled
        isEnabled = enabled
        defer { isEnabled = saved }
        return try body()
    }

    /// Sets the mode without restoring it (`torch.set_grad_enabled(False)` used as a statement).
    public static func set(_ enabled: Bool) { isEnabled = enabled }
}
