import GradTensor

/// Why a program stopped: its source did not parse, or it raised.
public enum ProgramError: Error {
    case syntax(SyntaxError, filename: String)
    case runtime(PyError)
}

extension Interpreter {
    /// Runs a whole script given as text (`-c` code, `%run`) in `globals`.
    public func run(source: String, filename: String, in globals: Globals) throws(ProgramError) {
        try run(SourceText(source, filename: filename), readFromFile: false, in: globals)
    }

    /// Runs a script file's bytes (`grad FILE`, piped stdin) in `globals`, as `python3 FILE` reads
    /// them: strict UTF-8, no NUL (see `SourceText(utf8:filename:)`). The file's name is its
    /// `__file__`, as in CPython's main module (`<stdin>` when piped; `-c` code has none).
    public func run(fileContents: [UInt8], filename: String, in globals: Globals) throws(ProgramError) {
        globals["__file__"] = .str(filename)
        let text: SourceText
        do {
            text = try SourceText(utf8: fileContents, filename: filename)
        } catch {
            throw .syntax(error, filename: filename)
        }
        try run(text, readFromFile: true, in: globals)
    }

    private func run(_ text: SourceText, readFromFile: Bool, in globals: Globals) throws(ProgramError) {
        let module: Module
        do {
            module = try parseModule(text, readFromFile: readFromFile)
        } catch {
            throw .syntax(error, filename: text.filename)
        }
        rememberSource(String(String.UnicodeScalarView(text.scalars)), for: text.filename)
        try execute(module, filename: text.filename, in: globals, echo: false)
    }

    /// Runs a parsed chunk typed or pasted at the prompt: expression statements echo their repr
    /// (None stays silent) and set `_`, as in CPython's interactive mode. `sourceLines`, its text,
    /// is what tracebacks through its code quote, now and when its functions are called later.
    public func runInteractive(_ module: Module, filename: String = "<stdin>", sourceLines: [String]? = nil,
                               in globals: Globals) throws(ProgramError) {
        try execute(module, filename: filename, sourceLines: sourceLines, in: globals, echo: true)
    }

    /// `namesInScope`: whether NameError's suggestions should come from `globals` from now on
    /// (not for code grad generates, see `runGenerated`).
    func execute(_ module: Module, filename: String, sourceLines: [String]? = nil, in globals: Globals, echo: Bool,
                 namesInScope: Bool = true) throws(ProgramError) {
        let module = YieldLowering.lowered(module)
        let compiler = Compiler(interpreter: self, globals: globals, filename: filename, module: module)
        let lines = sourceLines ?? self.sourceLines[filename] ?? []
        if let error = compiler.declarationError(lineText: { $0 >= 1 && $0 <= lines.count ? lines[$0 - 1] : "" }) {
            throw .syntax(error, filename: filename)
        }
        compiler.echoExpressions = echo
        compiler.sourceLines = sourceLines
        let code = compiler.block(module.body)
        let frame = Frame(slotCount: compiler.tree.moduleSlotCount, cells: [], name: "<module>", origin: compiler.origin)
        // Weak: compiled functions hold the interpreter, so a strong reference here would make a
        // cycle that keeps the globals (and so all the program's data) alive.
        if namesInScope {
            self.namesInScope = { [weak globals] in globals?.definedNames ?? [] }
            programGlobals = globals
        }
        do {
            try running(frame) {
                _ = try code(frame)
                try PendingEvents.raiseMemoryExhaustion()
            }
        } catch let e as PyError {
            if e.type.isSubclass(of: PyExc.memoryError) { PendingEvents.memoryErrorHandled() }
            throw .runtime(e)
        } catch {
            // Compiled code raises only PyErrors: the tensor library's errors become Python
            // exceptions where the language calls it (TorchBridge.run). Anything else is a bug.
            assertionFailure("an error that is not a Python exception escaped: \(error)")
            throw .runtime(PyError(PyExc.systemError, "internal error: \(error)"))
        }
    }

    /// Keeps a file's lines so tracebacks can quote them.
    func rememberSource(_ source: String, for filename: String) {
        sourceLinesByFile[filename] = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
