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
    init?(_ bytes: UnsafeBufferPointer<UInt8>) { self.init(bytes[...]) }

    /// The bytes of a window of a larger buffer, or nil when there are more than `capacity`.
    /// Where the buffer goes on for `capacity` bytes from the window's start, they are read as two
    /// words and the bytes past the window masked off, without a call to memmove.
    init?(_ window: Slice<UnsafeBufferPointer<UInt8>>) {
        guard window.count <= Self.capacity else { return nil }
        length = UInt8(window.count)
        let whole = UnsafeRawBufferPointer(window.base)
        guard window.startIndex + Self.capacity <= whole.count else {
            withUnsafeMutableBytes(of: &storage) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: whole[window.startIndex..<window.endIndex]))
            }
            return
        }
        // As little-endian values, the first byte lowest, so the masks keep the first bytes on any machine.
        let first = UInt64(littleEndian: whole.loadUnaligned(fromByteOffset: window.startIndex, as: UInt64.self))
        let second = UInt64(littleEndian: whole.loadUnaligned(fromByteOffset: window.startIndex + 8, as: UInt64.self))
        storage = ((first & Self.mask(keeping: window.count)).littleEndian,
                   (second & Self.mask(keeping: window.count - 8)).littleEndian)
    }

    /// The mask of a word's first `bytes` bytes (all of them from 8 on, none below 1).
    private static func mask(keeping bytes: Int) -> UInt64 {
        bytes >= 8 ? ~0 : bytes <= 0 ? 0 : (1 << (8 * UInt64(bytes))) - 1
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

    /// Stores all `capacity` bytes held (the text, then zeros) at the start of `buffer`, as two
    /// word stores, when it has room for them; false otherwise. The caller counts only the first
    /// `count` and writes over the rest: for a few bytes, a call to memmove costs more than this.
    func storeWhole(in buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard buffer.count >= Self.capacity else { return false }
        buffer.storeBytes(of: storage.0, toByteOffset: 0, as: UInt64.self)
        buffer.storeBytes(of: storage.1, toByteOffset: 8, as: UInt64.self)
        return true
    }

    /// Calls `body` with the bytes.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { raw in
            try body(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[..<count]))
        }
    }
}
