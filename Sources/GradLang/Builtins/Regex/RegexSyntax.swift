/// A parsed regular expression, as CPython's `re._parser` leaves it: the pattern's structure, with
/// flags still unresolved (scoped flag groups are nodes; RegexCompiler applies them).
indirect enum RegexNode {
    case literal(UInt32)
    /// `.`
    case any
    case set(RegexCharSet)
    case anchor(RegexAnchor)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// A capturing group and its number.
    case group(Int, RegexNode)
    /// `(?:...)`, kept as a node so that a quantifier after it is not a "multiple repeat".
    case noncapturing(RegexNode)
    /// `(?flags-flags:...)`
    case scopedFlags(add: RegexFlags, remove: RegexFlags, RegexNode)
    case repetition(RegexNode, min: Int, max: Int?, kind: RepetitionKind)
    case backreference(Int)
    case lookaround(RegexNode, behind: Bool, negated: Bool)
    /// `(?>...)`: once matched, never backtracked into.
    case atomic(RegexNode)
    /// `(?(group)yes|no)`
    case conditional(group: Int, yes: RegexNode, no: RegexNode)

    static var empty: RegexNode { .sequence([]) }

    /// The fewest and most code points the node can match (nil: unbounded), for look-behinds,
    /// which must have a fixed width. `groupWidths` holds each closed group's width, for
    /// backreferences.
    func width(groupWidths: [Int: (Int, Int?)]) -> (min: Int, max: Int?) {
        switch self {
        case .literal, .any, .set: return (1, 1)
        case .anchor, .lookaround: return (0, 0)
        case .sequence(let items):
            var low = 0, high: Int? = 0
            for item in items {
                let (l, h) = item.width(groupWidths: groupWidths)
                low = low.addingReportingOverflow(l).overflow ? Int.max : low + l
                if let current = high, let h, !current.addingReportingOverflow(h).overflow { high = current + h } else { high = nil }
            }
            return (low, high)
        case .alternation(let items):
            let widths = items.map { $0.width(groupWidths: groupWidths) }
            let low = widths.map(\.min).min() ?? 0
            let high = widths.contains { $0.max == nil } ? nil : widths.compactMap(\.max).max() ?? 0
            return (low, high)
        case .group(_, let body), .noncapturing(let body), .scopedFlags(_, _, let body), .atomic(let body):
            return body.width(groupWidths: groupWidths)
        case .repetition(let body, let min, let max, _):
            let (l, h) = body.width(groupWidths: groupWidths)
            let low = l == 0 || min == 0 ? 0 : (l.multipliedReportingOverflow(by: min).overflow ? Int.max : l * min)
            guard let max, let h else { return (low, h == 0 || max == 0 ? 0 : nil) }
            let high = h.multipliedReportingOverflow(by: max)
            return (low, high.overflow ? nil : high.partialValue)
        case .backreference(let group):
            return groupWidths[group] ?? (0, nil)
        case .conditional(_, let yes, let no):
            return RegexNode.alternation([yes, no]).width(groupWidths: groupWidths)
        }
    }
}

enum RepetitionKind { case greedy, lazy, possessive }

/// `^ $ \A \Z \b \B`
enum RegexAnchor { case lineStart, lineEnd, textStart, textEnd, wordBoundary, notWordBoundary }

/// `\d \D \s \S \w \W`
enum RegexCategory {
    case digit, notDigit, space, notSpace, word, notWord

    /// Whether `c` is in the category: Unicode's classes, as CPython's str patterns, or ASCII's
    /// under `re.ASCII`.
    func contains(_ c: UInt32, ascii: Bool) -> Bool {
        switch self {
        case .digit: return RegexCategory.isDigit(c, ascii: ascii)
        case .notDigit: return !RegexCategory.isDigit(c, ascii: ascii)
        case .space: return RegexCategory.isSpace(c, ascii: ascii)
        case .notSpace: return !RegexCategory.isSpace(c, ascii: ascii)
        case .word: return RegexCategory.isWord(c, ascii: ascii)
        case .notWord: return !RegexCategory.isWord(c, ascii: ascii)
        }
    }

    static func isDigit(_ c: UInt32, ascii: Bool) -> Bool {
        if c < 128 { return c >= 0x30 && c <= 0x39 }
        return !ascii && (Unicode.Scalar(c)?.isPythonDecimal ?? false)
    }

    static func isSpace(_ c: UInt32, ascii: Bool) -> Bool {
        if c < 128 { return c == 0x20 || (c >= 0x09 && c <= 0x0d) || (!ascii && c >= 0x1c && c <= 0x1f) }
        return !ascii && (Unicode.Scalar(c)?.isPythonWhitespace ?? false)
    }

    static func isWord(_ c: UInt32, ascii: Bool) -> Bool {
        if c < 128 {
            return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c == 0x5f
        }
        return !ascii && (Unicode.Scalar(c)?.isPythonAlnum ?? false)
    }
}

/// The members of `[...]`.
struct RegexCharSet {
    enum Member {
        case char(UInt32)
        case range(UInt32, UInt32)
        case category(RegexCategory)
    }
    var negated: Bool
    var members: [Member]

    func containsExactly(_ c: UInt32, ascii: Bool) -> Bool {
        for member in members {
            switch member {
            case .char(let m): if c == m { return true }
            case .range(let low, let high): if c >= low && c <= high { return true }
            case .category(let category): if category.contains(c, ascii: ascii) { return true }
            }
        }
        return false
    }
}

/// The flags' values, as `re.I` and the others have them.
struct RegexFlags: OptionSet, Hashable {
    let rawValue: Int
    static let ignoreCase = RegexFlags(rawValue: 2)
    static let locale = RegexFlags(rawValue: 4)
    static let multiline = RegexFlags(rawValue: 8)
    static let dotAll = RegexFlags(rawValue: 16)
    static let unicode = RegexFlags(rawValue: 32)
    static let verbose = RegexFlags(rawValue: 64)
    static let debug = RegexFlags(rawValue: 128)
    static let ascii = RegexFlags(rawValue: 256)

    /// The inline flag letters of `(?aiLmsux)`.
    init?(letter: Unicode.Scalar) {
        switch letter {
        case "i": self = .ignoreCase
        case "L": self = .locale
        case "m": self = .multiline
        case "s": self = .dotAll
        case "x": self = .verbose
        case "a": self = .ascii
        case "u": self = .unicode
        default: return nil
        }
    }

    init(rawValue: Int) { self.rawValue = rawValue }
}

/// A malformed pattern: `re.error`'s message and position in the pattern.
struct RegexSyntaxError: Error {
    /// `re.error`, or the OverflowError, ValueError and RecursionError CPython's parser raises
    /// for a few patterns.
    enum Kind { case reError, overflow, value, recursion }
    let message: String
    let position: Int?
    var kind = Kind.reError
}
