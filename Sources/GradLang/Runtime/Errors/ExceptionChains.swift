/// An exception object as a traceback prints it, rebuilt from what the object itself keeps, as
/// CPython's `TracebackException` reads it: `__traceback__`, and the `__cause__` (or, unless
/// `__suppress_context__`, the `__context__`) printed before it. The `traceback` module and the
/// members a program put in an exception group are printed this way.
extension PyError {
    /// `exception` with its chain, shown with `traceback` (its own `__traceback__`, or the one
    /// given to `traceback.print_exception`) and each traceback cut to `limit` entries
    /// (traceback.py's `limit`: the outermost ones, or the innermost when negative). An exception
    /// met twice in the chain ends it there.
    init(printing exception: PyExceptionObject, traceback: PyTraceback?, limit: Int? = nil, chain: Bool = true) {
        var seen: Set<ObjectIdentifier> = []
        self = PyError.printed(exception, traceback, limit, chain, &seen)
    }

    private static func printed(_ exception: PyExceptionObject, _ traceback: PyTraceback?, _ limit: Int?,
                                _ chain: Bool, _ seen: inout Set<ObjectIdentifier>) -> PyError {
        seen.insert(ObjectIdentifier(exception))
        var error = PyError(exception: exception)
        error.traceback = TraceEntries(limited(traceback?.entries ?? [], limit))
        guard chain else { return error }
        func linked(_ name: String) -> PyExceptionObject? {
            guard case .object(let e as PyExceptionObject)? = exception.attribute(name),
                  !seen.contains(ObjectIdentifier(e)) else { return nil }
            return e
        }
        if let cause = linked("__cause__") {
            error.cause = Chained(printed(cause, cause.tracebackObject, limit, chain, &seen))
        } else if !error.suppressesContext, let context = linked("__context__") {
            error.context = Chained(printed(context, context.tracebackObject, limit, chain, &seen))
        }
        return error
    }

    /// Entries given innermost first, cut to traceback.py's `limit`.
    static func limited(_ innermostFirst: [TraceEntry], _ limit: Int?) -> [TraceEntry] {
        guard let limit else { return innermostFirst }
        let outermostFirst = Array(innermostFirst.reversed())
        let kept = limit >= 0 ? outermostFirst.prefix(limit) : outermostFirst.suffix(Int(clamping: limit.magnitude))
        return kept.reversed()
    }
}
