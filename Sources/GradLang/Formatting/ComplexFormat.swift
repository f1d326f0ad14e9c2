import GradTensor

/// `repr()` and `format()` of a complex number as CPython 3.11 writes them: each part is a
/// float written without a forced `.0` (`(1+2j)`, `(1e+20+1j)`), the imaginary part always
/// signed after a real part, and a real part of +0.0 left out of the repr and of the no-type
/// format (`2j`, but `(-0-0j)`).
enum ComplexFormat {
    static func repr(_ z: Complex) -> String {
        if z.real == 0 && z.real.sign == .plus { return part(z.imag, type: "r", precision: 0, alternate: false) + "j" }
        let imag = part(z.imag, type: "r", precision: 0, alternate: false)
        let signedImag = imag.hasPrefix("-") ? imag : "+" + imag
        return "(" + part(z.real, type: "r", precision: 0, alternate: false) + signedImag + "j)"
    }

    /// `format(z, spec)`: the float presentation types apply to both parts; no type (with or
    /// without a precision) writes the repr's layout; padding surrounds the whole number.
    static func format(_ z: Complex, _ spec: FormatSpec) throws(FormatError) -> String {
        if let precision = spec.precision, precision > Int32.max { throw FormatError("precision too big") }
        if spec.fill == "0" {
            throw FormatError("Zero padding is not allowed in complex format specifier")
        }
        if spec.align == "=" { throw FormatError("'=' alignment flag is not allowed in complex format specifier") }
        let type: Character
        var omitsReal = false, parenthesized = false
        switch spec.type {
        case nil:
            type = spec.precision == nil ? "r" : "g"
            omitsReal = z.real == 0 && z.real.sign == .plus
            parenthesized = !omitsReal
        case "n": type = "g"
        case let t? where "eEfFgG".contains(t): type = t
        case let t?:
            throw FormatError("Unknown format code '\(t)' for object of type 'complex'")
        }
        // `g` takes the float formatter's significant digits (capped where no double has more).
        let digits = type == "g" || type == "G" ? PythonFormat.significant(spec) : spec.precision ?? 6
        var real = part(z.real, type: type, precision: digits, alternate: spec.alternate)
        var imag = part(z.imag, type: type, precision: digits, alternate: spec.alternate)
        if spec.coerceNegativeZero {
            real = withoutNegativeZero(real)
            imag = withoutNegativeZero(imag)
        }
        func signed(_ text: String, sign: String) -> String {
            text.hasPrefix("-") ? "-" + spec.grouped(String(text.dropFirst())) : sign + spec.grouped(text)
        }
        var body = signed(imag, sign: omitsReal ? spec.signText(negative: false) : "+") + "j"
        if !omitsReal { body = signed(real, sign: spec.signText(negative: false)) + body }
        if parenthesized { body = "(" + body + ")" }
        return spec.pad(body, defaultAlign: ">")
    }

    /// One part as CPython's `PyOS_double_to_string` writes it: type `r` is the shortest repr
    /// (no `.0` added), the others C's printf conversions; a NaN never shows a sign.
    private static func part(_ x: Double, type: Character, precision: Int, alternate: Bool) -> String {
        let negative = x.sign == .minus && !x.isNaN
        let magnitude = Swift.abs(x)
        var text: String
        if !x.isFinite {
            text = x.isNaN ? "nan" : "inf"
            if "EFG".contains(type) { text = text.uppercased() }
        } else if type == "r" {
            text = PythonRepr.float(magnitude)
            if text.hasSuffix(".0") { text.removeLast(2) }
        } else {
            let conversion = type == "F" ? "f" : String(type)
            text = PythonFloatText.printf(magnitude, flags: alternate ? "#" : "", conversion: conversion,
                                          digits: precision)
        }
        return negative ? "-" + text : text
    }

    /// `z`: a part whose digits are all zero loses its minus sign.
    private static func withoutNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-"), text.dropFirst().allSatisfy({ "0.eE+-".contains($0) }) else { return text }
        return String(text.dropFirst())
    }
}
