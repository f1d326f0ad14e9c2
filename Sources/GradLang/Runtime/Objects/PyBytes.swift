/// `bytes`: an immutable sequence of ints in 0...255; or, when `isMutable`, a `bytearray`, the
/// same sequence changed in place (as one PySet is a set or a frozenset). Its items are ints
/// (`b"ab"[0]` is 97), a slice is again of its type, and it prints as CPython's repr
/// (`b'\x00abc'`, quoted with `"` only when it holds a `'` and no `"`; `bytearray(b'...')`).
public final class PyBytes: PyObject, PySized, PyIterable, PyCustomRepr, PySubscriptable {
    /// Changed only through a bytearray (`isMutable`).
    public internal(set) var bytes: [UInt8]
    public let isMutable: Bool
    /// The memoryviews on this object not yet released: while there are any, a bytearray keeps
    /// its size (see `checkResizable`).
    var exports = 0

    public init(_ bytes: [UInt8], mutable: Bool = false) {
        self.bytes = bytes
        self.isMutable = mutable
    }

    /// Before a bytearray changes size: CPython's BufferError while a memoryview shows its bytes.
    func checkResizable() throws {
        if exports > 0 { throw PyError(PyExc.bufferError, "Existing exports of data: object cannot be re-sized") }
    }

    /// New bytes of this object's type: what slices and the methods that return bytes give.
    func sameType(_ bytes: [UInt8]) -> PyBytes { PyBytes(bytes, mutable: isMutable) }

    public override var typeName: String { isMutable ? "bytearray" : "bytes" }
    public var length: Int { bytes.count }

    public func makeIterator() throws -> PyIterator { makeIterator(reversed: false) }

    /// `iter(b)`, or `reversed(b)`. Reads the object at each step, so that a bytearray changed
    /// meanwhile is read as it is then.
    func makeIterator(reversed: Bool) -> PyIterator {
        var next = reversed ? bytes.count - 1 : 0
        let iterator = PyIterator(name: reversed ? "reversed" : "\(typeName)_iterator") { [self] in
            guard next >= 0 && next < bytes.count else { return nil }
            defer { next += reversed ? -1 : 1 }
            return .int(Int(bytes[next]))
        }
        iterator.lengthHint = { [self] _ in
            let left = reversed ? next + 1 : bytes.count - next
            return .int(left < 0 || (reversed && left > bytes.count) ? 0 : left)
        }
        return iterator
    }

    /// `b[i]` is an int, `b[a:b:c]` bytes.
    public func item(at key: Value) throws -> Value {
        if case .object(let slice as PySlice) = key {
            let (start, stop, step) = try Subscript.sliceIndices(slice, count: bytes.count)
            if step == 1 { return .object(sameType(start < stop ? Array(bytes[start..<stop]) : [])) }
            return .object(sameType(stride(from: start, to: stop, by: step).map { bytes[$0] }))
        }
        return .int(Int(bytes[try position(key)]))
    }

    /// The position `key` names: CPython's messages for a bad key or one out of range.
    func position(_ key: Value) throws -> Int {
        switch NativeBases.scalar(key) ?? key {
        case .int, .bool, .bigInt, .tensor:
            return try Subscript.position(key, count: bytes.count, what: typeName)
        default:
            throw PyError.type("\(isMutable ? "bytearray" : "byte") indices must be integers or slices, not \(key.typeName)")
        }
    }

    public var reprText: String { isMutable ? "bytearray(\(Self.repr(bytes, escaping: UInt8(ascii: "'"))))" : Self.repr(bytes) }

    /// CPython's bytes repr: printable ASCII as itself, `\t \n \r`, the backslash and the quote
    /// escaped, every other byte as `\xhh`. A bytearray's repr escapes `'` (`escaping`) whichever
    /// quote it is in.
    static func repr(_ bytes: [UInt8], escaping escaped: UInt8? = nil) -> String {
        let quote: UInt8 = bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\"")) ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        let escapedQuote = escaped ?? quote
        var out = "b" + String(UnicodeScalar(quote))
        for byte in bytes {
            switch byte {
            case escapedQuote, UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case UInt8(ascii: "\t"): out += "\\t"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(byte))
            default: out += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return out + String(UnicodeScalar(quote))
    }

    /// Before making bytes of `count` (`bytes(n)`, `int.to_bytes`): CPython's OverflowError for
    /// more than its object header leaves of a Py_ssize_t, else MemoryError past what fits.
    static func checkSize(_ count: Int) throws {
        if count > Int.max - 33 { throw PyError.overflow("byte string is too large") }
        try Allocation.check(count: count, of: UInt8.self)
    }

    /// `item in b`: a byte value, or a run of bytes.
    func contains(_ item: Value) throws -> Bool {
        if case .object(let needle as PyBytes) = item { return Self.firstIndex(of: needle.bytes, in: bytes, from: 0) != nil }
        return bytes.contains(try Self.byteValue(item))
    }

    /// An int argument that stands for one byte (`b.count(97)`, `97 in b`).
    static func byteValue(_ v: Value) throws -> UInt8 {
        switch NativeBases.scalar(v) ?? v {
        case .int, .bool, .bigInt:
            guard let i = Int(exactly: try Arg.integer(v)), let byte = UInt8(exactly: i) else { throw PyError.value("byte must be in range(0, 256)") }
            return byte
        default:
            throw PyError.type("a bytes-like object is required, not '\(v.typeName)'")
        }
    }

    /// The first offset of `needle` in `hay[from...]`, by the search strs use on their UTF-8.
    static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in UTF8Search.first(n, in: h, from: from) } }
    }

    /// The last offset of `needle` in `hay[..<before]`.
    static func lastIndex(of needle: [UInt8], in hay: [UInt8], before: Int) -> Int? {
        hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in UTF8Search.last(n, in: h, before: before) } }
    }
}
