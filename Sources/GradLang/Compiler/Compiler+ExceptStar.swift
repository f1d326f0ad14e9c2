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
                    try Compiler.handleStar(failed, handlers, f, origin, interpreter)
                    return .normal
                }
                return flow == .normal ? try orElse(f) : flow
            }
        }
    }

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

    /// Runs the clauses on `raised`, then raises what is left, if anything.
    private static func handleStar(_ raised: PyError, _ handlers: [CompiledHandler], _ f: Frame, _ origin: CodeOrigin,
                                   _ interpreter: Interpreter) throws {
        let (line, span) = (f.line, f.errorSpan)
        let caught = raised.caught(at: origin.entry(line: line, function: f.name, span: span))
        f.errorSpan = nil
        let original = raised.exception
        var rest: PyExceptionObject? = original
        var clauseErrors: [ClauseError] = []
        for handler in handlers {
            guard let current = rest else { break }
            let spec = try clauseTypes(handler, caught, f, origin)
            let parts = try match(current, spec, interpreter)
            rest = parts.rest
            guard let matched = parts.match else { continue }
            // As the clause's errors show it (through this frame), and as a bare `raise` raises it
            // again (not yet through this frame, like the original).
            let matchedError = PyError(exception: matched)
            var reraisable = matchedError
            (reraisable.traceback, reraisable.context, reraisable.cause) = (raised.traceback, raised.context, raised.cause)
            let outer = f.handling
            f.handling = (reraisable, line, span)
            defer {
                f.handling = outer
                handler.unbind?(f)
            }
            do {
                try handler.store?(f, .object(matched))
                _ = try handler.body(f)
            } catch var next as PyError {
                let reraised = next.exception.tracebackObject != nil && next.exception.tracebackObject === original.tracebackObject
                if !reraised, next.exception !== matched, next.context == nil { next.context = PyError.Chained(matchedError) }
                let shown = reraised ? next : next.caught(at: origin.entry(line: f.line, function: f.name, span: f.errorSpan))
                clauseErrors.append(ClauseError(thrown: next, line: f.line, span: f.errorSpan, shown: shown, reraised: reraised))
                f.errorSpan = nil
            }
        }
        try raiseRemaining(raised, rest, clauseErrors, line: line, span: span, f, interpreter)
    }

    /// The types a clause names, refusing what `except*` cannot catch; an error here is raised
    /// while handling `caught`, from the clause's line.
    private static func clauseTypes(_ handler: CompiledHandler, _ caught: PyError, _ f: Frame, _ origin: CodeOrigin) throws -> Value {
        (f.line, f.errorSpan) = (handler.range.start.line, nil)
        do {
            let spec = try handler.type?(f) ?? .none
            let types: [Value]
            if case .object(let t as PyTuple) = spec { types = t.items } else { types = [spec] }
            for candidate in types {
                guard case .object(let type as PyClass) = candidate, type.isExceptionClass else {
                    throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
                }
                if type.isSubclass(of: PyExc.baseExceptionGroup) {
                    throw PyError.type("catching ExceptionGroup with except* is not allowed. Use except instead.")
                }
            }
            return spec
        } catch var next as PyError where next.context == nil {
            next.context = PyError.Chained(caught)
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
    private static func raiseRemaining(_ raised: PyError, _ rest: PyExceptionObject?, _ clauseErrors: [ClauseError],
                                       line: Int, span: ErrorSpan?, _ f: Frame, _ interpreter: Interpreter) throws {
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
