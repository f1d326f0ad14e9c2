/// A generator object: the frame of a generator function's call, run a piece at a time by
/// `next`, `send`, `throw` and `close` (CPython's genobject.c). Each resumption runs the compiled
/// body from the top, resuming (see GeneratorState), one call deeper, as a call would.
final class PyGeneratorObject: CollectableObject {
    let name: String
    /// `f.<locals>.g`, as its repr shows it.
    let qualifiedName: String
    /// Until the body returns or raises; then nil, and its locals are released.
    private(set) var frame: Frame?
    private let body: StmtCode
    private let interpreter: Interpreter
    private var started = false
    /// While its body runs (a generator that resumes itself gets a ValueError).
    private(set) var running = false

    init(frame: Frame, body: @escaping StmtCode, name: String, qualifiedName: String, interpreter: Interpreter) {
        self.frame = frame
        self.body = body
        self.name = name
        self.qualifiedName = qualifiedName
        self.interpreter = interpreter
        super.init()
    }

    override var typeName: String { "generator" }

    /// A generator that takes over the frame of a suspended one freed earlier (see
    /// GeneratorFinalizers), to close it.
    init(closing suspended: GeneratorFinalizers.Suspended) {
        frame = suspended.frame
        body = suspended.body
        name = suspended.name
        qualifiedName = suspended.qualifiedName
        interpreter = suspended.interpreter
        started = true
        super.init()
    }

    /// A suspended generator is closed when it is freed, so its `finally` blocks and `with`
    /// exits run (CPython's finalizer), but not here: the release that freed it may be part of a
    /// store into the very container or variable those blocks read. Its frame waits in
    /// GeneratorFinalizers for the interpreter's next safe point.
    deinit {
        untrack()
        if isSuspended, let frame {
            GeneratorFinalizers.defer(.init(frame: frame, body: body, name: name, qualifiedName: qualifiedName,
                                            interpreter: interpreter))
        }
    }

    /// Started and not finished: it has a frame waiting at a `yield`.
    var isSuspended: Bool { started && frame != nil }
    /// Not finished: CPython closes a generator found in garbage, started or not (closing one
    /// not started drops its frame, which may free the cycle it was part of).
    override var needsClosing: Bool { frame != nil }
    override func closeAsGarbage() {
        if isSuspended { finalize() } else { finish() }
    }

    /// Closes a suspended generator that is being freed (found as garbage by the cycle
    /// collector, or taking over a freed one's frame); what that raises is dropped, as CPython
    /// reports it only as "Exception ignored".
    func finalize() {
        if isSuspended { _ = try? close() }
    }

    enum Step {
        case yielded(Value)
        case returned(Value)
    }

    /// Runs the body until its next `yield` or its end; the suspended `yield` evaluates to
    /// `value`, or raises `thrown`.
    func resume(sending value: Value, throwing thrown: PyError? = nil) throws -> Step {
        guard !running else { throw PyError.value("generator already executing") }
        guard let frame else {
            if let thrown { throw thrown }
            return .returned(.none)
        }
        if !started {
            if var thrown {
                // Raised at the `def` line, before the body starts.
                finish()
                thrown.traceback.append(frame.origin.entry(line: frame.line, function: frame.name))
                throw thrown
            }
            if !value.isNone { throw PyError.type("can't send non-None value to a just-started generator") }
        }
        if let thrown {
            frame.generator?.thrown = thrown
            frame.resumption = .throwing
        } else if frame.resumption == .delegating, let delegate = frame.generator?.delegate {
            return try resume(frame, delegatingTo: delegate, sending: value)
        } else {
            frame.resumption = started ? .sending : .notResuming
            frame.returnValue = value
        }
        started = true
        return try runBody(frame)
    }

    /// Suspended in `yield from` a generator: that one resumes directly, this body only when it
    /// has returned (the `yield from` takes its value) or raised (raised again at the `yield from`).
    private func resume(_ frame: Frame, delegatingTo delegate: PyGeneratorObject, sending value: Value) throws -> Step {
        let step: Step
        do {
            running = true
            defer { running = false }
            step = try delegate.resume(sending: value)
        } catch let e as PyError {
            frame.generator?.delegate = nil
            frame.generator?.thrown = e
            frame.resumption = .throwing
            return try runBody(frame)
        }
        guard case .returned(let result) = step else { return step }
        frame.generator?.delegate = nil
        frame.resumption = .delegateReturned
        frame.returnValue = result
        return try runBody(frame)
    }

    /// Runs the body in `frame`, resuming as `frame.resumption` says.
    private func runBody(_ frame: Frame) throws -> Step {
        running = true
        defer { running = false }
        let flow: Flow
        do {
            flow = try interpreter.nested(in: frame) { try body(frame) }
        } catch let e as PyError {
            finish()
            // PEP 479: a StopIteration leaking out of the body would end the caller's loop silently.
            if e.type.isSubclass(of: PyExc.stopIteration) {
                var replaced = PyError(PyExc.runtimeError, "generator raised StopIteration")
                replaced.cause = PyError.Chained(e)
                throw replaced
            }
            throw e
        }
        if case .suspended = flow {
            let yielded = frame.returnValue
            frame.returnValue = .none
            // Written only when set: assigning nil destroys the old value through a generic witness.
            if frame.errorSpan != nil { frame.errorSpan = nil }
            return .yielded(yielded)
        }
        let result = flow == .returned ? frame.returnValue : .none
        finish()
        return .returned(result)
    }

    private func finish() {
        frame = nil
    }

    /// The next value for a loop, nil once the body has returned (its value is dropped).
    func next() throws -> Value? {
        if case .yielded(let v) = try resume(sending: .none) { return v }
        return nil
    }

    /// `send(value)`, and `next(g)`: the next yielded value, or StopIteration carrying the
    /// returned value.
    func send(_ value: Value) throws -> Value {
        try PyGeneratorObject.value(of: try resume(sending: value))
    }

    /// `throw(error)`: raised at the suspended `yield`.
    func throwIn(_ error: PyError) throws -> Value {
        try PyGeneratorObject.value(of: try resume(sending: .none, throwing: error))
    }

    static func value(of step: Step) throws -> Value {
        switch step {
        case .yielded(let v): return v
        case .returned(let v):
            throw PyError(exception: PyExceptionObject(type: PyExc.stopIteration, args: v.isNone ? [] : [v]))
        }
    }

    /// `close()`: GeneratorExit raised at the suspended `yield`; the generator must not yield again.
    func close() throws {
        guard started, frame != nil else {
            finish()
            return
        }
        do {
            if case .yielded = try resume(sending: .none, throwing: PyError(PyExc.generatorExit, "")) {
                throw PyError.runtime("generator ignored GeneratorExit")
            }
        } catch let e as PyError where e.type.isSubclass(of: PyExc.generatorExit) {
            return
        }
    }

    /// What a loop iterates: this generator's values (the adapter holds it, so it lives while
    /// looped over, where the cycle collector sees it).
    var iterator: PyIterator {
        PyIterator(name: "generator", holding: [.object(self)]) { held in try held[0].object(as: PyGeneratorObject.self)?.next() }
    }

    /// The values the cycle collector counts as held by this generator: its frame's locals
    /// (with the statements' progress: a `yield from`'s sub-generator), cells and pending values.
    override func forEachReference(_ visit: (Value) -> Void) {
        frame?.forEachReference(visit)
    }

    /// Drops the frame (the collector found the generator unreachable), appending its values to `released`.
    override func giveUpReferences(into released: inout [Value]) {
        forEachReference { released.append($0) }
        finish()
    }

    /// Gives the frame's cell list a buffer of its own (see CycleTraversal).
    override func makeStorageUnique() {
        frame?.makeCellsUnique()
    }
}
