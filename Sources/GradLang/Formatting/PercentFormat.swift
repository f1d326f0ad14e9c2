import BigInt
import GradTensor

/// printf-style formatting, `"%5.2f %s" % (x, name)`, as CPython's `PyUnicode_Format` does it:
/// flags `-+ #0`, widths and precisions written or taken from the arguments (`*`), `%(key)s`
/// from a mapping, and CPython's errors. Numbers are converted as CPython converts them (`%d`
/// truncates a float, a one-element tensor formats as its value).
///
/// Bytes and bytearrays format the same way (`b"%d" % 5`, CPython's `_PyBytes_FormatEx`): their
/// bytes are read as the code points U+0000...U+00FF and written back, and only what differs
/// is theirs: `%s`/`%b` take bytes-like objects (or `__bytes__`), `%r` is `%a`, `%c` a byte,
/// keys are bytes, and the messages name bytes.
enum PercentFormat {
    /// `format % argument` for a str.
    static func apply(_ format: String, _ argument: Value) throws -> String {
        String(try apply(Array(format.unicodeScalars), argument, toBytes: false))
    }

    /// `format % argument` for bytes or a bytearray: the bytes of the result.
    static func apply(bytes format: [UInt8], _ argument: Value) throws -> [UInt8] {
        // Every code point the bytes formatting writes is below 256 (see the type's comment).
        try apply(format.map { Unicode.Scalar($0) }, argument, toBytes: true).map { UInt8(truncatingIfNeeded: $0.value) }
    }

    private static func apply(_ text: [Unicode.Scalar], _ argument: Value, toBytes: Bool) throws -> String.UnicodeScalarView {
        var arguments = Arguments(argument, toBytes: toBytes)
        var out = String.UnicodeScalarView()
        var i = 0
        func next() throws -> Unicode.Scalar {
            guard i < text.count else { throw PyError.value("incomplete format") }
            defer { i += 1 }
            return text[i]
        }
        while i < text.count {
            let c = text[i]
            i += 1
            guard c == "%" else { out.append(c); continue }
            if i < text.count && text[i] == "%" {
                out.append("%")
                i += 1
                continue
            }
            var spec = Spec()
            var c2 = try next()
            if c2 == "(" {
                try arguments.select(key: key(text, &i))
                c2 = try next()
            }
            while let flag = Flag(c2) {
                spec.flags.insert(flag)
                c2 = try next()
            }
            if c2 == "*" {
                let width = try starred(arguments.next(), ssize: true)
                if width < 0 { spec.flags.insert(.left) }
                spec.width = Int(width.magnitude)
                c2 = try next()
            } else {
                while let digit = decimalDigit(c2) {
                    spec.width = try grown(spec.width, digit, limit: Int.max, "width too big")
                    c2 = try next()
                }
            }
            if c2 == "." {
                spec.precision = 0
                c2 = try next()
                if c2 == "*" {
                    spec.precision = Swift.max(0, try starred(arguments.next(), ssize: false))
                    c2 = try next()
                } else {
                    while let digit = decimalDigit(c2) {
                        spec.precision = try grown(spec.precision ?? 0, digit, limit: Int(Int32.max), "precision too big")
                        c2 = try next()
                    }
                }
            }
            while "hlL".unicodeScalars.contains(c2) { c2 = try next() }
            let value = try arguments.next()
            out += try formatted(value, type: c2, spec, at: i - 1, toBytes: toBytes).unicodeScalars
        }
        try arguments.checkAllUsed()
        return out
    }

    /// The `%(key)` name, parentheses nested inside it included (`%(a(b))s` reads `a(b)`).
    private static func key(_ text: [Unicode.Scalar], _ i: inout Int) throws -> String {
        var depth = 1, name = String.UnicodeScalarView()
        while i < text.count {
            let c = text[i]
            i += 1
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth == 0 { return String(name) }
            name.append(c)
        }
        throw PyError.value("incomplete format key")
    }

    /// A `*` width or precision: an int, as a C ssize_t (width) or int (precision).
    private static func starred(_ v: Value, ssize: Bool) throws -> Int {
        let n: BigInt
        switch v {
        case .int(let i): n = BigInt(i)
        case .bool(let b): n = b ? 1 : 0
        case .bigInt(let b): n = b
        default: throw PyError.type("* wants int")
        }
        guard let result = ssize ? Int(exactly: n) : Int32(exactly: n).map(Int.init) else {
            throw PyError.overflow("Python int too large to convert to C \(ssize ? "ssize_t" : "int")")
        }
        return result
    }

    private static func decimalDigit(_ c: Unicode.Scalar) -> Int? {
        ("0"..."9").contains(c) ? Int(c.value) - 48 : nil
    }

    private static func grown(_ value: Int, _ digit: Int, limit: Int, _ message: String) throws -> Int {
        guard value <= (limit - digit) / 10 else { throw PyError.value(message) }
        return value * 10 + digit
    }

    private enum Flag: Hashable {
        case left, plus, blank, alternate, zero
        init?(_ c: Unicode.Scalar) {
            switch c {
            case "-": self = .left
            case "+": self = .plus
            case " ": self = .blank
            case "#": self = .alternate
            case "0": self = .zero
            default: return nil
            }
        }
    }

    private struct Spec {
        var flags: Set<Flag> = []
        var width = 0
        var precision: Int?
    }

    /// The arguments as CPython walks them: a tuple item by item, any other value once; a
    /// mapping (dict, list, range, tensor: anything with `__getitem__` but the format's own
    /// kind: bytes for a str, and a str for bytes) may be left unused.
    private struct Arguments {
        private var items: [Value]
        private var position = 0
        private let mapping: Value?
        private let toBytes: Bool

        init(_ argument: Value, toBytes: Bool) {
            self.toBytes = toBytes
            switch argument {
            case .object(let t as PyTuple):
                items = t.items
                mapping = nil
            case .object(let o) where o is PyDict || o is PyList || o is PyRange || (o is PyBytes && !toBytes):
                items = [argument]
                mapping = argument
            case .tensor:
                items = [argument]
                mapping = argument
            default:
                items = [argument]
                mapping = nil
            }
        }

        mutating func next() throws -> Value {
            guard position < items.count else { throw PyError.type("not enough arguments for format string") }
            defer { position += 1 }
            return items[position]
        }

        /// `%(key)`: the mapping's value for `key` (bytes when formatting bytes) becomes the
        /// only argument left.
        mutating func select(key: String) throws {
            guard let mapping else { throw PyError.type("format requires a mapping") }
            let keyValue: Value = toBytes ? .object(PyBytes(key.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
                                          : .str(key)
            switch mapping {
            case .object(let d as PyDict):
                guard let v = try d.get(keyValue) else { throw PyError.key(keyValue) }
                items = [v]
            case .tensor: throw PyError.type("new(): invalid data type '\(keyValue.typeName)'")
            default: throw PyError.type("\(mapping.typeName) indices must be integers or slices, not \(keyValue.typeName)")
            }
            position = 0
        }

        func checkAllUsed() throws {
            if position < items.count && mapping == nil {
                throw PyError.type("not all arguments converted during \(toBytes ? "bytes" : "string") formatting")
            }
        }
    }

    /// One conversion of `value`; `index` is where its type character stands, for the error.
    private static func formatted(_ value: Value, type: Unicode.Scalar, _ spec: Spec, at index: Int, toBytes: Bool) throws -> String {
        switch type {
        case "b" where !toBytes: throw unsupported(type, at: index)
        case "s", "r", "a", "b":
            // Bytes have no repr of their own to give: their `%r` is `%a`.
            var text = if type == "r" && !toBytes { try Repr.checkedRepr(value) }
                else if type == "r" || type == "a" { try TextFunctions.ascii(value) }
                else { try toBytes ? latin1(bytesOf(value)) : Repr.checkedStr(value) }
            if let precision = spec.precision { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision))) }
            return try padded(sign: "", body: text, spec, numeric: false)
        case "c":
            return try padded(sign: "", body: try toBytes ? byte(value) : character(value), spec, numeric: false)
        case "d", "i", "u", "o", "x", "X":
            let n = try integer(value, type: type)
            let radix = type == "o" ? 8 : type == "x" || type == "X" ? 16 : 10
            var digits = radix == 10 ? try Repr.decimal(BigInt(n.magnitude)) : String(n.magnitude, radix: radix, uppercase: type == "X")
            if let precision = spec.precision, digits.count < precision {
                try checkLength(precision)
                digits = String(repeating: "0", count: precision - digits.count) + digits
            }
            let prefix = spec.flags.contains(.alternate) && radix != 10 ? "0" + String(Character(type == "o" ? "o" : type)) : ""
            return try padded(sign: sign(n.signum() < 0, spec), prefix: prefix, body: digits, spec, numeric: true)
        case "e", "E", "f", "F", "g", "G":
            if case .tensor(let t) = value, t.numel != 1 {
                throw PyError.value("only one element tensors can be converted to Python scalars")
            }
            let x = try Conversions.double(value, what: "must be real number, not \(value.typeName)")
            let text = try Formatting.format(.float(Swift.abs(x)), spec: (spec.flags.contains(.alternate) ? "#" : "") + ".\(spec.precision ?? 6)" + String(Character(type)))
            return try padded(sign: sign(x.sign == .minus && !x.isNaN, spec), body: text, spec, numeric: true)
        default: throw unsupported(type, at: index)
        }
    }

    private static func unsupported(_ type: Unicode.Scalar, at index: Int) -> PyError {
        let shown = (31...126).contains(type.value) ? Character(type) : "?"
        return PyError.value("unsupported format character '\(shown)' (0x\(String(type.value, radix: 16))) at index \(index)")
    }

    private static func sign(_ negative: Bool, _ spec: Spec) -> String {
        negative ? "-" : spec.flags.contains(.plus) ? "+" : spec.flags.contains(.blank) ? " " : ""
    }

    /// `%c`: a one-character string, or an int (a one-element int tensor too) naming a code point.
    private static func character(_ value: Value) throws -> String {
        if case .str(let s) = value {
            guard s.count == 1 else { throw PyError.type("%c requires int or char") }
            return s.string
        }
        let code: BigInt
        switch value {
        case .int, .bigInt, .bool: code = try Arg.integer(value)
        case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint: code = try Arg.integer(value)
        default: throw PyError.type("%c requires int or char")
        }
        guard let v = UInt32(exactly: code), let scalar = Unicode.Scalar(v) else {
            throw PyError.overflow("%c arg not in range(0x110000)")
        }
        return String(scalar)
    }

    /// `%c` of bytes: an int below 256, or one byte, as the code point of that byte.
    private static func byte(_ value: Value) throws -> String {
        let code: BigInt
        switch value {
        case .object(let b as PyBytes):
            guard b.bytes.count == 1 else { throw PyError.type("%c requires an integer in range(256) or a single byte") }
            code = BigInt(b.bytes[0])
        case .int, .bigInt, .bool: code = try Arg.integer(value)
        default: throw PyError.type("%c requires an integer in range(256) or a single byte")
        }
        guard let b = UInt8(exactly: code) else { throw PyError.overflow("%c arg not in range(256)") }
        return String(Unicode.Scalar(b))
    }

    /// `%s`/`%b` of bytes: the bytes of a bytes or bytearray, or what its `__bytes__` returns.
    private static func bytesOf(_ value: Value) throws -> [UInt8] {
        if case .object(let b as PyBytes) = value { return b.bytes }
        let refusal = PyError.type("%b requires a bytes-like object, or an object that implements __bytes__, not '\(value.typeName)'")
        guard case .object(let instance as PyInstance) = value, let method = instance.cls.lookup("__bytes__"),
              let interpreter = instance.cls.interpreter else { throw refusal }
        let result = try interpreter.call(try ClassAttributes.bind(method, to: value, interpreter), GradLang.Arguments())
        guard case .object(let b as PyBytes) = result, !b.isMutable else {
            throw PyError.type("__bytes__ returned non-bytes (type \(result.typeName))")
        }
        return b.bytes
    }

    /// Bytes as the code points of the same numbers, which `apply(bytes:)` turns back to bytes.
    private static func latin1(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// The int `%d` (truncating a float, as `int()` does) or `%x`/`%o` (ints only) formats.
    private static func integer(_ value: Value, type: Unicode.Scalar) throws -> BigInt {
        let integerOnly = "oxX".unicodeScalars.contains(type)
        let wrongType = PyError.type("%\(Character(type)) format: \(integerOnly ? "an integer" : "a real number") is required, not \(value.typeName)")
        switch value {
        case .int, .bigInt, .bool: return try Arg.integer(value)
        case .float(let d):
            if integerOnly { throw wrongType }
            if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
            guard d.isFinite else { throw PyError.overflow("cannot convert float infinity to integer") }
            return BigInt(d.rounded(.towardZero))
        case .tensor(let t):
            if integerOnly {
                guard t.numel == 1 && !t.dtype.isFloatingPoint else { throw wrongType }
                return try Arg.integer(value)
            }
            guard t.numel == 1 else { throw PyError.value("only one element tensors can be converted to Python scalars") }
            return try integer(Conversions.value(of: TorchBridge.run { try t.item() }), type: type)
        case _ where NativeBases.scalar(value) != nil: return try integer(NativeBases.contents(value), type: type)
        default: throw wrongType
        }
    }

    /// `sign + prefix + body` padded to the width: spaces on the left, or on the right with
    /// `-`, or zeros after the sign and prefix with `0` (numbers only).
    private static func padded(sign: String, prefix: String = "", body: String, _ spec: Spec, numeric: Bool) throws -> String {
        let length = sign.count + prefix.count + body.unicodeScalars.count
        guard spec.width > length else { return sign + prefix + body }
        try checkLength(spec.width)
        let fill = spec.width - length
        if spec.flags.contains(.left) { return sign + prefix + body + String(repeating: " ", count: fill) }
        if numeric && spec.flags.contains(.zero) { return sign + prefix + String(repeating: "0", count: fill) + body }
        return String(repeating: " ", count: fill) + sign + prefix + body
    }

    /// Padding no one could hold is refused before allocating, as sequences are.
    private static func checkLength(_ n: Int) throws {
        if n > Operators.maxSequenceLength { throw PyError.memory("") }
    }
}
