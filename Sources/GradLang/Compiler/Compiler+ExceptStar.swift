/// `try` with `except*` clauses (PEP 654), as CPython 3.11 runs it: each clause in turn takes the
/// part of the exception group that matches its types and runs once with it; what no clause took,
/// what the clauses re-raised (rebuilt in the group's own nesting) and what they raised anew are
/// raised together at the end.
extension Compiler {
    func exceptStarStatement(_ t: TryStatement) -> StmtCode {
        let body = block(t.body), orElse = block(t.orElse), finally = block(t.finally)
        let handlers = handlers(of: t, block)
        let hasFinally = !t.finally.isEmpty
        let origin = origin
        let interpreter = interpreter
        return { f in
            try Compiler.running(finally: hasFinally ? finally : nil, f) {
                let (flow, failed) = try Compiler.attempt(body, f)
                if let failed {
                    let progress = TryProgress()
                    progress.starHandling = ExceptStarHandling(failed, f, origin)
                    return try Compiler.runStarClauses(progress, handlers, f, origin, interpreter)
                }
                return flow == .normal ? try orElse(f) : flow
            }
        }
    }

    /// Runs the `except*` clauses on the exception `progress` handles, from the one it was in
    /// (a generator resuming inside a clause) or the next to match, then raises what is left.
    static func runStarClauses(_ progress: TryProgress, _ handlers: [CompiledHandler], _ f: Frame,
                               _ origin: CodeOrigin, _ interpreter: Interpreter) throws -> Flow {
        guard let handling = progress.starHandling else { return .normal }
        var resumedClause: Int?
        if case .handler(let i) = progress.clause { resumedClause = i }
        while true {
            let index: Int
            if let i = resumedClause {
                index = i
                resumedClause = nil
            } else {
                guard let next = try handling.enterNextClause(handlers, f, origin, interpreter) else { break }
                index = next
                progress.clause = .handler(index)
            }
            do {
                if try handlers[index].body(f) == .suspended { return .suspended }
                handling.endClause(handlers[index], f, origin, raising: nil)
            } catch let error as PyError {
                handling.endClause(handlers[index], f, origin, raising: error)
            } catch {
                handling.endClause(handlers[index], f, origin, raising: nil)
                throw error
            }
        }
        try handling.raiseRemaining(f, interpreter)
        return .normal
    }
}

/// One exception being taken apart by a `try`'s `except*` clauses: what is left for the next
/// clause, and what the clauses raised so far.
final class ExceptStarHandling {
    private let raised: PyError
    /// Where in the frame the exception was raised (its traceback entry there).
    private let line: Int
    private let span: ErrorSpan?
    /// The exception as the clauses' errors show it: through this frame.
    private let caught: PyError
    private var rest: PyExceptionObject?
    private var nextClause = 0
    private var clauseErrors: [ClauseError] = []
    /// While a clause runs: the part it was given, and the frame's handling state before it.
    private var matched: PyError?
    private var outerHandling: (error: PyError, line: Int, span: ErrorSpan?)?

    /// An error a clause raised: as thrown (its traceback not yet through this frame, and where in
    /// the frame it was raised) and as a member of a group shows it (through this frame).
    private struct ClauseError {
        let thrown: PyError
        let line: Int
        let span: ErrorSpan?
        let shown: PyError
        /// Whether the clause re-raised (part of) the group it was given rather than a new exception.
        let reraised: Bool
    }

    init(_ raised: PyError, _ f: Frame, _ origin: CodeOrigin) {
        let raised = Compiler.chainedToHandled(raised, in: f)
        self.raised = raised
        (line, span) = (f.line, f.errorSpan)
        caught = raised.caught(at: origin.entry(line: line, function: f.name, span: span))
        f.errorSpan = nil
        rest = raised.exception
    }

    /// The index of the next clause that takes part of what is left, with its `as` name bound and
    /// the frame handling that part; nil when none does.
    func enterNextClause(_ handlers: [Compiler.CompiledHandler], _ f: Frame, _ origin: CodeOrigin,
                         _ interpreter: Interpreter) throws -> Int? {
        while nextClause < handlers.count, let current = rest {
            let index = nextClause
            nextClause += 1
            let parts = try Self.match(current, try clauseTypes(handlers[index], f), interpreter)
            rest = parts.rest
            guard let part = parts.match else { continue }
            // As the clause's errors show it (through this frame), and as a bare `raise` raises it
            // again (not yet through this frame, like the original).
            let shown = PyError(exception: part)
            var reraisable = shown
            (reraisable.traceback, reraisable.context, reraisable.cause) = (raised.traceback, raised.context, raised.cause)
            matched = shown
            outerHandling = f.handling
            f.handling = (reraisable, line, span)
            do {
                try handlers[index].store?(f, .object(part))
            } catch let error as PyError {
                endClause(handlers[index], f, origin, raising: error)
                continue
            }
            return index
        }
        return nil
    }

    /// Ends the clause that ran, keeping what it raised.
    func endClause(_ handler: Compiler.CompiledHandler, _ f: Frame, _ origin: CodeOrigin, raising error: PyError?) {
        f.handling = outerHandling
        handler.unbind?(f)
        defer { matched = nil }
        guard var next = error else { return }
        // A bare `raise` of what the clause got: the same traceback, not yet through this frame
        // (`raise e` is a new raise, as CPython tells them apart by the traceback).
        let original = raised.exception
        let reraised = next.exception.tracebackObject != nil && next.exception.tracebackObject === original.tracebackObject
            && next.traceback.count == raised.traceback.count
        if !reraised, next.exception !== matched?.exception, next.context == nil, let matched {
            next.chain(to: matched)
        }
        let shown = reraised ? next : next.caught(at: origin.entry(line: f.line, function: f.name, span: f.errorSpan))
        clauseErrors.append(ClauseError(thrown: next, line: f.line, span: f.errorSpan, shown: shown, reraised: reraised))
        f.errorSpan = nil
    }

    /// The types a clause names, refusing what `except*` cannot catch; an error here is raised
    /// while handling the exception, from the clause's line.
    private func clauseTypes(_ handler: Compiler.CompiledHandler, _ f: Frame) throws -> Value {
        (f.line, f.errorSpan) = (handler.range.start.line, nil)
        do {
            let spec = try handler.type?(f) ?? .none
            if try Compiler.exceptionClasses(spec).contains(where: { $0.isSubclass(of: PyExc.baseExceptionGroup) }) {
                throw PyError.type("catching ExceptionGroup with except* is not allowed. Use except instead.")
            }
            return spec
        } catch var next as PyError where next.context == nil {
            next.chain(to: caught)
            throw next
        }
    }

    /// What a clause of types `spec` takes from `current` and leaves: a whole group, a bare
    /// exception wrapped in a group of its own, or a group's matching part.
    private static func match(_ current: PyExceptionObject, _ spec: Value, _ interpreter: Interpreter) throws
        -> (match: PyExceptionObject?, rest: PyExceptionObject?) {
        if try IntrospectionFunctions.isInstance(.object(current), spec) {
            guard !(current is PyExceptionGroupObject) else { return (current, nil) }
            let wrapped = try ExceptionGroups.make(PyExc.baseExceptionGroup, [.str(""), .object(PyTuple([.object(current)]))], interpreter)
            wrapped.tracebackObject = current.tracebackObject
            return (wrapped, nil)
        }
        guard current is PyExceptionGroupObject else { return (nil, current) }
        return try ExceptionGroups.split(current, .types(spec), keepingRest: true, interpreter)
    }

    /// Raises what the statement ends with (CPython's `_PyExc_PrepReraiseStar`): nothing when the
    /// clauses took everything and raised nothing; else the new errors beside the original group
    /// cut down to what was left or re-raised, in a group made here.
    func raiseRemaining(_ f: Frame, _ interpreter: Interpreter) throws {
        func rethrow(_ error: PyError, _ at: (line: Int, span: ErrorSpan?)) throws -> Never {
            (f.line, f.errorSpan) = at
            throw error
        }
        guard raised.exception is PyExceptionGroupObject else {
            // A bare exception: at most one clause ran.
            if let only = clauseErrors.first { try rethrow(only.thrown, (only.line, only.span)) }
            if rest != nil { try rethrow(raised, (line, span)) }
            return
        }
        var kept = clauseErrors.filter(\.reraised).map { ExceptionGroups.leaves(of: $0.thrown.exception) }
            .reduce(into: Set<ObjectIdentifier>()) { $0.formUnion($1) }
        if let rest { kept.formUnion(ExceptionGroups.leaves(of: rest)) }
        let projected = kept.isEmpty ? nil
            : try ExceptionGroups.split(raised.exception, .leaves(kept), keepingRest: false, interpreter).match
        let new = clauseErrors.filter { !$0.reraised }
        var reraisedError: PyError?
        if let projected {
            var error = PyError(exception: projected)
            (error.traceback, error.context, error.cause) = (raised.traceback, raised.context, raised.cause)
            reraisedError = error
        }
        if new.isEmpty {
            if let reraisedError { try rethrow(reraisedError, (line, span)) }
            return
        }
        if new.count == 1, projected == nil { try rethrow(new[0].thrown, (new[0].line, new[0].span)) }
        var members = new.map { Value.object($0.thrown.exception) }
        if let projected { members.append(.object(projected)) }
        let group = try ExceptionGroups.make(PyExc.baseExceptionGroup, [.str(""), .object(PyList(members))], interpreter)
        for (i, error) in new.enumerated() { group.raisedMembers[i] = error.shown }
        var combined = PyError(exception: group)
        // Raised again where it was made, as CPython's RERAISE: this frame adds no traceback entry.
        combined.leavesFrameUnrecorded = true
        throw combined
    }
}
