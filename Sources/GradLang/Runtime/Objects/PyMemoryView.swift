/// `memoryview(obj)`: a one-dimensional window on the bytes of a bytes or bytearray, read and (for
/// a bytearray) written in place, without copying. A slice is a window on the same object; the
/// items are `itemSize` bytes each, as the format reads them (see PyMemoryView+Format).
///
/// While a view lives unreleased, its bytearray refuses to change size (PyBytes.exports), as
/// CPython's buffer protocol does; `release()` (or leaving `with`) lets it go, and every use after
/// that is CPython's ValueError.
final class PyMemoryView: PyOperandObject, PyIterable, PyCustomRepr, PySubscriptable, PyItemAssignable {
    /// The object whose bytes the view shows (`obj`).
    let base: PyBytes
    /// The window: `count` items of `base`, the first at byte `start`, `step` bytes apart (negative
    /// from a reversed slice).
    let start: Int, step: Int, count: Int
    let format: Format
    /// The format as `cast` was given it (`@i` reads as `i`), which the `format` attribute shows.
    let formatName: String
    let isReadOnly: Bool
    private(set) var isReleased = false

    init(on base: PyBytes, start: Int, step: Int, count: Int, format: Format, named formatName: String? = nil, readOnly: Bool) {
        self.base = base
        self.start = start
        self.step = step
        self.count = count
        self.format = format
        self.formatName = formatName ?? format.rawValue
        self.isReadOnly = readOnly
        base.exports += 1
    }

    /// `memoryview(b)`: all of `b`, read-only for bytes.
    convenience init(of base: PyBytes) {
        self.init(on: base, start: 0, step: 1, count: base.bytes.count, format: .unsignedByte, readOnly: !base.isMutable)
    }

    /// A view of the same window (`memoryview(mv)`, `toreadonly`).
    func copy(readOnly: Bool? = nil) throws -> PyMemoryView {
        try checkLive()
        return PyMemoryView(on: base, start: start, step: step, count: count, format: format, named: formatName,
                            readOnly: readOnly ?? isReadOnly)
    }

    /// Whether its items follow each other with no gap (CPython's C-contiguous, for one dimension).
    var isContiguous: Bool { step == format.itemSize || count <= 1 }

    /// `cast(format)` of a contiguous view: the same bytes as items of another format, one of the
    /// two a byte format.
    func cast(to newFormat: Format, named name: String) throws -> PyMemoryView {
        try checkLive()
        if !format.isByte && !newFormat.isByte { throw PyError.type("memoryview: cannot cast between two non-byte formats") }
        let byteCount = count * format.itemSize
        if byteCount % newFormat.itemSize != 0 { throw PyError.type("memoryview: length is not a multiple of itemsize") }
        return PyMemoryView(on: base, start: start, step: newFormat.itemSize, count: byteCount / newFormat.itemSize,
                            format: newFormat, named: name, readOnly: isReadOnly)
    }

    deinit {
        if !isReleased { base.exports -= 1 }
    }

    override var typeName: String { "memoryview" }

    var reprText: String { "<\(isReleased ? "released " : "")memory at \(Repr.address(.object(self)))>" }

    /// `release()`: the bytearray may change size again once no other view holds it.
    func release() {
        guard !isReleased else { return }
        isReleased = true
        base.exports -= 1
    }

    func checkLive() throws {
        if isReleased { throw PyError.value("operation forbidden on released memoryview object") }
    }

    /// `len(mv)`.
    func length() throws -> Int {
        try checkLive()
        return count
    }

    /// The bytes in the window, in order (`tobytes()`).
    func windowBytes() throws -> [UInt8] {
        try checkLive()
        return (0..<count).flatMap { itemBytes($0) }
    }

    /// The items as the format reads them (`tolist()`).
    func items() throws -> [Value] {
        try checkLive()
        return (0..<count).map(item)
    }

    private func itemBytes(_ i: Int) -> ArraySlice<UInt8> {
        let first = start + i * step
        return base.bytes[first..<first + format.itemSize]
    }

    private func item(_ i: Int) -> Value { format.item(itemBytes(i)) }

    func makeIterator() throws -> PyIterator { try makeIterator(reversed: false) }

    /// `iter(mv)`, or `reversed(mv)`; a view released meanwhile ends it.
    func makeIterator(reversed: Bool) throws -> PyIterator {
        try checkLive()
        var next = reversed ? count - 1 : 0
        return PyIterator(name: reversed ? "reversed" : "memory_iterator") { [self] in
            guard !isReleased, next >= 0, next < count else { return nil }
            defer { next += reversed ? -1 : 1 }
            return item(next)
        }
    }

    /// `mv[i]` is an item, `mv[a:b:c]` a view of the same bytes.
    func item(at key: Value) throws -> Value {
        try checkLive()
        if case .object(let slice as PySlice) = key {
            let by = try Subscript.sliceIndices(slice, count: count).step
            let positions = try Subscript.slicePositions(slice, count: count)
            // Steps multiply only past one item, where they stay within the bytes.
            let (newStep, overflow) = step.multipliedReportingOverflow(by: by)
            return .object(PyMemoryView(on: base, start: start + (positions.first ?? 0) * step, step: overflow ? by : newStep,
                                        count: positions.count, format: format, named: formatName, readOnly: isReadOnly))
        }
        return item(try position(key))
    }

    /// The item `key` names: CPython's messages for a bad key or one out of range.
    private func position(_ key: Value) throws -> Int {
        switch NativeBases.scalar(key) ?? key {
        case .int, .bool, .bigInt:
            guard let i = Int(exactly: try Arg.integer(key)) else { throw PyError.index("cannot fit 'int' into an index-sized integer") }
            let p = i < 0 ? i + count : i
            guard p >= 0 && p < count else { throw PyError.index("index out of bounds on dimension 1") }
            return p
        case .object(let t as PyTuple):
            throw PyError.type("cannot index 1-dimension view with \(t.items.count)-element tuple")
        default:
            throw PyError.type("memoryview: invalid slice key")
        }
    }

    /// `mv[i] = item`, `mv[a:b] = bytes_like` of the same length, into the bytearray.
    func setItem(_ key: Value, to value: Value) throws {
        try checkLive()
        if isReadOnly { throw PyError.type("cannot modify read-only memory") }
        guard case .object(let slice as PySlice) = key else {
            store(try format.bytes(value), at: try position(key))
            return
        }
        let positions = try Subscript.slicePositions(slice, count: count)
        guard let source = try Self.bufferBytes(value) else {
            throw PyError.type("a bytes-like object is required, not '\(value.typeName)'")
        }
        // Bytes and bytearrays are 'B' items.
        var sourceFormat = Format.unsignedByte
        if case .object(let view as PyMemoryView) = value { sourceFormat = view.format }
        guard sourceFormat == format, source.count == positions.count * format.itemSize else {
            throw PyError.value("memoryview assignment: lvalue and rvalue have different structures")
        }
        for (n, p) in positions.enumerated() {
            store(source[n * format.itemSize..<(n + 1) * format.itemSize], at: p)
        }
    }

    private func store<Bytes: Collection<UInt8>>(_ bytes: Bytes, at i: Int) {
        for (offset, b) in bytes.enumerated() { base.bytes[start + i * step + offset] = b }
    }

    /// `del mv[key]`: never allowed, though CPython names the read-only view's reason first.
    func deleteItem() throws {
        try checkLive()
        if isReadOnly { throw PyError.type("cannot modify read-only memory") }
        throw PyError.type("cannot delete memory")
    }

    /// The bytes of a bytes-like object (bytes, bytearray, memoryview); nil for anything else.
    static func bufferBytes(_ value: Value) throws -> [UInt8]? {
        switch value {
        case .object(let b as PyBytes): return b.bytes
        case .object(let m as PyMemoryView): return try m.windowBytes()
        default: return nil
        }
    }

    /// `==` and `!=` (`equals`); NotImplemented for the orderings, so `<` is CPython's TypeError.
    override func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .eq || op == .ne, let equal = try equals(other) else { return nil }
        return .bool(equal == (op == .eq))
    }

    /// `self == other` item by item against another view or bytes-like object (a released view
    /// equals only itself); nil (NotImplemented) for anything else.
    func equals(_ other: Value) throws -> Bool? {
        if case .object(let o) = other, o === self, isReleased { return true }
        let theirs: [Value]
        switch other {
        case .object(let b as PyBytes): theirs = b.bytes.map { .int(Int($0)) }
        case .object(let m as PyMemoryView):
            if m.isReleased { return false }
            theirs = try m.items()
        default: return nil
        }
        if isReleased { return false }
        let mine = try items()
        return try mine.count == theirs.count && zip(mine, theirs).allSatisfy { try Operators.equals($0, $1) }
    }

    override func truth() throws -> Bool? { try length() > 0 }

    /// `hash(mv)`: the hash of its bytes, for a read-only view only.
    func hash() throws -> Int {
        try checkLive()
        if !isReadOnly { throw PyError.value("cannot hash writable memoryview object") }
        if !format.isByte { throw PyError.value("memoryview: hashing is restricted to formats 'B', 'b' or 'c'") }
        return try Hashing.hash(.object(PyBytes(windowBytes())))
    }

    /// `with memoryview(b) as m:` binds the view and releases it at the end.
    var contextManager: PyContextManager { Released(self) }

    private final class Released: PyContextManager {
        let view: PyMemoryView
        init(_ view: PyMemoryView) {
            self.view = view
            super.init(name: "memoryview")
        }
        override func enter() throws -> Value {
            try view.checkLive()
            return .object(view)
        }
        override func exit() throws { view.release() }
    }
}
