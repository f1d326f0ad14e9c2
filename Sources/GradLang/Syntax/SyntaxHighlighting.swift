/// What a stretch of source is, for colouring it (the REPL colours the line being typed).
public enum HighlightKind: Sendable {
    case keyword, keywordConstant, softKeyword, builtin, definition, string, number, comment
}

/// A stretch of source to colour: `range` counts Unicode scalars from the start of the source (a
/// `\r\n` line end counted as one, as the parser reads it).
public struct HighlightSpan: Equatable, Sendable {
    public let kind: HighlightKind
    public let range: Range<Int>

    public init(_ kind: HighlightKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// Colours source as CPython's REPL does (3.14's `_pyrepl.utils.gen_colors`; 3.13 colours only its
/// prompts), from the tokens the parser reads, so that colours agree with parsing: keywords, `True`,
/// `False` and `None`, soft keywords where they act as keywords, builtins not after a `.`, the name
/// after `def` and `class`, strings (an unterminated one to the end of the source; in an f-string,
/// the expressions of its fields as code), numbers and comments. Where another lexical error stops the tokens, colouring stops too, as in CPython.
public enum SyntaxHighlighting {
    /// The spans of `source`, in order. `builtins`: the names coloured as builtins.
    public static func spans(in source: String, builtins: Set<String>) -> [HighlightSpan] {
        let text = SourceText(source)
        let lexed = Lexer.tokenize(text)
        let tokens = lexed.tokens.filter { $0.kind != .lexicalError && $0.kind != .endOfInput }
        var spans = classify(tokens, in: text, builtins: builtins)
        let lexedEnd = lexed.error.map { text.index(of: $0.error) } ?? text.scalars.count
        if let error = lexed.error, error.error.message.hasPrefix("unterminated"), lexedEnd < text.scalars.count {
            spans.append(HighlightSpan(.string, lexedEnd..<text.scalars.count))
        }
        spans += comments(text, before: lexedEnd, outside: tokens)
        return spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The spans of `tokens`; `bracketDepth`: how many brackets are open before them (a
    /// replacement field's expression is inside its braces).
    static func classify(_ tokens: [Token], in text: SourceText, builtins: Set<String>, bracketDepth: Int = 0) -> [HighlightSpan] {
        var spans: [HighlightSpan] = []
        var afterDefOrClass = false
        var bracketDepth = bracketDepth
        for (k, token) in tokens.enumerated() where token.startIndex < token.endIndex {
            let range = token.startIndex..<token.endIndex
            switch token.kind {
            case .string(let string):
                if string.isFormatted {
                    spans += fStringSpans(token, string, in: text, builtins: builtins)
                } else {
                    spans.append(HighlightSpan(.string, range))
                }
            case .number: spans.append(HighlightSpan(.number, range))
            case .op(let op):
                if [.leftParen, .leftBracket, .leftBrace].contains(op) { bracketDepth += 1 }
                if [.rightParen, .rightBracket, .rightBrace].contains(op) { bracketDepth -= 1 }
            case .keyword(let keyword):
                let isConstant = keyword == .true || keyword == .false || keyword == .none
                spans.append(HighlightSpan(isConstant ? .keywordConstant : .keyword, range))
                if keyword == .def || keyword == .class { afterDefOrClass = true }
            case .name:
                let previous = k > 0 ? tokens[k - 1] : nil
                if afterDefOrClass {
                    afterDefOrClass = false
                    spans.append(HighlightSpan(.definition, range))
                } else if bracketDepth == 0,
                          isSoftKeyword(token.text, previous: previous, next: k + 1 < tokens.count ? tokens[k + 1] : nil) {
                    spans.append(HighlightSpan(.softKeyword, range))
                } else if builtins.contains(token.text), previous?.isOperator(.dot) != true {
                    spans.append(HighlightSpan(.builtin, range))
                }
            default: break
            }
        }
        return spans
    }

    /// The lexer keeps no comment tokens: a `#` that no token covers starts one, to the line's end.
    private static func comments(_ text: SourceText, before end: Int, outside tokens: [Token]) -> [HighlightSpan] {
        var spans: [HighlightSpan] = []
        var covered = tokens.lazy.filter { $0.kind != .newline && $0.startIndex < $0.endIndex }
            .map { $0.startIndex..<$0.endIndex }.makeIterator()
        var nextToken = covered.next()
        var i = 0
        while i < end {
            if let token = nextToken, token.contains(i) {
                i = token.upperBound
                nextToken = covered.next()
                continue
            }
            if let token = nextToken, token.upperBound <= i {
                nextToken = covered.next()
                continue
            }
            if text.scalars[i] == "#" {
                let start = i
                while i < end && text.scalars[i] != "\n" { i += 1 }
                spans.append(HighlightSpan(.comment, start..<i))
                continue
            }
            i += 1
        }
        return spans
    }

    /// CPython's `is_soft_keyword_used`: `match` and `case` starting a statement and followed by
    /// what can begin a subject or pattern, `case _:`, and `type` before a name.
    private static func isSoftKeyword(_ name: String, previous: Token?, next: Token?) -> Bool {
        guard let next else { return false }
        let startsStatement: Bool
        switch previous?.kind {
        case nil, .newline?, .indent?, .op(.colon)?: startsStatement = true
        case .dedent?: startsStatement = name != "match"
        default: startsStatement = false
        }
        switch name {
        case "match", "case":
            guard startsStatement else { return false }
            switch next.kind {
            case .number, .string: return true
            case .op(let op):
                let openers: Set<Operator> = name == "match" ? [.leftParen, .star, .leftBracket, .leftBrace, .tilde, .ellipsis]
                    : [.leftParen, .star, .minus, .leftBracket, .leftBrace]
                return openers.contains(op)
            case .name: return true
            case .keyword(let keyword):
                let allowed: Set<Keyword> = name == "match" ? [.false, .none, .true, .await, .lambda, .not]
                    : [.false, .none, .true]
                return allowed.contains(keyword)
            default: return false
            }
        case "_":
            return previous?.text == "case" && next.isOperator(.colon)
        case "type":
            return startsStatement && next.isName
        default:
            return false
        }
    }
}

extension SourceText {
    /// The scalar index where a syntax error's location is.
    func index(of error: SyntaxError) -> Int {
        guard error.line >= 1, error.line <= lineStarts.count else { return scalars.count }
        return Swift.min(lineStarts[error.line - 1] + Swift.max(error.column - 1, 0), scalars.count)
    }
}
