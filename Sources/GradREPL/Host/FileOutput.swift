#if canImport(Glibc)
import Glibc
#endif
import GradLang

/// Buffered writes to a file descriptor, buffered exactly as CPython buffers `sys.stdout`, so that
/// a write that fails (a full disk, a closed pipe) fails at the same `print` and leaves the same
/// text behind: text waits in a chunk (TextIOWrapper's, 8 KiB) that goes to a block buffer
/// (BufferedWriter's, the descriptor's block size) when it would pass 8 KiB or reaches it; the
/// block buffer writes when what comes does not fit. Into a terminal, each newline flushes both,
/// so a long-running loop's prints show as they happen. A failure is remembered until
/// `takeFailure()`.
public final class FileOutput: @unchecked Sendable {
    public let descriptor: Int32
    public let isTerminal: Bool
    /// TextIOWrapper's pending text, handed on whole (and forgotten, even when that fails).
    private var chunk: [UInt8] = []
    /// BufferedWriter's buffer: kept when writing it fails, as CPython keeps it.
    private var block: [UInt8] = []
    private let blockSize: Int
    private var failure: Int32?
    static let chunkSize = 8192

    public init(_ descriptor: Int32) {
        self.descriptor = descriptor
        isTerminal = isatty(descriptor) == 1
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_blksize) : 0
        blockSize = size > 1 ? size : Self.chunkSize
    }

    public func write(_ s: String) {
        let bytes = s.utf8
        if chunk.count + bytes.count > Self.chunkSize {
            // What was waiting goes first; if it cannot, the new text is not taken either.
            guard handOnChunk() else { return }
        }
        chunk.append(contentsOf: bytes)
        let endsLine = isTerminal && bytes.contains(10)
        if chunk.count >= Self.chunkSize || endsLine {
            guard handOnChunk() else { return }
        }
        if endsLine { _ = writeBlock() }
    }

    public func flush() {
        guard handOnChunk() else { return }
        _ = writeBlock()
    }

    /// The errno of the first write that failed since the last call, and forgets it.
    public func takeFailure() -> Int32? {
        defer { failure = nil }
        return failure
    }

    /// TextIOWrapper's flush of its chunk into BufferedWriter's `write`.
    private func handOnChunk() -> Bool {
        guard !chunk.isEmpty else { return true }
        defer { chunk.removeAll(keepingCapacity: true) }
        if chunk.count <= blockSize - block.count {
            block += chunk
            return true
        }
        guard writeBlock() else { return false }
        // More than a block goes straight to the descriptor; less waits in the emptied buffer.
        if chunk.count > blockSize { return record(Files.write(descriptor, chunk)) }
        block += chunk
        return true
    }

    private func writeBlock() -> Bool {
        guard !block.isEmpty else { return true }
        guard record(Files.write(descriptor, block)) else { return false }
        block.removeAll(keepingCapacity: true)
        return true
    }

    private func record(_ code: Int32) -> Bool {
        if code != 0 && failure == nil { failure = code }
        return code == 0
    }
}

/// The process's stdout and stderr. Anything written to stderr first flushes stdout, so the two
/// interleave as the program wrote them.
public enum StandardStreams {
    public static let output = FileOutput(1)
    public static let error = FileOutput(2)

    /// grad's own text (banner, help, magics' reports).
    public static func writeOutput(_ s: String) { output.write(s) }

    /// `print(..., flush=True)`: raises as `raiseOutputFailure` does.
    public static func flushProgramOutput() throws {
        output.flush()
        try raiseOutputFailure()
    }

    /// After the program wrote to stdout: when stdout refused it (a full disk, a closed pipe), the
    /// OSError or BrokenPipeError CPython's `print` raises.
    public static func raiseOutputFailure() throws {
        if let code = output.takeFailure() { throw PyError.os(errno: code, description: Files.describe(code)) }
    }

    /// Flushes stdout as the process ends. If that fails, says so as CPython does and gives its
    /// exit status for it (120); otherwise `status` stands.
    public static func finish(status: Int32) -> Int32 {
        output.flush()
        guard let code = output.takeFailure() else { return status }
        let error = PyError.os(errno: code, description: Files.describe(code))
        writeError("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
                   + "\(error.exception.type.name): \(error.exception.message)\n")
        return 120
    }

    public static func writeError(_ s: String) {
        output.flush()
        error.write(s)
        error.flush()
    }
}
