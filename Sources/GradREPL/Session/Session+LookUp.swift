import GradLang

extension Session {
    /// `a.b.c` → the value, when every part is an identifier and every look-up succeeds (for
    /// completion and `obj?`, which run no code but attribute look-ups).
    func lookUp(chain: String) -> Value? {
        let parts = chain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, parts.allSatisfy(\.isIdentifier) else { return nil }
        guard var value = globals[first] ?? interpreter.builtins[first] else { return nil }
        for name in parts.dropFirst() {
            guard let next = try? interpreter.getAttribute(value, name) else { return nil }
            value = next
        }
        return value
    }
}
