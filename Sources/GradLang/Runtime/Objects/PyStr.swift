/// A Python `str`: an immutable sequence of Unicode code points.
///
/// The text is kept as a Swift `String` (UTF-8), but nothing Python sees goes through Swift's
/// `Character`s or canonical equivalence: length, indexing, slicing and iteration count code
/// points, and `==`, ordering and hashing compare code points exactly (`"\u{212B}"` and `"\u{C5}"`
/// are different strings, as in CPython). Indexing is O(1), as PEP 393's fixed-width strings
/// make it in CPython: in ASCII text a code point is a UTF-8 byte; other text builds a table of
/// where each code point starts on its first index or slice.
public final class PyStr {
    /// The text. Internal, behind a read-only public property: a public stored `var` of a
    /// class is checked for exclusive access at run time on every use.
    private var text: String
    public var string: String { text }
    /// The number of code points, or -1 until first asked for.
    private var knownCount = -1
    /// Whether every code point is ASCII; known once `knownCount` is.
    private var knownASCII = false
    /// The UTF-8 offset of each code point of non-ASCII text, then the end: built when first indexed.
    private var offsetTable: [Int]?
    /// `hash(self)`, or -1 (which no hash is) until Hashing first computes it.
    var knownHash = -1
    /// Whether this is the one shared str of its text (`latin1Characters`): two of them are
    /// equal only when they are the same object, which `==` sees without reading their text.
    private let isInterned: Bool

    public init(_ string: String) {
        self.text = string
        isInterned = false
    }

    private init(_ string: String, count: Int?, interned: Bool = false) {
        self.text = string
        isInterned = interned
        if let count {
            knownCount = count
            knownASCII = count == string.utf8.count
        }
    }

    /// The number of code points (Python's `len`).
    public var count: Int { knownCount >= 0 ? knownCount : measured().count }

    var isEmpty: Bool { text.isEmpty }

    /// True when every code point is ASCII, so code point `i` is UTF-8 byte `i`.
    var isASCII: Bool { knownCount >= 0 ? knownASCII : measured().isASCII }

    /// Counts the code points: the UTF-8 bytes that are not continuation bytes (10xxxxxx), which
    /// only non-ASCII characters have.
    private func measured() -> (count: Int, isASCII: Bool) {
        var s = text
        let (bytes, continuations) = s.withUTF8 { utf8 in
            (utf8.count, utf8.reduce(0) { $1 & 0xC0 == 0x80 ? $0 + 1 : $0 })
        }
        knownCount = bytes - continuations
        knownASCII = continuations == 0
        return (knownCount, knownASCII)
    }

    /// The code points, as an array (for the methods that walk the text by position).
    var scalars: Scalars { Array(string.unicodeScalars) }

    private var offsets: [Int] {
        if let offsetTable { return offsetTable }
        var built: [Int] = []
        built.reserveCapacity(count + 1)
        var s = string
        s.withUTF8 { bytes in
            for (offset, b) in bytes.enumerated() where b & 0xC0 != 0x80 { built.append(offset) }
            built.append(bytes.count)
        }
        offsetTable = built
        return built
    }

    /// The code point index of the first (or last) `needle` within code points `window`, found
    /// as UTF-8 bytes (a byte match of valid UTF-8 is a code point match).
    func firstIndex(of needle: PyStr, in window: Range<Int>, fromEnd: Bool) -> Int? {
        let (lower, upper) = byteBounds(window)
        var hay = string, sub = needle.string
        let found = hay.withUTF8 { h in
            sub.withUTF8 { n in
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
        var hay = string, sub = needle.string
        return hay.withUTF8 { h in
            sub.withUTF8 { n in
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

    /// Where code points `range` (within 0...count) start and end in the UTF-8 text.
    private func byteBounds(_ range: Range<Int>) -> (lower: Int, upper: Int) {
        if isASCII { return (range.lowerBound, range.upperBound) }
        let table = offsets
        return (table[range.lowerBound], table[range.upperBound])
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
        var s = text
        if isASCII { return Unicode.Scalar(s.withUTF8 { $0[i] }) }
        let table = offsets
        let start = table[i], length = table[i + 1] - start
        let value: UInt32 = s.withUTF8 { utf8 in
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

    /// The code points `range` (within 0...count).
    func slice(_ range: Range<Int>) -> PyStr {
        if range.count == count { return self }
        if range.isEmpty { return .empty }
        if range.count == 1 { return character(at: range.lowerBound) }
        let (lower, upper) = byteBounds(range)
        var s = text
        // Up to 15 bytes, Swift keeps the copy inline in the String: no allocation.
        let piece = s.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
        return PyStr(piece, count: range.count)
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

    /// `a + b`, or MemoryError when there is no room for it.
    static func concatenated(_ a: PyStr, _ b: PyStr) throws -> PyStr {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        let length = a.text.utf8.count + b.text.utf8.count
        try Allocation.check(count: length, of: UInt8.self)
        // Not `a.text + b.text`, which copies `a` into a buffer twice its length before appending.
        var joined = ""
        joined.reserveCapacity(length)
        joined += a.text
        joined += b.text
        return PyStr(joined, count: a.knownCount >= 0 && b.knownCount >= 0 ? a.knownCount + b.knownCount : nil)
    }

    /// Appends `other` in place; only for a string nothing else refers to (`s += t` on the
    /// sole reference, which CPython also grows in place). MemoryError, with nothing changed,
    /// when the text must grow and there is no room.
    func append(_ other: PyStr) throws {
        let bothKnown = knownCount >= 0 && other.knownCount >= 0
        // Moved out and back, so no access to `text` spans a call (the optimizer can then prove
        // every access exclusive instead of checking at run time) and the buffer stays unique.
        let tail = other.text
        let length = text.utf8.count, newLength = length + tail.utf8.count
        // Large texts grow into a buffer twice their length made here, after a probe, where Swift
        // would grow unchecked (to twice its capacity, which can be more): once per power of two
        // crossed, so a loop of appends probes a logarithmic number of times.
        let doubled = newLength.multipliedReportingOverflow(by: 2)
        let moving = newLength >= Allocation.probedBytes && newLength.leadingZeroBitCount < length.leadingZeroBitCount
        if moving { try Allocation.check(count: doubled.overflow ? -1 : doubled.partialValue, of: UInt8.self) }
        var grown = text
        text = ""
        if moving {
            // A new, empty string reserves exactly what it is asked for.
            var larger = ""
            larger.reserveCapacity(doubled.partialValue)
            larger += grown
            grown = larger
        }
        grown += tail
        text = grown
        knownCount = bothKnown ? knownCount + other.knownCount : -1
        knownASCII = bothKnown && knownASCII && other.knownASCII
        offsetTable = nil
        knownHash = -1
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

        init(_ s: PyStr) {
            if s.isASCII { bytes = s.text.utf8.makeIterator() } else { scalars = s.text.unicodeScalars.makeIterator() }
        }

        mutating func next() -> PyStr? {
            if let byte = bytes?.next() { return PyStr.latin1Characters[Int(byte)] }
            return scalars?.next().map(PyStr.single)
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

    /// A one-character string; the Latin-1 ones (U+0000 to U+00FF) are shared, as in CPython.
    static func single(_ s: Unicode.Scalar) -> PyStr {
        s.value < 256 ? latin1Characters[Int(s.value)] : PyStr(String(s), count: 1)
    }

    nonisolated(unsafe) private static let latin1Characters: [PyStr] =
        (0..<256).map { PyStr(String(Unicode.Scalar(UInt8($0))), count: 1, interned: true) }

    nonisolated(unsafe) static let empty = PyStr("", count: 0)

}

extension PyStr: Hashable, Comparable {
    /// Code point equality: the UTF-8 bytes are the same.
    public static func == (a: PyStr, b: PyStr) -> Bool {
        a === b || !(a.isInterned && b.isInterned) && sameUTF8(a.string, b.string)
    }

    /// Code point order, which UTF-8's byte order is.
    public static func < (a: PyStr, b: PyStr) -> Bool {
        a !== b && a.string.utf8.lexicographicallyPrecedes(b.string.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func sameUTF8(_ a: String, _ b: String) -> Bool {
        // Most unequal strings differ in length or first byte: no buffer access needed.
        guard a.utf8.count == b.utf8.count, a.utf8.first == b.utf8.first else { return false }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }

    /// Whether `needle` occurs in this text (a UTF-8 match is a code point match).
    func contains(_ needle: PyStr) -> Bool {
        needle.isEmpty || string.utf8.firstRange(of: needle.string.utf8) != nil
    }
}
