/// The SyntaxErrors CPython's compiler raises for `case` patterns: unreachable cases, names bound
/// twice, alternatives binding different names, keys and values that are not literals or dotted
/// names. As in CPython, an error points at the last pattern entered before it was found.
struct PatternChecker {
    let checker: CompileChecks.Checker
    /// The names bound so far, in order.
    private var stores: [String] = []
    /// Where an error points: the pattern last entered.
    private var location: SourceRange

    /// A checker for the pattern of one case.
    init(checker: CompileChecks.Checker, pattern: Pattern) {
        self.checker = checker
        location = pattern.range
    }

    private func error(_ message: String) -> SyntaxError {
        checker.error(message, at: location)
    }

    /// `irrefutableAllowed`: whether a pattern matching everything may stand here (CPython's
    /// `allow_irrefutable`: in the last case, under a guard, or inside another pattern).
    mutating func check(_ p: Pattern, irrefutableAllowed: Bool) throws(SyntaxError) {
        location = p.range
        switch p.kind {
        case .value(let e):
            guard e.isPatternValue else { throw error("patterns may only match literals and attribute lookups") }
        case .singleton:
            break
        case .capture(let name):
            guard irrefutableAllowed else {
                throw error(name.map { "name capture '\($0)' makes remaining patterns unreachable" }
                            ?? "wildcard makes remaining patterns unreachable")
            }
            if let name { try store(name) }
        case .star(let name):
            if let name { try store(name) }
        case .sequence(let items):
            if items.filter(\.isStar).count > 1 { throw error("multiple starred names in sequence pattern") }
            for item in items { try check(item, irrefutableAllowed: true) }
        case .mapping(let keys, let patterns, let rest):
            var seen: [String] = []
            for key in keys {
                if let literal = key.literalKey {
                    if seen.contains(literal) { throw error("mapping pattern checks duplicate key (\(literal))") }
                    seen.append(literal)
                } else if case .attribute = key.kind {
                    continue
                } else {
                    throw error("mapping pattern keys may only match literals and attribute lookups")
                }
            }
            for pattern in patterns { try check(pattern, irrefutableAllowed: true) }
            if let rest { try store(rest) }
        case .classPattern(_, let positional, let names, let keywordPatterns):
            for (i, name) in names.enumerated() where names[..<i].contains(name) {
                location = keywordPatterns[i].range
                throw error("attribute name repeated in class pattern: \(name)")
            }
            for pattern in positional + keywordPatterns { try check(pattern, irrefutableAllowed: true) }
        case .or(let alternatives):
            let outer = stores
            var control: [String]?
            for (i, alternative) in alternatives.enumerated() {
                stores = []
                try check(alternative, irrefutableAllowed: irrefutableAllowed && i == alternatives.count - 1)
                if let control {
                    if Set(control) != Set(stores) { throw error("alternative patterns bind different names") }
                } else {
                    control = stores
                }
            }
            stores = outer
            for name in control ?? [] { try store(name) }
        case .as(let inner, let name):
            try check(inner, irrefutableAllowed: irrefutableAllowed)
            try store(name)
        }
    }

    private mutating func store(_ name: String) throws(SyntaxError) {
        if stores.contains(name) { throw error("multiple assignments to name '\(name)' in pattern") }
        stores.append(name)
    }
}

extension Pattern {
    var isStar: Bool {
        if case .star = kind { return true }
        return false
    }
}

extension Expr {
    /// A literal (folded as CPython folds `-1` and `1+2j`) or a dotted name: what a value pattern
    /// may hold.
    var isPatternValue: Bool {
        switch kind {
        case .constant, .attribute: return true
        case .unary(.minus, let operand): return operand.isPatternValue
        case .binary(.add, let real, let imaginary), .binary(.subtract, let real, let imaginary):
            return real.isPatternValue && imaginary.isPatternValue
        default: return false
        }
    }

    /// The repr of a constant mapping key, for CPython's duplicate-key check (nil for other keys).
    var literalKey: String? {
        switch kind {
        case .constant(.string(let s)): return "'\(s)'"
        case .constant(.none): return "None"
        case .constant(.true): return "True"
        case .constant(.false): return "False"
        case .constant, .unary, .binary: return isPatternValue ? dump : nil
        default: return nil
        }
    }
}
