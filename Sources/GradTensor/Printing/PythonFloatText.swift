#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's `format(x, ".4f")`, `format(x, ".4e")` and `format(x, ".0f")` for a Double; also the
/// printf engine behind the language's format specs.
///
/// Finite values go through C's printf, which, like CPython, rounds the exact binary value
/// correctly (ties to even) and writes at least two exponent digits. Non-finite values are
/// spelled the Python way: `nan` never carries a sign, unlike glibc's `-nan`.
public enum PythonFloatText {
    public static func fixed(_ x: Double, digits: Int) -> String {
        nonFinite(x) ?? printf(x, conversion: "f", digits: digits)
    }

    public static func scientific(_ x: Double, digits: Int) -> String {
        nonFinite(x) ?? printf(x, conversion: "e", digits: digits)
    }

    private static func nonFinite(_ x: Double) -> String? {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return nil
    }

    /// C's printf of one double with `flags`, `digits` of precision and `conversion` (f, e, g, ...),
    /// for finite values.
    public static func printf(_ x: Double, flags: String = "", conversion: String, digits: Int) -> String {
        // The longest finite output, `%.Nf` of -DBL_MAX, is 309 digits + sign + point + N.
        let capacity = 320 + digits
        let format = "%\(flags).\(digits)\(conversion)"
        var buffer = [CChar](repeating: 0, count: capacity)
        let written = buffer.withUnsafeMutableBufferPointer { out in
            withVaList([x]) { args in vsnprintf(out.baseAddress, capacity, format, args) }
        }
        guard written > 0 else { return "" }
        let bytes = buffer.prefix(min(Int(written), capacity - 1)).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
