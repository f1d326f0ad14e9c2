import BigInt
import GradTensor

/// `round(x)` and `round(x, n)`: halves go to the even neighbour, and floats are rounded from
/// their exact binary value, so `round(2.675, 2)` is 2.67 as in CPython.
enum Rounding {
    static func round(_ number: Value, ndigits: Value, _ interpreter: Interpreter) throws -> Value {
        switch number {
        case .float(let d):
            if ndigits.isNone { return try NumberConstructors.integral(d.rounded(.toNearestOrEven)) }
            return .float(try roundFloat(d, Arg.integer(ndigits)))
        case .int, .bigInt, .bool:
            let n = try Arg.integer(number)
            if ndigits.isNone { return .integer(n) }
            let digits = try Arg.integer(ndigits)
            if digits >= 0 { return .integer(n) }
            // 10**places beyond twice |n| rounds everything to zero; skip building it.
            guard let places = Int(exactly: -digits), places <= n.bitWidth else { return .int(0) }
            return .integer(roundInteger(n, places: places))
        case .tensor:
            guard interpreter.hasAttribute(number, "round") else { break }
            return try interpreter.call(interpreter.getAttribute(number, "round"), Arguments())
        case _ where NativeBases.scalar(number) != nil:
            return try round(NativeBases.contents(number), ndigits: ndigits, interpreter)
        default: break
        }
        throw PyError.type("type \(number.typeName) doesn't define __round__ method")
    }

    /// Rounds `n` to a multiple of 10**places, halves to even.
    private static func roundInteger(_ n: BigInt, places: Int) -> BigInt {
        let unit = BigInt(10).power(places)
        var (q, r) = n.quotientAndRemainder(dividingBy: unit)
        if r < 0 { q -= 1; r += unit }
        let twice = 2 * r
        if twice > unit || (twice == unit && q & 1 == 1) { q += 1 }
        return q * unit
    }

    private static func roundFloat(_ x: Double, _ ndigits: BigInt) throws -> Double {
        guard x.isFinite, x != 0 else { return x }
        // Past these bounds every double is already rounded, or rounds to zero (CPython's limits).
        if ndigits > 323 { return x }
        if ndigits < -308 { return 0 * x }
        let digits = Int(ndigits)
        let result: Double?
        if digits >= 0 {
            // printf rounds the exact binary value correctly, ties to even.
            result = Double(PythonFloatText.printf(x, conversion: "f", digits: digits))
        } else {
            result = Double(exactScaled(x, places: -digits).description + "e\(-digits)")
        }
        guard let r = result else { return x }
        if r.isInfinite { throw PyError.overflow("rounded value too large to represent") }
        return r == 0 ? 0 * x : r
    }

    /// `x / 10**places` rounded half-even to an integer, computed exactly from x's binary value.
    private static func exactScaled(_ x: Double, places: Int) -> BigInt {
        let significand = BigInt(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0))
        let exponent = x.isNormal ? Int(x.exponent) - 52 : -1074
        let signed = x < 0 ? -significand : significand
        // x = signed * 2**exponent; divide by 10**places, rounding half to even.
        var numerator = signed, denominator = BigInt(10).power(places)
        if exponent >= 0 { numerator <<= exponent } else { denominator <<= -exponent }
        var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        if r < 0 { q -= 1; r += denominator }
        let twice = 2 * r
        if twice > denominator || (twice == denominator && q & 1 == 1) { q += 1 }
        return q
    }
}
