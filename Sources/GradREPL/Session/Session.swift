import GradLang

/// How running a piece of code ended.
public enum RunOutcome: Equatable, Sendable {
    case finished
    /// An exception reached the top level; it has been reported on stderr.
    case raised(keyboardInterrupt: Bool)
    /// SystemExit (`exit()`, `sys.exit(2)`): the process should end with this status.
    case exit(Int32)
}

/// One interpreter and its global namespace, shared by the script `-i` runs and the REPL after it.
/// Errors become text on stderr here (through GradLang's one renderer); SystemExit becomes a status.
public final class Session {
    public let interpreter: Interpreter
    public let globals = Globals()
    let errorStyle: Style
    let writeOutput: (String) -> Void
    let writeError: (String) -> Void

    /// `warnOptions`: the `-W` options (PYTHONWARNINGS's first), applied before anything runs.
    public init(argv: [String], warnOptions: [String] = [], errorStyle: Style = Style(enabled: false),
                writeOutput: @escaping (String) -> Void = StandardStreams.writeOutput,
                writeError: @escaping (String) -> Void = StandardStreams.writeError) {
        self.errorStyle = errorStyle
        self.writeOutput = writeOutput
        self.writeError = writeError
        // A failed write to stdout raises at the program's `print` (writes elsewhere never fail).
        interpreter = Interpreter(writeOutput: { text in
            writeOutput(text)
            try StandardStreams.raiseOutputFailure()
        }, writeWarning: writeError)
        interpreter.flushOutput = StandardStreams.flushProgramOutput
        let input = StandardInputLines()
        interpreter.readInputLine = { input.next() }
        interpreter.inputIsTerminal = { Terminal.isTerminal(0) }
        HostBuiltins.install(in: interpreter, argv: argv, warnOptions: warnOptions)
        interpreter.helpTopics = SessionHelp.topics
        do {
            try interpreter.applyWarningOptions(warnOptions)
        } catch {
            writeError("'import warnings' failed; traceback:\n" + ErrorRenderer(sources: interpreter.sourceLines).render(error))
        }
    }

    /// Runs a whole script given as text (`-c` code) in the session's globals.
    public func runScript(source: String, filename: String) -> RunOutcome {
        do {
            try interpreter.run(source: source, filename: filename, in: globals)
            return .finished
        } catch {
            return report(error)
        }
    }

    /// Runs a script file's bytes (a file, piped stdin, `%run`) in the session's globals.
    public func runScript(fileContents: [UInt8], filename: String) -> RunOutcome {
        do {
            try interpreter.run(fileContents: fileContents, filename: filename, in: globals)
            return .finished
        } catch {
            return report(error)
        }
    }

    /// Runs a chunk typed or pasted at the prompt (`source` is its text): expression statements
    /// echo their repr.
    public func runInteractive(_ module: Module, source: String, filename: String = "<stdin>") -> RunOutcome {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        do {
            try interpreter.runInteractive(module, filename: filename, sourceLines: lines, in: globals)
            return .finished
        } catch {
            return report(error)
        }
    }

    /// Prints a SyntaxError found at the prompt.
    func report(_ error: SyntaxError, filename: String = "<stdin>") {
        _ = report(.syntax(error, filename: filename))
    }

    func report(_ error: ProgramError) -> RunOutcome {
        if case .runtime(let e) = error, e.type.isSubclass(of: PyExc.systemExit) {
            return .exit(exitStatus(e.exception))
        }
        writeError(errorStyle.error(ErrorRenderer(sources: interpreter.sourceLines).render(error)))
        if case .runtime(let e) = error, e.type.isSubclass(of: PyExc.keyboardInterrupt) {
            return .raised(keyboardInterrupt: true)
        }
        return .raised(keyboardInterrupt: false)
    }

    /// CPython's reading of SystemExit's argument: None → 0, an int → itself, anything else is
    /// printed to stderr and gives 1.
    private func exitStatus(_ exception: PyExceptionObject) -> Int32 {
        guard let code = exception.args.first else { return 0 }
        switch code {
        case .none: return 0
        case .bool(let b): return b ? 1 : 0
        case .int(let n): return Int32(truncatingIfNeeded: n)
        default:
            writeError(Repr.str(code) + "\n")
            return 1
        }
    }

    /// Sets `sys.argv` (for `%run FILE ARGS`).
    func setArgv(_ argv: [String]) {
        if let sys = interpreter.modules["sys"] {
            sys.attributes["argv"] = .object(PyList(argv.map { .str($0) }))
        }
    }

    var argv: [String] {
        guard case .object(let list as PyList)? = interpreter.modules["sys"]?.attributes["argv"] else { return [] }
        return list.values.map { Repr.str($0) }
    }
}
