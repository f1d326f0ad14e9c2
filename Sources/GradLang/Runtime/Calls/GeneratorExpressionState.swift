/// What a generator expression's iterator runs in: its frame and the stack of its clauses'
/// iterators, held by the iterator (in `held`) so that the cycle collector sees them: a list
/// holding a generator expression over itself is a cycle. As CPython closes a generator found
/// in garbage before clearing anything, the collector closes this (drops the frame and the
/// iterators, which is all a generator expression's close does), which frees such a cycle
/// by reference counting.
final class GeneratorExpressionState: CollectableObject {
    /// Nil once exhausted or closed.
    private(set) var frame: Frame?
    /// The iterators of the clauses being looped over, the innermost last.
    var stack: [PyIterator]

    init(frame: Frame, first: PyIterator) {
        self.frame = frame
        stack = [first]
    }

    deinit { untrack() }

    /// Nothing more to yield: drops the frame and the iterators.
    func finish() {
        frame = nil
        stack = []
    }

    override func forEachReference(_ visit: (Value) -> Void) {
        frame?.forEachReference(visit)
        for iterator in stack { visit(.object(iterator)) }
    }

    override func makeStorageUnique() {
        makeUniqueStorage({ self.stack }, { self.stack = $0 })
        frame?.makeCellsUnique()
    }

    override func giveUpReferences(into released: inout [Value]) {
        forEachReference { released.append($0) }
        finish()
    }

    override var needsClosing: Bool { frame != nil }
    override func closeAsGarbage() { finish() }
    /// CPython's generator expression is one object; this state is the second of grad's two.
    override var uncountedCompanions: Int { -1 }
}
