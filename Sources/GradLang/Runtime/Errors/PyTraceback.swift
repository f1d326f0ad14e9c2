/// A traceback object (`e.__traceback__`): the frames an exception passed through up to the
/// handler that caught it, outermost first as `tb_next` links them. grad keeps no frame objects,
/// so it has `tb_lineno` and `tb_next` but no `tb_frame`.
final class PyTraceback: PyObject, PyAttributeProviding {
    /// The entries, shared with the error it was made from (made in O(1) at each handler, however
    /// deep the error came from); the outermost is this link's frame.
    let trace: TraceEntries

    init(_ trace: TraceEntries) {
        self.trace = trace
    }

    /// Entries given innermost first.
    convenience init(_ entries: [TraceEntry]) {
        self.init(TraceEntries(entries))
    }

    /// Innermost first, as PyError keeps them; the last is this link's frame.
    var entries: [TraceEntry] { trace.innermostFirst }

    override var typeName: String { "traceback" }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "tb_lineno": return trace.outermostEntry.map { .int($0.line) }
        case "tb_next": return trace.count > 1 ? .object(PyTraceback(trace.droppingOutermost)) : Value.none
        default: return nil
        }
    }
}

extension PyExceptionObject {
    /// `e.__traceback__ = tb` and `e.with_traceback(tb)`: a traceback or None.
    func setTraceback(_ value: Value) throws {
        switch value {
        case .none: tracebackObject = nil
        case .object(let tb as PyTraceback): tracebackObject = tb
        default: throw PyError.type("__traceback__ must be a traceback or None")
        }
    }

    /// `BaseException.with_traceback`: sets `__traceback__` and returns the exception.
    nonisolated(unsafe) static let withTraceback = PyBuiltin("BaseException.with_traceback(self, tb, /)", two: { receiver, tb, _ in
        guard case .object(let e as PyExceptionObject) = receiver else {
            throw PyError.type("descriptor 'with_traceback' for 'BaseException' objects doesn't apply to a '\(receiver.typeName)' object")
        }
        try e.setTraceback(tb)
        return receiver
    })
}
