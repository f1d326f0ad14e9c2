/// Number literals, following CPython's `tok_get` step by step so that invalid forms get the same
/// message and column: the column reported is that of the last character consumed, where CPython's
/// `tok->cur` points when it raises.
extension Lexer {
    /// Reads the next character and advances (nil at the end, without advancing, like `tok_nextc`).
    func nextCharacter() -> Unicode.Scalar? {
        guard i < end, scalars[i] != "\n" else { return nil }
        defer { i += 1 }
        return scalars[i]
    }

    /// Steps back over `c` (`tok_backup`): nothing to undo at the end of the line.
    func backUp(_ c: Unicode.Scalar?) {
        if c != nil { i -= 1 }
    }

    func numberError(_ message: String, endColumn: Int? = nil, column: Int? = nil) -> LexicalError {
        LexicalError(error: error(message, column: column ?? (i - lineStart), endColumn: endColumn),
                     takesPriority: true, atEndOfInput: false)
    }

    func isHexDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }

    func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return isDigit(c)
    }

    func readNumber() -> LexicalError? {
        let start = i
        guard let first = nextCharacter() else { return nil }
        var c: Unicode.Scalar?
        if first == "." {
            c = nextCharacter()
            return readFraction(start: start, c)
        }
        if first == "0" {
            c = nextCharacter()
            if c == "x" || c == "X" { return readPrefixedInteger(start: start, radix: 16) }
            if c == "o" || c == "O" { return readPrefixedInteger(start: start, radix: 8) }
            if c == "b" || c == "B" { return readPrefixedInteger(start: start, radix: 2) }
            return readNumberAfterLeadingZero(start: start, c)
        }
        // A decimal integer, float or imaginary number.
        guard case .followedBy(let afterDigits) = readDecimalTail() else { return pendingNumberError }
        c = afterDigits
        if c == "." {
            c = nextCharacter()
            return readFraction(start: start, c)
        }
        return readExponentAndSuffix(start: start, c)
    }

    /// After "0" that is not a radix prefix: zeros (and underscores), then maybe a float. A decimal
    /// integer with leading zeros ("012") is CPython's old-style-octal error.
    func readNumberAfterLeadingZero(start: Int, _ first: Unicode.Scalar?) -> LexicalError? {
        var c = first
        while true {
            if c == "_" {
                c = nextCharacter()
                if !isDigit(c) {
                    backUp(c)
                    return numberError("invalid decimal literal")
                }
            }
            if c != "0" { break }
            c = nextCharacter()
        }
        let zerosEnd = i
        var nonZero = false
        if isDigit(c) {
            nonZero = true
            guard case .followedBy(let next) = readDecimalTail() else { return pendingNumberError }
            c = next
        }
        if c == "." {
            c = nextCharacter()
            return readFraction(start: start, c)
        }
        if c == "e" || c == "E" || c == "j" || c == "J" {
            return readExponentAndSuffix(start: start, c)
        }
        if nonZero {
            backUp(c)
            return numberError(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                endColumn: zerosEnd - lineStart, column: start - lineStart + 1)
        }
        if let failure = verifyEndOfNumber(c, kind: "decimal") { return failure }
        backUp(c)
        appendNumber(from: start)
        return nil
    }

    /// Digits after a "." (possibly none), then an optional exponent and "j".
    func readFraction(start: Int, _ first: Unicode.Scalar?) -> LexicalError? {
        var c = first
        if isDigit(c) {
            guard case .followedBy(let next) = readDecimalTail() else { return pendingNumberError }
            c = next
        }
        return readExponentAndSuffix(start: start, c)
    }

    func readExponentAndSuffix(start: Int, _ first: Unicode.Scalar?) -> LexicalError? {
        var c = first
        if c == "e" || c == "E" {
            let e = c
            c = nextCharacter()
            if c == "+" || c == "-" {
                c = nextCharacter()
                if !isDigit(c) {
                    backUp(c)
                    return numberError("invalid decimal literal")
                }
            } else if !isDigit(c) {
                // "1else" is 1 followed by `else`; "1e" alone is an error.
                backUp(c)
                if let failure = verifyEndOfNumber(e, kind: "decimal") { return failure }
                backUp(e)
                appendNumber(from: start)
                return nil
            }
            guard case .followedBy(let next) = readDecimalTail() else { return pendingNumberError }
            c = next
        }
        if c == "j" || c == "J" {
            c = nextCharacter()
            if let failure = verifyEndOfNumber(c, kind: "imaginary") { return failure }
        } else if let failure = verifyEndOfNumber(c, kind: "decimal") {
            return failure
        }
        backUp(c)
        appendNumber(from: start)
        return nil
    }

    /// "0x…", "0o…", "0b…": at least one digit, single underscores between digits.
    func readPrefixedInteger(start: Int, radix: Int) -> LexicalError? {
        let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
        func isRadixDigit(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            switch radix {
            case 16: return isHexDigit(c)
            case 8: return c >= "0" && c <= "7"
            default: return c == "0" || c == "1"
            }
        }
        var c = nextCharacter()
        repeat {
            if c == "_" { c = nextCharacter() }
            if !isRadixDigit(c) {
                if radix != 16, let digit = c, isDigit(digit) {
                    return numberError("invalid digit '\(digit)' in \(name) literal")
                }
                backUp(c)
                return numberError("invalid \(name) literal")
            }
            repeat { c = nextCharacter() } while isRadixDigit(c)
        } while c == "_"
        if radix != 16, let digit = c, isDigit(digit) {
            return numberError("invalid digit '\(digit)' in \(name) literal")
        }
        if let failure = verifyEndOfNumber(c, kind: name) { return failure }
        backUp(c)
        appendNumber(from: start)
        return nil
    }

    /// What follows a run of decimal digits, or that an underscore was not followed by a digit.
    enum DecimalTail {
        case followedBy(Unicode.Scalar?)
        case invalid
    }

    /// Decimal digits with single underscores between them (`tok_decimal_tail`). After `.invalid`
    /// the position is where `pendingNumberError` reports.
    func readDecimalTail() -> DecimalTail {
        var c: Unicode.Scalar?
        while true {
            repeat { c = nextCharacter() } while isDigit(c)
            if c != "_" { break }
            c = nextCharacter()
            if !isDigit(c) {
                backUp(c)
                return .invalid
            }
        }
        return .followedBy(c)
    }

    /// The error `readDecimalTail` stopped at (its position is the current one).
    var pendingNumberError: LexicalError { numberError("invalid decimal literal") }

    /// A number directly followed by an ASCII letter is invalid ("1a"), except before the keywords
    /// that can legally follow a number ("1if x else 2", "0or 1"), which CPython still accepts.
    /// A non-ASCII character after a number is left to the name check ("invalid character").
    func verifyEndOfNumber(_ c: Unicode.Scalar?, kind: String) -> LexicalError? {
        guard let c else { return nil }
        let followedByKeyword: Bool
        switch c {
        case "a": followedByKeyword = lookahead("nd")
        case "e": followedByKeyword = lookahead("lse")
        case "f": followedByKeyword = lookahead("or")
        case "i": followedByKeyword = i < end && (scalars[i] == "f" || scalars[i] == "n" || scalars[i] == "s")
        case "o": followedByKeyword = lookahead("r")
        case "n": followedByKeyword = lookahead("ot")
        default: followedByKeyword = false
        }
        if followedByKeyword { return nil }
        if c.isASCII && isIdentifierCharacter(c) {
            backUp(c)
            return numberError("invalid \(kind) literal")
        }
        return nil
    }

    /// Whether `text` follows, as the rest of a keyword (not the start of a longer name).
    func lookahead(_ text: String) -> Bool {
        let spelling = Array(text.unicodeScalars)
        guard matches(spelling, at: i) else { return false }
        let after = i + spelling.count
        return after >= end || !isIdentifierCharacter(scalars[after])
    }

    /// Emits the NUMBER token for `start..<i`, converting its text (underscores dropped).
    func appendNumber(from start: Int) {
        let text = source.text(from: start, to: i)
        let range = SourceRange(location(ofIndex: start), location(ofIndex: i))
        if scalars[start] != "0", !text.utf8.contains(where: { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }) {
            // The common case, a plain decimal integer: its digits are its text.
            let literal = NumberLiteral.integer(IntLiteral(digits: text, radix: 10))
            append(.number(literal), from: start, to: i, range, text: text)
            return
        }
        var radix = 10
        var digitsStart = start
        if i - start > 2 && scalars[start] == "0" {
            switch scalars[start + 1] {
            case "x", "X": radix = 16
            case "o", "O": radix = 8
            case "b", "B": radix = 2
            default: break
            }
            if radix != 10 { digitsStart += 2 }
        }
        var isFloat = false
        var isImaginary = false
        var bytes: [UInt8] = []
        bytes.reserveCapacity(i - digitsStart)
        for k in digitsStart..<i {
            // Number literals are ASCII by construction.
            let c = UInt8(truncatingIfNeeded: scalars[k].value)
            switch c {
            case UInt8(ascii: "_"): continue
            case UInt8(ascii: "j"), UInt8(ascii: "J"): isImaginary = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                if radix == 10 { isFloat = true }
                bytes.append(c | 0x20)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): bytes.append(c | 0x20)
            default: bytes.append(c)
            }
        }
        let spelled = String(decoding: bytes, as: UTF8.self)
        let literal: NumberLiteral
        if isImaginary {
            literal = .imaginary(Double(spelled) ?? 0)
        } else if isFloat {
            literal = .float(Double(spelled) ?? 0)
        } else {
            literal = .integer(IntLiteral(digits: spelled, radix: radix))
        }
        append(.number(literal), from: start, to: i, range, text: text)
    }
}
