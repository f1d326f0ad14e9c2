/// The part of a generator's resumption that does not pass through its frame's `returnValue`
/// (see `Frame.resumption`): the exception `throw()` or `close()` raises at the suspended `yield`,
/// and the generator a suspended `yield from` delegates to, which a resumption sending a value
/// resumes directly, without running this body again to reach it.
final class GeneratorState {
    var thrown: PyError?
    var delegate: PyGeneratorObject?

    /// The thrown exception, taken out.
    func takeThrown() -> PyError {
        defer { thrown = nil }
        return thrown ?? PyError(PyExc.systemError, "internal error: a generator resumed to raise nothing")
    }
}

/// Where a suspended `try` statement is: kept in a hidden frame slot (an object only the
/// compiled code sees).
final class TryProgress: PyObject {
    enum Clause { case body, orElse, handler(Int), finally }
    var clause = Clause.body
    /// In a handler (or in `finally` while an error goes through it): the exception handled (with
    /// this frame's traceback entry, for chaining), and the frame's handling state before it,
    /// restored when the handler (or the block) ends.
    var handled: PyError?
    var outerHandling: (error: PyError, line: Int, span: ErrorSpan?)?
    /// In `finally`: how the rest of the statement ended, to carry on with after it.
    var pending: Result<Flow, any Error> = .success(.normal)
    /// ... and, when that was an error, where in the frame it was raised.
    var raisedAt: (line: Int, span: ErrorSpan?) = (0, nil)
    /// In an `except*` clause: the exception the clauses are taking apart.
    var starHandling: ExceptStarHandling?
}
