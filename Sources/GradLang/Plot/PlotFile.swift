#if canImport(Glibc)
import Glibc
#endif

/// Writing a saved figure's bytes to a file, a failure raised as CPython's OSError for its errno.
enum PlotFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            written += count
        }
    }

    private static func failure() -> PyError {
        let code = errno
        return PyError.os(errno: code, description: String(cString: strerror(code)))
    }
}
