import GradTensor

/// Where the tensor library meets the language: its errors become Python exceptions of the
/// type PyTorch raises.
enum TorchBridge {
    @inline(__always)
    static func run<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let e as TorchError {
            throw PyError(exceptionType(e.kind), e.message)
        }
    }

    static func exceptionType(_ kind: TorchError.Kind) -> PyExceptionType {
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
