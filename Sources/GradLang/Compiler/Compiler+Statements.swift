/// Statements: each compiles to a closure that sets the frame's line (for tracebacks) and runs.
extension Compiler {
    func block(_ body: [Stmt]) -> StmtCode {
        let codes = body.map(statement)
        switch codes.count {
        case 0: return { _ in .normal }
        case 1: return codes[0]
        default:
            return { f in
                for code in codes {
                    let flow = try code(f)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    func statement(_ s: Stmt) -> StmtCode {
        let line = s.range.start.line
        let code = statementBody(s)
        return { f in
            f.line = line
            return try code(f)
        }
    }

    private func statementBody(_ s: Stmt) -> StmtCode {
        switch s.kind {
        case .expression(let e):
            let value = expression(e)
            if echoExpressions && scope.kind == .module {
                let interpreter = interpreter
                return { f in
                    let v = try value(f)
                    if !v.isNone {
                        interpreter.builtins["_"] = v
                        interpreter.writeOutput(Repr.repr(v) + "\n")
                    }
                    return .normal
                }
            }
            return { f in _ = try value(f); return .normal }
        case .assign(let targets, let value):
            let v = expression(value)
            let stores = targets.map(assignment)
            if stores.count == 1, let store = stores.first {
                return { f in try store(f, try v(f)); return .normal }
            }
            return { f in
                let value = try v(f)
                for store in stores { try store(f, value) }
                return .normal
            }
        case .augmentedAssign(let target, let op, let value):
            return augmentedAssignment(target, op, value)
        case .annotatedAssign(let target, _, let value):
            guard let value else { return { _ in .normal } }
            let v = expression(value), store = assignment(target)
            return { f in try store(f, try v(f)); return .normal }
        case .if(let test, let body, let orElse):
            return ifStatement(test, body, orElse)
        case .while(let test, let body, let orElse):
            return whileLoop(test, body, orElse)
        case .for(let target, let iterable, let body, let orElse):
            return forLoop(target, iterable, body, orElse)
        case .break: return { _ in .breakLoop }
        case .continue: return { _ in .continueLoop }
        case .pass: return { _ in .normal }
        case .functionDefinition(let def):
            return functionDefinition(def, s.range)
        case .return(let e):
            guard let e else { return { f in f.returnValue = .none; return .returned } }
            let v = expression(e)
            return { f in f.returnValue = try v(f); return .returned }
        case .with(let items, let body):
            return withStatement(items, body)
        case .import(let names):
            return importStatement(names)
        case .importFrom(let module, let names, _):
            return importFrom(module ?? "", names)
        case .global, .nonlocal:
            return { _ in .normal }
        case .delete(let targets):
            let deletions = targets.map(deletion)
            return { f in
                for d in deletions { try d(f) }
                return .normal
            }
        case .assert(let test, let message):
            return assertStatement(test, message)
        case .try(let t):
            return tryStatement(t)
        case .raise(let exception, let cause):
            return raiseStatement(exception, cause)
        }
    }

    private func ifStatement(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt]) -> StmtCode {
        let condition = truth(test), then = block(body), otherwise = block(orElse)
        return { f in try condition(f) ? try then(f) : try otherwise(f) }
    }

    private func whileLoop(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt]) -> StmtCode {
        let condition = truth(test), code = block(body), otherwise = block(orElse)
        let interpreter = interpreter
        return { f in
            while try condition(f) {
                try interpreter.checkInterrupt()
                switch try code(f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                case .normal, .continueLoop: continue
                }
            }
            return try otherwise(f)
        }
    }

    private func forLoop(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt]) -> StmtCode {
        let source = expression(iterable), store = assignment(target), code = block(body), otherwise = block(orElse)
        let interpreter = interpreter
        let range = iterable.range
        // `for i in range(n)` is the hottest loop there is: count without building an iterator.
        return { f in
            let iterated = try source(f)
            if case .object(let r as PyRange) = iterated {
                var i = r.start
                let n = r.count
                for _ in 0..<n {
                    try interpreter.checkInterrupt()
                    try store(f, .int(i))
                    i &+= r.step
                    switch try code(f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    case .normal, .continueLoop: continue
                    }
                }
                return try otherwise(f)
            }
            let iterator = try Compiler.at(range, f) { try Iteration.iterator(iterated) }
            while let item = try iterator.next() {
                try interpreter.checkInterrupt()
                try store(f, item)
                switch try code(f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                case .normal, .continueLoop: continue
                }
            }
            return try otherwise(f)
        }
    }

    private func assertStatement(_ test: Expr, _ message: Expr?) -> StmtCode {
        let condition = expression(test), text = message.map(expression)
        let range = test.range
        return { f in
            if try Operators.truthy(try condition(f)) { return .normal }
            let args = try text.map { [try $0(f)] } ?? []
            throw Compiler.located(PyError(exception: PyExceptionObject(type: PyExc.assertionError, args: args)), range, f)
        }
    }

    /// An expression used as a condition, reduced to a Swift Bool.
    func truth(_ e: Expr) -> (Frame) throws -> Bool {
        let v = expression(e)
        let range = e.range
        return { f in
            let value = try v(f)
            if case .bool(let b) = value { return b }
            return try Compiler.at(range, f) { try Operators.truthy(value) }
        }
    }
}
