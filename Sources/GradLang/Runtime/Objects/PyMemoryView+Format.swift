import BigInt

/// How a memoryview reads and writes its items (`format`, as the `struct` module spells it):
/// each item is `itemSize` bytes of the machine's order (little-endian), as CPython's native
/// formats on x86-64 and arm64.
extension PyMemoryView {
    enum Format: String {
        case unsignedByte = "B", signedByte = "b", char = "c", bool = "?"
        case short = "h", unsignedShort = "H", int = "i", unsignedInt = "I"
        case long = "l", unsignedLong = "L", longLong = "q", unsignedLongLong = "Q"
        case size = "n", unsignedSize = "N", pointer = "P"
        case float = "f", double = "d"

        var itemSize: Int {
            switch self {
            case .unsignedByte, .signedByte, .char, .bool: return 1
            case .short, .unsignedShort: return 2
            case .int, .unsignedInt, .float: return 4
            default: return 8
            }
        }

        /// The formats a view may be cast between and any other (CPython casts only to or from these).
        var isByte: Bool { self == .unsignedByte || self == .signedByte || self == .char }

        private var isSigned: Bool { [.signedByte, .short, .int, .long, .longLong, .size].contains(self) }

        /// The item `bytes` (exactly `itemSize` of them) hold.
        func item(_ bytes: ArraySlice<UInt8>) -> Value {
            if self == .char { return .object(PyBytes(Array(bytes))) }
            let bits = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            switch self {
            case .bool: return .bool(bits != 0)
            case .float: return .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))))
            case .double: return .float(Double(bitPattern: bits))
            default:
                guard isSigned else { return .integer(BigInt(bits)) }
                // Sign-extended from the item's width.
                let unused = UInt64(64 - 8 * itemSize)
                return .int(Int(Int64(bitPattern: bits << unused) >> Int64(unused)))
            }
        }

        /// The bytes that store `value` as an item; CPython's errors for a value of the wrong type
        /// or out of range.
        func bytes(_ value: Value) throws -> [UInt8] {
            let invalidType = PyError.type("memoryview: invalid type for format '\(rawValue)'")
            let invalidValue = PyError.value("memoryview: invalid value for format '\(rawValue)'")
            let bits: UInt64
            switch self {
            case .char:
                guard case .object(let b as PyBytes) = value, !b.isMutable else { throw invalidType }
                guard b.bytes.count == 1 else { throw invalidValue }
                return b.bytes
            case .bool:
                bits = try Operators.truthy(value) ? 1 : 0
            case .float, .double:
                let x: Double
                switch NativeBases.scalar(value) ?? value {
                case .float(let d): x = d
                case .int, .bool, .bigInt: x = try Arg.real(value)
                default: throw invalidType
                }
                bits = self == .float ? UInt64(Float(x).bitPattern) : x.bitPattern
            default:
                switch NativeBases.scalar(value) ?? value {
                case .int, .bool, .bigInt: break
                default: throw invalidType
                }
                let i = try Arg.integer(value)
                let width = 8 * itemSize
                let range: ClosedRange<BigInt> = isSigned ? -(BigInt(1) << (width - 1))...(BigInt(1) << (width - 1)) - 1
                                                          : 0...(BigInt(1) << width) - 1
                guard range.contains(i) else { throw invalidValue }
                bits = i < 0 ? UInt64(bitPattern: Int64(i)) : UInt64(i)
            }
            return (0..<itemSize).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) }
        }
    }
}
