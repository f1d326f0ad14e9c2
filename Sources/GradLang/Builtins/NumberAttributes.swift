import BigInt

/// The numeric tower's attributes that int, bool and float share with `numbers.Rational`/`Real`:
/// `real`, `imag`, `numerator`, `denominator`, `conjugate()`, `as_integer_ratio()`, and float's
/// `is_integer()`, `hex()` and `float.fromhex()`; complex's `real`, `imag` and `conjugate()`.
enum NumberAttributes {
    static func install(_ table: inout AttributeTable) {
        for type in [TypeKey.int, .bool] {
            // bool's parts are ints, as in CPython (`True.real` is 1).
            table.addGetter(type, "real") { v in .integer(try integer(v, "real")) }
            table.addGetter(type, "imag") { v in _ = try integer(v, "imag"); return .int(0) }
            table.addGetter(type, "numerator") { v in .integer(try integer(v, "numerator")) }
            table.addGetter(type, "denominator") { v in _ = try integer(v, "denominator"); return .int(1) }
            table.addMethods(type, [
                PyBuiltin("int.conjugate(self, /)") { args in .integer(try integer(args["self"], "conjugate")) },
                PyBuiltin("int.as_integer_ratio(self, /)") { args in
                    .object(PyTuple([.integer(try integer(args["self"], "as_integer_ratio")), .int(1)]))
                },
            ])
        }
        table.addGetter(.float, "real") { v in .float(try double(v, "real")) }
        table.addGetter(.float, "imag") { v in _ = try double(v, "imag"); return .float(0) }
        table.addMethods(.float, [
            PyBuiltin("float.conjugate(self, /)") { args in .float(try double(args["self"], "conjugate")) },
            PyBuiltin("float.is_integer(self, /)") { args in
                let x = try double(args["self"], "is_integer")
                return .bool(x.isFinite && x == x.rounded(.towardZero))
            },
            PyBuiltin("float.as_integer_ratio(self, /)") { args in
                let (numerator, denominator) = try ratio(try double(args["self"], "as_integer_ratio"))
                return .object(PyTuple([.integer(numerator), .integer(denominator)]))
            },
            PyBuiltin("float.hex(self, /)") { args in .str(hex(try double(args["self"], "hex"))) },
            PyBuiltin("float.fromhex(self, string, /)") { args in .float(try HexFloat.parse(try Arg.string(args["string"], "bad argument type for built-in operation"))) },
        ])
        table.addGetter(.complex, "real") { v in .float(try complex(v, "real").real) }
        table.addGetter(.complex, "imag") { v in .float(try complex(v, "imag").imag) }
        // Member descriptors, not properties: CPython's message is its own.
        for part in ["real", "imag"] { table.addSetter(.complex, part) { _, _ in throw PyError.attribute("readonly attribute") } }
        table.addMethods(.complex, [
            PyBuiltin("complex.conjugate(self, /)") { args in
                let z = try complex(args["self"], "conjugate")
                return .object(PyComplex(real: z.real, imag: -z.imag))
            },
        ])
        table.addClassMethods("float", [
            PyBuiltin("fromhex(string, /)") { args in .float(try HexFloat.parse(try Arg.string(args["string"], "bad argument type for built-in operation"))) },
        ])
    }

    private static func integer(_ v: Value, _ name: String) throws -> BigInt {
        switch v {
        case .int, .bigInt, .bool: return try Arg.integer(v)
        default: throw PyError.type("descriptor '\(name)' for 'int' objects doesn't apply to a '\(v.typeName)' object")
        }
    }

    private static func double(_ v: Value, _ name: String) throws -> Double {
        guard case .float(let x) = v else {
            throw PyError.type("descriptor '\(name)' for 'float' objects doesn't apply to a '\(v.typeName)' object")
        }
        return x
    }

    private static func complex(_ v: Value, _ name: String) throws -> Complex {
        guard let z = v.complexValue else {
            throw PyError.type("descriptor '\(name)' for 'complex' objects doesn't apply to a '\(v.typeName)' object")
        }
        return z
    }

    /// The exact fraction in lowest terms: the significand's odd part over a power of two.
    static func ratio(_ x: Double) throws -> (BigInt, BigInt) {
        if x.isNaN { throw PyError.value("cannot convert NaN to integer ratio") }
        if x.isInfinite { throw PyError.overflow("cannot convert Infinity to integer ratio") }
        if x == 0 { return (0, 1) }
        var significand = BigInt(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0))
        var exponent = Int(x.isNormal ? x.exponent : Double.leastNormalMagnitude.exponent) - 52
        let zeros = significand.trailingZeroBitCount
        significand >>= zeros
        exponent += zeros
        if x < 0 { significand.negate() }
        return exponent >= 0 ? (significand << exponent, 1) : (significand, BigInt(1) << -exponent)
    }

    /// `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>` (`0x0.…p-1022` for subnormals),
    /// `inf`, `-inf`, `nan`.
    static func hex(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0x0.0p+0" }
        let digits = String(x.significandBitPattern, radix: 16)
        let fraction = String(repeating: "0", count: 13 - digits.count) + digits
        let exponent = x.isNormal ? Int(x.exponent) : -1022
        return "\(sign)0x\(x.isNormal ? 1 : 0).\(fraction)p\(exponent < 0 ? "-" : "+")\(abs(exponent))"
    }
}

/// `float.fromhex(string)`: CPython's grammar (`[sign] ['0x'] digits ['.' digits] ['p' [sign]
/// decimal]`, or inf/infinity/nan), rounded to the nearest double, ties to even.
enum HexFloat {
    static func parse(_ text: String) throws -> Double {
        let scalars = Array(text.unicodeScalars)
        var i = scalars.firstIndex { !$0.isPythonWhitespace } ?? scalars.endIndex
        let end = (scalars.lastIndex { !$0.isPythonWhitespace } ?? -1) + 1
        func next(_ accepted: String) -> Bool {
            guard i < end, accepted.unicodeScalars.contains(scalars[i]) else { return false }
            i += 1
            return true
        }
        let negative = next("-")
        if !negative { _ = next("+") }
        switch String(String.UnicodeScalarView(scalars[i..<max(i, end)])).lowercased() {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        if i + 1 < end, scalars[i] == "0", scalars[i + 1] == "x" || scalars[i + 1] == "X" { i += 2 }
        var significand = BigInt(0), fractionDigits = 0, sawDigit = false, sawPoint = false
        while i < end {
            if !sawPoint && next(".") { sawPoint = true; continue }
            guard scalars[i].isASCII, let digit = Character(scalars[i]).hexDigitValue else { break }
            i += 1
            significand = significand << 4 | BigInt(digit)
            if sawPoint { fractionDigits += 1 }
            sawDigit = true
        }
        var exponent = 0
        if sawDigit && next("pP") {
            let exponentNegative = next("-")
            if !exponentNegative { _ = next("+") }
            guard i < end, scalars[i].isASCII, scalars[i].properties.numericType == .decimal else { throw invalid }
            while i < end, scalars[i].isASCII, let d = Character(scalars[i]).wholeNumberValue {
                i += 1
                // Past any double's range either way; clamped so the sum below cannot overflow.
                exponent = min(exponent * 10 + d, 1 << 40)
            }
            if exponentNegative { exponent = -exponent }
        }
        guard sawDigit, i == end else { throw invalid }
        let magnitude = try rounded(significand, timesTwoTo: exponent - 4 * fractionDigits)
        return negative ? -magnitude : magnitude
    }

    private static var invalid: PyError { PyError.value("invalid hexadecimal floating-point string") }

    /// `m · 2^e` (m ≥ 0) rounded to the nearest double: 53 significant bits, fewer below the
    /// normal range; ties to even.
    private static func rounded(_ m: BigInt, timesTwoTo e: Int) throws -> Double {
        if m == 0 { return 0 }
        let width = m.magnitude.bitWidth
        let top = width - 1 + e
        if top > 1023 { throw tooLarge }
        // Below half the least subnormal (2^-1075): zero, before a shift by a huge count.
        if top < -1076 { return 0 }
        let dropped = width - (top >= -1022 ? 53 : top + 1075)
        var significand = m, scale = e
        if dropped > 0 {
            significand = m >> dropped
            let remainder = m - (significand << dropped), half = BigInt(1) << (dropped - 1)
            if remainder > half || (remainder == half && significand & 1 == 1) { significand += 1 }
            scale += dropped
        }
        let value = Double(sign: .plus, exponent: scale, significand: Double(significand))
        if value.isInfinite { throw tooLarge }
        return value
    }

    private static var tooLarge: PyError { PyError.overflow("hexadecimal value too large to represent as a float") }
}
