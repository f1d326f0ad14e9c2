import BigInt

/// `range(start, stop, step)` with bounds of any size, as in Python (`range(10**20)[5]`,
/// `10**19 in range(10**20)`). A range whose bounds and length fit an Int (nearly every one) also
/// carries them as machine ints, for loops, `len` and indexing without BigInt arithmetic.
public final class PyRange: PyObject {
    public let start: BigInt, stop: BigInt, step: BigInt
    /// The number of elements.
    public let length: BigInt
    /// The range in machine ints; nil when a bound or the length does not fit an Int.
    public let small: Small?

    /// Every element lies between `start` and `stop`, so it fits an Int as they do; `element`
    /// wraps in its intermediate product, whose final sum is exact.
    public struct Small: Sendable {
        public let start: Int, stop: Int, step: Int, count: Int
        public func element(_ i: Int) -> Int { start &+ i &* step }
    }

    /// A range of machine ints (`step` is not 0), its length counted unsigned: the distance
    /// between the bounds always fits a UInt.
    public init(start: Int, stop: Int, step: Int) {
        let count: UInt
        if step > 0 {
            count = start < stop ? (UInt(bitPattern: stop &- start) - 1) / UInt(step) + 1 : 0
        } else {
            count = start > stop ? (UInt(bitPattern: start &- stop) - 1) / step.magnitude + 1 : 0
        }
        (self.start, self.stop, self.step, length) = (BigInt(start), BigInt(stop), BigInt(step), BigInt(count))
        small = Int(exactly: count).map { Small(start: start, stop: stop, step: step, count: $0) }
    }

    /// A range of ints of any size (`step` is not 0).
    public init(start: BigInt, stop: BigInt, step: BigInt) {
        let distance = step.signum() > 0 ? stop - start : start - stop
        let count = distance.signum() > 0 ? (distance - 1) / BigInt(step.magnitude) + 1 : 0
        (self.start, self.stop, self.step, length) = (start, stop, step, count)
        if let a = Int(exactly: start), let b = Int(exactly: stop), let c = Int(exactly: step), let n = Int(exactly: count) {
            small = Small(start: a, stop: b, step: c, count: n)
        } else {
            small = nil
        }
    }

    public override var typeName: String { "range" }

    /// `len(r)`: CPython's OverflowError when the length passes a C ssize_t.
    public func count() throws -> Int {
        if let small { return small.count }
        guard let n = Int(exactly: length) else { throw PyError.overflow("Python int too large to convert to C ssize_t") }
        return n
    }

    /// `r[i]`, negative indices counting from the end.
    func element(at key: Value) throws -> Value {
        // A one-element integer tensor indexes as its value (`Tensor.__index__`).
        if case .tensor(let t) = key { return try element(at: .int(Conversions.index(t))) }
        if let small, case .int(let i) = key {
            let p = i < 0 ? i &+ small.count : i
            guard p >= 0 && p < small.count else { throw PyError.index("range object index out of range") }
            return .int(small.element(p))
        }
        guard var i = Self.integer(key) else {
            throw PyError.type("range indices must be integers or slices, not \(key.typeName)")
        }
        if i.signum() < 0 { i += length }
        guard i.signum() >= 0 && i < length else { throw PyError.index("range object index out of range") }
        return .integer(start + i * step)
    }

    /// `r[a:b:c]`: again a range, as CPython's `compute_slice` makes it.
    func slice(_ s: PySlice) throws -> PyRange {
        let (first, end, by) = try Self.indices(s, length: length)
        return PyRange(start: start + first * step, stop: start + end * step, step: step * by)
    }

    /// `x in r` for an int (or bool) `x`, by arithmetic; nil for other values, which CPython
    /// compares with each element in turn.
    func contains(_ item: Value) -> Bool? {
        if let small, case .int(let i) = item {
            if small.step > 0 {
                guard i >= small.start && i < small.stop else { return false }
                return UInt(bitPattern: i &- small.start) % UInt(small.step) == 0
            }
            guard i <= small.start && i > small.stop else { return false }
            return UInt(bitPattern: small.start &- i) % small.step.magnitude == 0
        }
        return Self.integer(item).map { index(of: $0) != nil }
    }

    /// The position of the int `x` in the range; nil when it is not an element.
    func index(of x: BigInt) -> BigInt? {
        let inside = step.signum() > 0 ? start <= x && x < stop : stop < x && x <= start
        guard inside else { return nil }
        let (position, remainder) = (x - start).quotientAndRemainder(dividingBy: step)
        return remainder.isZero ? position : nil
    }

    /// `r == other`: the same elements (CPython compares length, first element and step).
    func hasSameElements(as other: PyRange) -> Bool {
        guard length == other.length else { return false }
        return length.isZero || (start == other.start && (length == 1 || step == other.step))
    }

    /// How far a range iterator has come: an object, because a `var` captured by the iterator's
    /// closure would be checked for exclusive access at run time at every step (the optimizer
    /// proves this property's accesses exclusive).
    private final class Position {
        var next = 0
        let count: Int
        init(count: Int) { self.count = count }
    }

    /// `iter(r)`, or `reversed(r)`: machine ints when they fit, else ints of any size.
    func makeIterator(reversed: Bool) -> PyIterator {
        if let small {
            let position = Position(count: small.count)
            let n = small.count
            let iterator = PyIterator(name: "range_iterator") {
                let i = position.next
                guard i < n else { return nil }
                position.next = i + 1
                return .int(small.element(reversed ? n - 1 - i : i))
            }
            iterator.lengthHint = { _ in .int(position.count - position.next) }
            return iterator
        }
        var remaining = length
        var current = reversed ? start + (length - 1) * step : start
        let stride = reversed ? -step : step
        let iterator = PyIterator(name: "longrange_iterator") {
            guard remaining.signum() > 0 else { return nil }
            defer {
                remaining -= 1
                current += stride
            }
            return .integer(current)
        }
        iterator.lengthHint = { _ in .integer(remaining) }
        return iterator
    }

    /// An int or bool as a BigInt; nil for anything else.
    static func integer(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bigInt(let b): return b
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// A slice's start, stop and step clamped to a sequence of `length` (CPython's
    /// `_PySlice_GetLongIndices`, which works at any size).
    static func indices(_ s: PySlice, length: BigInt) throws -> (start: BigInt, stop: BigInt, step: BigInt) {
        func bound(_ v: Value) throws -> BigInt? {
            if v.isNone { return nil }
            guard let b = integer(v) else {
                throw PyError.type("slice indices must be integers or None or have an __index__ method")
            }
            return b
        }
        let step = try bound(s.step) ?? 1
        if step.isZero { throw PyError.value("slice step cannot be zero") }
        let (lower, upper): (BigInt, BigInt) = step.signum() < 0 ? (-1, length - 1) : (0, length)
        func clamped(_ value: BigInt?, _ otherwise: BigInt) -> BigInt {
            guard var b = value else { return otherwise }
            if b.signum() < 0 {
                b += length
                return b < lower ? lower : b
            }
            return b > upper ? upper : b
        }
        let first = clamped(try bound(s.start), step.signum() < 0 ? upper : lower)
        let end = clamped(try bound(s.stop), step.signum() < 0 ? lower : upper)
        return (first, end, step)
    }
}
