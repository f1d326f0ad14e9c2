#if canImport(Glibc)
import Glibc
#endif

/// How libedit gets each character (installed with EL_GETCFN). libedit's own reader retries a read
/// that a signal interrupted, so the first Ctrl-C at the prompt would be lost; this one gives up at
/// once when Ctrl-C was pressed. It also decodes UTF-8 itself, whatever the locale.
enum KeyboardInput {
    /// Reads one character from stdin into `character`: 1 when read, 0 at end of input, -1 on error
    /// or Ctrl-C (errno EINTR). Another signal that interrupts the read is handled by
    /// `otherSignal` (Ctrl-Z, a resize), and reading goes on.
    static func readCharacter(_ character: UnsafeMutablePointer<wchar_t>, otherSignal: () -> Void) -> Int32 {
        var decoder = UTF8Decoder()
        while true {
            var byte: UInt8 = 0
            let n = read(0, &byte, 1)
            if n < 0 {
                if errno == EINTR && !Interrupts.wasReceived {
                    otherSignal()
                    continue
                }
                character.pointee = 0
                return -1
            }
            if n == 0 {
                character.pointee = 0
                return 0
            }
            if let scalar = decoder.add(byte) {
                character.pointee = wchar_t(bitPattern: scalar.value)
                return 1
            }
        }
    }
}

/// Bytes in, Unicode scalars out; invalid sequences are dropped.
struct UTF8Decoder {
    private var bytes: [UInt8] = []
    private var expected = 0

    mutating func add(_ byte: UInt8) -> Unicode.Scalar? {
        if bytes.isEmpty {
            switch byte {
            case 0..<0x80: return Unicode.Scalar(byte)
            case 0xC2..<0xE0: expected = 2
            case 0xE0..<0xF0: expected = 3
            case 0xF0..<0xF5: expected = 4
            default: return nil
            }
            bytes = [byte]
            return nil
        }
        guard byte & 0xC0 == 0x80 else {
            bytes = []
            return add(byte)
        }
        bytes.append(byte)
        guard bytes.count == expected else { return nil }
        defer { bytes = [] }
        var iterator = bytes.makeIterator()
        var utf8 = UTF8()
        if case .scalarValue(let scalar) = utf8.decode(&iterator) { return scalar }
        return nil
    }
}
