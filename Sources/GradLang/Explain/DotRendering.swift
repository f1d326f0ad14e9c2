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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T\(format)", "-o", output, input]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // A file, not a pipe: a pipe that nobody reads stops `dot` once its buffer is full.
        let errorPath = NSTemporaryDirectory() + "grad-dot-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).err"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        guard FileManager.default.createFile(atPath: errorPath, contents: nil),
              let errorFile = FileHandle(forWritingAtPath: errorPath) else {
            return .failure(.couldNotStart("cannot make a temporary file for its stderr"))
        }
        defer { try? errorFile.close() }
        process.standardError = errorFile
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .failure(.couldNotStart("\(error)"))
        }
        if finished.wait(timeout: .now() + .seconds(timeLimit)) == .timedOut {
            process.terminate()
            finished.wait()
            return .failure(.timedOut(seconds: timeLimit))
        }
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            return .failure(.failed(status: process.terminationStatus, message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return .success(())
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
