import GradTensor

/// Where the tensor library meets the language: every call into it that can fail goes through
/// `run`, the one place where a `TorchError` becomes the Python exception PyTorch raises. Compiled
/// code, `try`/`except` and the program runner see only `PyError`s.
enum TorchBridge {
    @inline(__always)
    static func run<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let e as TorchError {
            throw PyError(exceptionType(e.kind), e.message)
        }
    }

    private static func exceptionType(_ kind: TorchError.Kind) -> PyExceptionType {
        switch kind {
        case .runtimeError: return PyExc.runtimeError
        case .typeError: return PyExc.typeError
        case .valueError: return PyExc.valueError
        case .indexError: return PyExc.indexError
        case .memoryError: return PyExc.memoryError
        case .notImplementedError: return PyExc.notImplementedError
        }
    }
}
