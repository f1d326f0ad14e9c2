import GradLang

/// ANSI colour for prompts, typed code and tracebacks, as CPython's REPL colours them, or plain text
/// when colour is off (not a terminal, NO_COLOR, or TERM=dumb).
public struct Style: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    static let reset = "\u{1B}[0m"
    static let boldMagenta = "\u{1B}[1;35m"
    static let magenta = "\u{1B}[35m"
    static let boldRed = "\u{1B}[1;31m"
    static let red = "\u{1B}[31m"

    /// A prompt's colour codes; `invisible` wraps them so the line editor gives them no width. The
    /// prompt's trailing spaces stay outside the colour (libedit drops codes that end a prompt).
    func prompt(_ text: String, invisible: (String) -> String = { $0 }) -> String {
        guard enabled else { return text }
        let visible = String(text.reversed().drop { $0 == " " }.reversed())
        let spaces = String(repeating: " ", count: text.count - visible.count)
        return invisible(Style.boldMagenta) + visible + invisible(Style.reset) + spaces
    }

    /// The colour CPython's REPL gives each kind of source text (3.14's default theme,
    /// `_colorize.Syntax`; the text between stays plain).
    static func code(_ kind: HighlightKind) -> String {
        switch kind {
        case .keyword, .keywordConstant, .softKeyword: return "\u{1B}[1;34m"
        case .builtin: return "\u{1B}[36m"
        case .definition: return "\u{1B}[1m"
        case .string: return "\u{1B}[32m"
        case .number: return "\u{1B}[33m"
        case .comment: return red
        }
    }

    /// A rendered traceback or SyntaxError, coloured line by line: file names, line numbers and
    /// function names in magenta, the `^~~` markers in red, the exception's name in bold.
    public func error(_ text: String) -> String {
        guard enabled else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastIndex = lines.lastIndex { !$0.isEmpty }
        for i in lines.indices {
            if i == lastIndex {
                lines[i] = exceptionLine(lines[i])
            } else if lines[i].hasPrefix("  File \"") {
                lines[i] = fileLine(lines[i])
            } else if isMarkerLine(lines[i]) {
                lines[i] = Style.boldRed + lines[i] + Style.reset
            }
        }
        return lines.joined(separator: "\n")
    }

    private func isMarkerLine(_ line: String) -> Bool {
        line.contains { $0 == "^" || $0 == "~" } && line.allSatisfy { $0 == " " || $0 == "^" || $0 == "~" }
    }

    /// `  File "f.grad", line 3, in fn`.
    private func fileLine(_ line: String) -> String {
        let body = line.dropFirst("  File ".count)
        guard let nameEnd = body.dropFirst().firstIndex(of: "\"") else { return line }
        let name = body[...nameEnd]
        var rest = String(body[body.index(after: nameEnd)...])
        var coloured = "  File " + Style.magenta + name + Style.reset
        if rest.hasPrefix(", line ") {
            let digits = rest.dropFirst(", line ".count).prefix { $0.isNumber }
            coloured += ", line " + Style.magenta + digits + Style.reset
            rest = String(rest.dropFirst(", line ".count + digits.count))
        }
        if rest.hasPrefix(", in ") {
            coloured += ", in " + Style.magenta + rest.dropFirst(", in ".count) + Style.reset
            rest = ""
        }
        return coloured + rest
    }

    /// `ValueError: message`.
    private func exceptionLine(_ line: String) -> String {
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard !name.isEmpty else { return line }
        let rest = line.dropFirst(name.count)
        if rest.hasPrefix(": ") {
            return Style.boldMagenta + name + Style.reset + ": " + Style.magenta + rest.dropFirst(2) + Style.reset
        }
        return Style.boldMagenta + name + Style.reset + rest
    }
}
