/// Whether operations are recorded into the graph (`torch.is_grad_enabled()`), and inference
/// mode (`torch.inference_mode()`), under which nothing is recorded whatever the grad mode says.
/// One state for the process where PyTorch keeps one per thread: the library is used from one
/// thread at a time (see `Tensor`), so the two behave alike.
public enum GradMode {
    /// Whether ops record now: grad mode on and inference mode off.
    public static var isEnabled: Bool { recording }
    /// Stored privately behind `isEnabled`: a public static `var` would be checked for exclusive
    /// access at run time on every read, where the whole-module optimizer proves this one safe.
    nonisolated(unsafe) private static var recording = true
    /// The grad mode as set (`torch.is_grad_enabled()`), which `enable_grad` may turn on inside
    /// inference mode without anything being recorded there.
    nonisolated(unsafe) private static var gradMode = true
    nonisolated(unsafe) private static var inference = false

    public static var isGradModeOn: Bool { gradMode }
    /// `torch.is_inference_mode_enabled()`.
    public static var isInferenceMode: Bool { inference }

    /// Runs `body` with grad mode switched to `enabled`, restoring the previous mode afterwards
    /// (`no_grad`, `enable_grad`, `set_grad_enabled` all nest this way).
    @discardableResult
    public static func with<R>(enabled: Bool, _ body: () throws -> R) rethrows -> R {
        let saved = gradMode
        set(enabled)
        defer { set(saved) }
        return try body()
    }

    /// Sets the grad mode without restoring it (`torch.set_grad_enabled(False)` used as a statement).
    public static func set(_ enabled: Bool) {
        gradMode = enabled
        recording = enabled && !inference
    }

    /// Both modes, to restore later with `restore`.
    public static var state: (gradMode: Bool, inference: Bool) { (gradMode, inference) }

    public static func restore(_ state: (gradMode: Bool, inference: Bool)) {
        inference = state.inference
        set(state.gradMode)
    }

    /// `torch.inference_mode(enabled)`: as c10::InferenceMode, switching inference mode on turns
    /// grad mode off, and switching it off turns grad mode on.
    public static func setInferenceMode(_ enabled: Bool) {
        inference = enabled
        set(!enabled)
    }
}
