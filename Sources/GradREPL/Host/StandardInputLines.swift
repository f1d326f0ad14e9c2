#if canImport(Glibc)
import Glibc
#endif
import GradLang

/// The program's standard input for `input()` and `sys.stdin` (`Interpreter.readInputLine`):
/// lines of descriptor 0 as they arrive, from a pipe, a file or a terminal (between prompts, when
/// libedit is not reading). A read waits in slices of 0.1 s and gives up when Ctrl-C was
/// pressed, as the signal may go to another thread than the program's, whose read it would not stop.
final class StandardInputLines {
    private var buffer: [UInt8] = []
    private var atEnd = false

    /// The next line with its newline (the last may have none); nil at the end, or on Ctrl-C.
    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[...newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if atEnd {
                if buffer.isEmpty { return nil }
                defer { buffer = [] }
                return String(decoding: buffer, as: UTF8.self)
            }
            if Interpreter.interruptRequested { return nil }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            // Nothing yet, or a signal (Ctrl-C is then seen above): wait again.
            if poll(&descriptor, 1, 100) <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 {
                atEnd = true
                continue
            }
            buffer += chunk[0..<n]
        }
    }
}
