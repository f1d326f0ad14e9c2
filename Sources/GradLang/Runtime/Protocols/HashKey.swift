import BigInt
import GradTensor

/// The identity of a dict key or set element under Python's equality: `1`, `1.0` and `True`
/// are the same key; tuples hash by their elements; tensors, functions and modules by identity.
enum HashKey: Hashable {
    case none
    case int(Int)
    case bigInt(BigInt)
    case float(Double)
    /// A NaN is a key only for itself (see NaNIdentity).
    case nan(bits: UInt64)
    case str(PyStr)
    case tuple([HashKey])
    /// A range by what decides range equality: `range(0, 3)` and `range(3)` are one key.
    case range(length: BigInt, start: BigInt?, step: BigInt?)
    case identity(ObjectIdentifier)

    init(_ v: Value) throws {
        try self.init(v, depth: 0)
    }

    private init(_ v: Value, depth: Int) throws {
        switch v {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .bigInt(let b): self = .bigInt(b)
        case .float(let d):
            // An integral float is the same key as the int it equals, however large.
            if d.isFinite && d == d.rounded(.towardZero) { self = Int(exactly: d).map(HashKey.int) ?? .bigInt(BigInt(d)) }
            else if d.isNaN { self = .nan(bits: d.bitPattern) }
            else { self = .float(d) }
        case .str(let s): self = .str(s)
        case .tensor(let t): self = .identity(ObjectIdentifier(t))
        case .object(let o):
            switch o {
            case let t as PyTuple:
                let inner = try Hashing.deeper(depth)
                self = .tuple(try t.items.map { try HashKey($0, depth: inner) })
            case let r as PyRange:
                self = .range(length: r.length, start: r.length == 0 ? nil : r.start, step: r.length <= 1 ? nil : r.step)
            case is PyList, is PyDict:
                throw PyError.type("unhashable type: '\(o.typeName)'")
            case let s as PySet where !s.isFrozen:
                throw PyError.type("unhashable type: 'set'")
            case let i as PyInstance:
                // Instances whose class defines its own hash compare by `__eq__` in CPython's
                // dicts; grad's keys compare by identity, so they are refused rather than wrong.
                if i.cls.lookup("__hash__") != nil {
                    _ = try SpecialMethods.hash(i)
                    throw PyError.type("grad cannot use '\(i.typeName)' objects with their own __hash__ as dict keys or set items yet")
                }
                self = .identity(ObjectIdentifier(o))
            default: self = .identity(ObjectIdentifier(o))
            }
        }
    }
}
