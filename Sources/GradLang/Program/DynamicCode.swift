/// Code made at run time from source text: `compile`'s code objects, which `eval` and `exec`
/// run (they compile a string first) in a namespace of the caller's or one they are given.
final class PyCodeObject: PyObject, PyCustomRepr {
    enum Mode: String {
        case exec, eval, single
    }

    enum Body {
        case statements(Module)
        case expression(Expr)
    }

    let body: Body
    let filename: String
    let mode: Mode

    init(body: Body, filename: String, mode: Mode) {
        self.body = body
        self.filename = filename
        self.mode = mode
    }

    override var typeName: String { "code" }

    /// A module's code starts at line 1, whatever its first statement's line.
    var reprText: String { "<code object <module> at \(Repr.address(.object(self))), file \"\(filename)\", line 1>" }

    /// Parses `source` as `compile(source, filename, mode)` does: the parser's SyntaxError
    /// becomes the Python exception, naming `filename`.
    static func compile(_ source: String, filename: String, mode: Mode) throws -> PyCodeObject {
        if source.unicodeScalars.contains("\0") { throw PyError(PyExc.syntaxError, "source code string cannot contain null bytes") }
        do throws(SyntaxError) {
            switch mode {
            case .eval:
                // CPython's `eval` skips leading spaces and tabs (not other indentation).
                let text = String(source.drop { $0 == " " || $0 == "\t" })
                return PyCodeObject(body: .expression(try parseEvalInput(SourceText(text, filename: filename))), filename: filename, mode: mode)
            case .exec, .single:
                let module = try parseModule(SourceText(source, filename: filename))
                if mode == .single, let first = module.body.first, let last = module.body.last,
                   last.range.start.line != first.range.start.line {
                    throw SyntaxError(.syntaxError, "multiple statements found while compiling a single statement",
                                      line: first.range.start.line, column: first.range.start.column, lineText: "")
                }
                return PyCodeObject(body: .statements(module), filename: filename, mode: mode)
            }
        } catch {
            throw PyError(error, filename: filename)
        }
    }
}

extension Interpreter {
    /// Runs `code` with `globals` as its global variables and, when given, `locals` as its local
    /// ones (found first, as in a class body; `exec`'s assignments land there): the value of an
    /// `eval` code's expression, else None. Afterwards `globalsDict`, when it is an instance's
    /// `__dict__` or a class body's `locals()`, takes the variables the code left (a module's
    /// dict catches up by itself when read).
    func run(_ code: PyCodeObject, globals: Globals, locals: PyDict?, globalsDict: PyDict? = nil) throws -> Value {
        let statements: Module
        switch code.body {
        case .statements(let module): statements = module
        case .expression(let e): statements = Module(body: [Stmt(.expression(e), e.range)])
        }
        let module = YieldLowering.lowered(statements)
        let compiler = Compiler(interpreter: self, globals: globals, filename: code.filename, module: module,
                                namesIn: locals == nil ? .module : .classBody)
        if let error = compiler.declarationError(lineText: { _ in "" }) { throw PyError(error, filename: code.filename) }
        // No source lines: CPython's tracebacks quote none from a string.
        compiler.sourceLines = []
        compiler.echoExpressions = code.mode == .single
        let run: ExprCode
        if code.mode == .eval, module.body.count == 1, case .expression(let e) = module.body[0].kind {
            let expression = compiler.expression(e), line = e.range.start.line
            run = { f in
                f.line = line
                return try expression(f)
            }
        } else {
            let block = compiler.block(module.body)
            run = { f in _ = try block(f); return .none }
        }
        let frame = Frame(slotCount: compiler.tree.moduleSlotCount, cells: compiler.scope.cellNames.map { _ in PyCell() },
                          name: "<module>", origin: compiler.origin)
        if let locals {
            let namespace = ClassNamespace()
            for (key, value) in locals.entries { if case .str(let name) = key { namespace.values[name.string] = value } }
            frame.classNamespace = namespace
        }
        let result: Result<Value, any Error>
        do {
            result = .success(try nested(in: frame) { try run(frame) })
        } catch {
            result = .failure(error)
        }
        // What ran before an error stays in the dicts, as in CPython.
        if let locals, let namespace = frame.classNamespace { try copy(namespace.values, into: locals) }
        if let d = globalsDict, !d.standsForModule { try globals.copy(into: d) }
        return try result.get()
    }

    /// Writes what `exec` left in its local namespace back to the dict it came from.
    private func copy(_ namespace: Namespace, into d: PyDict) throws {
        for case (.str(let name), _) in d.entries where namespace[name.string] == nil { try d.remove(.str(name)) }
        for (name, value) in namespace.entries { try d.set(.str(name), value) }
    }
}
