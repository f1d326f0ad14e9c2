/// How dicts and sets tell whether a stored key is the key looked up (their hashes being equal):
/// the same object first, as CPython compares `is` before `==`, then Python equality.
enum KeyEquality {
    /// Whether `a` and `b` are one object to Python. Numbers are values in grad: equal ints and
    /// bools are the same object, floats are the same when their bits are (see NaNIdentity).
    /// Every value is the same as itself: a probe that ran Python code asks this to see whether
    /// the entry it compared is still there.
    @inline(__always)
    static func isSame(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.bigInt(let x), .bigInt(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.tensor(let x), .tensor(let y)): return x === y
        case (.none, .none): return true
        default: return false
        }
    }

    /// `a == b` as containers ask it (CPython's PyObject_RichCompareBool): strs by code points,
    /// numbers by value, anything else by its `==`, a class's `__eq__` included.
    static func equal(_ a: Value, _ b: Value) throws -> Bool {
        if case .str(let x) = a, case .str(let y) = b { return x == y }
        return try Operators.sameOrEqual(a, b)
    }
}
