/// Python 3.11's hard keywords. Soft keywords (`match`, `case`, `_`) are ordinary names here.
public enum Keyword: String, CaseIterable, Sendable {
    case `false` = "False", none = "None", `true` = "True"
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif, `else`, except
    case finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not, or, pass
    case raise, `return`, `try`, `while`, with, yield
}

/// Operators and delimiters, spelled as in Python's `Grammar/Tokens`.
public enum Operator: String, CaseIterable, Sendable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case colon = ":", comma = ",", semicolon = ";", dot = ".", ellipsis = "...", arrow = "->"
    case at = "@", assign = "=", walrus = ":="
    case plus = "+", minus = "-", star = "*", slash = "/", doubleSlash = "//", percent = "%"
    case doubleStar = "**", pipe = "|", ampersand = "&", caret = "^", tilde = "~"
    case leftShift = "<<", rightShift = ">>"
    case less = "<", greater = ">", equal = "==", notEqual = "!=", lessEqual = "<=", greaterEqual = ">="
    case plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/="
    case doubleSlashAssign = "//=", percentAssign = "%=", doubleStarAssign = "**=", atAssign = "@="
    case ampersandAssign = "&=", pipeAssign = "|=", caretAssign = "^="
    case leftShiftAssign = "<<=", rightShiftAssign = ">>="

    /// Operators by their first character, longest spelling first, for maximal munch in the lexer.
    static let byFirstCharacter: [Unicode.Scalar: [(spelling: [Unicode.Scalar], op: Operator)]] = {
        var table: [Unicode.Scalar: [(spelling: [Unicode.Scalar], op: Operator)]] = [:]
        for op in allCases {
            let spelling = Array(op.rawValue.unicodeScalars)
            table[spelling[0], default: []].append((spelling, op))
        }
        return table.mapValues { $0.sorted { $0.spelling.count > $1.spelling.count } }
    }()
}

/// An integer literal kept exact: its digits (no prefix, no underscores, lowercase) and radix.
/// The evaluator builds a machine integer or a big integer from it; nothing here can overflow.
public struct IntLiteral: Hashable, Sendable, CustomStringConvertible {
    public let digits: String
    public let radix: Int

    /// CPython's limit on decimal digits in conversions between int and text: literals, `int(s)`,
    /// `str(n)` (`sys.get_int_max_str_digits()`); powers of two (hex, octal, binary) have none.
    public static let maxDecimalDigits = 4300

    /// CPython's message for text of `count` decimal digits, beyond the limit.
    public static func tooManyDigits(_ count: Int) -> String {
        "Exceeds the limit (\(maxDecimalDigits) digits) for integer string conversion: value has \(count) digits; use sys.set_int_max_str_digits() to increase the limit"
    }

    public init(digits: String, radix: Int) {
        // Leading zeros carry no value ("00" and "0_0" are valid spellings of zero).
        if digits.utf8.first == UInt8(ascii: "0") {
            let trimmed = digits.drop { $0 == "0" }
            self.digits = trimmed.isEmpty ? "0" : String(trimmed)
        } else {
            self.digits = digits.isEmpty ? "0" : digits
        }
        self.radix = radix
    }

    /// The value when it fits in an `Int`, else nil.
    public var intValue: Int? { Int(digits, radix: radix) }

    /// Python spelling: decimal digits as they are, other radixes with their prefix.
    public var description: String {
        switch radix {
        case 16: return "0x" + digits
        case 8: return "0o" + digits
        case 2: return "0b" + digits
        default: return digits
        }
    }
}

public enum NumberLiteral: Equatable, Sendable {
    case integer(IntLiteral)
    case float(Double)
    /// `2j`: the imaginary part of a complex literal.
    case imaginary(Double)
}

/// What the lexer learned about a string literal token; the parser decodes escapes and f-string parts.
public struct StringToken: Equatable, Sendable {
    public var isRaw: Bool
    public var isFormatted: Bool
    public var isBytes: Bool
    /// 1 for ' and ", 3 for ''' and """.
    public var quoteLength: Int
    /// Index in the source's scalars of the first character after the opening quote(s).
    public var bodyStart: Int
    /// Index of the closing quote(s).
    public var bodyEnd: Int
}

public enum TokenKind: Equatable, Sendable {
    case name
    case keyword(Keyword)
    case op(Operator)
    case number(NumberLiteral)
    case string(StringToken)
    case newline
    case indent
    case dedent
    case endOfInput
    /// A character no token starts with (`$`, `?`, a lone `!`, a backtick): CPython's tokenizer passes
    /// these to the parser, which reports "invalid syntax" there.
    case strayCharacter
    /// The lexer stopped here with an error (`LexResult.error` says which).
    case lexicalError
}

public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    /// The token's source text ("" for NEWLINE at end of input, INDENT/DEDENT and end of input).
    public var text: String
    public var range: SourceRange
    /// Indices of the token in the source's scalars (`start..<end`).
    public var startIndex: Int
    public var endIndex: Int

    public var start: SourceLocation { range.start }

    func isOperator(_ op: Operator) -> Bool {
        if case .op(op) = kind { return true }
        return false
    }

    func isKeyword(_ keyword: Keyword) -> Bool {
        if case .keyword(keyword) = kind { return true }
        return false
    }

    var isName: Bool {
        if case .name = kind { return true }
        return false
    }

    var isString: Bool {
        if case .string = kind { return true }
        return false
    }

    /// The kind as a short upper-case word, like the names of Python's `tokenize` module.
    public var kindName: String {
        switch kind {
        case .name: return "NAME"
        case .keyword: return "KEYWORD"
        case .op: return "OP"
        case .number: return "NUMBER"
        case .string: return "STRING"
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .endOfInput: return "ENDMARKER"
        case .strayCharacter: return "ERRORTOKEN"
        case .lexicalError: return "ERROR"
        }
    }
}
