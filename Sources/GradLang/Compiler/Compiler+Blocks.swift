/// `with`, `try`, `raise` and `import`.
extension Compiler {
    func withStatement(_ items: [WithItem], _ body: [Stmt]) -> StmtCode {
        guard let first = items.first else { return block(body) }
        // `with a, b:` is `with a: with b:`.
        let inner = items.count > 1 ? withStatement(Array(items.dropFirst()), body) : block(body)
        let range = first.context.range
        let interpreter = interpreter
        if first.target == nil, case .call(let callee, let arguments) = first.context.kind, arguments.isEmpty {
            return withCall(expression(callee), range, inner)
        }
        let context = expression(first.context)
        let target = first.target.map(assignment)
        return { f in
            let manager = try Compiler.locatingErrors(at: range, in: f) { try ContextManagers.resolve(try context(f), interpreter) }
            return try Compiler.runInside(manager, range, f, binding: target, inner)
        }
    }

    /// `with f():` without `as`: when the tensor library enters what `f()` makes without a
    /// manager object (`no_grad()`: the grad mode is switched around the block and restored
    /// however it ends), none is built, since nothing could see it; any other `f` is called and
    /// its result entered.
    private func withCall(_ callee: @escaping ExprCode, _ range: SourceRange, _ inner: @escaping StmtCode) -> StmtCode {
        let interpreter = interpreter
        return { f in
            let fn = try callee(f)
            if let flow = try interpreter.tensorLibrary.run(inContextMadeBy: fn, { try inner(f) }) { return flow }
            let manager = try Compiler.locatingErrors(at: range, in: f) {
                try ContextManagers.resolve(try interpreter.call(fn, Arguments()), interpreter)
            }
            return try Compiler.runInside(manager, range, f, binding: nil, inner)
        }
    }

    /// Enters `manager`, binds what it returns to `target`, runs the block, and exits the manager
    /// however the block ends.
    private static func runInside(_ manager: PyContextManager, _ range: SourceRange, _ f: Frame,
                                binding target: Store?, _ inner: StmtCode) throws -> Flow {
        let entered = try Compiler.locatingErrors(at: range, in: f) { try manager.enter() }
        let flow: Flow
        do {
            if let target { try target(f, entered) }
            flow = try inner(f)
        } catch {
            return try exiting(manager, after: error, in: f)
        }
        _ = try manager.exit(after: nil)
        return flow
    }

    /// Exits `manager` after its block raised `error` in `f`, which goes on unless `__exit__`
    /// swallows it.
    static func exiting(_ manager: PyContextManager, after error: Error, in f: Frame) throws -> Flow {
        if try handling(error, in: f, { try manager.exit(after: error as? PyError) }), error is PyError { return .normal }
        throw error
    }

    /// Runs `body`, a `finally` block or an `__exit__` call, while `error` (raised in `f`) goes
    /// on: as in CPython, it is the exception being handled there (`sys.exc_info()`, a bare
    /// `raise`), with its traceback through `f`, and the context of a new error `body` raises.
    static func handling<R>(_ error: Error, in f: Frame, _ body: () throws -> R) throws -> R {
        guard let error = error as? PyError else { return try body() }
        let handled = error.caught(at: f.origin.entry(line: f.line, function: f.name, span: f.errorSpan))
        let outer = f.handling
        f.handling = (error, f.line, f.errorSpan)
        defer { f.handling = outer }
        do {
            return try body()
        } catch var next as PyError {
            next.chainIfRaisedAnew(during: handled)
            throw next
        }
    }

    /// An `except` (or `except*`) clause compiled: its types, the `as` name's store and unbinding,
    /// and its block.
    struct CompiledHandler {
        let type: ExprCode?
        let store: Store?
        let unbind: ((Frame) -> Void)?
        let body: StmtCode
        let range: SourceRange
    }

    /// A `try` statement's clauses compiled, with `compileBlock` for each block (resumable ones in
    /// a generator).
    func handlers(of t: TryStatement, _ compileBlock: ([Stmt]) -> StmtCode) -> [CompiledHandler] {
        t.handlers.map {
            CompiledHandler(type: $0.type.map(expression), store: $0.name.map(store), unbind: $0.name.map(unbind),
                            body: compileBlock($0.body), range: $0.range)
        }
    }

    /// Runs a `try` statement's body: how it ended, or the Python error it raised (any other
    /// error goes on).
    static func attempt(_ body: StmtCode, _ f: Frame) throws -> (flow: Flow, raised: PyError?) {
        do {
            return (try body(f), nil)
        } catch let raised as PyError {
            return (.normal, raised)
        }
    }

    func tryStatement(_ t: TryStatement) -> StmtCode {
        let body = block(t.body), orElse = block(t.orElse), finally = block(t.finally)
        let handlers = handlers(of: t, block)
        let hasFinally = !t.finally.isEmpty
        let origin = origin
        return { f in
            try Compiler.running(finally: hasFinally ? finally : nil, f) {
                let (bodyFlow, failed) = try Compiler.attempt(body, f)
                // The `else` block runs outside the handlers: what it raises goes on.
                guard let failed else { return bodyFlow == .normal ? try orElse(f) : bodyFlow }
                guard let handler = try Compiler.matchingHandler(failed, handlers.map { ($0.type, $0.range) }, f, origin: origin) else {
                    throw failed
                }
                let raised = Compiler.chainedToHandled(failed, in: f)
                let chosen = handlers[handler]
                // What ran out of memory has been unwound and freed: hold the reserve back again.
                if raised.type.isSubclass(of: PyExc.memoryError) { PendingEvents.memoryErrorHandled() }
                let outer = f.handling
                f.handling = (raised, f.line, f.errorSpan)
                // As CPython shows it when a new error occurs in the handler: its traceback
                // ends in this frame, at the line that raised.
                let handled = raised.caught(at: origin.entry(line: f.line, function: f.name, span: f.errorSpan))
                f.errorSpan = nil
                defer {
                    f.handling = outer
                    // Python deletes the `as` name when the handler ends.
                    chosen.unbind?(f)
                }
                try chosen.store?(f, .object(raised.exception))
                do {
                    return try chosen.body(f)
                } catch var next as PyError {
                    next.chainIfRaisedAnew(during: handled)
                    throw next
                }
            }
        }
    }

    /// Runs a `try` statement's clauses, then its `finally` block (if any) however they ended; a
    /// `finally` that returns, breaks or continues overrides their flow or error.
    static func running(finally: StmtCode?, _ f: Frame, _ clauses: () throws -> Flow) throws -> Flow {
        guard let finally else { return try clauses() }
        let flow: Flow
        do {
            flow = try clauses()
        } catch {
            // The error's traceback entry in this frame is where it was raised, not the
            // `finally` block's last line.
            let raisedAt = (f.line, f.errorSpan)
            let finalFlow = try handling(error, in: f) { try finally(f) }
            if case .normal = finalFlow {} else { return finalFlow }
            (f.line, f.errorSpan) = raisedAt
            throw error
        }
        let finalFlow = try finally(f)
        if case .normal = finalFlow {} else { return finalFlow }
        return flow
    }

    /// The index of the first `except` clause that catches `error`. An error evaluating or
    /// checking a clause's type is reported at that clause, raised during the handling of
    /// `error`, as CPython chains it; otherwise the frame's location is left at the raise.
    /// The classes an `except` or `except*` clause names (one, or a tuple of them), each checked
    /// to be an exception class before any is matched, as CPython checks them.
    static func exceptionClasses(_ spec: Value) throws -> [PyClass] {
        let candidates: [Value]
        if case .object(let t as PyTuple) = spec { candidates = t.items } else { candidates = [spec] }
        return try candidates.map { candidate in
            guard case .object(let type as PyClass) = candidate, type.isExceptionClass else {
                throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
            }
            return type
        }
    }

    static func matchingHandler(_ error: PyError, _ handlers: [(type: ExprCode?, range: SourceRange)], _ f: Frame,
                                origin: CodeOrigin) throws -> Int? {
        let (line, span) = (f.line, f.errorSpan)
        do {
            for (i, h) in handlers.enumerated() {
                guard let typeCode = h.type else { return i }
                (f.line, f.errorSpan) = (h.range.start.line, nil)
                if try exceptionClasses(try typeCode(f)).contains(where: { error.type.isSubclass(of: $0) }) {
                    (f.line, f.errorSpan) = (line, span)
                    return i
                }
            }
            (f.line, f.errorSpan) = (line, span)
            return nil
        } catch var next as PyError where next.context == nil {
            var handled = error
            handled.traceback.append(origin.entry(line: line, function: f.name, span: span))
            next.chain(to: handled)
            throw next
        }
    }

    func raiseStatement(_ exception: Expr?, _ cause: Expr?) -> StmtCode {
        let value = exception.map(expression)
        let causeCode = cause.map(expression)
        let interpreter = interpreter
        return { f in
            guard let value else {
                if let current = f.handling {
                    // Re-raised from where it was first raised in this frame.
                    f.line = current.line
                    f.errorSpan = current.span
                    var again = current.error
                    again.isReraise = true
                    throw again
                }
                // Handled by a caller (or by what resumed this generator): raised again with the
                // traceback it was caught with, and, as CPython's bare `raise`, without an entry
                // for this frame.
                guard var handled = Compiler.exceptionBeingHandled(from: f.caller) else {
                    throw PyError.runtime("No active exception to reraise")
                }
                (handled.leavesFrameUnrecorded, handled.isReraise) = (true, true)
                throw handled
            }
            var error = try Compiler.exception(from: try value(f), interpreter)
            // Raised while handling another (here or in a caller): that one is its context from
            // now on, as CPython sets `__context__` at the raise.
            if let handled = Compiler.exceptionBeingHandled(from: f), handled.exception !== error.exception {
                error.chain(to: handled)
            }
            if let causeCode {
                let cause = try causeCode(f)
                error.exception.setAttribute("__suppress_context__", .bool(true))
                if !cause.isNone {
                    let chained = try Compiler.exception(from: cause, interpreter)
                    error.cause = PyError.Chained(chained)
                    error.exception.setAttribute("__cause__", .object(chained.exception))
                } else {
                    error.exception.setAttribute("__cause__", Value.none)
                }
            }
            throw error
        }
    }

    /// The exception an `except` block of `f` or of a frame below it is handling, as its
    /// context shows it (with its traceback as caught). CPython keeps this per thread; the
    /// frames that called `f` (a generator's: the one resuming it) are that thread's stack.
    static func exceptionBeingHandled(from f: Frame?) -> PyError? {
        var frame = f
        while let current = frame {
            if let handled = current.handling?.error {
                var shown = PyError(exception: handled.exception)
                (shown.context, shown.cause) = (handled.context, handled.cause)
                return shown
            }
            frame = current.caller
        }
        return nil
    }

    /// `raised`, caught by a handler of `f`: an error that met no handler while another was
    /// being handled (here or in a caller) has that one as its context, as CPython sets
    /// `__context__` where it raises (a bare `raise` sets none). Work done only once something
    /// was raised.
    static func chainedToHandled(_ raised: PyError, in f: Frame) -> PyError {
        guard raised.context == nil, !raised.isReraise, let handled = exceptionBeingHandled(from: f) else { return raised }
        var chained = raised
        chained.chainIfRaisedAnew(during: handled)
        return chained
    }

    /// The error `raise X` raises: an exception class is instantiated without arguments.
    static func exception(from raised: Value, _ interpreter: Interpreter) throws -> PyError {
        switch raised {
        case .object(let type as PyClass) where type.isExceptionClass:
            guard case .object(let instance as PyExceptionObject) = try ClassCreation.instantiate(type, Arguments(), interpreter) else {
                throw PyError.type("exceptions must derive from BaseException")
            }
            return PyError(exception: instance)
        case .object(let instance as PyExceptionObject): return PyError(exception: instance)
        default: throw PyError.type("exceptions must derive from BaseException")
        }
    }

    func importStatement(_ names: [ImportedName]) -> StmtCode {
        let actions: [(Frame) throws -> Void] = names.map { imported in
            let top = String(imported.name.split(separator: ".").first ?? "")
            let bound = imported.alias ?? top
            let store = store(bound)
            let interpreter = interpreter
            let full = imported.name
            return { f in
                // CPython underlines nothing for a failed import.
                let module = try interpreter.importModule(full)
                try store(f, imported.alias != nil ? .object(module) : .object(try interpreter.importModule(top)))
            }
        }
        return { f in
            for a in actions { try a(f) }
            return .normal
        }
    }

    func importFrom(_ moduleName: String, _ names: [ImportedName]?) -> StmtCode {
        let interpreter = interpreter
        guard let names else {
            let globals = globals
            return { f in
                let module = try interpreter.importModule(moduleName)
                for (name, value) in module.attributes where !name.hasPrefix("_") { globals[name] = value }
                _ = f
                return .normal
            }
        }
        let actions: [(Frame) throws -> Void] = names.map { imported in
            let store = store(imported.alias ?? imported.name)
            let range = imported.range
            return { f in
                let module = try Compiler.locatingErrors(at: range, in: f) { try interpreter.importModule(moduleName) }
                if let v = module.attributes[imported.name] {
                    try store(f, v)
                } else if let sub = try? interpreter.importModule(moduleName + "." + imported.name) {
                    try store(f, .object(sub))
                } else {
                    throw Compiler.located(PyError(PyExc.importError,
                        "cannot import name '\(imported.name)' from '\(moduleName)' (unknown location)"), range, f)
                }
            }
        }
        return { f in
            for a in actions { try a(f) }
            return .normal
        }
    }
}
