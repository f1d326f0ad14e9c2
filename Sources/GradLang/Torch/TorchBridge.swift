import GradTensor

/// Where the tensor library meets the language: every call into it that can fail goes through
/// `run`, the one place where a `TorchError` becomes the Python exception PyTorch raises. Compiled
/// code, `try`/`except` and the program runner see only `PyError`s.
enum TorchBridge {
    @inline(__always)
    static func run<R>(_ body: () throws -> R) throws -> R {
        do {
            let result = try body()
            if let failure = pendingFailure {
                pendingFailure = nil
                throw failure
            }
            return result
        } catch let e as TorchError {
            throw PyError(exceptionType(e.kind), e.message)
        }
    }

    /// Set through `Tensor.recordingFailureObserver` when the op just run failed to save a
    /// tensor for backward (an inference tensor, a pack hook that raised), which PyTorch
    /// reports as the op runs.
    nonisolated(unsafe) private static var pendingFailure: (any Error)?

    /// Makes the tensor library report failures of saving for backward here.
    static func observeRefusals() {
        Tensor.recordingFailureObserver = { pendingFailure = pendingFailure ?? $0 }
    }

    private static func exceptionType(_ kind: TorchError.Kind) -> PyClass {
        switch kind {
        case .runtimeError: return PyExc.runtimeError
        case .typeError: return PyExc.typeError
        case .valueError: return PyExc.valueError
        case .indexError: return PyExc.indexError
        case .memoryError: return PyExc.memoryError
        case .notImplementedError: return PyExc.notImplementedError
        case .linalgError: return TorchLinalgBindings.linAlgError
        }
    }
}

/// torch as the language core reaches it without naming it: in-place updates of tensors
/// (`x -= v`), and `with no_grad():` run without its manager object.
struct TorchLibrary: TensorLibrary {
    func updateInPlace(_ op: BinaryOperator, _ target: Value, _ value: Value) throws -> Value? {
        guard case .tensor(let t) = target else { return nil }
        return try TorchInPlaceBindings.apply(op, t, value)
    }

    func entersDirectly(_ callee: Value) -> Bool {
        TorchGradModeBindings.mode(enteredByCalling: callee) != nil
    }

    func run<R>(inContextMadeBy callee: Value, _ body: () throws -> R) throws -> R? {
        guard let mode = TorchGradModeBindings.mode(enteredByCalling: callee) else { return nil }
        return try GradMode.with(enabled: mode, body)
    }
}
