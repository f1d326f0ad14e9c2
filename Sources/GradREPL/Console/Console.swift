import GradLang

/// The REPL's state machine, after CPython's `code.InteractiveConsole`: lines go in with `push`, and
/// it either waits for more (`needsMore`) or compiles and runs what it has. Knows nothing of
/// terminals: the reader tells it whether more input was already waiting when a line was entered,
/// which is how a fast paste differs from typing.
public final class Console {
    let session: Session
    private var magics: Magics
    private var lines: [String] = []
    private var transcript = TranscriptFilter()
    /// Whether more input was waiting when the previous line was entered (this line is pasted).
    private var previousLineHadMoreInput = false
    /// Inside `pushChunk`, statements are collected into one history entry for the whole chunk.
    private var chunkEntries: [String]?
    /// The session's inputs, for `%history` and `%save`.
    private var history = InputHistory()

    /// Called with each finished entry (a statement, a block, a magic, a whole paste) for history.
    public var onEntry: (String) -> Void = { _ in }
    /// Set when the code asked to exit (`exit()`, `quit()`, SystemExit, a bare `exit`).
    public private(set) var exitStatus: Int32?

    /// `ask(question)` reads one answer (for `%reset`'s confirmation).
    public init(session: Session, ask: @escaping (String) -> String? = { _ in nil }) {
        self.session = session
        magics = Magics(session: session, ask: ask)
    }

    /// Whether the input so far is unfinished (show the continuation prompt).
    public var needsMore: Bool { !lines.isEmpty }

    /// The lines of the unfinished block entered so far.
    public var pendingLines: [String] { lines }

    /// What the next line of an unfinished block starts with when typed (see `AutoIndent`).
    public var nextIndentation: String { AutoIndent.indentation(after: lines) }

    /// One line as entered (without its newline). `moreInputFollows`: more input was already waiting,
    /// so the line is part of a paste and a blank line inside a block does not end the block.
    public func push(_ line: String, moreInputFollows: Bool = false) {
        let continuesBurst = previousLineHadMoreInput
        previousLineHadMoreInput = moreInputFollows
        switch transcript.classify(line, continuesBurst: continuesBurst) {
        case .output:
            return
        case .blockEnd:
            if needsMore { accept("", moreInputFollows: false) }
        case .statementStart(let code):
            if needsMore { accept("", moreInputFollows: false) }
            accept(code, moreInputFollows: moreInputFollows)
        case .code(let code):
            accept(code, moreInputFollows: moreInputFollows)
        }
    }

    /// Text entered as a whole — a bracketed paste, or a multi-line history entry recalled and
    /// entered again. It runs like a fast paste of its lines, and a block still open at its end is
    /// ended as a blank line would end it. It becomes one history entry.
    public func pushChunk(_ text: String) {
        var parts = text.replacingCarriageReturns().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        chunkEntries = []
        previousLineHadMoreInput = false
        for (i, part) in parts.enumerated() {
            push(part, moreInputFollows: i < parts.count - 1)
        }
        if needsMore { push("") }
        let entries = chunkEntries ?? []
        chunkEntries = nil
        if !entries.isEmpty { finish(entries.joined(separator: "\n")) }
    }

    /// Input ended at the continuation prompt (Ctrl-D, or piped input ending inside a block): the
    /// pending lines are taken as they stand, as CPython's REPL takes them — a block runs, an open
    /// bracket is a SyntaxError — so that one key never loses what was typed.
    public func finishPending() {
        guard needsMore else { return }
        transcript.reset()
        previousLineHadMoreInput = false
        compileAndRun(inputEnded: true)
    }

    /// Drops the half-typed input (Ctrl-C at the prompt).
    public func reset() {
        lines = []
        transcript.reset()
        previousLineHadMoreInput = false
    }

    private func accept(_ code: String, moreInputFollows: Bool) {
        guard exitStatus == nil else { return }
        if lines.isEmpty {
            if code.isBlank { return }
            if let status = handleCommand(code) {
                if case .exit(let s) = status { exitStatus = s }
                return
            }
        } else if code.isBlank && moreInputFollows {
            // Pasted: the block may go on after this blank line; the next line decides.
            lines.append(code)
            return
        }
        lines.append(code)
        compileAndRun()
    }

    /// A magic (`%timeit …`), `obj?` / `obj??`, or a bare `exit` / `quit`, which are not Python.
    private func handleCommand(_ code: String) -> RunOutcome? {
        let trimmed = code.trimmingWhitespace()
        // Only a name or a dotted chain of them: `x = 1  # why?` is Python.
        if trimmed.hasSuffix("?") {
            let request = String(trimmed.reversed().drop { $0 == "?" }.reversed())
            if trimmed.count - request.count <= 2,
               request.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ String($0).isIdentifier }) {
                record(trimmed)
                Inspect(session: session, history: history).run(request, source: trimmed.hasSuffix("??"))
                return .finished
            }
        }
        if trimmed.hasPrefix("%") {
            record(trimmed)
            return magics.run(trimmed, history: history)
        }
        if (trimmed == "exit" || trimmed == "quit") && session.globals[trimmed] == nil {
            return .exit(0)
        }
        return nil
    }

    private func compileAndRun(inputEnded: Bool = false) {
        let source = lines.joined(separator: "\n")
        switch parseInteractive(source: source, inputEnded: inputEnded) {
        case .incomplete:
            return
        case .error(let error):
            finishEntry()
            session.report(error)
        case .complete(let module):
            finishEntry()
            if case .exit(let status) = session.runInteractive(module, source: source) { exitStatus = status }
        }
    }

    private func finishEntry() {
        var entry = lines
        while entry.last?.isBlank == true { entry.removeLast() }
        lines = []
        record(entry.joined(separator: "\n"))
    }

    private func record(_ entry: String) {
        if chunkEntries != nil { chunkEntries?.append(entry) } else { finish(entry) }
    }

    private func finish(_ entry: String) {
        history.append(entry)
        onEntry(entry)
    }
}
