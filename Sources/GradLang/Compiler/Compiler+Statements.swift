/// Statements: each compiles to a closure that sets the frame's line (for tracebacks) and runs.
extension Compiler {
    func block(_ body: [Stmt]) -> StmtCode {
        blockDepth += 1
        defer { blockDepth -= 1 }
        // Wrapped in a struct: closures kept directly in an array are stored at the most general
        // abstraction and every call would go through a conversion thunk.
        let codes = body.map { CompiledStatement(run: statement($0)) }
        switch codes.count {
        case 0: return { _ in .normal }
        case 1: return codes[0].run
        // After each statement of a longer block, the generators it freed are closed (see
        // GeneratorFinalizers): one load when there are none.
        case 2:
            let first = codes[0].run, second = codes[1].run
            return { f in
                let flow = try first(f)
                if GeneratorFinalizers.arePending { GeneratorFinalizers.run() }
                guard case .normal = flow else { return flow }
                let last = try second(f)
                if GeneratorFinalizers.arePending { GeneratorFinalizers.run() }
                return last
            }
        default:
            return { f in
                for code in codes {
                    let flow = try code.run(f)
                    if GeneratorFinalizers.arePending { GeneratorFinalizers.run() }
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    struct CompiledStatement {
        let run: StmtCode
    }

    /// A statement's code, with the learner lints' check when it updates a parameter (Lints/).
    func statement(_ s: Stmt) -> StmtCode {
        linted(s, unlintedStatement(s))
    }

    /// A statement's code, which first records its line in the frame (for tracebacks). The
    /// commonest statements do that inside their own closure; the rest get a wrapper.
    private func unlintedStatement(_ s: Stmt) -> StmtCode {
        let line = s.range.start.line
        switch s.kind {
        case .expression(let e):
            let value = expression(e)
            if echoExpressions && scope.kind == .module && blockDepth == 1 {
                let interpreter = interpreter
                return { f in
                    f.line = line
                    let v = try value(f)
                    if !v.isNone {
                        interpreter.builtinTable["_"] = v
                        try interpreter.writeOutput(try Repr.checkedRepr(v) + "\n")
                    }
                    return .normal
                }
            }
            return { f in f.line = line; _ = try value(f); return .normal }
        case .assign(let targets, let value):
            let v = expression(value)
            if targets.count == 1, let target = targets.first, let variable = variable(target) {
                return { f in f.line = line; variable.set(try v(f), in: f); return .normal }
            }
            if targets.count == 1, let target = targets.first {
                let store = assignment(target)
                return { f in f.line = line; try store(f, try v(f)); return .normal }
            }
            let stores = targets.map { CompiledStore(run: assignment($0)) }
            return { f in
                f.line = line
                let value = try v(f)
                for store in stores { try store.run(f, value) }
                return .normal
            }
        case .augmentedAssign(let target, let op, let value):
            return augmentedAssignment(target, op, value, line: line)
        case .if(let test, let body, let orElse):
            let condition = truth(test, context: s.range), then = block(body), otherwise = block(orElse)
            return { f in
                f.line = line
                return try condition(f) ? try then(f) : try otherwise(f)
            }
        case .annotatedAssign(let target, let annotation, let value):
            if scope.kind == .classBody, case .name(let name) = target.kind {
                return classAnnotation(target, named: name, annotation, value, line: line)
            }
            guard let value else { return { _ in .normal } }
            let v = expression(value), store = assignment(target)
            return { f in f.line = line; try store(f, try v(f)); return .normal }
        case .while(let test, let body, let orElse):
            return recordingLine(line, whileLoop(test, body, orElse, s.range))
        case .for(let target, let iterable, let body, let orElse):
            return recordingLine(line, forLoop(target, iterable, body, orElse, line: line))
        // These cannot fail, but an interrupt arriving in the loop around them reports their line.
        case .break: return { f in f.line = line; return .breakLoop }
        case .continue: return { f in f.line = line; return .continueLoop }
        case .pass, .global, .nonlocal: return { f in f.line = line; return .normal }
        case .functionDefinition(let def):
            return recordingLine(line, functionDefinition(def, s.range))
        case .classDefinition(let def):
            return recordingLine(line, classDefinition(def, s.range))
        case .return(let e):
            guard let e else { return { f in f.line = line; f.returnValue = .none; return .returned } }
            let v = expression(e)
            return { f in f.line = line; f.returnValue = try v(f); return .returned }
        case .with(let items, let body):
            return recordingLine(line, withStatement(items, body))
        case .import(let names):
            return recordingLine(line, importStatement(names))
        case .importFrom(let module, let names, _):
            return recordingLine(line, importFrom(module ?? "", names))
        case .delete(let targets):
            let deletions = targets.map(deletion)
            return { f in
                f.line = line
                for d in deletions { try d(f) }
                return .normal
            }
        case .assert(let test, let message):
            return recordingLine(line, assertStatement(test, message, s.range))
        case .try(let t):
            return recordingLine(line, t.isStar ? exceptStarStatement(t) : tryStatement(t))
        case .raise(let exception, let cause):
            return recordingLine(line, raiseStatement(exception, cause))
        case .match(let subject, let cases):
            return matchStatement(subject, cases, line: line)
        }
    }

    /// `code`, run after recording `line` in the frame (for the statements whose closures do not
    /// record it themselves).
    func recordingLine(_ line: Int, _ code: @escaping StmtCode) -> StmtCode {
        { f in
            f.line = line
            return try code(f)
        }
    }

    struct CompiledStore {
        let run: Store
    }

    private func whileLoop(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ statement: SourceRange) -> StmtCode {
        let condition = truth(test, context: statement), code = block(body), otherwise = block(orElse)
        let interpreter = interpreter
        // CPython notices Ctrl-C at the jump back to the condition: its traceback shows the `while`
        // line, marking the condition unless it is a constant (`while True:`).
        let line = statement.start.line
        var backEdge = test.range
        if case .constant = test.kind { backEdge = statement }
        return { f in
            while try condition(f) {
                if PendingEvents.any {
                    f.line = line
                    try Compiler.locatingErrors(at: backEdge, in: f) { try interpreter.checkPendingEvents() }
                }
                switch try code(f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                case .suspended: return .suspended
                case .normal, .continueLoop: continue
                }
            }
            return try otherwise(f)
        }
    }

    private func forLoop(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], line: Int) -> StmtCode {
        let source = expression(iterable), store = assignment(target), code = block(body), otherwise = block(orElse)
        let interpreter = interpreter
        let range = iterable.range
        let counter = variable(target)
        /// One pass of the body with the target bound to `item`: how the loop ends, if it ends there.
        @inline(__always) func pass(_ f: Frame, _ item: consuming Value) throws -> Flow? {
            try interpreter.checkPendingEvents()
            // Not `if let`: binding the variable would copy it (a retain) every pass.
            if counter == nil { try store(f, item) } else { counter?.set(item, in: f) }
            switch try code(f) {
            case .breakLoop: return .normal
            case .returned: return .returned
            case .suspended: return .suspended
            case .normal, .continueLoop: return nil
            }
        }
        // `for i in range(n)` is the hottest loop there is: count without building an iterator;
        // `for ch in text` and `for x in a_list` walk their elements without one either.
        return { f in
            let iterated = try source(f)
            if case .object(let r as PyRange) = iterated, let small = r.small {
                var i = small.start
                for _ in 0..<small.count {
                    try interpreter.checkPendingEvents()
                    // Not `if let`: binding the variable would copy it (a retain) every iteration.
                    if counter == nil { try store(f, .int(i)) } else { counter?.set(.int(i), in: f) }
                    i &+= small.step
                    switch try code(f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    case .suspended: return .suspended
                    case .normal, .continueLoop: continue
                    }
                }
                return try otherwise(f)
            }
            if case .str(let s) = iterated {
                var characters = s.characters
                while let ch = characters.next() {
                    if let end = try pass(f, .str(consume ch)) { return end }
                }
                return try otherwise(f)
            }
            // Element i is read at step i, so that a list changed in the loop is seen, as CPython's
            // list iterator reads it.
            if case .object(let list as PyList) = iterated {
                var i = 0
                while let item = list.items.element(at: i) {
                    i += 1
                    if let end = try pass(f, item) { return end }
                }
                return try otherwise(f)
            }
            if case .object(let tuple as PyTuple) = iterated {
                for item in tuple.items {
                    if let end = try pass(f, item) { return end }
                }
                return try otherwise(f)
            }
            // A generator is resumed directly, not through an iterator object.
            let next: () throws -> Value?
            if case .object(let generator as PyGeneratorObject) = iterated {
                next = generator.next
            } else {
                next = try Compiler.locatingErrors(at: range, in: f) { try Iteration.iterator(iterated) }.next
            }
            while true {
                // An error in the iterator (a generator's body) is reported at the `for` line.
                f.line = line
                guard let item = try next() else { break }
                if let end = try pass(f, item) { return end }
            }
            return try otherwise(f)
        }
    }

    private func assertStatement(_ test: Expr, _ message: Expr?, _ statement: SourceRange) -> StmtCode {
        let condition = truth(test, context: statement), text = message.map(expression)
        let range = test.range
        return { f in
            if try condition(f) { return .normal }
            let args = try text.map { [try $0(f)] } ?? []
            throw Compiler.located(PyError(exception: PyExceptionObject(type: PyExc.assertionError, args: args)), range, f)
        }
    }
}
