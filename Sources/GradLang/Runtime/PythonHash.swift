import BigInt
#if canImport(Glibc)
import Glibc
#endif

/// CPython's `hash()` for the values whose hash is deterministic there (ints, floats, bools,
/// tuples of them), so sets iterate in CPython's order. Strings and objects get a stable hash
/// of grad's own: CPython randomises those per run, so no order is promised for them.
enum PythonHash {
    static let modulus: UInt64 = (1 << 61) - 1

    static func hash(_ v: Value) -> Int {
        switch v {
        case .none: return 0
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return ofInteger(BigInt(i))
        case .bigInt(let b): return ofInteger(b)
        case .float(let d): return ofDouble(d)
        case .str(let s): return fixed(s.hashValue)
        case .tensor(let t): return fixed(ObjectIdentifier(t).hashValue)
        case .object(let o):
            if let t = o as? PyTuple { return ofTuple(t.items) }
            return fixed(ObjectIdentifier(o).hashValue)
        }
    }

    /// -1 is CPython's error marker, so no hash is ever -1.
    private static func fixed(_ h: Int) -> Int { h == -1 ? -2 : h }

    static func ofInteger(_ b: BigInt) -> Int {
        let r = b.magnitude % BigUInt(modulus)
        let h = Int(UInt64(r))
        return fixed(b.signum() < 0 ? -h : h)
    }

    /// `_Py_HashDouble`: integral values hash like the equal int.
    static func ofDouble(_ x: Double) -> Int {
        if x.isInfinite { return x > 0 ? 314159 : -314159 }
        if x.isNaN { return 0 }
        var e: Int32 = 0
        var m = frexp(x, &e)
        var sign = 1
        if m < 0 { sign = -1; m = -m }
        var acc: UInt64 = 0
        var exponent = Int(e)
        while m != 0 {
            acc = ((acc << 28) & modulus) | acc >> (61 - 28)
            m *= 268435456.0
            exponent -= 28
            let y = UInt64(m)
            m -= Double(y)
            acc += y
            if acc >= modulus { acc -= modulus }
        }
        exponent = exponent >= 0 ? exponent % 61 : 61 - 1 - ((-1 - exponent) % 61)
        acc = ((acc << UInt64(exponent)) & modulus) | acc >> UInt64(61 - exponent)
        return fixed(Int(acc) * sign)
    }

    /// CPython 3.8+'s xxHash-based tuple hash.
    static func ofTuple(_ items: [Value]) -> Int {
        let prime1: UInt64 = 11400714785074694791, prime2: UInt64 = 14029467366897019727
        let prime5: UInt64 = 2870177450012600261
        var acc = prime5
        for item in items {
            acc = acc &+ UInt64(bitPattern: Int64(hash(item))) &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(items.count) ^ (prime5 ^ 3527539))
        let h = Int(Int64(bitPattern: acc))
        return h == -1 ? 1546275796 : h
    }
}
