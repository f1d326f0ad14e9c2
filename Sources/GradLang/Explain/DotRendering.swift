import Foundation

/// Graphviz's `dot` program, which turns DOT text into SVG, PNG or PDF. It is run with a time
/// limit and its stderr kept, so a missing, failing or stuck `dot` ends in a message, not a hang.
public enum DotRendering {
    public enum Failure: Error {
        /// No `dot` on PATH.
        case notInstalled
        /// `dot` ran and failed; its stderr.
        case failed(status: Int32, message: String)
        case timedOut(seconds: Int)
        case couldNotStart(String)
    }

    /// What to install when `dot` is missing.
    public static let installHint = "install Debian's graphviz package (sudo apt-get install graphviz)"

    /// A stuck `dot` is stopped after this long.
    static let timeLimit = 120

    /// Writes `text` to `path` as UTF-8; OSError as CPython words it when the file cannot be written.
    public static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else { throw osError(path) }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        let failure = written == bytes.count ? nil : osError(path)
        guard fclose(file) == 0 else { throw failure ?? osError(path) }
        if let failure { throw failure }
    }

    /// The last system call's failure on `path`.
    private static func osError(_ path: String) -> PyError {
        let code = errno
        return PyError.os(errno: code, description: String(cString: strerror(code)) + ": '\(path)'")
    }

    /// Deletes the file at `path`.
    public static func remove(_ path: String) throws {
        guard unlink(path) == 0 else { throw osError(path) }
    }

    /// `dot -TFORMAT -o OUTPUT INPUT`.
    public static func render(dotFile input: String, format: String, to output: String) -> Result<Void, Failure> {
        guard let dot = executable() else { return .failure(.notInstalled) }
        // A file, not a pipe: a pipe that nobody reads stops `dot` once its buffer is full.
        let errorPath = temporaryDirectory() + "/grad-dot-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).err"
        defer { unlink(errorPath) }
        let outcome = ChildProcess.run(dot, arguments: ["-T\(format)", "-o", output, input],
                                       stderrPath: errorPath, timeLimit: timeLimit)
        switch outcome {
        case .exited(0):
            return .success(())
        case .exited(let status), .killed(let status):
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            return .failure(.failed(status: status, message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        case .timedOut:
            return .failure(.timedOut(seconds: timeLimit))
        case .couldNotStart(let reason):
            return .failure(.couldNotStart(reason))
        }
    }

    /// `$TMPDIR`, else /tmp.
    private static func temporaryDirectory() -> String {
        guard let directory = getenv("TMPDIR"), directory.pointee != 0 else { return "/tmp" }
        return String(cString: directory)
    }

    /// The first executable `dot` on PATH.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { String($0) + "/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The failure in words, for `%graph -o` and torchviz's `render`.
    public static func describe(_ failure: Failure, format: String) -> String {
        switch failure {
        case .notInstalled: return "Graphviz's dot program is not on PATH, so a .\(format) file cannot be drawn: \(installHint); a .dot file needs nothing"
        case .failed(let status, let message): return "dot -T\(format) failed (exit status \(status))" + (message.isEmpty ? "" : ": " + message)
        case .timedOut(let seconds): return "dot -T\(format) was stopped after \(seconds) seconds"
        case .couldNotStart(let reason): return "dot could not be started: \(reason)"
        }
    }
}
