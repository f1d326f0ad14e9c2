/// Recognises a pasted REPL transcript — CPython's `>>> ` / `... ` or grad's own `grad> ` / `...   ` —
/// strips its prompts and drops the output lines between them. A transcript lasts while its lines
/// arrive in one burst (a paste); a line typed afterwards is plain code again.
struct TranscriptFilter {
    enum Line: Equatable {
        /// Code to run (prompt already stripped).
        case code(String)
        /// Code after a primary prompt: a new statement starts here.
        case statementStart(String)
        /// A continuation prompt with nothing after it: the transcript's block ends here.
        case blockEnd
        /// Output printed in the transcript: ignored.
        case output
    }

    /// The continuation prompt of the transcript being pasted, or nil outside a transcript.
    private var continuationPrompt: String?

    private static let primaryPrompts: [(primary: String, continuation: String)] = [
        (">>>", "... "),
        ("grad>", "...   "),
    ]

    mutating func classify(_ line: String, continuesBurst: Bool) -> Line {
        if !continuesBurst { continuationPrompt = nil }
        for prompt in Self.primaryPrompts {
            if line == prompt.primary { continuationPrompt = prompt.continuation; return .statementStart("") }
            if line.hasPrefix(prompt.primary + " ") {
                continuationPrompt = prompt.continuation
                return .statementStart(String(line.dropFirst(prompt.primary.count + 1)))
            }
        }
        guard let continuation = continuationPrompt else { return .code(line) }
        if line.hasPrefix(continuation) {
            let code = String(line.dropFirst(continuation.count))
            return code.allSatisfy(\.isWhitespace) ? .blockEnd : .code(code)
        }
        if line.hasPrefix("...") && line.dropFirst(3).allSatisfy(\.isWhitespace) { return .blockEnd }
        return .output
    }

    mutating func reset() { continuationPrompt = nil }
}
