import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hash()` with CPython's values for numbers, tuples and frozensets (ints reduced modulo
/// 2**61 - 1, floats hashed consistently with equal ints, tuples by xxHash); strings and objects hash by content or
/// identity (CPython randomises string hashes per process anyway).
enum Hashing {
    private static let modulus: UInt64 = (1 << 61) - 1

    /// How deeply tuples may nest in a hash (or a dict key). CPython has no limit
    /// and overflows its stack near a million; grad raises RecursionError well before its own.
    static let maximumDepth = 100_000

    static func hash(_ v: Value) throws -> Int {
        // The common keys first (an instance by its class's flag, not its special methods),
        // before the walk that tuples need.
        switch v {
        case .int(let i): return integer(i)
        case .str(let s): return string(s)
        case .object(let i as PyInstance) where i.cls.hashesByIdentity: return identity(ObjectIdentifier(i))
        default: return try hash(v, depth: 0)
        }
    }

    /// One level deeper into a tuple, or RecursionError past `maximumDepth`.
    private static func deeper(_ depth: Int) throws -> Int {
        guard depth < maximumDepth else { throw PyError(PyExc.recursionError, "maximum recursion depth exceeded") }
        return depth + 1
    }

    /// Only tuples recurse here; everything else is hashed by `atom`, out of line,
    /// so that this frame stays small enough for data nested `maximumDepth` deep (also under
    /// AddressSanitizer, which enlarges every local).
    private static func hash(_ v: Value, depth: Int) throws -> Int {
        if case .object(let o) = v {
            if let t = o as? PyTuple { return try tuple(t.items, depth: deeper(depth)) }
            if let s = o as? PySet, s.isFrozen { return frozenset(s) }
        }
        return try atom(v)
    }

    @inline(never)
    private static func atom(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0xFCA86420
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return integer(i)
        case .bigInt(let b): return integer(b)
        case .float(let d): return float(d)
        case .str(let s): return string(s)
        case .tensor(let t): return identity(ObjectIdentifier(t))
        case .object(let o):
            switch o {
            case let r as PyRange:
                // CPython hashes what decides range equality: (len, start, step), with None for
                // the parts an empty or one-element range does not depend on.
                let parts: [Value] = r.length == 0 ? [.int(0), .none, .none]
                    : r.length == 1 ? [.int(1), .integer(r.start), .none]
                    : [.integer(r.length), .integer(r.start), .integer(r.step)]
                return try tuple(parts, depth: 1)
            case let b as PyBytes where !b.isMutable: return fnv1a(b.bytes)
            case is PyList, is PyDict, is PyBytes: throw PyError.type("unhashable type: '\(o.typeName)'")
            case let i as PyInstance: return try SpecialMethods.hash(i) ?? identity(ObjectIdentifier(o))
            case is PySet: throw PyError.type("unhashable type: 'set'")
            case let r as PyWeakRef: return try r.hash()
            case let z as PyComplex: return complex(z.value)
            case let m as PyMemoryView: return try m.hash()
            case let m as PyMethod: return try method(m)
            default: return identity(ObjectIdentifier(o))
            }
        }
    }

    /// Equal bound methods hash alike: the object's identity with the function's hash.
    private static func method(_ m: PyMethod) throws -> Int {
        let receiver: Int
        switch m.receiver {
        case .object(let o): receiver = identity(ObjectIdentifier(o))
        case .tensor(let t): receiver = identity(ObjectIdentifier(t))
        default: receiver = try hash(m.receiver)
        }
        return avoidingMinusOne(receiver ^ (try hash(m.function)))
    }

    /// A small int's hash: the same as its BigInt's, without making one.
    private static func integer(_ i: Int) -> Int {
        let r = Int(i.magnitude % UInt(modulus))
        return avoidingMinusOne(i < 0 ? -r : r)
    }

    /// A str's hash over its UTF-8; kept by the str once computed, as CPython keeps a str's hash.
    /// An ASCII str and the bytes of its encoding hash alike, as in CPython.
    private static func string(_ s: PyStr) -> Int {
        if s.knownHash != -1 { return s.knownHash }
        // Over the bytes in whichever form the str holds them, without making a `String`.
        s.knownHash = s.withUTF8 { fnv1a($0) }
        return s.knownHash
    }

    /// FNV-1a over bytes, folded into a non-(-1) Int.
    private static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return avoidingMinusOne(Int(bitPattern: UInt(h)))
    }

    private static func integer(_ b: BigInt) -> Int {
        let r = Int(b.magnitude % BigUInt(modulus))
        return avoidingMinusOne(b.signum() < 0 ? -r : r)
    }

    /// CPython's complex hash: the real part's plus 1000003 times the imaginary part's, wrapping,
    /// so that a complex with no imaginary part hashes as its real part.
    private static func complex(_ z: Complex) -> Int {
        avoidingMinusOne(float(z.real) &+ 1_000_003 &* float(z.imag))
    }

    /// CPython's `_Py_HashDouble`: the value modulo 2**61 - 1, so `hash(2.0) == hash(2)`.
    private static func float(_ d: Double) -> Int {
        if d.isInfinite { return d > 0 ? 314159 : -314159 }
        if d.isNaN { return 0 }
        var exponent: Int32 = 0
        var m = frexp(d, &exponent)  // d = m * 2**e with 0.5 <= |m| < 1
        var e = Int(exponent)
        let negative = m < 0
        if negative { m = -m }
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> (61 - 28)
            m *= 268435456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        let shift = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(shift)) & modulus) | x >> UInt64(61 - shift)
        let signed = Int(x)
        return avoidingMinusOne(negative ? -signed : signed)
    }

    /// CPython's frozenset_hash, from the hashes its table keeps: nothing is hashed again, so
    /// frozensets nested n deep hash in O(n). Kept once computed, as CPython keeps it.
    private static func frozenset(_ s: PySet) -> Int {
        if let known = s.cachedHash { return known }
        func shuffled(_ h: UInt) -> UInt { ((h ^ 89869747) ^ (h << 16)) &* 3644798167 }
        var h: UInt = 0
        for element in s.table.hashes { h ^= shuffled(UInt(bitPattern: element)) }
        h ^= (UInt(s.count) + 1) &* 1927868237
        h ^= (h >> 11) ^ (h >> 25)
        h = h &* 69069 &+ 907133923
        let result = h == UInt.max ? 590923713 : Int(bitPattern: h)
        s.cachedHash = result
        return result
    }

    /// CPython's tuple hash (xxHash-based, 3.8+).
    private static func tuple(_ items: [Value], depth: Int) throws -> Int {
        let prime1: UInt64 = 11400714785074694791, prime2: UInt64 = 14029467366897019727
        let prime5: UInt64 = 2870177450012600261
        var acc = prime5
        for item in items {
            let lane = UInt64(bitPattern: Int64(try hash(item, depth: depth)))
            acc = acc &+ lane &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(items.count) ^ (prime5 ^ 3527539))
        if acc == UInt64.max { return 1546275796 }
        return Int(Int64(bitPattern: acc))
    }

    /// CPython's pointer hash: the address rotated right by 4 bits.
    static func identity(_ id: ObjectIdentifier) -> Int {
        let address = UInt(bitPattern: id)
        return avoidingMinusOne(Int(bitPattern: (address >> 4) | (address << (UInt(UInt.bitWidth) - 4))))
    }

    /// -1 is CPython's error marker, so no hash is ever -1.
    private static func avoidingMinusOne(_ h: Int) -> Int { h == -1 ? -2 : h }
}
