/// A generator's progress between resumptions, kept in its frame (`Frame.generator`). Each
/// statement of the body that can suspend has numbered places here, given by the compiler (see
/// `GeneratorLayout`): a block its position, an `if` its branch, a loop its iterator, a `try` its
/// clause, a `with` its manager, a `yield from` its sub-iterator. Resuming runs the body again
/// from the top with `resuming` set: each of those statements reads its place and skips to where
/// it was, until the suspended `yield` is reached and takes the sent value.
final class GeneratorState {
    /// True from a resumption until the suspended `yield` is reached again.
    var resuming = false
    /// What the suspended `yield` evaluates to when resumed.
    var sent: Value = .none
    /// The exception the suspended `yield` raises instead (`throw()`, `close()`).
    var thrown: PyError?
    /// The value the last `yield` produced.
    var yielded: Value = .none

    var positions: [Int]
    var iterators: [PyIterator?]
    var ranges: [RangeProgress]
    var tries: [TryProgress?]
    var managers: [PyContextManager?]
    var delegates: [Value?]

    init(_ layout: GeneratorLayout) {
        positions = Array(repeating: 0, count: layout.positions)
        iterators = Array(repeating: nil, count: layout.loops)
        ranges = Array(repeating: RangeProgress(next: 0, step: 0, remaining: 0), count: layout.loops)
        tries = Array(repeating: nil, count: layout.tries)
        managers = Array(repeating: nil, count: layout.managers)
        delegates = Array(repeating: nil, count: layout.delegates)
    }

    /// What the resumed `yield` evaluates to: the sent value, or the thrown exception raised.
    func received() throws -> Value {
        resuming = false
        if let error = thrown {
            thrown = nil
            throw error
        }
        let value = sent
        sent = .none
        return value
    }

    /// The values this state holds for the cycle collector (iterators and managers are opaque
    /// to it, as everywhere).
    func forEachValue(_ visit: (Value) -> Void) {
        visit(sent)
        visit(yielded)
        for case let delegate? in delegates { visit(delegate) }
    }
}

/// How many places of each kind a generator function's statements use; filled while its body
/// compiles, read when each generator is made.
final class GeneratorLayout {
    var positions = 0, loops = 0, tries = 0, managers = 0, delegates = 0
    /// The first `yield` the resumable compiler does not take yet (calling the function reports it).
    var unsupported: SourceRange?

    /// The next place of a kind (`\.loops`), counted.
    func place(_ kind: ReferenceWritableKeyPath<GeneratorLayout, Int>) -> Int {
        defer { self[keyPath: kind] += 1 }
        return self[keyPath: kind]
    }
}

/// A suspended `for i in range(...)` loop's counter, kept without an iterator object.
struct RangeProgress {
    var next: Int
    var step: Int
    var remaining: Int
}

/// Where a suspended `try` statement is.
final class TryProgress {
    enum Clause { case body, orElse, handler(Int), finally }
    var clause = Clause.body
    /// In a handler: the exception handled (with this frame's traceback entry, for chaining),
    /// and the frame's handling state before it, restored when the handler ends.
    var handled: PyError?
    var outerHandling: (error: PyError, line: Int, span: ErrorSpan?)?
    /// In `finally`: how the rest of the statement ended, to carry on with after it.
    var pending: Result<Flow, any Error> = .success(.normal)
}
