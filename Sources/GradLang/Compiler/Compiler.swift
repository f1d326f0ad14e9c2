import GradTensor

/// Compiles a parsed module into closures. Names are resolved here (locals to slots, globals to
/// shared slots), so running code never looks a variable up by name.
final class Compiler {
    let interpreter: Interpreter
    let globals: Globals
    let filename: String
    let tree: ScopeTree
    var scope: Scope
    /// How deep loops nest in the function being compiled (`break` outside a loop is a parse error,
    /// so this only tells `continue`/`break` compilation it is inside one).
    var loopDepth = 0
    /// Interactive mode: top-level expression statements print their repr and set `_`. Only the
    /// module's own statements: a call inside a pasted loop (`w.grad.zero_()`) prints nothing, as in
    /// IPython and Julia.
    var echoExpressions = false
    /// How deep the block being compiled is (1: the module's own statements).
    var blockDepth = 0
    /// What `__qualname__` puts before the names defined here: `C.` in a class body,
    /// `f.<locals>.` in a function.
    var qualifiedPrefix = ""
    /// The qualified name of the function being compiled (`f.<locals>.g`; nil at module level).
    var functionQualifiedName: String?
    /// The lines of code typed at the REPL (nil for files, whose lines the interpreter keeps by
    /// name): its functions' traceback entries carry them.
    var sourceLines: [String]?
    /// What the traceback entries of the compiled code's frames name and quote.
    var origin: CodeOrigin { CodeOrigin(filename: filename, lines: sourceLines) }

    /// `namesIn`: `.module` for a module's code; `.classBody` for code `exec` or `eval` runs with
    /// locals of their own, whose names are found there first, as in a class body.
    init(interpreter: Interpreter, globals: Globals, filename: String, module: Module, namesIn kind: Scope.Kind = .module) {
        self.interpreter = interpreter
        self.globals = globals
        self.filename = filename
        let moduleScope = Scope(kind: kind, parent: nil)
        tree = ScopeTree.build(module.body, module: moduleScope)
        scope = moduleScope
    }

    /// A misplaced `global`/`nonlocal` found while resolving names, as CPython's SyntaxError
    /// (`lineText` quotes the line when the source is known).
    func declarationError(lineText: (Int) -> String) -> SyntaxError? {
        guard let (message, range) = tree.declarationError else { return nil }
        return SyntaxError(.syntaxError, message, line: range.start.line, column: range.start.column,
                           endLine: range.end.line, endColumn: range.end.column, lineText: lineText(range.start.line))
    }

    // MARK: names

    func load(_ name: String, _ range: SourceRange) -> ExprCode {
        switch scope.resolve(name) {
        case .local(let i):
            return { f in
                if let v = f[slot: i] { return v }
                throw Compiler.located(PyError(PyExc.unboundLocalError,
                    "cannot access local variable '\(name)' where it is not associated with a value"), range, f)
            }
        case .cell(let i):
            return { f in
                if let v = f.cells[i].value { return v }
                throw Compiler.located(PyError.name(
                    "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"), range, f)
            }
        case .global(let name):
            let slot = globals.slot(name)
            let interpreter = interpreter
            let builtin = BuiltinCache(name)
            let undefined = undefinedName(name)
            return { f in
                if let v = slot.value ?? builtin.value(in: interpreter) { return v }
                throw Compiler.located(undefined(), range, f)
            }
        case .classNamespace(let name):
            let slot = globals.slot(name)
            let builtin = BuiltinCache(name)
            let undefined = undefinedName(name)
            let interpreter = interpreter
            return { f in
                if let v = f.classNamespace?.values[name] ?? slot.value ?? builtin.value(in: interpreter) { return v }
                throw Compiler.located(undefined(), range, f)
            }
        }
    }

    /// Makes the NameError for `name`, with what CPython searches for a suggestion: the
    /// function's local names, the globals, the built-ins.
    private func undefinedName(_ name: String) -> () -> PyError {
        let scope = scope
        let locals = scope.kind == .function ? scope.bound.filter { scope.isLocal($0) } : []
        // Weakly: compiled code holds global slots, never the Globals (see Globals.deinit).
        let interpreter = interpreter
        return { [weak globals] in
            let error = PyError.name("name '\(name)' is not defined")
            error.exception.missingName = name
            error.exception.candidateNames = { [weak globals] in
                [locals, globals?.namesInOrder ?? [], Suggestions.orderedBuiltins(interpreter.builtins.keys)]
            }
            return error
        }
    }

    /// Typed as throwing although it never throws: converting a non-throwing closure to the
    /// `Store` type assignments use would add a thunk to every store.
    func store(_ name: String) -> Store {
        switch scope.resolve(name) {
        case .local(let i): return { f, v in f[slot: i] = v }
        case .cell(let i): return { f, v in f.cells[i].value = v }
        case .global(let name):
            let slot = globals.slot(name)
            return { _, v in slot.value = v }
        case .classNamespace(let name): return { f, v in f.classNamespace?.values[name] = v }
        }
    }

    /// The variable a plain name refers to, for code that reads or writes it inline instead of
    /// calling a load/store closure (cells, rarer, are left to those closures).
    func variable(_ e: Expr) -> Variable? {
        guard case .name(let name) = e.kind else { return nil }
        switch scope.resolve(name) {
        case .local(let i): return .local(i)
        case .global(let name): return .global(globals.slot(name))
        case .cell, .classNamespace: return nil
        }
    }

    /// Unbinds a name without checks (the implicit `del e` after `except ... as e:`).
    func unbind(_ name: String) -> (Frame) -> Void {
        switch scope.resolve(name) {
        case .local(let i): return { f in f[slot: i] = nil }
        case .cell(let i): return { f in f.cells[i].value = nil }
        case .global(let name):
            let slot = globals.slot(name)
            return { _ in slot.value = nil }
        case .classNamespace(let name): return { f in f.classNamespace?.values[name] = nil }
        }
    }

    func delete(_ name: String, _ range: SourceRange) -> (Frame) throws -> Void {
        switch scope.resolve(name) {
        case .local(let i):
            return { f in
                if f[slot: i] == nil {
                    throw Compiler.located(PyError(PyExc.unboundLocalError,
                        "cannot access local variable '\(name)' where it is not associated with a value"), range, f)
                }
                f[slot: i] = nil
            }
        case .cell(let i): return { f in f.cells[i].value = nil }
        case .global(let name):
            let slot = globals.slot(name)
            return { f in
                if slot.value == nil { throw Compiler.located(PyError.name("name '\(name)' is not defined"), range, f) }
                slot.value = nil
            }
        case .classNamespace(let name):
            return { f in
                if f.classNamespace?.values[name] == nil {
                    throw Compiler.located(PyError.name("name '\(name)' is not defined"), range, f)
                }
                f.classNamespace?.values[name] = nil
            }
        }
    }

    /// Notes where an error happened in the current frame (the innermost expression wins).
    static func located(_ error: PyError, _ range: SourceRange, _ frame: Frame, style: ErrorSpan.Style = .whole) -> PyError {
        if frame.errorSpan == nil { frame.errorSpan = ErrorSpan(range: range, style: style) }
        return error
    }

    /// Runs `body`, and locates an error coming out of it at `range` in `frame` (the expression
    /// the traceback underlines, in `style`) unless an inner expression already claimed it.
    @inline(__always)
    static func locatingErrors<R>(at range: SourceRange, in frame: Frame, style: ErrorSpan.Style = .whole,
                                  _ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let e as PyError {
            throw located(e, range, frame, style: style)
        }
    }
}
