#if canImport(Glibc)
import Glibc
#endif

/// Whole files and descriptors: read as bytes (decoding is the interpreter's business: CPython's
/// errors for bad UTF-8 and NUL bytes), written completely (retrying short writes and interrupted
/// ones).
public enum Files {
    /// The file's bytes, or CPython's wording of why it cannot be opened
    /// (`[Errno 2] No such file or directory`).
    public static func read(path: String) -> Result<[UInt8], OpenError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(OpenError(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            return .failure(OpenError(code: EISDIR))
        }
        guard let bytes = readAll(descriptor) else { return .failure(OpenError(code: errno)) }
        return .success(bytes)
    }

    /// Everything left on a descriptor (stdin piped into `grad`), or nil on a read error.
    public static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }

    /// Up to `limit` bytes from the descriptor's current position (fewer at its end), or nil on a
    /// read error.
    public static func read(_ descriptor: Int32, atMost limit: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let n = bytes[filled...].withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Writes every byte; false when the descriptor refuses them.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        write(descriptor, bytes) == 0
    }

    /// Writes every byte: 0, or the errno of the write that failed.
    public static func write(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return errno }
            if n == 0 { return EIO }
            offset += n
        }
        return 0
    }

    /// The C library's description of an errno (`No space left on device`).
    public static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    public struct OpenError: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { "[Errno \(code)] \(Files.describe(code))" }
    }
}
