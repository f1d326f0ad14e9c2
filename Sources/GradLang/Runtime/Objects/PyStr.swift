/// A Python `str`: an immutable sequence of Unicode code points.
///
/// The text is kept as a Swift `String` (UTF-8), but nothing Python sees goes through Swift's
/// `Character`s or canonical equivalence: length, indexing, slicing and iteration count code
/// points, and `==`, ordering and hashing compare code points exactly (`"\u{212B}"` and `"\u{C5}"`
/// are different strings, as in CPython). Indexing is O(1), as PEP 393's fixed-width strings
/// make it in CPython: in ASCII text a code point is a UTF-8 byte; other text builds a table of
/// where each code point starts on its first index or slice.
///
/// A short str cut from another (a slice, a piece of `split`, a character) keeps its UTF-8 bytes
/// inline (`ShortUTF8`) until first read as a `String`: they are valid already, and a `String`
/// made of them would check them again.
///
/// A str grown in place (`s += t` on the sole reference, as CPython grows it) keeps its text as
/// UTF-8 bytes with room to grow while it is being built, and becomes a Swift `String` when
/// first read: appending to a `String` costs some 340 instructions however short the tail
/// (appending to the bytes, a few dozen). The result of `join` starts as such bytes too.
public final class PyStr {
    /// The text, unless `pending` holds it. Internal, behind a read-only public property: a
    /// public stored `var` of a class is checked for exclusive access at run time on every use.
    private var settledText: String
    /// The whole text as UTF-8 bytes until first read as a `String` (nil otherwise).
    private var pending: PendingBytes?
    // The flags follow `pending` directly, in the bytes its tag leaves (Swift lays stored
    // properties out in order): a str object is then 80 bytes, where the built and the short
    // bytes as two optionals with the flags at the end took 98, a 112-byte block. A `split`
    // into 100,000 words faults in that much less memory.
    /// Whether every code point is ASCII; known once `knownCount` is.
    private var knownASCII = false
    /// Whether this is the one shared str of its text (`latin1Characters`): two of them are
    /// equal only when they are the same object, which `==` sees without reading their text.
    private let isInterned: Bool
    /// Set once built bytes have become a `String`: later appends go to the `String`, so a loop
    /// that appends and reads in turn stays linear instead of converting back and forth.
    private var hasSettled = false

    private enum PendingBytes {
        /// The whole text while it is being built, or as `join` made it.
        case built([UInt8])
        /// The whole text of a short str cut from another.
        case short(ShortUTF8)
    }

    /// The text as a Swift `String`, made from the pending bytes when first read. Lent, not
    /// copied (`_read`): a getter would retain and release the text at every read.
    private var text: String {
        _read {
            if pending != nil { settle() }
            yield settledText
        }
    }

    public var string: String { text }

    /// The number of UTF-8 bytes, whichever form the text is in. Inlined: as a call it cost
    /// `s += ch` some 20 instructions.
    @inline(__always) private var utf8Count: Int {
        switch pending {
        case .built(let bytes)?: bytes.count
        case .short(let short)?: short.count
        case nil: settledText.utf8.count
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, whichever form they are in: the readers that
    /// need no Swift `String` leave built bytes as they are.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch pending {
        case .built(let bytes)?: return try bytes.withUnsafeBufferPointer(body)
        case .short(let short)?: return try short.withUTF8(body)
        case nil: break
        }
        // In place, without copying the String (which costs a retain); a native String
        // always has its UTF-8 in one piece, and `withUTF8` would make it so otherwise.
        if let result = try settledText.utf8.withContiguousStorageIfAvailable(body) { return result }
        var s = settledText
        return try s.withUTF8(body)
    }

    /// The number of code points, or -1 until first asked for.
    private var knownCount = -1
    /// The UTF-8 offset of each code point of non-ASCII text, then the end: built when first
    /// indexed, empty until then (a non-ASCII text has at least a code point and its end).
    private var offsetTable: [Int] = []
    /// `hash(self)`, or -1 (which no hash is) until Hashing first computes it.
    var knownHash = -1

    public init(_ string: String) {
        self.settledText = string
        isInterned = false
    }

    private init(_ string: String, count: Int?, interned: Bool = false) {
        self.settledText = string
        isInterned = interned
        if let count { know(count: count, of: string.utf8.count) }
    }

    private init(_ short: ShortUTF8, count: Int?) {
        settledText = ""
        pending = .short(short)
        isInterned = false
        if let count { know(count: count, of: short.count) }
    }

    /// A str of `bytes`, valid UTF-8 copied from strs, kept as built bytes until read as a `String`.
    private init(built bytes: [UInt8], count: Int?) {
        settledText = ""
        pending = .built(bytes)
        isInterned = false
        if let count { know(count: count, of: bytes.count) }
    }

    /// Records that the text's `utf8Count` bytes are `count` code points.
    private func know(count: Int, of utf8Count: Int) {
        knownCount = count
        knownASCII = count == utf8Count
    }

    /// The number of code points (Python's `len`).
    public var count: Int { knownCount >= 0 ? knownCount : measured().count }

    var isEmpty: Bool { utf8Count == 0 }

    /// True when every code point is ASCII, so code point `i` is UTF-8 byte `i`.
    var isASCII: Bool { knownCount >= 0 ? knownASCII : measured().isASCII }

    /// Counts the code points: the UTF-8 bytes that are not continuation bytes (10xxxxxx), which
    /// only non-ASCII characters have.
    private func measured() -> (count: Int, isASCII: Bool) {
        let (bytes, continuations) = withUTF8 { utf8 in
            (utf8.count, utf8.reduce(0) { $1 & 0xC0 == 0x80 ? $0 + 1 : $0 })
        }
        knownCount = bytes - continuations
        knownASCII = continuations == 0
        return (knownCount, knownASCII)
    }

    /// The code points, as an array (for the methods that walk the text by position). ASCII text
    /// is widened byte by byte: String's scalar view counts, then decodes, at some 45
    /// instructions a code point.
    var scalars: Scalars {
        guard isASCII else { return Array(string.unicodeScalars) }
        return withUTF8 { bytes in bytes.map { Unicode.Scalar($0) } }
    }

    /// The offset table, built if need be. Lent, not copied (`_read`): a copy would cost a
    /// retain and a release at every index into the text.
    private var offsets: [Int] {
        _read {
            if offsetTable.isEmpty {
                // Written in place, at its known size: appending costs a capacity check per entry.
                // By byte position, the limit tested only where a code point starts: through
                // `enumerated()`, testing it at every byte, a 250,000-code-point text's table took
                // 11.3 M instructions instead of 7.0 M.
                let count = count
                offsetTable = withUTF8 { bytes in
                    [Int](unsafeUninitializedCapacity: count + 1) { table, initialized in
                        var k = 0
                        for offset in bytes.indices where bytes[offset] & 0xC0 != 0x80 {
                            if k == count { break }
                            table[k] = offset
                            k += 1
                        }
                        // k == count: a code point starts at each byte that continues none.
                        table[k] = bytes.count
                        initialized = k + 1
                    }
                }
            }
            yield offsetTable
        }
    }

    /// The code point index of the first (or last) `needle` within code points `window`, found
    /// as UTF-8 bytes (a byte match of valid UTF-8 is a code point match).
    func firstIndex(of needle: PyStr, in window: Range<Int>, fromEnd: Bool) -> Int? {
        let (lower, upper) = byteBounds(window)
        let found = withUTF8 { h in
            needle.withUTF8 { n in
                let inWindow = UnsafeBufferPointer(rebasing: h[..<upper])
                return fromEnd ? UTF8Search.last(n, in: inWindow, before: upper).flatMap { $0 >= lower ? $0 : nil }
                               : UTF8Search.first(n, in: inWindow, from: lower)
            }
        }
        return found.map(codePointIndex)
    }

    /// How many non-overlapping `needle`s (not empty) lie within code points `window`.
    func occurrences(of needle: PyStr, in window: Range<Int>) -> Int {
        let (lower, upper) = byteBounds(window)
        return withUTF8 { h in
            needle.withUTF8 { n in
                let inWindow = UnsafeBufferPointer(rebasing: h[..<upper])
                var found = 0, i = lower
                while let at = UTF8Search.first(n, in: inWindow, from: i) {
                    found += 1
                    i = at + n.count
                }
                return found
            }
        }
    }

    /// Whether code points `window` start (or end) with `affix`, which has at most as many code
    /// points as the window: compared as UTF-8 bytes, as `firstIndex` searches.
    func hasAffix(_ affix: PyStr, in window: Range<Int>, atEnd: Bool) -> Bool {
        let (lower, upper) = byteBounds(window)
        return withUTF8 { h in
            affix.withUTF8 { a in
                guard a.count <= upper - lower else { return false }
                let at = atEnd ? upper - a.count : lower
                return h[at..<(at + a.count)].elementsEqual(a)
            }
        }
    }

    /// Where code points `range` (within 0...count) start and end in the UTF-8 text.
    /// The ends of the text need no offset table: a search of the whole of a non-ASCII text
    /// (`text.find("zz")`, `count`, `split`) does not build one.
    private func byteBounds(_ range: Range<Int>) -> (lower: Int, upper: Int) {
        if isASCII { return (range.lowerBound, range.upperBound) }
        let lower = range.lowerBound == 0 ? 0 : offsets[range.lowerBound]
        let upper = range.upperBound == count ? utf8Count : offsets[range.upperBound]
        return (lower, upper)
    }

    /// The code point that starts at UTF-8 offset `b`.
    private func codePointIndex(_ b: Int) -> Int {
        if isASCII { return b }
        let table = offsets
        var low = 0, high = table.count - 1
        while low < high {
            let mid = (low + high) / 2
            if table[mid] < b { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The code point at `i` (0 ≤ i < count), decoded from its UTF-8 bytes, whose number the
    /// offset table gives (a Swift string is valid UTF-8).
    func scalar(at i: Int) -> Unicode.Scalar {
        if isASCII { return Unicode.Scalar(withUTF8 { $0[i] }) }
        let start = offsets[i], length = offsets[i + 1] - start
        let value: UInt32 = withUTF8 { utf8 in
            guard length > 0, start + length <= utf8.count else { return 0xFFFD }
            let lead = UInt32(utf8[start])
            func continuation(_ k: Int) -> UInt32 { UInt32(utf8[start + k]) & 0x3F }
            switch length {
            case 1: return lead
            case 2: return (lead & 0x1F) << 6 | continuation(1)
            case 3: return (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
            default: return (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
            }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The one-character string at `i` (0 ≤ i < count).
    func character(at i: Int) -> PyStr {
        PyStr.single(scalar(at: i))
    }

    /// `self[index]` for a Python int index (negative ones count from the end); nil when out of
    /// range, where the caller raises CPython's IndexError.
    func character(atIndex index: Int) -> PyStr? {
        position(ofIndex: index).map { character(at: $0) }
    }

    /// The code point `self[index]` is, as a number (nil when out of range): compared so,
    /// `text[i] == "a"` makes no one-character str.
    func codePoint(atIndex index: Int) -> UInt32? {
        position(ofIndex: index).map { scalar(at: $0).value }
    }

    /// Where a Python int index (negative ones count from the end) lies, if within the text.
    @inline(__always) private func position(ofIndex index: Int) -> Int? {
        let n = count
        let p = index < 0 ? index &+ n : index
        return p >= 0 && p < n ? p : nil
    }

    /// The code points `range` (within 0...count).
    func slice(_ range: Range<Int>) -> PyStr {
        if range.count == count { return self }
        if range.isEmpty { return .empty }
        if range.count == 1 { return character(at: range.lowerBound) }
        let (lower, upper) = byteBounds(range)
        return withUTF8 { PyStr.cut(from: $0[lower..<upper], count: range.count) }
    }

    /// The str of `bytes`, which were cut from a str's text at code point boundaries (so are valid
    /// UTF-8), of `count` code points if known; short ones are kept inline, unchecked.
    static func cut(from bytes: Slice<UnsafeBufferPointer<UInt8>>, count: Int?) -> PyStr {
        switch bytes.count {
        case 0: return empty
        // A one-byte code point is ASCII.
        case 1: return latin1Characters[Int(bytes[bytes.startIndex])]
        default:
            if let short = ShortUTF8(bytes) { return PyStr(short, count: count) }
            return PyStr(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self), count: count)
        }
    }

    /// The code points at `positions` (a slice with a step).
    func picking(_ positions: StrideTo<Int>) -> PyStr {
        var view = String.UnicodeScalarView()
        var n = 0
        for p in positions {
            view.append(scalar(at: p))
            n += 1
        }
        return n == 1 ? PyStr.single(view[view.startIndex]) : PyStr(String(view), count: n)
    }

    /// Copies the text's UTF-8 bytes to the start of `buffer` (which has room for them) and
    /// returns how many there are; a short text may write zeros after them, up to
    /// `ShortUTF8.capacity` bytes in all, where the buffer has room (for the caller to write over).
    private func copyUTF8(to buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        // A short text stored whole where there is room past it (`join` of words: a memmove call
        // per word cost more than the rest of the loop), else as one block copy
        // (`initialize(from: String.UTF8View)` copies byte by byte).
        if case .short(let short)? = pending, short.storeWhole(in: UnsafeMutableRawBufferPointer(buffer)) { return short.count }
        return withUTF8 { buffer.initialize(fromContentsOf: $0) }
    }

    /// `a + b`, or MemoryError when there is no room for it.
    static func concatenated(_ a: PyStr, _ b: PyStr) throws -> PyStr {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        let length = a.utf8Count + b.utf8Count
        try Allocation.check(count: length, of: UInt8.self)
        // Not `a.text + b.text`, which copies `a` into a buffer twice its length before appending.
        var joined = ""
        joined.reserveCapacity(length)
        joined += a.text
        joined += b.text
        return PyStr(joined, count: a.knownCount >= 0 && b.knownCount >= 0 ? a.knownCount + b.knownCount : nil)
    }

    /// `separator.join(items)`, or MemoryError when there is no room for it: TypeError unless
    /// every item is a str. The UTF-8 bytes are copied once into an array of the final length
    /// (appending to a String costs far more per piece), which the str keeps as its built bytes:
    /// a `String` made of them would check them again, and `len`, search and `==` need none.
    static func joined(_ items: [Value], separator: PyStr) throws -> PyStr {
        if items.count == 1, case .str(let only) = items[0] { return only }
        let separatorBytes = separator.utf8Count
        var length = 0
        // The code points, while every count is known.
        var count: Int? = separator.knownCount >= 0 ? 0 : nil
        for (i, item) in items.enumerated() {
            guard case .str(let piece) = item else {
                // Instances of str subclasses join as their text.
                if case .str? = NativeBases.scalar(item) {
                    return try joined(items.map { if case .str? = NativeBases.scalar($0) { NativeBases.contents($0) } else { $0 } }, separator: separator)
                }
                throw PyError.type("sequence item \(i): expected str instance, \(item.typeName) found")
            }
            // Checked piece by piece, so neither sum can overflow before it is found too large.
            length += piece.utf8Count + (i > 0 ? separatorBytes : 0)
            if length > Operators.maxSequenceLength { throw PyError.memory("") }
            count = piece.knownCount >= 0 ? count.map { $0 + piece.knownCount + (i > 0 ? separator.knownCount : 0) } : nil
        }
        try Allocation.check(count: length, of: UInt8.self)
        let joined = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            // The separator's bytes found once, not at every piece; a short one kept inline, to be
            // stored whole as short pieces are.
            separator.withUTF8 { separatorBytes in
                let shortSeparator = ShortUTF8(separatorBytes)
                for (i, item) in items.enumerated() {
                    if i > 0 {
                        let rest = UnsafeMutableBufferPointer(rebasing: buffer[initialized...])
                        if let shortSeparator, shortSeparator.storeWhole(in: UnsafeMutableRawBufferPointer(rest)) {
                            initialized += separatorBytes.count
                        } else {
                            initialized += rest.initialize(fromContentsOf: separatorBytes)
                        }
                    }
                    if case .str(let piece) = item { initialized += piece.copyUTF8(to: UnsafeMutableBufferPointer(rebasing: buffer[initialized...])) }
                }
            }
        }
        if joined.count <= ShortUTF8.capacity { return joined.withUnsafeBufferPointer { cut(from: $0[...], count: count) } }
        return PyStr(built: joined, count: count)
    }

    /// Appends `other` in place; only for a string nothing else refers to (`s += t` on the
    /// sole reference, which CPython also grows in place). MemoryError, with nothing changed,
    /// when the text must grow and there is no room.
    func append(_ other: PyStr) throws {
        let bothKnown = knownCount >= 0 && other.knownCount >= 0
        if hasSettled { try appendToString(other) } else { try appendToBytes(other) }
        knownCount = bothKnown ? knownCount + other.knownCount : -1
        knownASCII = bothKnown && knownASCII && other.knownASCII
        if !offsetTable.isEmpty { offsetTable = [] }
        knownHash = -1
    }

    /// Appends to the built bytes, starting them from the text on the first append.
    private func appendToBytes(_ other: PyStr) throws {
        let tailLength = other.utf8Count
        // The built bytes are taken out and put back, so no access to `pending` spans a call (the
        // optimizer can then prove every access exclusive instead of checking at run time) and
        // they stay unique. Checked before anything changes, so a MemoryError leaves the str as
        // it was.
        var bytes: [UInt8]
        switch pending.take() {
        case .built(let started)?:
            do {
                try Allocation.checkGrowth(of: started, to: started.count + tailLength)
            } catch {
                pending = .built(started)
                throw error
            }
            bytes = started
        case let other:
            pending = other
            try Allocation.check(count: utf8Count + tailLength, of: UInt8.self)
            bytes = []
            bytes.reserveCapacity(utf8Count + tailLength)
            withUTF8 { bytes.append(contentsOf: $0) }
            settledText = ""
            pending = nil
        }
        if other === self {
            // `s += s`: this str's bytes are all in `bytes` now.
            bytes.append(contentsOf: bytes)
        } else {
            // The tail's bytes in whichever form they are (a one-character str's `String` is
            // stored inline, so this copies nothing first).
            other.withUTF8 { tail in
                if tail.count == 1, let byte = tail.first { bytes.append(byte) } else { bytes.append(contentsOf: tail) }
            }
        }
        pending = .built(bytes)
    }

    /// The built or short bytes become the `String` they hold (valid UTF-8: they were copied
    /// from strs).
    private func settle() {
        switch pending {
        case .built(let bytes)?:
            settledText = String(decoding: bytes, as: UTF8.self)
            hasSettled = true
        case .short(let short)?:
            settledText = short.withUTF8 { String(decoding: $0, as: UTF8.self) }
        case nil:
            return
        }
        pending = nil
    }

    /// Appends to the `String` of a str that was built and then read.
    private func appendToString(_ other: PyStr) throws {
        // Moved out and back, as the bytes are above.
        let tail = other.text
        let length = settledText.utf8.count, newLength = length + tail.utf8.count
        // Large texts grow into a buffer twice their length made here, after a probe, where Swift
        // would grow unchecked (to twice its capacity, which can be more): once per power of two
        // crossed, so a loop of appends probes a logarithmic number of times.
        let doubled = newLength.multipliedReportingOverflow(by: 2)
        let moving = newLength >= Allocation.probedBytes && newLength.leadingZeroBitCount < length.leadingZeroBitCount
        if moving { try Allocation.check(count: doubled.overflow ? -1 : doubled.partialValue, of: UInt8.self) }
        var grown = settledText
        settledText = ""
        if moving {
            // A new, empty string reserves exactly what it is asked for.
            var larger = ""
            larger.reserveCapacity(doubled.partialValue)
            larger += grown
            grown = larger
        }
        grown += tail
        settledText = grown
    }

    /// The code points in order, each as a one-character string.
    var characters: Characters { Characters(self) }

    /// A walk over a str's code points: a plain value, which a `for` loop over a str advances
    /// without a call through an iterator object.
    struct Characters {
        /// Set for ASCII text, where a code point is a byte; `scalars` otherwise. Optionals, so
        /// that `next` advances either in place.
        private var bytes: String.UTF8View.Iterator?
        private var scalars: String.UnicodeScalarView.Iterator?
        /// The shared one-character strings, read once here rather than through the static's
        /// lazy initialisation check at every character.
        private let latin1 = PyStr.latin1Characters

        init(_ s: PyStr) {
            if s.isASCII { bytes = s.text.utf8.makeIterator() } else { scalars = s.text.unicodeScalars.makeIterator() }
        }

        mutating func next() -> PyStr? {
            if let byte = bytes?.next() { return latin1[Int(byte)] }
            return scalars?.next().map { PyStr.single($0, sharedFrom: latin1) }
        }
    }

    /// `text` as a str, of `count` code points if known; the empty and the one-character ASCII
    /// strings are shared.
    static func of(_ text: String, count: Int? = nil) -> PyStr {
        let utf8 = text.utf8
        switch utf8.count {
        case 0: return empty
        case 1: return latin1Characters[Int(utf8[utf8.startIndex])]
        default: return PyStr(text, count: count)
        }
    }

    /// A one-character string; the Latin-1 ones (U+0000 to U+00FF) are shared, as in CPython
    /// (`latin1` is `latin1Characters`, which a loop can read once).
    static func single(_ s: Unicode.Scalar, sharedFrom latin1: [PyStr] = latin1Characters) -> PyStr {
        s.value < 256 ? latin1[Int(s.value)] : PyStr(ShortUTF8(s), count: 1)
    }

    nonisolated(unsafe) private static let latin1Characters: [PyStr] =
        (0..<256).map { PyStr(String(Unicode.Scalar(UInt8($0))), count: 1, interned: true) }

    nonisolated(unsafe) static let empty = PyStr("", count: 0)

}

extension PyStr: Hashable, Comparable {
    /// Code point equality: the UTF-8 bytes are the same. The identity and interned tests are
    /// kept apart from the byte comparison so that they stay small enough to inline into
    /// compiled comparisons (`text[i] == "a"`).
    public static func == (a: PyStr, b: PyStr) -> Bool {
        a === b || !(a.isInterned && b.isInterned) && haveSameBytes(a, b)
    }

    /// The byte comparison of `==`, out of line.
    @inline(never) private static func haveSameBytes(_ a: PyStr, _ b: PyStr) -> Bool {
        a.utf8Count == b.utf8Count && a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }

    /// Code point order, which UTF-8's byte order is.
    public static func < (a: PyStr, b: PyStr) -> Bool {
        a !== b && a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `needle` occurs in this text (a UTF-8 match is a code point match).
    func contains(_ needle: PyStr) -> Bool {
        needle.isEmpty || withUTF8 { h in needle.withUTF8 { n in UTF8Search.first(n, in: h, from: 0) != nil } }
    }
}
