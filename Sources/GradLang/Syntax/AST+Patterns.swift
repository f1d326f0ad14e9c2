/// `case pattern [if guard]: body` of a `match` statement.
public struct MatchCase: Equatable, Sendable {
    public var pattern: Pattern
    public var guardTest: Expr?
    public var body: [Stmt]
}

/// A pattern of a `case` clause (PEP 634) and where it is in the source.
public struct Pattern: Equatable, Sendable {
    public var kind: PatternKind
    public var range: SourceRange

    public init(_ kind: PatternKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum PatternKind: Equatable, Sendable {
    /// A literal or a dotted name (`Color.RED`): matches what compares `==` to it.
    case value(Expr)
    /// `None`, `True`, `False`: matches that very object (`is`).
    case singleton(Expr)
    /// A name the subject is bound to; nil for the wildcard `_`.
    case capture(String?)
    /// `[a, *rest]`, `(a, b)`, `a, b`: any sequence but str, bytes and bytearray.
    case sequence([Pattern])
    /// `*rest` (nil for `*_`) inside a sequence pattern.
    case star(String?)
    /// `{key: pattern, **rest}`; the keys are literals or dotted names.
    case mapping(keys: [Expr], patterns: [Pattern], rest: String?)
    /// `Class(p, name=p)`: an instance of the class whose attributes match.
    case classPattern(cls: Expr, positional: [Pattern], keywordNames: [String], keywordPatterns: [Pattern])
    /// `p | q`: the first alternative that matches.
    case or([Pattern])
    /// `p as name`.
    case `as`(Pattern, name: String)
}

extension Pattern {
    /// The names this pattern binds, in the order it binds them (each once).
    var boundNames: [String] {
        var names: [String] = []
        collectNames(into: &names)
        return names
    }

    private func collectNames(into names: inout [String]) {
        switch kind {
        case .value, .singleton: break
        case .capture(let name), .star(let name):
            if let name, !names.contains(name) { names.append(name) }
        case .sequence(let items): items.forEach { $0.collectNames(into: &names) }
        case .mapping(_, let patterns, let rest):
            patterns.forEach { $0.collectNames(into: &names) }
            if let rest, !names.contains(rest) { names.append(rest) }
        case .classPattern(_, let positional, _, let keywordPatterns):
            (positional + keywordPatterns).forEach { $0.collectNames(into: &names) }
        case .or(let alternatives): alternatives.first?.collectNames(into: &names)
        case .as(let inner, let name):
            inner.collectNames(into: &names)
            if !names.contains(name) { names.append(name) }
        }
    }

    /// The expressions the pattern evaluates (values, keys, classes).
    var expressions: [Expr] {
        switch kind {
        case .value(let e), .singleton(let e): return [e]
        case .capture, .star: return []
        case .sequence(let items), .or(let items): return items.flatMap(\.expressions)
        case .mapping(let keys, let patterns, _): return keys + patterns.flatMap(\.expressions)
        case .classPattern(let cls, let positional, _, let keywordPatterns):
            return [cls] + (positional + keywordPatterns).flatMap(\.expressions)
        case .as(let inner, _): return inner.expressions
        }
    }
}
