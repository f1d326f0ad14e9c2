/// The codecs of `str.encode`, `bytes.decode` and `open()`: UTF-8, ASCII and Latin-1 under their
/// CPython names and aliases, with the error handlers 'strict', 'ignore' and 'replace' and
/// CPython's UnicodeEncodeError and UnicodeDecodeError messages.
enum TextCodecs {
    /// `str.encode`.
    static var encodeMethod: PyBuiltin {
        PyBuiltin("encode(self, encoding='utf-8', errors='strict')", style: .clinic) { args in
            let encoding = try Arg.string(args["encoding"], "encode() argument 'encoding' must be str, not \(args["encoding"].typeName)")
            let errors = try Arg.string(args["errors"], "encode() argument 'errors' must be str, not \(args["errors"].typeName)")
            return .object(PyBytes(try encode(try args.selfString, encoding: encoding, errors: errors)))
        }
    }

    enum Codec: String {
        case utf8 = "utf-8", ascii, latin1 = "latin-1"

        /// The codec an encoding name means, as CPython normalizes it (case, `-`, `_`, spaces).
        init(named name: String) throws {
            let normalized = name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 }
            switch String(normalized) {
            case "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001": self = .utf8
            case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "iso646_us", "cp367", "csascii": self = .ascii
            case "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "8859", "cp819", "iso_ir_100",
                 "csisolatin1", "iso_8859_1:1987", "ibm819":
                self = .latin1
            default: throw PyError(PyExc.lookupError, "unknown encoding: \(name)")
            }
        }

        /// The first code point the codec cannot hold (UTF-8 holds every one grad's strs hold).
        var limit: UInt32 { self == .ascii ? 0x80 : self == .latin1 ? 0x100 : 0x110000 }
    }

    /// How a codec treats what it cannot encode or decode: looked up only when that happens, as
    /// CPython looks up an unknown handler's name.
    enum ErrorHandler {
        case strict, ignore, replace

        init(named name: String) throws {
            switch name {
            case "strict": self = .strict
            case "ignore": self = .ignore
            case "replace": self = .replace
            default: throw PyError(PyExc.lookupError, "unknown error handler name '\(name)'")
            }
        }
    }

    static func encode(_ text: String, encoding: String, errors: String) throws -> [UInt8] {
        let codec = try Codec(named: encoding)
        if codec == .utf8 { return Array(text.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i].value < codec.limit {
                out.append(UInt8(scalars[i].value))
                i += 1
                continue
            }
            // A run of characters the codec cannot encode is one error, as in CPython.
            var end = i + 1
            while end < scalars.count && scalars[end].value >= codec.limit { end += 1 }
            switch try ErrorHandler(named: errors) {
            case .strict:
                throw error(PyExc.unicodeEncodeError, codec, .str(text), i..<end, "ordinal not in range(\(codec.limit))")
            case .ignore: break
            case .replace: out += repeatElement(UInt8(ascii: "?"), count: end - i)
            }
            i = end
        }
        return out
    }

    static func decode(_ bytes: [UInt8], encoding: String, errors: String) throws -> String {
        let codec = try Codec(named: encoding)
        if codec == .utf8, let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let (scalar, length, reason) = codec == .utf8 ? utf8Scalar(bytes, at: i)
                : bytes[i] < codec.limit ? (Unicode.Scalar(bytes[i]), 1, "") : (nil, 1, "ordinal not in range(\(codec.limit))")
            if let scalar {
                out.append(scalar)
            } else {
                switch try ErrorHandler(named: errors) {
                case .strict:
                    throw error(PyExc.unicodeDecodeError, codec, .object(PyBytes(bytes)), i..<(i + length), reason)
                case .ignore: break
                case .replace: out.append("\u{FFFD}")
                }
            }
            i += length
        }
        return String(out)
    }

    /// The code point whose UTF-8 starts at `bytes[i]` and its length; or nil, the length of
    /// the bad sequence (the longest start of a valid one, at least one byte) and why.
    private static func utf8Scalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int, String) {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1, "") }
        let length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
        if length == 0 { return (nil, 1, "invalid start byte") }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length {
            guard i + k < bytes.count else { return (nil, k, "unexpected end of data") }
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80, continues(lead, byte, at: k) else { return (nil, k, "invalid continuation byte") }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length, "")
    }

    /// The second byte's narrower ranges after E0, ED, F0 and F4 (no overlong forms, surrogates or
    /// code points past U+10FFFF).
    private static func continues(_ lead: UInt8, _ byte: UInt8, at offset: Int) -> Bool {
        guard offset == 1 else { return true }
        switch lead {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte <= 0x9F
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte <= 0x8F
        default: return true
        }
    }

    /// The UnicodeEncodeError or UnicodeDecodeError CPython raises: its args are the codec's
    /// name, the whole text, where the bad part starts and ends, and why.
    private static func error(_ type: PyClass, _ codec: Codec, _ object: Value, _ bad: Range<Int>, _ reason: String) -> PyError {
        PyError(exception: PyExceptionObject(type: type, args: [.str(codec.rawValue), object, .int(bad.lowerBound),
                                                                .int(bad.upperBound), .str(reason)]))
    }

    /// `str()` of a UnicodeEncodeError or UnicodeDecodeError made of CPython's five arguments
    /// (encoding, object, start, end, reason); nil for other arguments, which read as any
    /// exception's do.
    static func errorMessage(_ type: PyClass, _ args: [Value]) -> String? {
        guard args.count == 5, case .str(let encodingName) = args[0], case .int(let start) = args[2], case .int(let end) = args[3],
              case .str(let reasonText) = args[4] else { return nil }
        let encoding = encodingName.string, reason = reasonText.string
        let position = "in position \(start)\(end == start + 1 ? "" : "-\(end - 1)"): \(reason)"
        if type.isSubclass(of: PyExc.unicodeDecodeError), case .object(let b as PyBytes) = args[1] {
            guard end == start + 1, start >= 0, start < b.bytes.count else {
                return "'\(encoding)' codec can't decode bytes \(position)"
            }
            let byte = b.bytes[start]
            return "'\(encoding)' codec can't decode byte 0x\(byte < 16 ? "0" : "")\(String(byte, radix: 16)) \(position)"
        }
        if type.isSubclass(of: PyExc.unicodeEncodeError), case .str(let text) = args[1] {
            let scalars = Array(text.string.unicodeScalars)
            guard end == start + 1, start >= 0, start < scalars.count else {
                return "'\(encoding)' codec can't encode characters \(position)"
            }
            return "'\(encoding)' codec can't encode character '\(escaped(scalars[start]))' \(position)"
        }
        return nil
    }

    /// A character as CPython's encode errors show it: `\xe9`, `\u20ac`, `\U0001f600`.
    private static func escaped(_ c: Unicode.Scalar) -> String {
        let digits = String(c.value, radix: 16)
        let (prefix, width) = c.value < 0x100 ? ("\\x", 2) : c.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
        return prefix + String(repeating: "0", count: width - digits.count) + digits
    }
}
