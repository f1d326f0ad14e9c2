import GradLang

/// The read-eval-print loop: reads with a `LineReader`, feeds the `Console`, keeps history, and
/// stops at Ctrl-D at the primary prompt, `exit()` or `quit()`.
public final class REPL {
    let reader: LineReader
    let console: Console
    /// Whether a person is at a terminal (banner, a newline after Ctrl-D).
    let isTerminal: Bool

    public init(session: Session, reader: LineReader, isTerminal: Bool) {
        self.reader = reader
        self.isTerminal = isTerminal
        console = Console(session: session) { [unowned reader] question in
            if case .line(let answer, _) = reader.read(.question(question)) { return answer }
            return nil
        }
        console.onEntry = { [unowned reader] entry in reader.remember(entry) }
    }

    /// Starts the REPL on stdin: libedit when stdin and stdout are terminals, plain reads otherwise.
    public static func start(session: Session, showBanner: Bool) -> Int32 {
        let onTerminal = Terminal.isTerminal(0) && Terminal.isTerminal(1)
        var reader: LineReader = PlainLineReader()
        let style = Style(enabled: Terminal.allowsColour(1))
        var editor: EditLineReader?
        if onTerminal {
            UTF8Locale.ensure()
            editor = EditLineReader(completer: Completer(session: session),
                                    historyFile: HistoryFile.defaultPath().map { HistoryFile(path: $0) }, style: style)
            if let editor { reader = editor }
        }
        session.dropInternalWarningTrailers()
        // `%why x.grad` reads what backward passes recorded.
        GradModule.recordPasses()
        let write = session.writeOutput
        if onTerminal { session.interpreter.writeHelp = { Pager.show($0, write: write) } }
        let repl = REPL(session: session, reader: reader, isTerminal: onTerminal)
        if style.enabled, let editor {
            let console = repl.console
            editor.highlighter = LineHighlighter(builtins: Set(session.interpreter.builtins.keys.filter { !$0.hasPrefix("_") }),
                                                 pendingLines: { [unowned console] in console.pendingLines })
        }
        return repl.run(showBanner: showBanner && onTerminal)
    }

    public static let banner = "grad \(GradVersion.string) — Python with PyTorch built in. "
        + "help() for help, exit() or Ctrl-D to leave.\n"

    public func run(showBanner: Bool) -> Int32 {
        if showBanner { StandardStreams.writeOutput(REPL.banner) }
        while true {
            // A Ctrl-C that no running code received is not for the code about to run.
            Interrupts.clear()
            let prompt: Prompt = console.needsMore ? .continuation : .primary
            switch reader.read(prompt, indentation: prompt == .continuation ? console.nextIndentation : "") {
            case .line(let text, let moreInputFollows):
                console.push(text, moreInputFollows: moreInputFollows)
            case .chunk(let text):
                console.pushChunk(text)
            case .interrupt:
                StandardStreams.writeError("\nKeyboardInterrupt\n")
                console.reset()
            case .endOfInput:
                if isTerminal { StandardStreams.writeOutput("\n") }
                // At the continuation prompt, Ctrl-D ends the pending block (CPython's REPL does
                // the same); the session goes on, and only Ctrl-D at the primary prompt leaves.
                if console.needsMore {
                    console.finishPending()
                } else {
                    StandardStreams.output.flush()
                    return 0
                }
            }
            if let status = console.exitStatus {
                StandardStreams.output.flush()
                return status
            }
        }
    }
}
