/// Generator functions. Their bodies compile in a resumable mode: a statement that can reach a
/// `yield` keeps its progress in the frame's GeneratorState, so that running the body again
/// with `resuming` set skips straight back to the suspended `yield` (no thread and no stack of
/// its own per generator). Statements without a `yield` compile as anywhere else. YieldLowering
/// has already put every `yield` it could into one of the two forms taken here: a statement of
/// its own, or the whole value of an assignment.
extension Compiler {
    /// The body of a generator function: calling the function makes a generator over its frame.
    func generatorBody(_ body: [Stmt], name: String, qualifiedName: String, definedAt line: Int) -> StmtCode {
        let layout = GeneratorLayout()
        let outer = generatorLayout
        generatorLayout = layout
        let code = resumableBlock(body)
        generatorLayout = outer
        let filename = filename, interpreter = interpreter
        return { f in
            if let unsupported = layout.unsupported {
                f.line = unsupported.start.line
                throw Compiler.located(PyError(PyExc.notImplementedError, "grad does not support yield here yet"), unsupported, f)
            }
            f.generator = GeneratorState(layout)
            f.line = line
            f.returnValue = .object(PyGeneratorObject(frame: f, body: code, name: name, qualifiedName: qualifiedName,
                                                filename: filename, interpreter: interpreter))
            return .returned
        }
    }

    /// A `yield` that YieldLowering left inside an expression: calling its function reports it.
    func unsupportedYield(_ range: SourceRange) -> ExprCode {
        if generatorLayout?.unsupported == nil { generatorLayout?.unsupported = range }
        return { f in throw Compiler.located(PyError(PyExc.notImplementedError, "grad does not support yield here yet"), range, f) }
    }

    private var layout: GeneratorLayout {
        if let generatorLayout { return generatorLayout }
        // Only generator bodies compile resumably; a fresh layout keeps this total.
        let fresh = GeneratorLayout()
        generatorLayout = fresh
        return fresh
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
        let codes = body.map { s in
            s.containsYield ? ResumableStatement(run: resumableStatement(s), canSuspend: true)
                            : ResumableStatement(run: statement(s), canSuspend: false)
        }
        let position = layout.place(\.positions)
        return { f in
            let state = try Compiler.generatorState(f)
            var i = state.resuming ? state.positions[position] : 0
            while i < codes.count {
                let code = codes[i]
                if code.canSuspend { state.positions[position] = i }
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
            return recordingLine(line, resumableFor(target, iterable, body, orElse, line: line))
        case .with(let items, let body) where !items.contains(where: { $0.context.containsYield || ($0.target?.containsYield ?? false) }):
            return recordingLine(line, resumableWith(items, body))
        case .try(let t) where !t.handlers.contains(where: { $0.type?.containsYield ?? false }):
            return recordingLine(line, resumableTry(t))
        default:
            // Compiled as usual: its `yield` is compiled by `unsupportedYield`.
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
        return { f in
            f.line = line
            let state = try Compiler.generatorState(f)
            if state.resuming {
                let received = try Compiler.locatingErrors(at: range, in: f) { try state.received() }
                for store in stores { try store.run(f, received) }
                return .normal
            }
            state.yielded = try value?(f) ?? .none
            return .suspended
        }
    }

    /// `yield from iterable`: its value once the sub-iterator is done (nil while suspended, the
    /// sub-iterator's value in the state's `yielded`).
    private func yieldFrom(_ iterable: Expr) -> (Frame) throws -> Value? {
        let source = expression(iterable), range = iterable.range
        let place = layout.place(\.delegates)
        return { f in
            let state = try Compiler.generatorState(f)
            let step: PyGeneratorObject.Step
            do {
                if state.resuming, let delegate = state.delegates[place] {
                    state.resuming = false
                    let sent = state.sent, thrown = state.thrown
                    state.sent = .none
                    state.thrown = nil
                    step = try Delegation.resume(delegate, sending: sent, throwing: thrown)
                } else {
                    let value = try source(f)
                    let delegate = try Compiler.locatingErrors(at: range, in: f) { try Delegation.delegate(for: value) }
                    state.delegates[place] = delegate
                    step = try Delegation.resume(delegate, sending: .none, throwing: nil)
                }
            } catch {
                state.delegates[place] = nil
                throw error
            }
            switch step {
            case .yielded(let v):
                state.yielded = v
                return nil
            case .returned(let v):
                state.delegates[place] = nil
                return v
            }
        }
    }

    private func resumableIf(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ range: SourceRange) -> StmtCode {
        let condition = truth(test, context: range), then = resumableBlock(body), otherwise = resumableBlock(orElse)
        let branch = layout.place(\.positions)
        let line = range.start.line
        return { f in
            f.line = line
            let state = try Compiler.generatorState(f)
            let takesBody: Bool
            if state.resuming {
                takesBody = state.positions[branch] == 1
            } else {
                takesBody = try condition(f)
                state.positions[branch] = takesBody ? 1 : 0
            }
            return try takesBody ? then(f) : otherwise(f)
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
        let inElse = layout.place(\.positions)
        let interpreter = interpreter
        return { f in
            let state = try Compiler.generatorState(f)
            if state.resuming {
                if state.positions[inElse] == 1 { return try otherwise(f) }
                if let exit = Compiler.loopExit(try code(f)) { return exit }
            } else {
                state.positions[inElse] = 0
            }
            while try condition(f) {
                try interpreter.checkInterrupt()
                if let exit = Compiler.loopExit(try code(f)) { return exit }
            }
            state.positions[inElse] = 1
            return try otherwise(f)
        }
    }

    private func resumableFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], line: Int) -> StmtCode {
        let source = expression(iterable), store = assignment(target)
        let code = resumableBlock(body), otherwise = resumableBlock(orElse)
        let loop = layout.place(\.loops), inElse = layout.place(\.positions)
        let interpreter = interpreter, range = iterable.range
        return { f in
            let state = try Compiler.generatorState(f)
            if state.resuming {
                if state.positions[inElse] == 1 { return try otherwise(f) }
                if let exit = Compiler.loopExit(try code(f)) {
                    if exit != .suspended { state.iterators[loop] = nil }
                    return exit
                }
            } else {
                let iterated = try source(f)
                state.positions[inElse] = 0
                if case .object(let r as PyRange) = iterated, let small = r.small {
                    state.iterators[loop] = nil
                    state.ranges[loop] = RangeProgress(next: small.start, step: small.step, remaining: small.count)
                } else {
                    state.iterators[loop] = try Compiler.locatingErrors(at: range, in: f) { try Iteration.iterator(iterated) }
                }
            }
            while true {
                f.line = line
                let item: Value
                if let iterator = state.iterators[loop] {
                    guard let next = try iterator.next() else { break }
                    item = next
                } else {
                    let progress = state.ranges[loop]
                    guard progress.remaining > 0 else { break }
                    state.ranges[loop] = RangeProgress(next: progress.next &+ progress.step, step: progress.step,
                                                       remaining: progress.remaining - 1)
                    item = .int(progress.next)
                }
                try interpreter.checkInterrupt()
                try store(f, item)
                if let exit = Compiler.loopExit(try code(f)) {
                    if exit != .suspended { state.iterators[loop] = nil }
                    return exit
                }
            }
            state.iterators[loop] = nil
            state.positions[inElse] = 1
            return try otherwise(f)
        }
    }

    private func resumableWith(_ items: [WithItem], _ body: [Stmt]) -> StmtCode {
        guard let first = items.first else { return resumableBlock(body) }
        let inner = items.count > 1 ? resumableWith(Array(items.dropFirst()), body) : resumableBlock(body)
        let context = expression(first.context), target = first.target.map(assignment)
        let range = first.context.range
        let place = layout.place(\.managers)
        let interpreter = interpreter
        return { f in
            let state = try Compiler.generatorState(f)
            let manager: PyContextManager
            if state.resuming, let suspended = state.managers[place] {
                manager = suspended
            } else {
                manager = try Compiler.locatingErrors(at: range, in: f) { try ContextManagers.resolve(try context(f), interpreter) }
                let entered = try Compiler.locatingErrors(at: range, in: f) { try manager.enter() }
                state.managers[place] = manager
                do {
                    try target?(f, entered)
                } catch {
                    state.managers[place] = nil
                    try manager.exit()
                    throw error
                }
            }
            let flow: Flow
            do {
                flow = try inner(f)
            } catch {
                state.managers[place] = nil
                try manager.exit()
                throw error
            }
            if flow == .suspended { return flow }
            state.managers[place] = nil
            try manager.exit()
            return flow
        }
    }

    private func resumableTry(_ t: TryStatement) -> StmtCode {
        let body = resumableBlock(t.body), orElse = resumableBlock(t.orElse), finally = resumableBlock(t.finally)
        let handlers = t.handlers.map {
            CompiledHandler(type: $0.type.map(expression), store: $0.name.map(store), unbind: $0.name.map(unbind),
                            body: resumableBlock($0.body), range: $0.range)
        }
        let hasFinally = !t.finally.isEmpty
        let place = layout.place(\.tries)
        let filename = filename
        return { f in
            let state = try Compiler.generatorState(f)
            let progress: TryProgress
            if state.resuming, let suspended = state.tries[place] {
                progress = suspended
            } else {
                progress = TryProgress()
                state.tries[place] = progress
            }
            var outcome: Result<Flow, any Error>
            if case .finally = progress.clause {
                outcome = progress.pending
            } else {
                outcome = Result { try Compiler.runClauses(progress, body, orElse, handlers, f, filename) }
                if case .success(.suspended) = outcome { return .suspended }
                progress.clause = .finally
                progress.pending = outcome
            }
            if hasFinally {
                let finalFlow = try finally(f)
                if finalFlow == .suspended { return .suspended }
                if finalFlow != .normal { outcome = .success(finalFlow) }
            }
            state.tries[place] = nil
            return try outcome.get()
        }
    }

    struct CompiledHandler {
        let type: ExprCode?
        let store: Store?
        let unbind: ((Frame) -> Void)?
        let body: StmtCode
        let range: SourceRange
    }

    /// A `try` statement's body, `else` and handlers, from the clause `progress` is in.
    private static func runClauses(_ progress: TryProgress, _ body: StmtCode, _ orElse: StmtCode,
                                   _ handlers: [CompiledHandler], _ f: Frame, _ filename: String) throws -> Flow {
        if case .body = progress.clause {
            let flow: Flow
            do {
                flow = try body(f)
            } catch let raised as PyError {
                guard let index = try matchingHandler(raised, handlers.map { ($0.type, $0.range) }, f) else { throw raised }
                progress.clause = .handler(index)
                progress.outerHandling = f.handling
                f.handling = (raised, f.line, f.errorSpan)
                var handled = raised
                handled.traceback.append(TraceEntry(file: filename, line: f.line, function: f.name, span: f.errorSpan))
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
        case .handler(let index): return try runHandler(progress, handlers[index], f)
        case .body, .finally: return .normal
        }
    }

    private static func runHandler(_ progress: TryProgress, _ handler: CompiledHandler, _ f: Frame) throws -> Flow {
        let flow: Flow
        do {
            flow = try handler.body(f)
        } catch var next as PyError {
            endHandler(progress, handler, f)
            if let handled = progress.handled, next.exception !== handled.exception, next.context == nil {
                next.context = PyError.Chained(handled)
            }
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
