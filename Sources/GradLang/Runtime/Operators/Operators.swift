import BigInt
import GradTensor
#if canImport(Glibc)
import Glibc
#endif

/// Python's binary operators on values: int (exact, overflowing into BigInt), float, bool, str,
/// list, tuple and tensor operands, with CPython's and PyTorch's errors.
public enum Operators {
    /// The longest list, tuple or string an operator may build (8 GiB of values): larger requests
    /// are refused with MemoryError before allocating, as CPython does for absurd sizes.
    static let maxSequenceLength = 1 << 30

    public static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if let r = smallInt(op, x, y) { return .int(r) }
            return try bigIntOp(op, BigInt(x), BigInt(y))
        case (.float(let x), .float(let y)): return try floatOp(op, x, y)
        default: break
        }
        if a.instance != nil || b.instance != nil {
            return try SpecialMethods.binary(op, a, b) { try builtinBinary(op, $0, $1) }
        }
        return try builtinBinary(op, a, b)
    }

    /// `a op b` when neither operand is an instance of a user class (inlined: it is most of
    /// `binary`, on the path of every tensor operation).
    @inline(__always)
    private static func builtinBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .bool(let x) = a, case .bool(let y) = b, let r = boolOp(op, x, y) { return .bool(r) }
        // Before the tensor operators: `"%.4f" % loss` formats the tensor.
        if op == .modulo, case .str(let format) = a { return .str(try PercentFormat.apply(format.string, b)) }
        if op == .modulo, case .object(let format as PyBytes) = a {
            return .object(format.sameType(try PercentFormat.apply(bytes: format.bytes, b)))
        }
        if case .tensor(let t) = a { return try tensorOp(op, t, b, reflected: false) }
        if case .tensor(let t) = b { return try tensorOp(op, t, a, reflected: true) }
        if case .object(let o as PyOperandObject) = a, let r = try o.binary(op, b, reflected: false) { return r }
        if case .object(let o as PyOperandObject) = b, let r = try o.binary(op, a, reflected: true) { return r }
        if let x = bigOperand(a), let y = bigOperand(b) { return try bigIntOp(op, x, y) }
        if a.isRealNumber && b.isRealNumber { return try mixedFloatOp(op, a, b) }
        return try sequenceOp(op, a, b)
    }

    /// A float with an int or bool: the int becomes the nearest float first (OverflowError past
    /// the largest one, even for `10**400 * inf`), as CPython's float methods convert it; the
    /// bit operators and `@` are TypeErrors naming the operands' own types.
    private static func mixedFloatOp(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .add, .subtract, .multiply, .divide, .floorDivide, .modulo, .power:
            return try floatOp(op, try a.floatValue(), try b.floatValue())
        case .matrixMultiply, .leftShift, .rightShift, .bitAnd, .bitOr, .bitXor:
            throw PyError.type("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    /// `True & False` and friends stay bools; other operators treat bools as ints.
    private static func boolOp(_ op: BinaryOperator, _ x: Bool, _ y: Bool) -> Bool? {
        switch op {
        case .bitAnd: return x && y
        case .bitOr: return x || y
        case .bitXor: return x != y
        default: return nil
        }
    }

    /// `x op y` on two small ints or two floats when the result is computed without leaving the
    /// machine's numbers; nil for every other case. Compiled code tries this inline before
    /// calling `binary`, which begins with the same functions.
    @inline(__always)
    static func unboxedBinary(_ op: BinaryOperator, _ x: Value, _ y: Value) -> Value? {
        switch (x, y) {
        case (.int(let i), .int(let j)): return smallInt(op, i, j).map(Value.int)
        case (.float(let p), .float(let q)): return smallFloat(op, p, q).map(Value.float)
        default: return nil
        }
    }

    // MARK: ints

    /// Python's `x op y` on two small ints when the result is again a small int: the one place
    /// that states int arithmetic on machine integers. Nil leaves the operation to `bigIntOp`
    /// (overflow into BigInt, division by zero, `Int.min // -1`, `/`, `**`, shifts).
    @inline(__always)
    static func smallInt(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Int? {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            return o ? nil : r
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? nil : r
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? nil : r
        // Python's remainder takes the divisor's sign, and its quotient rounds down (Swift's
        // rounds toward zero). Overflow means a zero divisor or `Int.min // -1`.
        case .modulo:
            if y > 0 {
                let r = x % y
                return r < 0 ? r &+ y : r
            }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            if o { return nil }
            return r > 0 ? r &+ y : r
        case .floorDivide:
            if y > 0 {
                let q = x / y
                return x % y < 0 ? q &- 1 : q
            }
            let (q, o) = x.dividedReportingOverflow(by: y)
            if o { return nil }
            return x &- q &* y > 0 ? q &- 1 : q
        case .bitAnd: return x & y
        case .bitOr: return x | y
        case .bitXor: return x ^ y
        default:
            return nil
        }
    }

    static func bigIntOp(_ op: BinaryOperator, _ x: BigInt, _ y: BigInt) throws -> Value {
        switch op {
        case .add: return .integer(x + y)
        case .subtract: return .integer(x - y)
        case .multiply:
            try checkBits(x.bitWidth + y.bitWidth)
            return .integer(x * y)
        case .divide: return .float(try IntToFloat.quotient(x, y))
        case .floorDivide, .modulo:
            if y == 0 { throw PyError.zeroDivision(op == .modulo ? "integer modulo by zero" : "integer division or modulo by zero") }
            var (q, r) = x.quotientAndRemainder(dividingBy: y)
            if r != 0 && (r.signum() < 0) != (y.signum() < 0) { q -= 1; r += y }
            return .integer(op == .modulo ? r : q)
        case .power:
            if y < 0 {
                if x == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
                return try floatOp(.power, try IntToFloat.double(x), try IntToFloat.double(y))
            }
            if x == 0 || x == 1 || y == 0 { return .integer(y == 0 ? 1 : x) }
            if x == -1 { return .int(y.isMultiple(of: 2) ? 1 : -1) }
            guard let e = Int(exactly: y) else { throw PyError.memory("") }
            try checkBits(x.magnitude.bitWidth.multipliedReportingOverflow(by: e).partialValue, exponent: e)
            return .integer(try power(x, e))
        case .bitAnd: return .integer(x & y)
        case .bitOr: return .integer(x | y)
        case .bitXor: return .integer(x ^ y)
        case .leftShift, .rightShift:
            if y < 0 { throw PyError.value("negative shift count") }
            if x == 0 { return .int(0) }
            if op == .leftShift { return .integer(try leftShift(x, y)) }
            guard let shift = Int(exactly: y) else { return .int(x < 0 ? -1 : 0) }
            return .integer(x >> shift)
        case .matrixMultiply:
            throw PyError.type("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    /// `x ** e` by squaring, checking for Ctrl-C (and memory running out) between multiplications (a power of millions of
    /// bits takes seconds), and without BigInt's squaring after the last bit, the largest of all.
    private static func power(_ x: BigInt, _ exponent: Int) throws -> BigInt {
        var result: BigInt = 1, base = x, e = exponent
        while true {
            if e & 1 == 1 { result *= base }
            e >>= 1
            if e == 0 { return result }
            if PendingEvents.any { try PendingEvents.handle() }
            base *= base
        }
    }

    /// The most bits an int may have: CPython would grind for minutes, then run out.
    private static let maxBits = 100_000_000

    /// Refuses integers beyond ~100 million bits.
    private static func checkBits(_ bits: Int, exponent: Int = 1) throws {
        if bits > maxBits || exponent > maxBits { throw PyError.memory("") }
    }

    /// `x << count` for a nonzero `x`. Past grad's size limit it fails as CPython does: CPython
    /// counts the result in 30-bit digits and raises OverflowError("too many digits in integer")
    /// when that count passes its largest object (or the count of digits to shift by does not
    /// fit its clipping), and MemoryError when a smaller result cannot be allocated.
    private static func leftShift(_ x: BigInt, _ count: BigInt) throws -> BigInt {
        if let shift = Int(exactly: count), shift <= maxBits {
            try checkBits(x.bitWidth + shift)
            return x << shift
        }
        let digitBits = 30, headerBytes = 24, digitBytes = 4
        let maxDigits = BigInt((Int.max - headerBytes) / digitBytes)
        let (digitShift, bitShift) = count.quotientAndRemainder(dividingBy: BigInt(digitBits))
        let digits = BigInt((x.magnitude.bitWidth + digitBits - 1) / digitBits) + digitShift + (bitShift == 0 ? 0 : 1)
        if digitShift >= BigInt(Int.max / digitBytes) || digits > maxDigits {
            throw PyError.overflow("too many digits in integer")
        }
        throw PyError.memory("")
    }

    private static func bigOperand(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bigInt(let b): return b
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    // MARK: floats

    /// Python's `x op y` on two floats when it raises nothing: the one place that states float
    /// arithmetic. Nil leaves the operation to `floatOp` (a zero divisor, `**`, bit operators).
    @inline(__always)
    static func smallFloat(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double? {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide where y != 0: return x / y
        case .floorDivide where y != 0: return PythonDivision.floorDivide(x, y)
        case .modulo where y != 0: return PythonDivision.remainder(x, y)
        default: return nil
        }
    }

    static func floatOp(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value {
        if let r = smallFloat(op, x, y) { return .float(r) }
        switch op {
        case .divide: throw PyError.zeroDivision("float division by zero")
        case .floorDivide: throw PyError.zeroDivision("float floor division by zero")
        case .modulo: throw PyError.zeroDivision("float modulo")
        case .power:
            if x == 0 && y < 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded() && y.isFinite {
                throw PyError.value("math domain error: complex results are not supported")
            }
            let r = Glibc.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError.overflow("(34, 'Numerical result out of range')") }
            return .float(r)
        default:
            // `+ - *` never get here: smallFloat computes them.
            throw PyError.type("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    // MARK: tensors

    /// A tensor with a number or another tensor; `reflected` when the tensor was the right operand.
    static func tensorOp(_ op: BinaryOperator, _ t: Tensor, _ other: Value, reflected: Bool) throws -> Value {
        let o: Tensor
        switch other {
        case .tensor(let u): o = u
        default:
            guard let s = other.asScalar else {
                if other.isComplex { throw PyComplex.noComplexTensors }
                throw PyError.type("unsupported operand type(s) for \(op.rawValue): '\(reflected ? other.typeName : "Tensor")' and '\(reflected ? "Tensor" : other.typeName)'")
            }
            if reflected {
                return .tensor(try TorchBridge.run { try reflectedScalarOp(op, s, t) })
            }
            o = try .wrapping(s)
        }
        let (a, b) = reflected ? (o, t) : (t, o)
        return .tensor(try TorchBridge.run { try tensorTensorOp(op, a, b) })
    }

    private static func tensorTensorOp(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        switch op {
        case .add: return try a.add(b)
        case .subtract: return try a.sub(b)
        case .multiply: return try a.mul(b)
        case .divide: return try a.div(b)
        case .floorDivide: return try a.floorDivide(b)
        case .modulo: return try a.remainder(b)
        case .power: return try a.pow(b)
        case .matrixMultiply: return try a.matmul(b)
        case .bitAnd: return try a.bitwise(.and, b)
        case .bitOr: return try a.bitwise(.or, b)
        case .bitXor: return try a.bitwise(.xor, b)
        case .leftShift: return try a.bitwise(.leftShift, b)
        case .rightShift: return try a.bitwise(.rightShift, b)
        }
    }

    /// `2 - x`, `2 / x`, `2 ** x`: PyTorch's reflected ops and their node names.
    private static func reflectedScalarOp(_ op: BinaryOperator, _ s: Scalar, _ t: Tensor) throws -> Tensor {
        switch op {
        case .subtract: return try t.rsub(s)
        case .divide: return try t.rdiv(s)
        case .power: return try t.rpow(s)
        case .add: return try t.add(.wrapping(s))
        case .multiply: return try t.mul(.wrapping(s))
        default: return try tensorTensorOp(op, .wrapping(s), t)
        }
    }

    // MARK: sequences

    private static func sequenceOp(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .object(let x as PySet) = a, case .object(let y as PySet) = b, let r = try setOp(op, x, y) { return r }
        switch (op, a, b) {
        case (.add, .str(let x), .str(let y)): return .str(try PyStr.concatenated(x, y))
        case (.add, .object(let x as PyList), .object(let y as PyList)): return .object(PyList(try concatenated(x.items, y.items)))
        case (.add, .object(let x as PyTuple), .object(let y as PyTuple)): return .object(PyTuple(try concatenated(x.items, y.items)))
        case (.add, .object(let x as PyBytes), _):
            guard let y = try PyMemoryView.bufferBytes(b) else { throw PyError.type("can't concat \(b.typeName) to \(x.typeName)") }
            try Allocation.check(count: x.bytes.count + y.count, of: UInt8.self)
            return .object(x.sameType(x.bytes + y))
        case (.bitOr, .object(let x as PyDict), .object(let y as PyDict)):
            // `x | y`: a new dict with x's entries, then y's.
            let merged = PyDict()
            for (k, v) in x.entries + y.entries { try merged.set(k, v) }
            return .object(merged)
        case (.multiply, _, _):
            if let (seq, n) = try repetition(a, b) { return try repeatSequence(seq, n) }
        case (.add, .str, _):
            throw PyError.type("can only concatenate str (not \"\(b.typeName)\") to str")
        case (.add, .object(let x), _) where x is PyList || x is PyTuple:
            throw PyError.type("can only concatenate \(x.typeName) (not \"\(b.typeName)\") to \(x.typeName)")
        default: break
        }
        if op == .multiply, a.isSequence || b.isSequence {
            let other = a.isSequence ? b : a
            throw PyError.type("can't multiply sequence by non-int of type '\(other.typeName)'")
        }
        throw PyError.type("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    private static func repetition(_ a: Value, _ b: Value) throws -> (Value, Int)? {
        func count(_ v: Value) throws -> Int? {
            switch v {
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            // Any count beyond an Int, even for an empty sequence or a negative count.
            case .bigInt: throw PyError.overflow("cannot fit 'int' into an index-sized integer")
            case .object(let instance as PyInstance): return try SpecialMethods.index(instance).flatMap(count)
            default: return nil
            }
        }
        if a.isSequence, let n = try count(b) { return (a, n) }
        if b.isSequence, let n = try count(a) { return (b, n) }
        return nil
    }

    /// Fills `buffer` (a whole number of units long) with copies of `unit`, doubling what is
    /// already copied: String(repeating:) appends one copy at a time, 15 s for
    /// `'7' * 413011301` (CPython: a fraction of a second). Returns how many bytes it filled.
    private static func repeating(_ unit: [UInt8], into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let total = buffer.count
        guard total > 0, !unit.isEmpty, let base = buffer.baseAddress else { return 0 }
        base.initialize(from: unit, count: unit.count)
        var filled = unit.count
        while filled < total {
            let chunk = Swift.min(filled, total - filled)
            (base + filled).initialize(from: base, count: chunk)
            filled += chunk
        }
        return total
    }

    /// `x + y` for lists and tuples, once memory is known to hold it (`x = x + x` in a loop).
    private static func concatenated(_ x: [Value], _ y: [Value]) throws -> [Value] {
        try Allocation.check(count: x.count + y.count, of: Value.self)
        return x + y
    }

    /// `items` `times` over, in one buffer of the final size (growing it as it fills would need
    /// up to twice the memory that `repeatSequence` checked for).
    private static func repeatedItems(_ items: [Value], _ times: Int) -> [Value] {
        // Nothing to copy however many times (`[] * 2**62` must not count to 2**62).
        if items.isEmpty { return [] }
        var out: [Value] = []
        out.reserveCapacity(items.count * times)
        for _ in 0..<times { out += items }
        return out
    }

    private static func repeatSequence(_ seq: Value, _ n: Int) throws -> Value {
        let times = Swift.max(n, 0)
        func checked<Element>(_ length: Int, of element: Element.Type) throws {
            let (total, overflow) = length.multipliedReportingOverflow(by: times)
            if overflow { throw PyError.memory("") }
            try Allocation.check(count: total, of: element)
        }
        switch seq {
        case .str(let s):
            // CPython counts the result in code points before it asks for memory.
            if s.count.multipliedReportingOverflow(by: times).overflow { throw PyError.overflow("repeated string is too long") }
            try checked(s.string.utf8.count, of: UInt8.self)
            let unit = Array(s.string.utf8)
            return .str(String(unsafeUninitializedCapacity: unit.count * times) { repeating(unit, into: $0) })
        case .object(let b as PyBytes):
            if b.bytes.count.multipliedReportingOverflow(by: times).overflow { throw PyError.overflow("repeated bytes are too long") }
            try checked(b.bytes.count, of: UInt8.self)
            return .object(b.sameType(Array(unsafeUninitializedCapacity: b.bytes.count * times) { $1 = repeating(b.bytes, into: $0) }))
        case .object(let l as PyList):
            try checked(l.items.count, of: Value.self)
            return .object(PyList(repeatedItems(l.items, times)))
        case .object(let t as PyTuple):
            try checked(t.items.count, of: Value.self)
            return .object(PyTuple(repeatedItems(t.items, times)))
        default:
            return seq
        }
    }
}

extension Value {
    /// An int (of any size), bool or float.
    var isRealNumber: Bool {
        switch self {
        case .int, .bigInt, .bool, .float: return true
        default: return false
        }
    }

    /// A real number as the nearest float: OverflowError for an int past the largest float.
    /// Call only when `isRealNumber`.
    func floatValue() throws -> Double {
        switch self {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return try IntToFloat.double(b)
        default: throw PyError.type("must be real number, not \(typeName)")
        }
    }

    /// A Python number as a tensor scalar.
    var asScalar: Scalar? {
        switch self {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .double(d)
        default: return nil
        }
    }

    var isSequence: Bool {
        switch self {
        case .str: return true
        case .object(let o): return o is PyList || o is PyTuple || o is PyBytes
        default: return false
        }
    }
}
