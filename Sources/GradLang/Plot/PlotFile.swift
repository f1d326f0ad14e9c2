#if canImport(Glibc)
import Glibc
#endif

/// Writing a saved figure's bytes to a file, a failure raised as CPython's OSError for its errno.
enum PlotFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PyError.lastOSError(filename: path) }
        defer { close(descriptor) }
        try FileDescriptor.writeAll(descriptor, bytes)
    }
}
