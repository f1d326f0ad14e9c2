/// Generator functions. Their bodies compile in a resumable mode: a statement that can reach a
/// `yield` keeps its progress in hidden slots of the frame (a block its position, an `if` its
/// branch, a loop its iterator or range counter, a `try` its clause, a `with` its manager, a
/// `yield from` its sub-iterator), so that running the body again with the frame's `resumption`
/// set skips straight back to the suspended `yield`: no thread and no stack of its own per
/// generator. Statements without a `yield` compile as anywhere else. YieldLowering has
/// already put every `yield` into one of the two forms taken here: a statement of its own, or
/// the whole value of an assignment to targets without one.
extension Compiler {
    /// The body of a generator function: calling the function makes a generator over its frame.
    func generatorBody(_ body: [Stmt], name: String, qualifiedName: String, definedAt line: Int) -> StmtCode {
        let code = resumableBlock(body)
        let interpreter = interpreter
        return { f in
            f.generator = GeneratorState()
            f.line = line
            f.returnValue = .object(PyGeneratorObject(frame: f, body: code, name: name, qualifiedName: qualifiedName,
                                                interpreter: interpreter))
            return .returned
        }
    }

    /// A `yield` inside an expression, which YieldLowering never leaves: reported, not run.
    func misplacedYield(_ range: SourceRange) -> ExprCode {
        { f in throw Compiler.located(PyError(PyExc.systemError, "internal error: a yield the generator compiler does not take"), range, f) }
    }

    /// A hidden slot of the function being compiled, for a statement's progress.
    private func progressSlot() -> Int { scope.hiddenSlot() }

    /// The object a suspended statement left in `slot`, when resuming; nil otherwise.
    @inline(__always)
    private static func resumed<T: PyObject>(_ f: Frame, _ slot: Int) -> T? {
        guard f.resuming, case .object(let o as T)? = f[slot: slot] else { return nil }
        return o
    }

    /// The int a progress slot holds (0 when it holds none).
    @inline(__always)
    private static func position(_ f: Frame, _ slot: Int) -> Int {
        if case .int(let i)? = f[slot: slot] { return i }
        return 0
    }

    static func generatorState(_ f: Frame) throws -> GeneratorState {
        guard let state = f.generator else { throw PyError(PyExc.systemError, "internal error: a generator statement ran outside a generator") }
        return state
    }

    struct ResumableStatement {
        let run: StmtCode
        let canSuspend: Bool
    }

    func resumableBlock(_ body: [Stmt]) -> StmtCode {
        guard body.containsYield else { return block(body) }
        blockDepth += 1
        defer { blockDepth -= 1 }
        // One statement: resuming the block is resuming it, no position to keep.
        if body.count == 1, let only = body.first { return resumableStatement(only) }
        let codes = body.map { s in
            s.containsYield ? ResumableStatement(run: resumableStatement(s), canSuspend: true)
                            : ResumableStatement(run: statement(s), canSuspend: false)
        }
        let slot = progressSlot()
        return { f in
            var i = f.resuming ? Compiler.position(f, slot) : 0
            while i < codes.count {
                let code = codes[i]
                if code.canSuspend { f[slot: slot] = .int(i) }
                let flow = try code.run(f)
                guard case .normal = flow else { return flow }
                i += 1
            }
            return .normal
        }
    }

    private func resumableStatement(_ s: Stmt) -> StmtCode {
        let line = s.range.start.line
        switch s.kind {
        case .expression(let e) where e.isDirectYield:
            return yieldStatement(e, targets: [], line: line)
        case .assign(let targets, let value) where value.isDirectYield && !targets.contains(where: \.containsYield):
            return yieldStatement(value, targets: targets, line: line)
        case .if(let test, let body, let orElse) where !test.containsYield:
            return resumableIf(test, body, orElse, s.range)
        case .while(let test, let body, let orElse) where !test.containsYield:
            return recordingLine(line, resumableWhile(test, body, orElse, s.range))
        case .for(let target, let iterable, let body, let orElse) where !target.containsYield && !iterable.containsYield:
            return resumableFor(target, iterable, body, orElse, line: line)
        case .with(let items, let body) where !items.contains(where: { $0.context.containsYield || ($0.target?.containsYield ?? false) }):
            return recordingLine(line, resumableWith(items, body))
        case .try(let t) where !t.handlers.contains(where: { $0.type?.containsYield ?? false }):
            return recordingLine(line, resumableTry(t))
        case .match(let subject, let cases):
            return resumableMatch(subject, cases, s.range)
        default:
            // Not reached for a statement holding a `yield` (YieldLowering shapes them all).
            return statement(s)
        }
    }

    /// `yield v`, `x = yield v`, `yield from it`, `x = yield from it`.
    private func yieldStatement(_ e: Expr, targets: [Expr], line: Int) -> StmtCode {
        let stores = targets.map { CompiledStore(run: assignment($0)) }
        if case .yieldFrom(let iterable) = e.kind {
            let delegation = yieldFrom(iterable)
            return { f in
                f.line = line
                guard let result = try delegation(f) else { return .suspended }
                for store in stores { try store.run(f, result) }
                return .normal
            }
        }
        guard case .yield(let operand) = e.kind else { return statement(Stmt(.expression(e), e.range)) }
        let value = operand.map(expression), range = e.range
        if stores.isEmpty, let value {
            // `yield v` alone, the commonest: what it receives is dropped.
            return { f in
                f.line = line
                if f.resuming {
                    _ = try Compiler.locatingErrors(at: range, in: f) { try Compiler.received(f) }
                    return .normal
                }
                f.returnValue = try value(f)
                return .suspended
            }
        }
        return { f in
            f.line = line
            if f.resuming {
                let received = try Compiler.locatingErrors(at: range, in: f) { try Compiler.received(f) }
                for store in stores { try store.run(f, received) }
                return .normal
            }
            f.returnValue = try value?(f) ?? .none
            return .suspended
        }
    }

    /// What the resumed `yield` evaluates to: the value sent in, or the exception thrown in raised.
    @inline(__always)
    private static func received(_ f: Frame) throws -> Value {
        let throwing = f.resumption == .throwing
        f.resumption = .notResuming
        if throwing { throw try generatorState(f).takeThrown() }
        let value = f.returnValue
        f.returnValue = .none
        return value
    }

    /// `yield from iterable`: its value once the sub-iterator is done (nil while suspended, the
    /// sub-iterator's value in the frame's `returnValue`).
    private func yieldFrom(_ iterable: Expr) -> (Frame) throws -> Value? {
        let source = expression(iterable), range = iterable.range
        let slot = progressSlot()
        return { f in
            let step: PyGeneratorObject.Step
            do {
                if f.resumption == .delegateReturned {
                    // The sub-generator ran without this body (see PyGeneratorObject.resume).
                    f.resumption = .notResuming
                    step = .returned(f.returnValue)
                    f.returnValue = .none
                } else if f.resuming, let delegate = f[slot: slot] {
                    let throwing = f.resumption == .throwing
                    f.resumption = .notResuming
                    let thrown = throwing ? try Compiler.generatorState(f).takeThrown() : nil
                    let sent = f.returnValue
                    f.returnValue = .none
                    step = try Delegation.resume(delegate, sending: sent, throwing: thrown)
                } else {
                    let value = try source(f)
                    let delegate = try Compiler.locatingErrors(at: range, in: f) { try Delegation.delegate(for: value) }
                    f[slot: slot] = delegate
                    step = try Delegation.resume(delegate, sending: .none, throwing: nil)
                }
            } catch {
                f[slot: slot] = nil
                try Compiler.generatorState(f).delegate = nil
                throw error
            }
            switch step {
            case .yielded(let v):
                f.returnValue = v
                if case .object(let g as PyGeneratorObject)? = f[slot: slot] {
                    try Compiler.generatorState(f).delegate = g
                    f.resumption = .delegating
                }
                return nil
            case .returned(let v):
                f[slot: slot] = nil
                try Compiler.generatorState(f).delegate = nil
                return v
            }
        }
    }

    private func resumableIf(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ range: SourceRange) -> StmtCode {
        let condition = truth(test, context: range), then = resumableBlock(body), otherwise = resumableBlock(orElse)
        let branch = progressSlot()
        let line = range.start.line
        return { f in
            f.line = line
            let takesBody: Bool
            if f.resuming {
                takesBody = Compiler.position(f, branch) == 1
            } else {
                takesBody = try condition(f)
                f[slot: branch] = .int(takesBody ? 1 : 0)
            }
            return try takesBody ? then(f) : otherwise(f)
        }
    }

    /// A `match` whose case bodies may suspend (YieldLowering leaves no `yield` in its subject or
    /// guards): the case chosen is kept for resuming its body.
    private func resumableMatch(_ subject: Expr, _ cases: [MatchCase], _ range: SourceRange) -> StmtCode {
        let choose = caseChooser(subject, cases, line: range.start.line)
        let bodies = cases.map { CompiledStatement(run: resumableBlock($0.body)) }
        let chosen = progressSlot()
        return { f in
            let i = f.resuming ? Compiler.position(f, chosen) : try choose(f) ?? -1
            f[slot: chosen] = .int(i)
            guard bodies.indices.contains(i) else { return .normal }
            return try bodies[i].run(f)
        }
    }

    /// What a loop does after its body ran: nil to go on, or the flow the loop statement ends with.
    @inline(__always)
    private static func loopExit(_ flow: Flow) -> Flow? {
        switch flow {
        case .normal, .continueLoop: return nil
        case .breakLoop: return .normal
        case .returned, .suspended: return flow
        }
    }

    private func resumableWhile(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ range: SourceRange) -> StmtCode {
        let condition = truth(test, context: range), code = resumableBlock(body), otherwise = resumableBlock(orElse)
        let inElse = progressSlot()
        let interpreter = interpreter
        return { f in
            if f.resuming {
                if Compiler.position(f, inElse) == 1 { return try otherwise(f) }
                if let exit = Compiler.loopExit(try code(f)) { return exit }
            } else {
                f[slot: inElse] = .int(0)
            }
            while try condition(f) {
                try interpreter.checkPendingEvents()
                if let exit = Compiler.loopExit(try code(f)) { return exit }
            }
            f[slot: inElse] = .int(1)
            return try otherwise(f)
        }
    }

    /// A `for` loop over a small range counts in slots (start, step, length, and the index of the
    /// next value: one write per value); any other iterable's iterator is kept in a slot.
    private func resumableFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], line: Int) -> StmtCode {
        let source = expression(iterable), store = assignment(target), counter = variable(target)
        let code = resumableBlock(body), otherwise = resumableBlock(orElse)
        let iteratorSlot = progressSlot(), startSlot = progressSlot(), stepSlot = progressSlot()
        let countSlot = progressSlot(), indexSlot = progressSlot()
        let inElse = progressSlot()
        let interpreter = interpreter, range = iterable.range
        return { f in
            f.line = line
            if f.resuming {
                if Compiler.position(f, inElse) == 1 { return try otherwise(f) }
                if let exit = Compiler.loopExit(try code(f)) {
                    if exit != .suspended { f[slot: iteratorSlot] = nil }
                    return exit
                }
            } else {
                let iterated = try source(f)
                f[slot: inElse] = .int(0)
                if case .object(let r as PyRange) = iterated, let small = r.small {
                    f[slot: iteratorSlot] = nil
                    f[slot: startSlot] = .int(small.start)
                    f[slot: stepSlot] = .int(small.step)
                    f[slot: countSlot] = .int(small.count)
                    f[slot: indexSlot] = .int(0)
                } else {
                    f[slot: iteratorSlot] = .object(try Compiler.locatingErrors(at: range, in: f) { try Iteration.iterator(iterated) })
                }
            }
            while true {
                f.line = line
                let item: Value
                if case .object(let iterator as PyIterator)? = f[slot: iteratorSlot] {
                    guard let next = try iterator.next() else { break }
                    item = next
                } else {
                    let index = Compiler.position(f, indexSlot)
                    guard index < Compiler.position(f, countSlot) else { break }
                    f[slot: indexSlot] = .int(index + 1)
                    // The range's own elements: no overflow.
                    item = .int(Compiler.position(f, startSlot) &+ index &* Compiler.position(f, stepSlot))
                }
                try interpreter.checkPendingEvents()
                // Not `if let`: binding the variable would copy it (a retain) every iteration.
                if counter == nil { try store(f, item) } else { counter?.set(item, in: f) }
                if let exit = Compiler.loopExit(try code(f)) {
                    if exit != .suspended { f[slot: iteratorSlot] = nil }
                    return exit
                }
            }
            f[slot: iteratorSlot] = nil
            f[slot: inElse] = .int(1)
            return try otherwise(f)
        }
    }

    private func resumableWith(_ items: [WithItem], _ body: [Stmt]) -> StmtCode {
        guard let first = items.first else { return resumableBlock(body) }
        let inner = items.count > 1 ? resumableWith(Array(items.dropFirst()), body) : resumableBlock(body)
        let context = expression(first.context), target = first.target.map(assignment)
        let range = first.context.range
        let slot = progressSlot()
        let interpreter = interpreter
        return { f in
            let manager: PyContextManager
            if let suspended: PyContextManager = Compiler.resumed(f, slot) {
                manager = suspended
            } else {
                manager = try Compiler.locatingErrors(at: range, in: f) { try ContextManagers.resolve(try context(f), interpreter) }
                let entered = try Compiler.locatingErrors(at: range, in: f) { try manager.enter() }
                f[slot: slot] = .object(manager)
                do {
                    try target?(f, entered)
                } catch {
                    f[slot: slot] = nil
                    return try Compiler.exiting(manager, after: error, in: f)
                }
            }
            let flow: Flow
            do {
                flow = try inner(f)
            } catch {
                f[slot: slot] = nil
                return try Compiler.exiting(manager, after: error, in: f)
            }
            if flow == .suspended { return flow }
            f[slot: slot] = nil
            _ = try manager.exit(after: nil)
            return flow
        }
    }

    private func resumableTry(_ t: TryStatement) -> StmtCode {
        let body = resumableBlock(t.body), orElse = resumableBlock(t.orElse), finally = resumableBlock(t.finally)
        let handlers = handlers(of: t, resumableBlock)
        let hasFinally = !t.finally.isEmpty
        let slot = progressSlot()
        let origin = origin
        let star = t.isStar ? interpreter : nil
        return { f in
            let progress: TryProgress = Compiler.resumed(f, slot) ?? TryProgress()
            f[slot: slot] = .object(progress)
            var outcome: Result<Flow, any Error>
            let resumingFinally: Bool
            if case .finally = progress.clause {
                outcome = progress.pending
                resumingFinally = true
            } else {
                resumingFinally = false
                outcome = Result { try Compiler.runClauses(progress, body, orElse, handlers, f, origin, star: star) }
                if case .success(.suspended) = outcome { return .suspended }
                progress.clause = .finally
                progress.pending = outcome
                progress.raisedAt = (f.line, f.errorSpan)
            }
            if hasFinally {
                var propagating: PyError?
                if case .failure(let error as PyError) = outcome { propagating = error }
                if let propagating, !resumingFinally { Compiler.enterFinally(propagating, progress, f, origin) }
                let finalFlow: Flow
                do {
                    finalFlow = try finally(f)
                } catch var next as PyError where propagating != nil {
                    f.handling = progress.outerHandling
                    if let handled = progress.handled { next.chainIfRaisedAnew(during: handled) }
                    throw next
                } catch {
                    if propagating != nil { f.handling = progress.outerHandling }
                    throw error
                }
                if finalFlow == .suspended { return .suspended }
                if propagating != nil { f.handling = progress.outerHandling }
                if finalFlow != .normal { outcome = .success(finalFlow) }
                // An error's traceback entry in this frame is where it was raised, not the
                // `finally` block's last line.
                if case .failure = outcome { (f.line, f.errorSpan) = progress.raisedAt }
            }
            f[slot: slot] = nil
            return try outcome.get()
        }
    }

    /// Makes `error`, going through a `finally` block, the exception being handled in it (kept
    /// while the block is suspended), as `Compiler.handling` does outside generators.
    private static func enterFinally(_ error: PyError, _ progress: TryProgress, _ f: Frame, _ origin: CodeOrigin) {
        let (line, span) = progress.raisedAt
        progress.handled = error.caught(at: origin.entry(line: line, function: f.name, span: span))
        progress.outerHandling = f.handling
        f.handling = (error, line, span)
    }

    /// A `try` statement's body, `else` and handlers, from the clause `progress` is in.
    /// `star`: the interpreter, for `except*` clauses (nil for `except` ones).
    private static func runClauses(_ progress: TryProgress, _ body: StmtCode, _ orElse: StmtCode,
                                   _ handlers: [CompiledHandler], _ f: Frame, _ origin: CodeOrigin,
                                   star: Interpreter?) throws -> Flow {
        if case .body = progress.clause {
            let flow: Flow
            do {
                flow = try body(f)
            } catch let raised as PyError {
                if let interpreter = star {
                    progress.starHandling = ExceptStarHandling(raised, f, origin)
                    return try runStarClauses(progress, handlers, f, origin, interpreter)
                }
                guard let index = try matchingHandler(raised, handlers.map { ($0.type, $0.range) }, f, origin: origin) else {
                    throw raised
                }
                let raised = chainedToHandled(raised, in: f)
                progress.clause = .handler(index)
                progress.outerHandling = f.handling
                f.handling = (raised, f.line, f.errorSpan)
                let handled = raised.caught(at: origin.entry(line: f.line, function: f.name, span: f.errorSpan))
                progress.handled = handled
                f.errorSpan = nil
                do {
                    try handlers[index].store?(f, .object(raised.exception))
                } catch {
                    endHandler(progress, handlers[index], f)
                    throw error
                }
                return try runHandler(progress, handlers[index], f)
            }
            guard case .normal = flow else { return flow }
            progress.clause = .orElse
        }
        switch progress.clause {
        case .orElse: return try orElse(f)
        case .handler(let index):
            if let interpreter = star { return try runStarClauses(progress, handlers, f, origin, interpreter) }
            return try runHandler(progress, handlers[index], f)
        case .body, .finally: return .normal
        }
    }

    private static func runHandler(_ progress: TryProgress, _ handler: CompiledHandler, _ f: Frame) throws -> Flow {
        let flow: Flow
        do {
            flow = try handler.body(f)
        } catch var next as PyError {
            endHandler(progress, handler, f)
            if let handled = progress.handled { next.chainIfRaisedAnew(during: handled) }
            throw next
        } catch {
            endHandler(progress, handler, f)
            throw error
        }
        if flow != .suspended { endHandler(progress, handler, f) }
        return flow
    }

    /// The frame's handling state as before the handler, and its `as` name deleted.
    private static func endHandler(_ progress: TryProgress, _ handler: CompiledHandler, _ f: Frame) {
        f.handling = progress.outerHandling
        handler.unbind?(f)
    }
}

/// `yield from`'s sub-iterator: a generator, whose `send`, `throw` and `close` are passed on,
/// or any other iterator, which is only advanced.
enum Delegation {
    static func delegate(for value: Value) throws -> Value {
        if case .object(let g as PyGeneratorObject) = value { return .object(g) }
        return .object(try Iteration.iterator(value))
    }

    static func resume(_ delegate: Value, sending value: Value, throwing thrown: PyError?) throws -> PyGeneratorObject.Step {
        switch delegate {
        case .object(let g as PyGeneratorObject):
            if let thrown, thrown.type.isSubclass(of: PyExc.generatorExit) {
                try g.close()
                throw thrown
            }
            return try g.resume(sending: value, throwing: thrown)
        case .object(let it as PyIterator):
            if let thrown { throw thrown }
            guard value.isNone else { throw PyError.attribute("'\(it.typeName)' object has no attribute 'send'") }
            if let v = try it.next() { return .yielded(v) }
            return .returned(.none)
        default:
            throw PyError(PyExc.systemError, "internal error: 'yield from' lost its iterator")
        }
    }
}
