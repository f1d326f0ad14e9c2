import BigInt
import GradTensor

/// Comparisons, truthiness, `in`, and iteration: the protocols every statement leans on.
public enum CompareOperator: String, CaseIterable, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="

    /// The operator written `op`; nil for `in`, `not in`, `is` and `is not`.
    init?(_ op: ComparisonOperator) { self.init(rawValue: op.rawValue) }
}

extension Operators {
    /// The TypeError of an ordering `a op b` neither side supports.
    static func unorderable(_ op: CompareOperator, _ a: Value, _ b: Value) -> PyError {
        PyError.type("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    public static func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        if let result = inlineCompare(op, a, b) { return .bool(result) }
        if let result = try SpecialMethods.compare(op, a, b) { return result }
        if case .tensor(let t) = a { return try tensorCompare(op, t, b, reflected: false) }
        if case .tensor(let t) = b { return try tensorCompare(op, t, a, reflected: true) }
        if case .object(let o as PyOperandObject) = a, let r = try o.compare(op, b, reflected: false) { return r }
        if case .object(let o as PyOperandObject) = b, let r = try o.compare(op, a, reflected: true) { return r }
        if let result = numericCompare(op, a, b) { return .bool(result) }
        if case .object(let x as PySet) = a, case .object(let y as PySet) = b, let r = try setCompare(op, x, y) {
            return .bool(r)
        }
        if op == .eq { return .bool(try equals(a, b)) }
        if op == .ne { return .bool(!(try equals(a, b))) }
        guard let order = try threeWay(a, b) else { throw unorderable(op, a, b) }
        switch op {
        case .lt: return .bool(order < 0)
        case .le: return .bool(order <= 0)
        case .gt: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    /// `a op b` on two small ints, two floats or two strs (in code point order, `PyStr`'s own);
    /// nil for every other pair. Compiled code tries this inline before calling `compare`, which
    /// begins with it.
    @inline(__always)
    static func inlineCompare(_ op: CompareOperator, _ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return ordered(op, x, y)
        case (.float(let x), .float(let y)): return ordered(op, x, y)
        case (.str(let x), .str(let y)): return ordered(op, x, y)
        default: return nil
        }
    }

    /// What each operator means on two values of one ordered type (on floats, IEEE's: a NaN is
    /// unequal to everything, itself included).
    @inline(__always)
    private static func ordered<T: Comparable>(_ op: CompareOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .eq: return x == y
        case .ne: return x != y
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        case .ge: return x >= y
        }
    }

    /// A tensor against a tensor or a number is a tensor of bools. Against anything else PyTorch's
    /// `__eq__` gives NotImplemented and Python falls back to identity: `t == None` is the plain
    /// bool False, `t != None` True.
    private static func tensorCompare(_ op: CompareOperator, _ t: Tensor, _ other: Value, reflected: Bool) throws -> Value {
        let o: Tensor
        switch other {
        case .tensor(let u): o = u
        default:
            guard let s = other.asScalar else {
                if other.isComplex { throw PyComplex.noComplexTensors }
                if op == .eq || op == .ne { return .bool(op == .ne) }
                throw PyError.type("'\(op.rawValue)' not supported between instances of 'Tensor' and '\(other.typeName)'")
            }
            o = try .wrapping(s)
        }
        let (x, y) = reflected ? (o, t) : (t, o)
        return .tensor(try TorchBridge.run { try elementwise(op, x, y) })
    }

    /// `x op y` elementwise, a tensor of bools.
    static func elementwise(_ op: CompareOperator, _ x: Tensor, _ y: Tensor) throws -> Tensor {
        switch op {
        case .eq: return try x.eq(y)
        case .ne: return try x.ne(y)
        case .lt: return try x.lt(y)
        case .le: return try x.le(y)
        case .gt: return try x.gt(y)
        case .ge: return try x.ge(y)
        }
    }

    /// How deeply containers may nest in `==` and `<`: CPython raises RecursionError ("in
    /// comparison") for deeper data at module level; grad stops there rather than exhaust its stack.
    static let maximumComparisonDepth = Repr.maximumDepth

    /// `==` as a Python bool (containers compare elementwise; different kinds are unequal; a tensor
    /// result must hold one element).
    public static func equals(_ a: Value, _ b: Value) throws -> Bool {
        try equals(a, b, depth: 0)
    }

    private static func equals(_ a: Value, _ b: Value, depth: Int) throws -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.tensor(let x), .tensor(let y)) where x === y: return true
        case (.tensor, _), (_, .tensor): return try truthy(compare(.eq, a, b))
        case (.object(let x as PyList), .object(let y as PyList)):
            return try elementsEqual(x.items, y.items, depth: deeper(depth))
        case (.object(let x as PyTuple), .object(let y as PyTuple)):
            return try elementsEqual(x.items, y.items, depth: deeper(depth))
        case (.object(let x as PyDict), .object(let y as PyDict)):
            guard x.count == y.count else { return false }
            let inner = try deeper(depth)
            // With the hashes x keeps, as CPython's dict_equal: no key's `__hash__` runs again.
            for entry in x.hashedEntries {
                guard let w = try y.get(entry.key, hash: entry.hash), try sameOrEqual(entry.value, w, depth: inner) else { return false }
            }
            return true
        case (.object(let x as PySet), .object(let y as PySet)):
            guard x.count == y.count else { return false }
            return try zip(x.items, x.table.hashes).allSatisfy { try y.table.find($0, hash: $1) != nil }
        case (.object(let x as PyRange), .object(let y as PyRange)):
            return x.hasSameElements(as: y)
        case (.object(let x as PyBytes), .object(let y as PyBytes)): return x.bytes == y.bytes
        case (.object(let x as PyDType), .object(let y as PyDType)): return x.dtype == y.dtype
        case (.object(let x as PyWeakRef), .object(let y as PyWeakRef)): return try x.equals(y)
        // Bound methods: the same object, and equal functions (CPython 3.8's rule).
        case (.object(let x as PyMethod), .object(let y as PyMethod)):
            return try identical(x.receiver, y.receiver) && equals(x.function, y.function, depth: deeper(depth))
        case (.object(let x as PySlice), .object(let y as PySlice)):
            return try elementsEqual([x.start, x.stop, x.step], [y.start, y.stop, y.step], depth: deeper(depth))
        case (.object(let o), _) where o is PyInstance, (_, .object(let o)) where o is PyInstance:
            return try truthy(compare(.eq, a, b))
        case (.object(let z as PyComplex), _): return z.equals(b) ?? false
        case (_, .object(let z as PyComplex)): return z.equals(a) ?? false
        case (.object(let x as PyMemoryView), _): return try x.equals(b) ?? false
        case (_, .object(let y as PyMemoryView)): return try y.equals(a) ?? false
        case (.object(let x), .object(let y)): return x === y
        default:
            return numericCompare(.eq, a, b) ?? false
        }
    }

    private static func elementsEqual(_ x: [Value], _ y: [Value], depth: Int) throws -> Bool {
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where !(try sameOrEqual(p, q, depth: depth)) { return false }
        return true
    }

    /// CPython's PyObject_RichCompareBool, which containers use for their items, `in`, `count`,
    /// `index` and `remove`: the same object is equal to itself without comparing (so `x == x`
    /// does not walk a deep `x`, and a NaN is found: `n in [n]`).
    static func sameOrEqual(_ a: Value, _ b: Value) throws -> Bool {
        try sameOrEqual(a, b, depth: 0)
    }

    private static func sameOrEqual(_ a: Value, _ b: Value, depth: Int) throws -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)) where x === y: return true
        case (.float(let x), .float(let y)) where x.bitPattern == y.bitPattern: return true
        default: return try equals(a, b, depth: depth)
        }
    }

    /// One container level deeper, or CPython's RecursionError past `maximumComparisonDepth`.
    private static func deeper(_ depth: Int) throws -> Int {
        guard depth < maximumComparisonDepth else {
            throw PyError(PyExc.recursionError, "maximum recursion depth exceeded in comparison")
        }
        return depth + 1
    }

    /// -1, 0, 1 for values with an order; nil when Python would raise TypeError.
    static func threeWay(_ a: Value, _ b: Value) throws -> Int? {
        try threeWay(a, b, depth: 0)
    }

    private static func threeWay(_ a: Value, _ b: Value, depth: Int) throws -> Int? {
        if let n = try numericOrder(a, b) { return n }
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.object(let x as PyList), .object(let y as PyList)): return try sequenceOrder(x.items, y.items, depth: deeper(depth))
        case (.object(let x as PyTuple), .object(let y as PyTuple)): return try sequenceOrder(x.items, y.items, depth: deeper(depth))
        case (.object(let x as PyBytes), .object(let y as PyBytes)):
            return x.bytes == y.bytes ? 0 : x.bytes.lexicographicallyPrecedes(y.bytes) ? -1 : 1
        default: return nil
        }
    }

    private static func sequenceOrder(_ x: [Value], _ y: [Value], depth: Int) throws -> Int? {
        for (p, q) in zip(x, y) where !(try sameOrEqual(p, q, depth: depth)) {
            return try threeWay(p, q, depth: depth)
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    /// Orders two numbers of any numeric kinds exactly (ints against floats included); nil when
    /// either is not a number or is NaN.
    private static func numericOrder(_ a: Value, _ b: Value) throws -> Int? {
        guard let x = NumericOperand(a), let y = NumericOperand(b) else { return nil }
        return x.order(y)
    }

    /// `op` on two numbers, exactly (`2**53 + 1 != 2.0**53 + 1`); nil when either is not a number.
    static func numericCompare(_ op: CompareOperator, _ a: Value, _ b: Value) -> Bool? {
        guard let x = NumericOperand(a), let y = NumericOperand(b) else { return nil }
        guard let order = x.order(y) else { return op == .ne }
        return ordered(op, order, 0)
    }

    /// Python truthiness; a tensor is true only if it has exactly one non-zero element.
    public static func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigInt(let b): return b != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .tensor(let t):
            if t.numel != 1 {
                throw PyError.runtime(t.numel == 0 ? "Boolean value of Tensor with no values is ambiguous"
                                                   : "Boolean value of Tensor with more than one value is ambiguous")
            }
            return try TorchBridge.run { try t.item() }.doubleValue != 0
        case .object(let o):
            switch o {
            case let l as PyList: return !l.items.isEmpty
            case let t as PyTuple: return !t.items.isEmpty
            case let d as PyDict: return d.count > 0
            case let s as PySet: return s.count > 0
            case let r as PyRange: return !r.length.isZero
            case let o as PyOperandObject: if let b = try o.truth() { return b }; return true
            case let s as PySized: return s.length > 0
            case let i as PyInstance: return try SpecialMethods.truthy(i)
            default: return true
            }
        }
    }

    /// `item in container`.
    public static func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = NativeBases.scalar(item) ?? item else {
                throw PyError.type("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return s.contains(sub)
        case .tensor(let t):
            return try truthy(.tensor(TorchBridge.run { try t.eq(Operators.tensorOperand(item)).sum() }))
        case .object(let o):
            switch o {
            case let d as PyDict: return try d.get(item) != nil
            case let s as PySet: return try s.contains(item)
            case let r as PyRange:
                if let found = r.contains(item) { return found }
            case let b as PyBytes: return try b.contains(item)
            case let i as PyInstance:
                if let r = try SpecialMethods.call(i, .contains, [item]) { return try truthy(r) }
                if i.cls.lookup(.contains)?.isNone == true { throw PyError.type("'\(i.typeName)' object is not a container") }
                if let contents = i.contents, !SpecialMethods.defines(i, .iter) { return try contains(contents, item) }
            case let c as PyClass:
                if let r = try Metaclasses.callSpecial(c, .contains, [item]) { return try truthy(r) }
            default: break
            }
        default: break
        }
        guard let iterator = try? Iteration.iterator(container) else {
            throw PyError.type("argument of type '\(container.typeName)' is not iterable")
        }
        while let v = try iterator.next() {
            if try sameOrEqual(v, item) { return true }
        }
        return false
    }

    static func tensorOperand(_ v: Value) throws -> Tensor {
        if case .tensor(let t) = v { return t }
        guard let s = v.asScalar else { throw PyError.type("expected a number or a tensor, got \(v.typeName)") }
        return try .wrapping(s)
    }
}
