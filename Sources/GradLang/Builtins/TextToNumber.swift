import BigInt

/// `int(text, base)` and `float(text)`: CPython's grammar for numbers written as strings
/// (surrounding whitespace, a sign, base prefixes, single underscores between digits, any
/// Unicode decimal digit).
enum TextToNumber {
    static let maxDecimalDigits = IntLiteral.maxDecimalDigits

    /// The text of bytes given to `int()` or `float()`, which read ASCII only: bytes past it
    /// become a character no number contains, so that they fail as CPython's do.
    static func text(of bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : "\u{FFFD}" }))
    }

    /// `shown`: how the error names the argument, when it is not this str (bytes: `b'x'`).
    static func integer(_ text: String, base: Int, shown: String? = nil) throws -> Value {
        let invalid = PyError.value("invalid literal for int() with base \(base): \(shown ?? Repr.string(String(text.prefix(200))))")
        if text.utf8.count > maxDecimalDigits, base == 10 || base == 0,
           let value = try longASCIIDecimal(text, base: base, invalid: invalid) {
            return value
        }
        var chars = asciiDigits(trimmed(text))[...]
        var negative = false
        if let sign = chars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            chars = chars.dropFirst()
        }
        var radix = base
        var afterPrefix = false
        if chars.count >= 2, chars.first == "0", let p = chars.dropFirst().first?.lowercased() {
            let prefixed = ["x": 16, "o": 8, "b": 2][p]
            if let prefixed, base == 0 || base == prefixed {
                radix = prefixed
                chars = chars.dropFirst(2)
                afterPrefix = true
            }
        }
        if radix == 0 {
            radix = 10
            // A base-0 literal may not have a leading zero unless it is all zeros (`010` is refused).
            if chars.first == "0", chars.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid }
        }
        guard let digits = withoutUnderscores(chars, leadingAllowed: afterPrefix), !digits.isEmpty,
              digits.allSatisfy({ digitValue($0).map { $0 < radix } ?? false })
        else { throw invalid }
        if radix & (radix - 1) != 0 && digits.count > maxDecimalDigits {
            throw PyError.value(IntLiteral.tooManyDigits(digits.count))
        }
        try Arg.checkLength(digits.count)
        guard let magnitude = radix < 36 ? BigInt(String(digits), radix: radix) : base36(digits) else { throw invalid }
        return .integer(negative ? -magnitude : magnitude)
    }

    static func float(_ text: String, shown: String? = nil) throws -> Double {
        let invalid = PyError.value("could not convert string to float: \(shown ?? Repr.string(text))")
        var chars = asciiDigits(trimmed(text))[...]
        var sign = ""
        if let s = chars.first, s == "+" || s == "-" {
            sign = String(s)
            chars = chars.dropFirst()
        }
        switch String(chars).lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return NaNIdentity.fresh()
        default: break
        }
        // digits [. digits] [e [sign] digits], each digit run with single underscores inside.
        var body = ""
        var rest = chars
        func digitRun() -> String? {
            let run = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "_") }
            rest = rest.dropFirst(run.count)
            return run.isEmpty ? "" : withoutUnderscores(run, leadingAllowed: false).map { String($0) }
        }
        guard let integerPart = digitRun() else { throw invalid }
        body += integerPart
        var fraction = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            guard let f = digitRun() else { throw invalid }
            fraction = f
            body += "." + f
        }
        guard !(integerPart.isEmpty && fraction.isEmpty) else { throw invalid }
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            body += "e"
            if let s = rest.first, s == "+" || s == "-" { body.append(s); rest = rest.dropFirst() }
            guard let exponent = digitRun(), !exponent.isEmpty else { throw invalid }
            body += exponent
        }
        guard rest.isEmpty, let value = Double(sign + body) else { throw invalid }
        return value
    }

    /// A long ASCII text in base 10 (or base 0 without a prefix), read from its bytes in one pass
    /// with CPython's order of checks: sign, digits with single underscores, the digit limit,
    /// then what follows. The Character-level parse above would take seconds and gigabytes on
    /// `int('7' * 413011301)` (found by the fuzzer) where CPython refuses it at once. Nil when
    /// the text is not of that kind.
    private static func longASCIIDecimal(_ text: String, base: Int, invalid: PyError) throws -> Value? {
        var text = text
        return try text.withUTF8 { bytes -> Value? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // C's isspace, which CPython's int() strips (not \x1c-\x1f, unlike str.strip()).
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0d).contains(b) }
            func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
            let underscore = UInt8(ascii: "_")
            var i = 0, end = bytes.count
            while i < end && isSpace(bytes[i]) { i += 1 }
            while end > i && isSpace(bytes[end - 1]) { end -= 1 }
            var negative = false
            if i < end && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                negative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            let leadingZero = i < end && bytes[i] == UInt8(ascii: "0")
            if base == 0 && leadingZero && i + 1 < end && "xXoObB".utf8.contains(bytes[i + 1]) { return nil }
            if i < end && bytes[i] == underscore { throw invalid }
            var digits: [UInt8] = [], count = 0, previousUnderscore = false
            while i < end && (isDigit(bytes[i]) || bytes[i] == underscore) {
                if bytes[i] == underscore {
                    if previousUnderscore { throw invalid }
                    previousUnderscore = true
                } else {
                    count += 1
                    if count <= maxDecimalDigits { digits.append(bytes[i]) }
                    previousUnderscore = false
                }
                i += 1
            }
            if previousUnderscore { throw invalid }
            if count > maxDecimalDigits {
                throw PyError.value(IntLiteral.tooManyDigits(count))
            }
            guard count > 0, i == end, let magnitude = BigInt(String(decoding: digits, as: UTF8.self), radix: 10) else { throw invalid }
            // Base 0 refuses C-style octal (`010`), though zero itself may be written `000`.
            if base == 0 && leadingZero && magnitude != 0 { throw invalid }
            return .integer(negative ? -magnitude : magnitude)
        }
    }

    /// BigInt's parser stops at base 35; base 36 strings are short (the digit limit applies).
    private static func base36(_ digits: [Character]) -> BigInt? {
        var value = BigInt(0)
        for c in digits {
            guard let d = digitValue(c) else { return nil }
            value = value * 36 + BigInt(d)
        }
        return value
    }

    /// 0-9, then a/A = 10 up to z/Z = 35.
    private static func digitValue(_ c: Character) -> Int? {
        guard let a = c.asciiValue else { return nil }
        switch a {
        case 48...57: return Int(a) - 48
        case 97...122: return Int(a) - 87
        case 65...90: return Int(a) - 55
        default: return nil
        }
    }

    /// Python strips Unicode whitespace around numbers.
    private static func trimmed(_ text: String) -> [Character] {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.isPythonWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isPythonWhitespace }) else { return [] }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return Array(String(out))
    }

    /// Any Unicode decimal digit (`'٣'`) stands for its ASCII digit.
    static func asciiDigits(_ chars: [Character]) -> [Character] {
        chars.map { c in
            guard !c.isASCII, c.unicodeScalars.count == 1, let s = c.unicodeScalars.first,
                  s.properties.numericType == .decimal, let v = s.properties.numericValue else { return c }
            return Character(String(Int(v)))
        }
    }

    /// The digits with their separating underscores removed; nil when an underscore is doubled,
    /// trailing, or leading (a leading one is allowed right after a base prefix: `0x_ff`).
    private static func withoutUnderscores(_ chars: ArraySlice<Character>, leadingAllowed: Bool) -> [Character]? {
        var out: [Character] = []
        var previousUnderscore = !leadingAllowed
        for c in chars {
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
            } else {
                out.append(c)
                previousUnderscore = false
            }
        }
        if chars.last == "_" { return nil }
        return out
    }
}
