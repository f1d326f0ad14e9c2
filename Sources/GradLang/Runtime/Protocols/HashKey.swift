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

    /// Nil for a key only Python's `==` can compare: an instance whose class defines its own
    /// `__hash__`, or a tuple holding one (a dict keeps those by hash, see PyDict+PythonKeys).
    init?(_ v: Value) throws {
        try self.init(v, depth: 0)
    }

    /// An instance of a user class is a key by identity, unless its class defines its own hash
    /// (then nil) or sets `__hash__ = None` (unhashable). Not inlined: the recursive
    /// initializer's frame stays small for deep tuples.
    @inline(never)
    private static func instance(_ i: PyInstance) throws -> HashKey? {
        if let hash = i.cls.lookup("__hash__") {
            if hash.isNone { throw PyError.type("unhashable type: '\(i.typeName)'") }
            return nil
        }
        if let contents = i.native as? PyTuple { return try HashKey(.object(contents)) }
        if i.native != nil { throw PyError.type("unhashable type: '\(i.typeName)'") }
        return .identity(ObjectIdentifier(i))
    }

    /// Only tuples recurse here; everything else is made by `atom`, out of line, so that this
    /// frame stays small enough for tuples nested `Hashing.maximumDepth` deep (also under
    /// AddressSanitizer, which enlarges every local).
    private init?(_ v: Value, depth: Int) throws {
        if case .object(let t as PyTuple) = v {
            let inner = try Hashing.deeper(depth)
            var items: [HashKey] = []
            items.reserveCapacity(t.items.count)
            for item in t.items {
                guard let key = try HashKey(item, depth: inner) else { return nil }
                items.append(key)
            }
            self = .tuple(items)
        } else {
            guard let key = try HashKey.atom(v) else { return nil }
            self = key
        }
    }

    @inline(never)
    private static func atom(_ v: Value) throws -> HashKey? {
        switch v {
        case .none: return HashKey.none
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .bigInt(b)
        case .float(let d):
            // An integral float is the same key as the int it equals, however large.
            if d.isFinite && d == d.rounded(.towardZero) { return Int(exactly: d).map(HashKey.int) ?? .bigInt(BigInt(d)) }
            if d.isNaN { return .nan(bits: d.bitPattern) }
            return .float(d)
        case .str(let s): return .str(s)
        case .tensor(let t): return .identity(ObjectIdentifier(t))
        case .object(let o):
            switch o {
            case let r as PyRange:
                return .range(length: r.length, start: r.length == 0 ? nil : r.start, step: r.length <= 1 ? nil : r.step)
            case is PyList, is PyDict:
                throw PyError.type("unhashable type: '\(o.typeName)'")
            case let s as PySet where !s.isFrozen:
                throw PyError.type("unhashable type: 'set'")
            case let i as PyInstance: return try HashKey.instance(i)
            default: return .identity(ObjectIdentifier(o))
            }
        }
    }
}
