import CPendingEvents

/// The frames of suspended generators that were freed, waiting to be closed. CPython closes a
/// generator the moment its last reference goes, running its `finally` blocks and `with` exits.
/// In grad that moment may be inside a store (`l[0] = 5` releases what `l[0]` held while the
/// list's storage is being written; so does rebinding a variable or an attribute), and Python code
/// run there that reads the same list or variable would overlap that write, which Swift stops
/// the process for. So a freed generator's frame is kept here and closed at the interpreter's next
/// safe point: after the statement that freed it, after the call whose frame held it returns, or
/// at a check for pending events (loop back-edges). Its output then comes before that of any
/// later statement, as in CPython.
///
/// Freed instances of classes that define `__del__` wait in the same queue, in the order freed
/// (see InstanceFinalizers), and the callbacks of weak references to freed objects (see
/// WeakReferences).
enum GeneratorFinalizers {
    /// What closing a generator needs of it.
    struct Suspended {
        let frame: Frame
        let body: StmtCode
        let name: String
        let qualifiedName: String
        let interpreter: Interpreter
    }

    /// grad runs Python on one thread at a time (see Interpreter), the only one that frees generators.
    nonisolated(unsafe) private static var waiting: [Waiting] = []

    /// A freed object waiting for its finalizer.
    enum Waiting {
        case generator(Suspended)
        case instance(InstanceFinalizers.Freed)
        /// A reference whose object died, waiting for its callback.
        case weakReferenceCallback(PyWeakRef)
    }

    static func `defer`(_ generator: Suspended) {
        `defer`(.generator(generator))
    }

    static func `defer`(_ object: Waiting) {
        waiting.append(object)
        grad_pending_events_add(GRAD_EVENT_FINALIZERS)
    }

    /// Whether any wait: one load, asked after statements and calls.
    @inline(__always)
    static var arePending: Bool { grad_pending_events() & GRAD_EVENT_FINALIZERS != 0 }

    /// Closes the waiting generators and calls the waiting `__del__` methods and weak reference
    /// callbacks in the order they were freed, and those of what that frees;
    /// a `finally` block that reaches a safe point itself leaves the rest to the outer call.
    @inline(never)
    static func run() {
        guard !isRunning else { return }
        isRunning = true
        defer { isRunning = false }
        while !waiting.isEmpty {
            // Taken out whole: closing them, and then freeing their frames, may free more
            // generators, which join `waiting` meanwhile.
            let batch = waiting
            waiting = []
            for object in batch {
                switch object {
                case .generator(let suspended): PyGeneratorObject(closing: suspended).finalize()
                case .instance(let freed): InstanceFinalizers.finalize(freed)
                case .weakReferenceCallback(let reference): reference.callBack()
                }
            }
        }
        _ = grad_pending_events_take(GRAD_EVENT_FINALIZERS)
    }

    nonisolated(unsafe) private static var isRunning = false

    /// Runs a finalizer `function` (`__del__`, a weak reference's callback) through `call`; an
    /// exception it raises is printed to stderr as CPython's "Exception ignored in" report.
    static func reportingErrors(of function: Value, _ interpreter: Interpreter, _ call: () throws -> Void) {
        do {
            try call()
        } catch let error as PyError {
            let renderer = ErrorRenderer(sources: interpreter.sourceLines)
            interpreter.writeWarning("Exception ignored in: \(Repr.repr(function))\n" + renderer.render(error))
        } catch {
            interpreter.writeWarning("Exception ignored in: \(Repr.repr(function))\n\(error)\n")
        }
    }
}
