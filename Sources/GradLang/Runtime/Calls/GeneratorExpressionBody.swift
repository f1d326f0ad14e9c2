/// What a generator expression's iterator runs: its frame, the stack of its clauses' iterators
/// and the compiled step that resumes them, held by the iterator as its body so that the cycle
/// collector sees them: a list holding a generator expression over itself is a cycle. As CPython
/// closes a generator found in garbage before clearing anything, the collector closes this
/// (drops the frame and the iterators, which is all a generator expression's close does), which
/// frees such a cycle by reference counting.
final class GeneratorExpressionBody: IteratorBody {
    /// Emptied once exhausted or closed. A constant, so that each step reads it without
    /// retaining it.
    let frame: Frame
    private(set) var isFinished = false
    /// The iterators of the clauses being looped over, the innermost last.
    var stack: [PyIterator]
    /// Resumes the clauses' loops up to the next element (nil when they are done), handed this
    /// body and its frame rather than capturing them.
    private let resume: (GeneratorExpressionBody, Frame) throws -> Value?

    init(frame: Frame, first: PyIterator, resume: @escaping (GeneratorExpressionBody, Frame) throws -> Value?) {
        self.frame = frame
        stack = [first]
        self.resume = resume
    }

    override func next() throws -> Value? {
        if isFinished { return nil }
        return try resume(self, frame)
    }

    /// Nothing more to yield: drops what the frame holds, and the iterators.
    func finish() {
        isFinished = true
        frame.reset()
        frame.cells = []
        stack = []
    }

    override func forEachReference(_ visit: (Value) -> Void) {
        frame.forEachReference(visit)
        for iterator in stack { visit(.object(iterator)) }
    }

    override func makeStorageUnique() {
        makeUniqueStorage({ self.stack }, { self.stack = $0 })
        frame.makeCellsUnique()
    }

    override func giveUpReferences(into released: inout [Value]) {
        forEachReference { released.append($0) }
        finish()
    }

    override var needsClosing: Bool { !isFinished }
    override func closeAsGarbage() { finish() }
    /// CPython's generator expression is one object; this body is the second of grad's two.
    override var uncountedCompanions: Int { -1 }
}
