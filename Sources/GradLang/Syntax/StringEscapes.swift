/// Backslash escapes in string literals, decoded as CPython's `unicode_escape` codec does, with its
/// error messages: "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1:
/// truncated \xXX escape". Positions count bytes of the text CPython hands to that codec, in which
/// every non-ASCII character has become a 10-byte `\UXXXXXXXX` escape. Bytes literals (all ASCII)
/// are decoded as CPython's `escape_decode`: the same escapes but `\u`, `\U` and `\N`.
enum StringEscapes {
    struct DecodingError: Error {
        var message: String
    }

    /// Decodes the escapes in `body` (a literal's text between its quotes, or a literal piece of an
    /// f-string). Invalid escapes such as `\d` stay as written, as in Python.
    static func decode(_ body: ArraySlice<Unicode.Scalar>) throws(DecodingError) -> String {
        guard body.contains("\\") else { return String(String.UnicodeScalarView(body)) }
        return String(try decode(Array(body), asBytes: false))
    }

    /// Decodes the escapes in the body of a bytes literal, whose characters are all ASCII.
    static func decodeBytes(_ body: ArraySlice<Unicode.Scalar>) throws(DecodingError) -> [UInt8] {
        // Every escape gives a value below 256, so each scalar is one byte.
        try decode(Array(body), asBytes: true).map { UInt8(truncatingIfNeeded: $0.value) }
    }

    private static func decode(_ scalars: [Unicode.Scalar], asBytes: Bool) throws(DecodingError) -> String.UnicodeScalarView {
        // Byte offset of each scalar in CPython's transformed text, plus the total length at the end.
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for (k, c) in scalars.enumerated() {
            offsets.append(offset)
            if c.isASCII {
                let escapesNonASCII = c == "\\" && (k + 1 == scalars.count || !scalars[k + 1].isASCII)
                offset += escapesNonASCII ? 6 : 1
            } else {
                offset += 10
            }
        }
        offsets.append(offset)

        func failure(_ reason: String, from start: Int, to stop: Int) -> DecodingError {
            let a = offsets[start]
            let b = offsets[min(stop, scalars.count)]
            if asBytes { return DecodingError(message: "(value error) invalid \\x escape at position \(a)") }
            let position = b - a > 1 ? "bytes in position \(a)-\(b - 1)" : "byte in position \(a)"
            return DecodingError(message: "(unicode error) 'unicodeescape' codec can't decode \(position): \(reason)")
        }

        var out = String.UnicodeScalarView()
        var k = 0
        while k < scalars.count {
            let c = scalars[k]
            guard c == "\\" else {
                out.append(c)
                k += 1
                continue
            }
            let escapeStart = k
            k += 1
            guard k < scalars.count else {
                // CPython turns a final backslash into `\u005c` before decoding: it stays a backslash.
                out.append("\\")
                break
            }
            let e = scalars[k]
            k += 1
            switch e {
            case "\n": break
            case "\\", "'", "\"": out.append(e)
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var value = Int(e.value - 48)
                var digits = 1
                while digits < 3, k < scalars.count, scalars[k] >= "0", scalars[k] <= "7" {
                    value = value * 8 + Int(scalars[k].value - 48)
                    k += 1
                    digits += 1
                }
                if asBytes { value &= 0xFF }
                out.append(Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}")
            case "u" where asBytes, "U" where asBytes, "N" where asBytes:
                // Not escapes in bytes: kept as written, as an unknown escape is.
                out.append("\\")
                out.append(e)
            case "x", "u", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                let reason = e == "x" ? "truncated \\xXX escape" : e == "u" ? "truncated \\uXXXX escape"
                    : "truncated \\UXXXXXXXX escape"
                var value: UInt32 = 0
                for _ in 0..<count {
                    guard k < scalars.count, let digit = hexValue(scalars[k]) else {
                        throw failure(reason, from: escapeStart, to: k)
                    }
                    value = value &* 16 &+ digit
                    k += 1
                }
                if value > 0x10FFFF {
                    throw failure("illegal Unicode character", from: escapeStart, to: k)
                }
                // Python strings may hold lone surrogates; grad's (UTF-8) strings cannot.
                guard let scalar = Unicode.Scalar(value) else {
                    throw failure("surrogate code point, which grad strings cannot hold", from: escapeStart, to: k)
                }
                out.append(scalar)
            case "N":
                guard k < scalars.count, scalars[k] == "{" else {
                    throw failure("malformed \\N character escape", from: escapeStart, to: k)
                }
                let nameStart = k + 1
                var close = nameStart
                while close < scalars.count && scalars[close] != "}" { close += 1 }
                guard close < scalars.count else {
                    throw failure("malformed \\N character escape", from: escapeStart, to: close)
                }
                guard close > nameStart else {
                    throw failure("malformed \\N character escape", from: escapeStart, to: close)
                }
                let name = String(String.UnicodeScalarView(scalars[nameStart..<close]))
                k = close + 1
                guard let named = UnicodeNames.scalar(named: name) else {
                    throw failure("unknown Unicode character name", from: escapeStart, to: k)
                }
                out.append(named)
            default:
                out.append("\\")
                out.append(e)
            }
        }
        return out
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }
}
