import BigInt

/// `int.to_bytes` and `int.from_bytes`: an int as a fixed number of bytes, big- or little-endian,
/// two's complement when `signed`, with CPython's OverflowError and ValueError messages.
enum IntBytes {
    static var methods: [PyBuiltin] {
        [
            PyBuiltin("int.to_bytes(self, length=1, byteorder='big', *, signed=False)", style: .clinic) { args in
                let value = try IntMethods.receiver(args)
                let length = try Arg.size(args["length"])
                let littleEndian = try isLittleEndian(args["byteorder"])
                let signed = try Operators.truthy(args["signed"])
                if length < 0 { throw PyError.value("length argument must be non-negative") }
                // The result is made before the value is converted, as CPython makes it.
                try PyBytes.checkSize(length)
                if value.signum() < 0 && !signed { throw PyError.overflow("can't convert negative int to unsigned") }
                // Two's complement: a negative value as its remainder modulo 2**(8 * length).
                let bits = value.signum() < 0 ? (value + 1).magnitude.bitWidth + 1 : value.magnitude.bitWidth + (signed ? 1 : 0)
                if bits > 8 * length && !(value.isZero) { throw PyError.overflow("int too big to convert") }
                let magnitude = value.signum() < 0 ? (BigInt(1) << (8 * length)) + value : value
                var bytes = [UInt8](repeating: 0, count: length)
                var rest = magnitude.magnitude
                for k in 0..<length where !rest.isZero {
                    bytes[length - 1 - k] = UInt8(truncatingIfNeeded: rest.words.first ?? 0)
                    rest >>= 8
                }
                return .object(PyBytes(littleEndian ? bytes.reversed() : bytes))
            },
        ]
    }

    static var fromBytes: PyBuiltin {
        PyBuiltin("int.from_bytes(bytes, byteorder='big', *, signed=False)", style: .clinic) { args in
            let bytes = try BytesMethods.bytesValue(args["bytes"])
            let littleEndian = try isLittleEndian(args["byteorder"])
            let bigEndian = littleEndian ? Array(bytes.reversed()) : bytes
            // Eight bytes to a word, the least significant word first.
            var words: [UInt] = []
            var end = bigEndian.count
            while end > 0 {
                let start = max(end - 8, 0)
                words.append(bigEndian[start..<end].reduce(0) { $0 << 8 | UInt($1) })
                end = start
            }
            var value = BigInt(BigUInt(words: words))
            if try Operators.truthy(args["signed"]), let top = bigEndian.first, top >= 0x80 {
                value -= BigInt(1) << (8 * bytes.count)
            }
            return .integer(value)
        }
    }

    private static func isLittleEndian(_ order: Value) throws -> Bool {
        switch try Arg.string(order, "to_bytes() argument 'byteorder' must be str, not \(order.typeName)") {
        case "little": return true
        case "big": return false
        default: throw PyError.value("byteorder must be either 'little' or 'big'")
        }
    }
}
