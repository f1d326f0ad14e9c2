import GradTensor

/// One float as numpy's Dragon4 prints it in `unique` mode with a precision cap: the shortest
/// digits that read back to the same value, unless they need more than `precision` digits after
/// the point, then the exact value correctly rounded to `precision` digits.
struct NumpyFloatText {
    /// Digits of the integer part (with a leading `-`), and of the fraction.
    var integerPart: String
    var fraction: String
    /// The exponent with its sign, `-05`; empty in positional notation.
    var exponent: String

    /// Positional notation with trailing zeros of the fraction trimmed (`1.5`, `12.`, `-0.`).
    static func positional(_ x: Double, precision: Int, isFloat32: Bool) -> NumpyFloatText {
        let (negative, digits, point) = shortestDigits(x, isFloat32: isFloat32)
        let fractionCount = max(0, digits.count - point)
        var integerPart: String, fraction: String
        if fractionCount <= precision {
            integerPart = point <= 0 ? "0" : String(digits.prefix(point)) + String(repeating: "0", count: max(0, point - digits.count))
            fraction = point >= 0 ? String(digits.dropFirst(point)) : String(repeating: "0", count: -point) + digits
        } else {
            let rounded = PythonFloatText.fixed(Swift.abs(x), digits: precision)
            let parts = rounded.split(separator: ".", omittingEmptySubsequences: false)
            integerPart = String(parts[0])
            fraction = parts.count > 1 ? String(parts[1]) : ""
        }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if negative { integerPart = "-" + integerPart }
        return NumpyFloatText(integerPart: integerPart, fraction: fraction, exponent: "")
    }

    /// Scientific notation with trailing zeros of the fraction trimmed (`1.e-05`, `1.5e+10`).
    static func scientific(_ x: Double, precision: Int, isFloat32: Bool) -> NumpyFloatText {
        let (negative, digits, point) = shortestDigits(x, isFloat32: isFloat32)
        var mantissa: String, exponent: Int
        if digits.count - 1 <= precision {
            mantissa = digits
            exponent = x == 0 ? 0 : point - 1
        } else {
            let text = PythonFloatText.scientific(Swift.abs(x), digits: precision)
            let parts = text.split(separator: "e")
            mantissa = parts[0].replacingOccurrences(of: ".", with: "")
            exponent = Int(parts[1]) ?? 0
        }
        var fraction = String(mantissa.dropFirst())
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let magnitude = String(Swift.abs(exponent))
        let exponentText = (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        return NumpyFloatText(integerPart: (negative ? "-" : "") + String(mantissa.prefix(1)), fraction: fraction, exponent: exponentText)
    }

    /// The shortest round-tripping decimal digits of `x` (no leading zeros; "0" for zero), and
    /// where the point goes: the value is 0.DIGITS times 10**point.
    static func shortestDigits(_ x: Double, isFloat32: Bool) -> (negative: Bool, digits: String, point: Int) {
        let text = isFloat32 ? Float(x).description : x.description
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(mantissa[0]), fraction = mantissa.count > 1 ? String(mantissa[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); point -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        if digits == "0" { point = 1 }
        return (negative, digits, point)
    }
}
