#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to a file descriptor: fully buffered into a file or a pipe, flushed at each
/// newline into a terminal (as C's stdio does), so a long-running loop's prints show as they happen.
public final class FileOutput: @unchecked Sendable {
    public let descriptor: Int32
    public let isTerminal: Bool
    private var buffer: [UInt8] = []

    public init(_ descriptor: Int32) {
        self.descriptor = descriptor
        isTerminal = isatty(descriptor) == 1
    }

    public func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 || (isTerminal && s.utf8.contains(10)) { flush() }
    }

    public func flush() {
        Files.writeAll(descriptor, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The process's stdout and stderr. Anything written to stderr first flushes stdout, so the two
/// interleave as the program wrote them.
public enum StandardStreams {
    public static let output = FileOutput(1)
    public static let error = FileOutput(2)

    public static func writeOutput(_ s: String) { output.write(s) }

    public static func writeError(_ s: String) {
        output.flush()
        error.write(s)
        error.flush()
    }
}
