/// Python's format-specification mini-language: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
/// as used by `format()`, `str.format` and f-strings (`{x:.3f}`, `{n:5d}`, `{v:>8}`, `{p:.1%}`).
struct FormatSpec: Equatable {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var coerceNegativeZero = false
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ text: String) throws(FormatError) {
        // By code point: a combining mark after the fill is not part of it.
        var chars = text.unicodeScalars.map(Character.init)
        var i = 0
        func peek(_ k: Int = 0) -> Character? { i + k < chars.count ? chars[i + k] : nil }
        if let second = peek(1), "<>=^".contains(second) {
            fill = chars[i]
            align = second
            i += 2
        } else if let first = peek(), "<>=^".contains(first) {
            align = first
            i += 1
        }
        if let c = peek(), "+- ".contains(c) { sign = c; i += 1 }
        if peek() == "z" { coerceNegativeZero = true; i += 1 }
        if peek() == "#" { alternate = true; i += 1 }
        if peek() == "0" {
            if align == nil { fill = "0"; align = "=" }
            i += 1
        }
        width = try FormatSpec.number(&chars, &i, what: "Too many decimal digits in format string") ?? 0
        if let c = peek(), c == "," || c == "_" { grouping = c; i += 1 }
        if peek() == "." {
            i += 1
            guard let p = try FormatSpec.number(&chars, &i, what: "Too many decimal digits in format string") else {
                throw FormatError("Format specifier missing precision")
            }
            precision = p
        }
        if i < chars.count { type = chars[i]; i += 1 }
        if i < chars.count { throw FormatError("Invalid format specifier '\(text)' for object of type '%TYPE%'") }
        chars.removeAll()
    }

    private static func number(_ chars: inout [Character], _ i: inout Int, what: String) throws(FormatError) -> Int? {
        var value = 0, any = false
        while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
            // CPython reads the number as a Py_ssize_t.
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAgain) = tens.addingReportingOverflow(d)
            if overflow || overflowAgain { throw FormatError(what) }
            value = sum
            any = true
            i += 1
        }
        return any ? value : nil
    }

    /// Whether formatting `value` writes as many digits as the precision says (`f`, `e`, `%`, and
    /// `g` or a float's no-type form with `#`), so that a huge precision means a huge string.
    func printsEveryDigitOfPrecision(for value: Value) -> Bool {
        guard let type else {
            if case .float = value { return alternate }
            return value.isComplex && alternate
        }
        return "fF%eE".contains(type) || (alternate && "gGn".contains(type))
    }

    /// Pads `body` (already signed) to the width with the fill and alignment; `defaultAlign` is
    /// '>' for numbers and '<' for strings. `=` puts the padding after the sign or 0x prefix.
    func pad(_ body: String, signAndPrefix: String = "", defaultAlign: Character) -> String {
        let length = signAndPrefix.unicodeScalars.count + body.unicodeScalars.count
        guard width > length else { return signAndPrefix + body }
        let padding = width - length
        switch align ?? defaultAlign {
        case "<": return signAndPrefix + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + signAndPrefix + body + String(repeating: fill, count: padding - left)
        case "=": return signAndPrefix + String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + signAndPrefix + body
        }
    }

    /// The sign text for a number with the given negativity.
    func signText(negative: Bool) -> String {
        if negative { return "-" }
        switch sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    /// Inserts the grouping separator every `every` digits of the integer part of `digits`.
    func grouped(_ digits: String, every: Int = 3) -> String {
        guard let separator = grouping else { return digits }
        let integerEnd = digits.firstIndex { !$0.isHexDigit } ?? digits.endIndex
        let integer = Array(digits[..<integerEnd])
        var out: [Character] = []
        for (k, c) in integer.enumerated() {
            if k > 0 && (integer.count - k) % every == 0 { out.append(separator) }
            out.append(c)
        }
        return String(out) + digits[integerEnd...]
    }
}

/// A formatting mistake; the language layer raises it as `ValueError` (with `%TYPE%` filled in).
struct FormatError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
