import Glibc

/// Whole reads and writes on a file descriptor (for `open()`'s files and `savefig`), a failure
/// raised as CPython's OSError for its errno.
enum FileDescriptor {
    static func readAll(_ fd: Int32) throws -> [UInt8] {
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PyError.lastOSError()
            }
            if n == 0 { return bytes }
            bytes += chunk[..<n]
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PyError.lastOSError()
            }
            written += n
        }
    }
}
