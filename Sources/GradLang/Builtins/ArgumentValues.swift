import BigInt
import GradTensor

/// Reading built-in arguments the way CPython's C functions do (`__index__`, `Py_ssize_t`,
/// real numbers), with CPython's messages when the kind is wrong.
enum Arg {
    /// An integer argument, exact (`operator.index`): ints, bools and integer one-element tensors.
    static func integer(_ v: Value) throws -> BigInt {
        switch v {
        case .int(let i): return BigInt(i)
        case .bigInt(let b): return b
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint:
            switch try TorchBridge.run({ try t.item() }) {
            case .int(let i): return BigInt(i)
            case .bool(let b): return b ? 1 : 0
            case .double(let d): return BigInt(d)
            }
        case .object(let i as PyInstance) where i.native is NativeScalar && BuiltinTypes.int.matches(NativeBases.contents(v)):
            return try integer(NativeBases.contents(v))
        case .object(let i as PyInstance):
            guard let index = try SpecialMethods.index(i) else { fallthrough }
            return try integer(index)
        default: throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// An integer that must fit a C `Py_ssize_t` (sizes, counts, positions).
    static func size(_ v: Value) throws -> Int {
        if case .int(let i) = v { return i }
        guard let i = Int(exactly: try integer(v)) else {
            throw PyError.overflow("Python int too large to convert to C ssize_t")
        }
        return i
    }

    /// A real number as a Double (`PyFloat_AsDouble`): `must be real number, not str`.
    static func real(_ v: Value) throws -> Double {
        try Conversions.double(v, what: "must be real number, not \(v.typeName)")
    }

    /// A str argument; `message` is the whole TypeError text otherwise.
    static func string(_ v: Value, _ message: @autoclosure () -> String) throws -> String {
        // An instance of a str subclass is read as its text.
        guard case .str(let s) = NativeBases.scalar(v) ?? v else { throw PyError.type(message()) }
        return s.string
    }

    /// A slice bound of `str.find` and friends: None or an integer; huge ints clamp, as in CPython.
    static func sliceBound(_ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bigInt(let b): return b.signum() < 0 ? Int.min : Int.max
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t): return try Conversions.index(t)
        case _ where NativeBases.scalar(v) != nil: return try sliceBound(NativeBases.contents(v))
        default: throw PyError.type("slice indices must be integers or None or have an __index__ method")
        }
    }

    /// `start:end` of `str.find`, `list.index` and friends (CPython's ADJUST_INDICES): negative
    /// bounds count from the end; the end is clamped to the length, the start only to zero, so an
    /// empty range past the end stays empty.
    static func searchRange(_ start: Value, _ end: Value, count: Int) throws -> (start: Int, end: Int) {
        func fromEnd(_ b: Int) -> Int { b < 0 ? Swift.max(b.addingReportingOverflow(count).partialValue, 0) : b }
        let s = try sliceBound(start).map(fromEnd) ?? 0
        let e = try sliceBound(end).map { Swift.min(fromEnd($0), count) } ?? count
        return (s, e)
    }

    /// Refuses to build a sequence longer than the runtime's limit, before allocating it.
    static func checkLength(_ length: Int) throws {
        if length < 0 || length > Operators.maxSequenceLength { throw PyError.memory("") }
    }
}

extension Interpreter {
    /// Each element of an iterable in turn, honouring Ctrl-C between elements.
    func forEach(in iterable: Value, _ body: (Value) throws -> Void) throws {
        let iterator = try Iteration.iterator(iterable)
        while let v = try iterator.next() {
            try checkPendingEvents()
            try body(v)
        }
    }
}
