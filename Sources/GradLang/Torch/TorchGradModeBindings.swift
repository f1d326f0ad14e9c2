import GradTensor

/// `no_grad`, `enable_grad`, `set_grad_enabled`, `is_grad_enabled`, and `inference_mode`,
/// `is_inference_mode_enabled`, `is_inference`.
///
/// `torch.no_grad` and `torch.enable_grad` are type objects, as in PyTorch: calling one returns a
/// `PyContextManager` that switches recording off (on) on entry and restores the previous mode on
/// exit. `torch.set_grad_enabled(mode)` switches at once, so it works as a plain statement, and
/// returns a context manager that restores the previous mode on exit.
enum TorchGradModeBindings {
    nonisolated(unsafe) static let noGrad = modeType("no_grad", enabled: false)
    nonisolated(unsafe) static let enableGrad = modeType("enable_grad", enabled: true)

    nonisolated(unsafe) static let setGradEnabled = PyTypeObject(
        name: "set_grad_enabled", qualifiedName: "torch.autograd.grad_mode.set_grad_enabled",
        constructor: PyBuiltin("set_grad_enabled(mode)", style: .torch) { args in
            guard case .bool(let mode) = args["mode"] else {
                throw PyError.type("set_grad_enabled(): argument 'enabled' (position 1) must be bool, not \(args["mode"].typeName)")
            }
            let manager = GradModeManager(
                name: "torch.autograd.grad_mode.set_grad_enabled",
                reprText: "torch.autograd.grad_mode.set_grad_enabled(mode=\(mode ? "True" : "False"))",
                entering: nil)
            GradMode.set(mode)
            return .object(manager)
        },
        matches: { isManager($0, "set_grad_enabled") })

    /// `torch.inference_mode(mode=True)`: a context manager, or a decorator with or without the call.
    nonisolated(unsafe) static let inferenceMode = PyTypeObject(
        name: "inference_mode", qualifiedName: "torch.autograd.grad_mode.inference_mode",
        constructor: PyBuiltin("inference_mode(mode=True)", style: .torch) { args in
            guard case .bool(let mode) = args["mode"] else {
                // `@torch.inference_mode` on a function: the function, run in inference mode.
                return .object(PyManagedFunction(manager: InferenceModeManager(enabled: true), function: args["mode"]))
            }
            return .object(InferenceModeManager(enabled: mode))
        },
        matches: { v in
            if case .object(let c as PyContextManager) = v { return c is InferenceModeManager }
            return false
        })

    static var functions: [PyBuiltin] {
        [
            PyBuiltin("is_grad_enabled()", style: .torch) { _ in .bool(GradMode.isGradModeOn) },
            PyBuiltin("is_inference_mode_enabled()", style: .torch) { _ in .bool(GradMode.isInferenceMode) },
            PyBuiltin("is_inference(input)", style: .torch) { args in .bool(try args.tensor("input").isInference) },
        ]
    }

    static var methods: [PyBuiltin] {
        [tensorMethod("is_inference(self)") { t, _ in .bool(t.isInference) }]
    }

    static var typeObjects: [PyTypeObject] { [noGrad, enableGrad, setGradEnabled, inferenceMode] }

    /// The grad mode `callee()` enters when `callee` is `no_grad` or `enable_grad` (false, true);
    /// nil for any other callee.
    static func mode(enteredByCalling callee: Value) -> Bool? {
        guard case .object(let o) = callee else { return nil }
        if o === noGrad { return false }
        if o === enableGrad { return true }
        return nil
    }

    /// A class whose instances set the mode on `__enter__` and restore it on `__exit__`.
    private static func modeType(_ name: String, enabled: Bool) -> PyTypeObject {
        let qualified = "torch.autograd.grad_mode.\(name)"
        return PyTypeObject(
            name: name, qualifiedName: qualified,
            constructor: PyBuiltin("\(name)()", style: .torch) { _ in
                .object(GradModeManager(name: qualified, reprText: nil, entering: enabled))
            },
            matches: { isManager($0, name) })
    }

    private static func isManager(_ v: Value, _ name: String) -> Bool {
        if case .object(let c as PyContextManager) = v { return c.name == "torch.autograd.grad_mode.\(name)" }
        return false
    }
}

/// `@torch.no_grad()` (and `enable_grad()`, `set_grad_enabled(mode)`) on a function: every call of
/// the function runs inside the context manager.
extension PyContextManager: PyCallable {
    public func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard args.positional.count == 1, args.keywords.isEmpty else {
            throw PyError.type("\(name).__call__() takes 2 positional arguments but \(args.positional.count + 1) were given")
        }
        return .object(PyManagedFunction(manager: self, function: args.positional[0]))
    }
}

/// A function wrapped by a grad-mode decorator; it prints as the function it wraps.
final class PyManagedFunction: PyObject, PyCallable, PyCustomRepr {
    let manager: PyContextManager
    let function: Value

    init(manager: PyContextManager, function: Value) {
        self.manager = manager
        self.function = function
    }

    override var typeName: String { "function" }
    var reprText: String { Repr.repr(function) }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        _ = try manager.enter()
        let result: Value
        do {
            result = try interpreter.call(function, args)
        } catch {
            try manager.exit()
            throw error
        }
        try manager.exit()
        return result
    }
}

/// A grad-mode context manager. It keeps one saved mode, as PyTorch's `self.prev`: the mode at
/// `__enter__` for `no_grad()`/`enable_grad()`, the mode before the call for `set_grad_enabled`,
/// which switches at once and only restores on `__exit__`.
final class GradModeManager: PyContextManager {
    /// The mode `__enter__` switches to; nil when the constructor already switched.
    private let entering: Bool?
    private var previous: Bool

    init(name: String, reprText: String?, entering: Bool?) {
        self.entering = entering
        previous = GradMode.isGradModeOn
        super.init(name: name, reprText: reprText)
    }

    override func enter() throws -> Value {
        if let entering {
            previous = GradMode.isGradModeOn
            GradMode.set(entering)
        }
        return .none
    }

    override func exit() throws { GradMode.set(previous) }
}

/// `torch.inference_mode(mode)`: switches inference mode (and with it grad mode, the other way)
/// on `__enter__`, and restores both on `__exit__`.
final class InferenceModeManager: PyContextManager {
    private let enabled: Bool
    private var previous = GradMode.state

    init(enabled: Bool) {
        self.enabled = enabled
        super.init(name: "torch.autograd.grad_mode.inference_mode")
    }

    override func enter() throws -> Value {
        previous = GradMode.state
        GradMode.setInferenceMode(enabled)
        return .none
    }

    override func exit() throws { GradMode.restore(previous) }
}
