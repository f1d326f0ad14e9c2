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

/// Completes names (variables, built-ins, keywords) and attributes after a dot (`torch.ze`,
/// `x.requires_gr`, `x.grad.ze`). The value before the dot is found by looking names and attributes
/// up, and only when it is a plain chain of them: completion never calls anything.
public struct Completer {
    let session: Session

    public init(session: Session) { self.session = session }

    static let keywords = [
        "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    public func complete(_ textBeforeCursor: String) -> Completion {
        let word = String(textBeforeCursor.reversed().prefix { $0.isIdentifierCharacter || $0 == "." }.reversed())
        if word.first?.isNumber == true { return Completion(partial: word, candidates: []) }
        guard let dot = word.lastIndex(of: ".") else {
            return Completion(partial: word, candidates: names(startingWith: word))
        }
        let partial = String(word[word.index(after: dot)...])
        let before = textBeforeCursor.dropLast(word.count).last
        guard before.map({ !")]}'\"".contains($0) }) ?? true,
              let value = session.lookUp(chain: String(word[..<dot])) else {
            return Completion(partial: partial, candidates: [])
        }
        return Completion(partial: partial, candidates: attributes(of: value, startingWith: partial))
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

extension String {
    var isIdentifier: Bool {
        guard let first else { return false }
        return !first.isNumber && allSatisfy(\.isIdentifierCharacter)
    }
}
