import GradTensor

/// `format(value, spec)` for Python's numbers and strings.
enum PythonFormat {
    /// More significant digits than any double's exact decimal expansion has (767): asking `g` or
    /// the no-type form for more only adds zeros that are then stripped, so a precision of a
    /// billion is cut to this rather than printed.
    static let significantDigitsCap = 800

    static func format(_ x: Double, _ spec: FormatSpec) throws(FormatError) -> String {
        if let precision = spec.precision, precision > Int32.max { throw FormatError("precision too big") }
        var negative = x.sign == .minus && !x.isNaN
        var magnitude = Swift.abs(x)
        var body: String
        let type = spec.type
        if !x.isFinite {
            body = x.isNaN ? "nan" : "inf"
            if type == "E" || type == "F" || type == "G" { body = body.uppercased() }
            if type == "%" { body += "%" }
        } else {
            switch type {
            case "f", "F", "%":
                if type == "%" { magnitude *= 100 }
                body = PythonFloatText.printf(magnitude, flags: spec.alternate ? "#" : "", conversion: "f", digits: spec.precision ?? 6)
                if type == "%" { body += "%" }
            case "e", "E":
                body = PythonFloatText.printf(magnitude, flags: spec.alternate ? "#" : "", conversion: type == "E" ? "E" : "e",
                                              digits: spec.precision ?? 6)
            case "g", "G", "n":
                body = PythonFloatText.printf(magnitude, flags: spec.alternate ? "#" : "", conversion: type == "G" ? "G" : "g",
                                              digits: significant(spec))
            case nil:
                body = spec.precision.map { _ in shortest(magnitude, significant: significant(spec), alternate: spec.alternate) }
                    ?? PythonRepr.float(magnitude)
            default:
                throw FormatError("Unknown format code '\(type.map(String.init) ?? "")' for object of type 'float'")
            }
            if spec.coerceNegativeZero && negative && Double(body.filter { $0.isNumber || $0 == "." }) == 0 {
                negative = false
            }
        }
        return spec.pad(spec.grouped(body), signAndPrefix: spec.signText(negative: negative), defaultAlign: ">")
    }

    /// The significant digits `g` and the no-type form print (trailing zeros are kept only with `#`).
    static func significant(_ spec: FormatSpec) -> Int {
        let p = Swift.max(spec.precision ?? 6, 1)
        return spec.alternate ? p : Swift.min(p, significantDigitsCap)
    }

    /// The no-type form with a precision: like `g`, but switching to an exponent one digit
    /// earlier and always keeping a digit after the point (CPython's `add_dot_0_if_integer`).
    private static func shortest(_ x: Double, significant p: Int, alternate: Bool) -> String {
        let sci = PythonFloatText.printf(x, conversion: "e", digits: p - 1)
        guard let e = sci.firstIndex(of: "e"), let exponent = Int(sci[sci.index(after: e)...]) else { return sci }
        let decimalPoint = exponent + 1
        if decimalPoint <= -4 || decimalPoint > p - 1 {
            var mantissa = String(sci[..<e])
            if !alternate && mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            let expText = String(Swift.abs(exponent))
            return mantissa + (exponent < 0 ? "e-" : "e+") + (expText.count < 2 ? "0" : "") + expText
        }
        var fixed = PythonFloatText.printf(x, conversion: "f", digits: Swift.max(p - decimalPoint, 0))
        if fixed.contains(".") && !alternate {
            while fixed.hasSuffix("0") { fixed.removeLast() }
        }
        if fixed.hasSuffix(".") { fixed += "0" } else if !fixed.contains(".") { fixed += ".0" }
        return fixed
    }

    /// Integers of any size arrive as their sign and decimal digits.
    static func format(integerDigits digits: String, negative: Bool, _ spec: FormatSpec,
                       asFloat: () -> Double) throws(FormatError) -> String {
        switch spec.type {
        case "e", "E", "f", "F", "g", "G", "%":
            return try format(negative ? -asFloat() : asFloat(), spec)
        case nil, "d", "n":
            if spec.precision != nil { throw FormatError("Precision not allowed in integer format specifier") }
            return spec.pad(spec.grouped(digits), signAndPrefix: spec.signText(negative: negative), defaultAlign: ">")
        case "x", "X", "o", "b":
            let radix = spec.type == "b" ? 2 : spec.type == "o" ? 8 : 16
            var text = convert(decimal: digits, toRadix: radix)
            if spec.type == "X" { text = text.uppercased() }
            let prefix = spec.alternate ? "0" + String(spec.type ?? "x") : ""
            return spec.pad(spec.grouped(text, every: 4), signAndPrefix: spec.signText(negative: negative) + prefix, defaultAlign: ">")
        case "c":
            guard !negative, let v = UInt32(digits), let scalar = Unicode.Scalar(v) else {
                throw FormatError("%c arg not in range(0x110000)")
            }
            return spec.pad(String(Character(scalar)), defaultAlign: "<")
        default:
            throw FormatError("Unknown format code '\(spec.type.map(String.init) ?? "")' for object of type 'int'")
        }
    }

    /// Base conversion of a non-negative decimal digit string (works for any size).
    static func convert(decimal: String, toRadix radix: Int) -> String {
        var number = decimal.compactMap { $0.wholeNumberValue }
        if number.allSatisfy({ $0 == 0 }) { return "0" }
        var out: [Character] = []
        let symbols = Array("0123456789abcdef")
        while !(number.isEmpty || number.allSatisfy { $0 == 0 }) {
            var remainder = 0
            var next: [Int] = []
            for d in number {
                let current = remainder * 10 + d
                let q = current / radix
                remainder = current % radix
                if !(next.isEmpty && q == 0) { next.append(q) }
            }
            out.append(symbols[remainder])
            number = next
        }
        return String(out.reversed())
    }

    static func format(string s: String, _ spec: FormatSpec) throws(FormatError) -> String {
        guard spec.type == nil || spec.type == "s" else {
            throw FormatError("Unknown format code '\(spec.type.map(String.init) ?? "")' for object of type 'str'")
        }
        if spec.sign != "-" { throw FormatError("Sign not allowed in string format specifier") }
        if spec.coerceNegativeZero { throw FormatError("Negative zero coercion (z) not allowed in string format specifier") }
        if spec.alternate { throw FormatError("Alternate form (#) not allowed in string format specifier") }
        if spec.align == "=" { throw FormatError("'=' alignment not allowed in string format specifier") }
        let clipped = spec.precision.map { String(String.UnicodeScalarView(s.unicodeScalars.prefix($0))) } ?? s
        return spec.pad(clipped, defaultAlign: "<")
    }
}

/// Python's `repr` of a float: the shortest digits that read back as the same double (Swift's
/// description finds the same ones), laid out as CPython does: plain from 1e-4 up to 1e16,
/// with an exponent outside (`1e-05`, `1e+16`). Swift writes an exponent from 2**53 on.
enum PythonRepr {
    static func float(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let text = x.description
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]),
              exponent >= 0 && exponent < 16 else { return text }
        // d.ddd e+XX with fewer than 17 integer digits: move the point.
        let negative = text.hasPrefix("-")
        let digits = text[..<e].filter { $0 != "." && $0 != "-" }
        let integerDigits = exponent + 1
        let whole = digits.count <= integerDigits
            ? digits + String(repeating: "0", count: integerDigits - digits.count) + ".0"
            : digits.prefix(integerDigits) + "." + digits.dropFirst(integerDigits)
        return (negative ? "-" : "") + whole
    }
}
