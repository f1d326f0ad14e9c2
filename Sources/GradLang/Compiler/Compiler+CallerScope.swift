/// Calls of the built-ins that read their caller's namespaces (`globals()`, `locals()`, `vars()`,
/// `eval(...)`, `exec(...)`): grad's frames do not know their variables' names, so the call site,
/// compiled where they are known, tells the built-in (Interpreter.callerScope).
extension Compiler {
    /// The call when `callee` names one of those built-ins and is not a local variable; nil
    /// otherwise. Another value bound to the name is called as usual.
    func callerScopeCall(_ callee: Expr, _ arguments: [Argument], _ range: SourceRange) -> ExprCode? {
        guard case .name(let name) = callee.kind, CallerScope.readers.contains(name) else { return nil }
        switch scope.resolve(name) {
        case .local, .cell: return nil
        case .global, .classNamespace: break
        }
        guard case .object(let builtin)? = interpreter.builtinTable[name] else { return nil }
        let function = expression(callee)
        let args = argumentList(arguments, nil, range)
        let locals = localsSnapshot()
        let interpreter = interpreter, globals = globals
        return { f in
            let fn = try function(f)
            let a = try args(f, nil)
            if case .object(let o) = fn, o === builtin {
                interpreter.callerScope = CallerScope(globals: globals, locals: locals.map { snapshot in { try snapshot(f) } })
            }
            defer { interpreter.callerScope = nil }
            return try Compiler.locatingErrors(at: range, in: f) { try interpreter.call(fn, a) }
        }
    }

    /// What `locals()` gives in the scope being compiled: in a function, the frame's locals dict
    /// with the bound variables' current values in CPython's order (parameters, other locals,
    /// cells, free variables); in a class body, a new dict of its namespace, which reads the
    /// names bound there at the time and whose changes are made to the namespace (what `exec`
    /// defines there); nil at module level.
    private func localsSnapshot() -> ((Frame) throws -> PyDict)? {
        switch scope.kind {
        case .module:
            return nil
        case .classBody:
            return { f in
                let d = PyDict()
                // Empty until first read, when it catches up with the namespace.
                if let namespace = f.classNamespace { d.owner = .classBody(namespace) }
                return d
            }
        case .function:
            let variables = scope.localsOrder.map { ($0, scope.resolve($0)) }
            return { f in
                let d = f.localsDict ?? PyDict()
                f.localsDict = d
                for (name, resolution) in variables {
                    let value: Value?
                    switch resolution {
                    case .local(let i): value = f[slot: i]
                    case .cell(let i): value = f.cells[i].value
                    case .global, .classNamespace: value = nil
                    }
                    if let value { try d.set(.str(name), value) } else { try d.remove(.str(name)) }
                }
                return d
            }
        }
    }
}
