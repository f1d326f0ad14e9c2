import GradLang

/// What Tab offers for the text before the cursor: the partial word it would replace and the words
/// that could replace it.
public struct Completion: Equatable, Sendable {
    public let partial: String
    public let candidates: [String]

    /// The longest text every candidate starts with.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let chars = Array(candidate)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        return String(prefix)
    }
}

/// Completes names (variables, built-ins, keywords), attributes after a dot (`torch.ze`,
/// `x.requires_gr`, `x.grad.ze`), keyword arguments inside a call (`torch.zeros(3, requires_` →
/// `requires_grad=`), a dict's keys inside `d["`, and file paths after `%run`, `%load` and
/// `open("`. Inside any other string or a comment it offers nothing. The value before a dot or a
/// bracket is found by looking names and attributes up, and only when it is a plain chain of
/// them: completion never calls anything.
public struct Completer {
    let session: Session

    public init(session: Session) { self.session = session }

    static let keywords = [
        "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// The magics whose argument is a file.
    static let fileMagics = ["%run", "%load"]

    public func complete(_ textBeforeCursor: String) -> Completion {
        let context = LineContext(textBeforeCursor)
        if context.inComment { return Completion(partial: "", candidates: []) }
        if let string = context.string { return complete(inside: string, context) }
        let command = textBeforeCursor.drop { $0 == " " }
        if let magic = Self.fileMagics.first(where: { command.hasPrefix($0 + " ") }) {
            return PathCandidates.completing(String(command.dropFirst(magic.count).split(separator: " ").last ?? ""))
        }
        let word = Self.trailingChain(textBeforeCursor)
        if word.first?.isNumber == true { return Completion(partial: word, candidates: []) }
        guard let dot = word.lastIndex(of: ".") else {
            if word.isEmpty, let dict = subscriptedDict(before: textBeforeCursor, context) {
                return Completion(partial: "", candidates: keys(of: dict, startingWith: "", quote: nil))
            }
            let arguments = keywordArguments(startingWith: word, before: textBeforeCursor.dropLast(word.count), context)
            return Completion(partial: word, candidates: arguments.isEmpty ? names(startingWith: word) : arguments)
        }
        let partial = String(word[word.index(after: dot)...])
        guard let value = value(ofChain: String(word[..<dot]), endingAt: textBeforeCursor.dropLast(word.count)) else {
            return Completion(partial: partial, candidates: [])
        }
        return Completion(partial: partial, candidates: attributes(of: value, startingWith: partial))
    }

    /// In a string: a dict's keys right after `d[`, paths right after `open(`, else nothing (the
    /// names of the program have no business inside text).
    private func complete(inside string: LineContext.OpenString, _ context: LineContext) -> Completion {
        let nothing = Completion(partial: string.typed, candidates: [])
        guard let (bracket, callee) = context.openBrackets.last,
              string.before.trimmingTrailingSpaces() == callee + String(bracket) else { return nothing }
        if bracket == "(" && Self.trailingChain(callee) == "open" {
            return PathCandidates.completing(string.typed)
        }
        if let dict = subscriptedDict(before: string.before, context) {
            return Completion(partial: string.typed, candidates: keys(of: dict, startingWith: string.typed, quote: string.quote))
        }
        return nothing
    }

    /// The dict `d` when `text` ends with `d[` (the innermost bracket still open).
    private func subscriptedDict(before text: String, _ context: LineContext) -> PyDict? {
        guard let (bracket, subscripted) = context.openBrackets.last, bracket == "[",
              text.trimmingTrailingSpaces() == subscripted + "[" else { return nil }
        let chain = Self.trailingChain(subscripted)
        guard !chain.isEmpty, case .object(let dict as PyDict)? = value(ofChain: chain, endingAt: subscripted.dropLast(chain.count))
        else { return nil }
        return dict
    }

    /// The dict's string keys starting with `typed`, closed by the quote and `]`; without a quote
    /// typed yet, quoted as `repr` quotes them. Keys the quote cannot hold as typed are left out.
    private func keys(of dict: PyDict, startingWith typed: String, quote: String?) -> [String] {
        dict.entries.compactMap { entry in
            guard case .str(let key) = entry.key, key.string.hasPrefix(typed) else { return nil }
            guard let quote else { return Repr.repr(entry.key) + "]" }
            guard !key.string.contains(where: { $0 == "\\" || $0.isNewline || quote.contains($0) }) else { return nil }
            return key.string + quote + "]"
        }
    }

    /// `name=` for each keyword parameter of the call the cursor is in that starts with `word`,
    /// where an argument starts (after the `(` or a `,`).
    private func keywordArguments(startingWith word: String, before: Substring, _ context: LineContext) -> [String] {
        guard let (bracket, callee) = context.openBrackets.last, bracket == "(",
              let previous = before.trimmingTrailingSpaces().last, previous == "(" || previous == "," else { return [] }
        let chain = Self.trailingChain(callee)
        let head = callee.dropLast(chain.count)
        guard !chain.isEmpty, !head.hasSuffix("def "), !head.hasSuffix("class "),
              let function = value(ofChain: chain, endingAt: head) else { return [] }
        return session.interpreter.keywordParameterNames(of: function)
            .filter { $0.hasPrefix(word) && visible($0, typed: word) }
            .map { $0 + "=" }
    }

    /// The value a chain of names (`x`, `torch.nn`) stands for, unless what precedes it makes it
    /// the attribute of something that would have to be computed (`f().x`, `"a".x`).
    private func value<Before: StringProtocol>(ofChain chain: String, endingAt before: Before) -> Value? {
        guard before.last.map({ !")]}'\"".contains($0) }) ?? true else { return nil }
        return session.lookUp(chain: chain)
    }

    /// The identifiers and dots at the end of `text`.
    static func trailingChain<Text: StringProtocol>(_ text: Text) -> String {
        String(text.reversed().prefix { $0.isIdentifierCharacter || $0 == "." }.reversed())
    }

    private func names(startingWith prefix: String) -> [String] {
        var found = Set<String>()
        for name in session.globals.definedNames where name.hasPrefix(prefix) { found.insert(name) }
        for name in session.interpreter.builtins.keys where name.hasPrefix(prefix) { found.insert(name) }
        var candidates = found.filter { visible($0, typed: prefix) }.map { name -> String in
            let value = session.globals[name] ?? session.interpreter.builtins[name]
            return value.map(session.interpreter.isCallable) == true ? name + "(" : name
        }
        candidates += Self.keywords.filter { $0.hasPrefix(prefix) && !found.contains($0) }
        return candidates.sorted()
    }

    private func attributes(of value: Value, startingWith prefix: String) -> [String] {
        session.interpreter.attributeNames(of: value)
            .filter { $0.hasPrefix(prefix) && visible($0, typed: prefix) }
            .map { session.interpreter.isMethod($0, of: value) ? $0 + "(" : $0 }
            .sorted()
    }

    /// Names starting with `_` only when the user typed the `_`.
    private func visible(_ name: String, typed prefix: String) -> Bool {
        !name.hasPrefix("_") || prefix.hasPrefix("_")
    }
}

extension Character {
    var isIdentifierCharacter: Bool { isLetter || isNumber || self == "_" }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension String {
    var isIdentifier: Bool {
        guard let first else { return false }
        return !first.isNumber && allSatisfy(\.isIdentifierCharacter)
    }
}
