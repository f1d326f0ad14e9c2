/// Whether operations are recorded into the graph (`torch.is_grad_enabled()`).
/// One flag for the process where PyTorch keeps one per thread: the library is used from one thread
/// at a time (see `Tensor`), so the two behave alike.
public enum GradMode {
    public static var isEnabled: Bool { recording }
    /// Stored privately behind `isEnabled`: a public static `var` would be checked for exclusive
    /// access at run time on every read, where the whole-module optimizer proves this one safe.
    nonisolated(unsafe) private static var recording = true

    /// Runs `body` with recording switched to `enabled`, restoring the previous mode afterwards
    /// (`no_grad`, `enable_grad`, `set_grad_enabled` all nest this way).
    @discardableResult
    public static func with<R>(enabled: Bool, _ body: () throws -> R) rethrows -> R {
        let saved = recording
        recording = enabled
        defer { recording = saved }
        return try body()
    }

    /// Sets the mode without restoring it (`torch.set_grad_enabled(False)` used as a statement).
    public static func set(_ enabled: Bool) { recording = enabled }
}
