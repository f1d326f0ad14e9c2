import GradLang

/// IPython's line magics that Python users reach for: `%timeit`, `%time`, `%who`, `%whos`,
/// `%reset`, `%run`, `%history`, `%save`, `%pwd`, `%cd`; and grad's `%graph`.
struct Magics {
    let session: Session
    /// Reads one answer to a question (`%reset`'s and `%save`'s confirmations); nil when there is none.
    let ask: (String) -> String?
    /// The directory `%cd -` goes back to.
    private var previousDirectory: String?

    init(session: Session, ask: @escaping (String) -> String?) {
        self.session = session
        self.ask = ask
    }

    /// `history`: the session's inputs so far, this one included.
    mutating func run(_ line: String, history: InputHistory) -> RunOutcome {
        let name = String(line.prefix { !$0.isWhitespace })
        let argument = line.dropFirst(name.count).trimmingWhitespace()
        switch name {
        case "%timeit": return Timeit(session: session).run(argument)
        case "%time": return time(argument)
        case "%who": who()
        case "%whos": Whos(session: session).run()
        case "%history", "%hist": HistoryMagics(session: session, history: history, ask: ask).history(argument)
        case "%save": HistoryMagics(session: session, history: history, ask: ask).save(argument)
        case "%pwd": DirectoryMagics(session: session).pwd()
        case "%cd": DirectoryMagics(session: session).cd(argument, previous: &previousDirectory)
        case "%reset": reset(force: argument.split(separator: " ").contains("-f"))
        case "%run": return runFile(argument)
        case "%load": return load(argument)
        case "%graph": return GraphMagic(session: session).run(argument)
        case "%plot": return PlotMagic(session: session).run(argument)
        case "%lint": LintMagic(session: session).run(String(argument))
        case "%why": WhyMagic(session: session).run(argument)
        default: session.writeError("UsageError: Line magic function `\(name)` not found.\n")
        }
        return .finished
    }

    /// `%time STMT`: runs it once (echoing an expression's value) and prints CPU and wall time.
    private func time(_ statement: String) -> RunOutcome {
        let module: Module
        do {
            module = try parseModule(source: statement, filename: "<timed exec>")
        } catch {
            session.report(error, filename: "<timed exec>")
            return .finished
        }
        let (cpu0, wall0) = (Clocks.cpu(), Clocks.wall())
        let outcome = session.runInteractive(module, source: statement, filename: "<timed exec>")
        let (cpu1, wall1) = (Clocks.cpu(), Clocks.wall())
        let user = cpu1.user - cpu0.user, system = cpu1.system - cpu0.system
        session.writeOutput("CPU times: user \(DurationText.format(user)), sys: \(DurationText.format(system)), "
            + "total: \(DurationText.format(user + system))\nWall time: \(DurationText.format(wall1 - wall0))\n")
        return outcome
    }

    /// `%who`: the names defined at the prompt (not those starting with `_`).
    private func who() {
        let names = session.globals.definedNames.filter { !$0.hasPrefix("_") }
        session.writeOutput(names.isEmpty ? "Interactive namespace is empty.\n" : names.map { $0 + "\t" }.joined() + "\n")
    }

    /// `%reset`: deletes every name defined at the prompt, after asking (`-f` does not ask).
    private func reset(force: Bool) {
        if !force {
            let answer = ask("Once deleted, variables cannot be recovered. Proceed (y/[n])? ")
            guard let answer, answer.trimmingWhitespace().lowercased().hasPrefix("y") else {
                session.writeOutput("Nothing done.\n")
                return
            }
        }
        session.globals.removeAll()
    }

    /// `%load FILE`: shows the file's code after a `# %load FILE` line, as IPython puts it at the
    /// prompt, and runs it as if it had been pasted there (an expression at its end is echoed).
    private func load(_ path: String) -> RunOutcome {
        guard !path.isEmpty else {
            session.writeError("UsageError: %load needs a file name: %load FILE\n")
            return .finished
        }
        guard let contents = contents(of: path, for: "%load") else { return .finished }
        var code = String(decoding: contents, as: UTF8.self)
        while code.hasSuffix("\n") { code.removeLast() }
        session.writeOutput("# %load \(path)\n\(code)\n")
        switch parseInteractive(source: code, inputEnded: true) {
        case .complete(let module): return session.runInteractive(module, source: code)
        case .error(let error): session.report(error)
        case .incomplete: break
        }
        return .finished
    }

    /// The file's bytes, or nil after saying why they cannot be read.
    private func contents(of path: String, for magic: String) -> [UInt8]? {
        switch Files.read(path: path) {
        case .failure(let error):
            session.writeError("\(magic): can't open file '\(path)': \(error)\n")
            return nil
        case .success(let contents):
            return contents
        }
    }

    /// `%run FILE [ARGS…]`: runs the file in the prompt's namespace, with `sys.argv` set to FILE ARGS.
    private func runFile(_ argument: String) -> RunOutcome {
        let words = argument.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let path = words.first else {
            session.writeError("UsageError: %run needs a file name: %run FILE [ARGS…]\n")
            return .finished
        }
        guard let contents = contents(of: path, for: "%run") else { return .finished }
        let savedArgv = session.argv
        session.setArgv(words)
        defer { session.setArgv(savedArgv) }
        return session.runScript(fileContents: contents, filename: path)
    }
}
