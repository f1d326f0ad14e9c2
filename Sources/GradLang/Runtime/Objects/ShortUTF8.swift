/// Up to 16 bytes of UTF-8 held inline, in the str object itself: the text of a short str cut from
/// another (a slice, a piece of `split`), which is valid UTF-8 already. Making a Swift `String` of
/// it would validate the bytes again (some 200 instructions for a word of `split`); a str keeps
/// them so until something needs a `String`. A one-character str beyond Latin-1 is kept so too.
struct ShortUTF8 {
    static let capacity = 16

    /// The bytes, from the first; the rest zero.
    private var storage: (UInt64, UInt64) = (0, 0)
    private let length: UInt8

    /// The bytes, or nil when there are more than `capacity`.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.capacity else { return nil }
        length = UInt8(bytes.count)
        withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
    }

    /// The UTF-8 of one code point (one to four bytes).
    init(_ scalar: Unicode.Scalar) {
        // Packed into the first word, first byte lowest, stored little-endian so that the first
        // byte comes first in memory on any machine (copying `scalar.utf8` in cost 100 more).
        var packed: UInt64 = 0, written: UInt8 = 0
        UTF8.encode(scalar) { byte in
            packed |= UInt64(byte) << (8 * UInt64(written))
            written += 1
        }
        storage.0 = UInt64(littleEndian: packed)
        length = written
    }

    var count: Int { Int(length) }

    /// Calls `body` with the bytes.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { raw in
            try body(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[..<count]))
        }
    }
}
