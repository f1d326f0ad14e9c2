/// The exception being handled, as `sys.exc_info()` and the `traceback` module read it.
extension Interpreter {
    /// The exception an `except` block of the running frame or of one below it is handling
    /// (see `Compiler.exceptionBeingHandled`), nil when none is.
    var exceptionBeingHandled: PyExceptionObject? {
        Compiler.exceptionBeingHandled(from: currentFrame)?.exception
    }

    /// `sys.exc_info()`, for the host's `sys` module: (type, value, traceback) of the exception
    /// being handled, or three Nones.
    public static var exceptionInfoFunction: PyBuiltin {
        PyBuiltin("exc_info()") { args in
            guard let e = args.interpreter.exceptionBeingHandled else { return .object(PyTuple([.none, .none, .none])) }
            return .object(PyTuple([.object(e.type), .object(e), e.tracebackObject.map { .object($0) } ?? .none]))
        }
    }
}
