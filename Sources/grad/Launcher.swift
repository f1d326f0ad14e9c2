import GradREPL
#if canImport(Glibc)
import Glibc
#endif

/// Wires the parsed command line to a session: runs the program, then the REPL when asked.
enum Launcher {
    static func run(_ arguments: [String]) -> Int32 {
        switch CommandLineOptions.parse(arguments) {
        case .showHelp:
            StandardStreams.writeOutput(CommandLineOptions.help)
            return 0
        case .showVersion:
            StandardStreams.writeOutput("grad \(GradVersion.string)\n")
            return 0
        case .usageError(let message):
            StandardStreams.writeError("grad: \(message)\n\(CommandLineOptions.usage)\nTry 'grad -h' for more information.\n")
            return 2
        case .run(let options):
            return run(options)
        }
    }

    /// The name a script run from a file is known by (`__file__`, tracebacks, warnings): a
    /// relative path is joined to the working directory, as CPython 3.9+ does for its main script
    /// (`./f.py` in /tmp is `/tmp/./f.py`; nothing is resolved). `sys.argv[0]` stays as typed.
    private static func scriptPath(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        return String(cString: directory) + "/" + path
    }

    private static func run(_ options: CommandLineOptions) -> Int32 {
        Interrupts.install()
        // As CPython: a write to a closed pipe (`grad script | head -1`) fails with EPIPE, raising
        // BrokenPipeError, instead of killing grad silently.
        signal(SIGPIPE, SIG_IGN)
        let session = Session(argv: options.argv, warnOptions: environmentWarnOptions() + options.warnOptions,
                              errorStyle: Style(enabled: Terminal.allowsColour(2)))
        session.interpreter.plotTerminal = Terminal.plotOutput
        session.interpreter.terminalColumns = { Terminal.isTerminal($0) ? Terminal.columns($0) : nil }
        session.interpreter.explanationStyle = Terminal.allowsColour(1) ? .terminal : .plain
        let outcome: RunOutcome
        switch options.program {
        case .file(let givenPath):
            let path = scriptPath(givenPath)
            switch Files.read(path: path) {
            case .success(let contents):
                outcome = session.runScript(fileContents: contents, filename: path)
            case .failure(let error):
                StandardStreams.writeError("grad: can't open file '\(path)': \(error)\n")
                return 2
            }
        case .code(let code):
            outcome = session.runScript(source: code, filename: "<string>")
        case .standardInput:
            outcome = runStandardInput(session)
        case .none:
            if options.inspect || Terminal.isTerminal(0) {
                return REPL.start(session: session, showBanner: true)
            }
            outcome = runStandardInput(session)
        }
        switch outcome {
        case .exit(let status):
            return status
        case .raised(let keyboardInterrupt):
            if options.inspect { return REPL.start(session: session, showBanner: false) }
            if keyboardInterrupt { Interrupts.dieOfInterrupt() }
            return 1
        case .finished:
            return options.inspect ? REPL.start(session: session, showBanner: false) : 0
        }
    }

    /// PYTHONWARNINGS's entries, as CPython reads them: split at commas, empty ones dropped.
    private static func environmentWarnOptions() -> [String] {
        guard let value = getenv("PYTHONWARNINGS") else { return [] }
        return String(cString: value).split(separator: ",").map(String.init)
    }

    private static func runStandardInput(_ session: Session) -> RunOutcome {
        session.runScript(fileContents: Files.readAll(0) ?? [], filename: "<stdin>")
    }
}
