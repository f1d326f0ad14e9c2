/// A key's identity as plain bits (what `KeyEquality.isSame` compares), kept by a hash table
/// beside the key: a probe compares it with the looked-up key's without reading the stored key,
/// which would retain and release it (CPython compares the two pointers).
struct KeyIdentity: Equatable {
    private enum Kind: UInt8 { case unknown, none, bool, int, float, str, object, tensor }
    private let kind: Kind
    private let bits: UInt

    /// The identity of `value`; a big int has none that bits can hold (`isKnown` is false), so
    /// tables compare it as a value.
    @inline(__always)
    init(_ value: Value) {
        switch value {
        case .none: (kind, bits) = (.none, 0)
        case .bool(let b): (kind, bits) = (.bool, b ? 1 : 0)
        case .int(let i): (kind, bits) = (.int, UInt(bitPattern: i))
        case .float(let d): (kind, bits) = (.float, UInt(d.bitPattern))
        // The table holds the stored object, so no other object can have its address meanwhile.
        case .str(let s): (kind, bits) = (.str, UInt(bitPattern: ObjectIdentifier(s)))
        case .object(let o): (kind, bits) = (.object, UInt(bitPattern: ObjectIdentifier(o)))
        case .tensor(let t): (kind, bits) = (.tensor, UInt(bitPattern: ObjectIdentifier(t)))
        case .bigInt: (kind, bits) = (.unknown, 0)
        }
    }

    /// Whether equal identities mean `KeyEquality.isSame` (false for a big int).
    var isKnown: Bool { kind != .unknown }
}
