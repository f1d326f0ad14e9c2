/// What the REPL reads next.
public enum InputEvent: Equatable, Sendable {
    /// A line as entered, without its newline. `moreInputFollows`: more input was already waiting when
    /// it was entered (a paste, or input faster than typing).
    case line(String, moreInputFollows: Bool)
    /// Text entered as a whole: a bracketed paste, or a multi-line history entry entered again.
    case chunk(String)
    /// Ctrl-C while reading.
    case interrupt
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Which prompt to show.
public enum Prompt: Equatable, Sendable {
    case primary
    case continuation
    /// A question's own text (`%reset`'s confirmation).
    case question(String)

    public static let primaryText = "grad> "
    public static let continuationText = "...   "

    public var text: String {
        switch self {
        case .primary: return Prompt.primaryText
        case .continuation: return Prompt.continuationText
        case .question(let q): return q
        }
    }
}

/// Where the REPL's input comes from: libedit on a terminal (`EditLineReader`), plain reads otherwise
/// (`PlainLineReader`).
public protocol LineReader: AnyObject {
    /// `indentation`: what a line typed at this prompt starts with (auto-indent); readers that
    /// cannot edit, or see pasted text arriving, leave it out.
    func read(_ prompt: Prompt, indentation: String) -> InputEvent
    /// Keeps a finished entry in the history (nothing, for readers without one).
    func remember(_ entry: String)
}

extension LineReader {
    func read(_ prompt: Prompt) -> InputEvent { read(prompt, indentation: "") }
}
