import BigInt

/// Ints as floats, rounded as CPython rounds them: to the nearest double, ties to even, both for
/// `float(n)` and for `a / b` (which never rounds twice by converting the operands first).
/// BigInt's own `Double(_:)` rounds ties away from zero and ignores the bits below its cut.
enum IntToFloat {
    /// C's DBL_MANT_DIG, DBL_MIN_EXP and DBL_MAX_EXP: the bits of a double's significand, and its
    /// exponent range with the significand taken in [0.5, 1).
    private static let mantissa = 53, minExponent = -1021, maxExponent = 1024

    /// `float(n)`: the double nearest to `n`; OverflowError past the largest double.
    static func double(_ n: BigInt) throws -> Double {
        let (fraction, exponent) = frexp(n.magnitude)
        let rounded = Double(sign: n.sign == .minus ? .minus : .plus, exponent: exponent, significand: fraction)
        if rounded.isInfinite { throw PyError.overflow("int too large to convert to float") }
        return rounded
    }

    /// `n` as `fraction * 2**exponent` with the fraction in [0.5, 1) (0 for 0) rounded to a
    /// double's 53 bits, whatever the size of `n` (CPython's `_PyLong_Frexp`).
    static func frexp(_ n: BigUInt) -> (fraction: Double, exponent: Int) {
        let bits = n.bitWidth
        // The top 55 bits, the lowest of them set when any bit below is: converting that
        // rounds to 53 bits exactly as rounding the whole number would (a tie stays a tie only
        // when nothing below the cut is set).
        var top: UInt64
        if bits <= 55 {
            top = UInt64(n) << (55 - bits)
        } else {
            top = UInt64(n >> (bits - 55))
            if n.trailingZeroBitCount < bits - 55 { top |= 1 }
        }
        let fraction = Double(sign: .plus, exponent: -55, significand: Double(top))
        // Rounding up may carry into a 54th bit.
        return fraction == 1 ? (0.5, bits + 1) : (fraction, bits)
    }

    /// `a / b` for ints, correctly rounded (CPython's `long_true_divide`): the quotient is taken
    /// to 55 or 56 bits, then rounded once to the precision of the result, subnormals included.
    static func quotient(_ a: BigInt, _ b: BigInt) throws -> Double {
        if b.isZero { throw PyError.zeroDivision("division by zero") }
        // `0 / -n` is -0.0, as in CPython.
        let negative = (a.sign == .minus) != (b.sign == .minus)
        let x = a.magnitude, y = b.magnitude
        // Both exactly representable: one IEEE division rounds correctly.
        if x.bitWidth <= mantissa && y.bitWidth <= mantissa {
            let q = Double(UInt64(x)) / Double(UInt64(y))
            return negative ? -q : q
        }
        let difference = x.bitWidth - y.bitWidth
        if difference > maxExponent { throw PyError.overflow("integer division result too large for a float") }
        if x.isZero || difference < minExponent - mantissa - 1 { return negative ? -0.0 : 0.0 }
        // x / y scaled by 2**-shift to a 55- or 56-bit integer quotient; inexact when bits are lost.
        let shift = Swift.max(difference, minExponent) - mantissa - 2
        let scaled = shift <= 0 ? x << -shift : x >> shift
        var inexact = shift > 0 && x.trailingZeroBitCount < shift
        let (q, r) = scaled.quotientAndRemainder(dividingBy: y)
        if !r.isZero { inexact = true }
        let quotientBits = q.bitWidth
        var digits = UInt64(q)
        // Round to the bits a double keeps at this scale, ties to even.
        let extraBits = Swift.max(quotientBits, minExponent - shift) - mantissa
        let half = UInt64(1) << (extraBits - 1)
        let low = digits | (inexact ? 1 : 0)
        if low & half != 0 && low & (3 * half - 1) != 0 { digits += half }
        digits &= ~(2 * half - 1)
        let significand = Double(digits)
        if shift + quotientBits >= maxExponent
            && (shift + quotientBits > maxExponent || significand == Double(sign: .plus, exponent: quotientBits, significand: 1)) {
            throw PyError.overflow("integer division result too large for a float")
        }
        let result = Double(sign: .plus, exponent: shift, significand: significand)
        return negative ? -result : result
    }
}
