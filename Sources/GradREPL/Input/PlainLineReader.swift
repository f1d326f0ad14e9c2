#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a descriptor that is not a terminal (`grad -i FILE < input`): no editing, prompts
/// on stderr as CPython writes them, and every line that arrives with more input behind it counts as
/// pasted, so the input reads like a file.
public final class PlainLineReader: LineReader {
    private let descriptor: Int32
    private let showPrompts: Bool
    private var buffer: [UInt8] = []
    private var atEnd = false

    public init(descriptor: Int32 = 0, showPrompts: Bool = true) {
        self.descriptor = descriptor
        self.showPrompts = showPrompts
    }

    /// Input that is not typed at a terminal has its indentation in it: `indentation` is not added.
    public func read(_ prompt: Prompt, indentation: String) -> InputEvent {
        if showPrompts { StandardStreams.writeError(prompt.text) }
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line, moreInputFollows: !buffer.isEmpty || (!atEnd && Terminal.inputPending(descriptor)))
            }
            if atEnd {
                if buffer.isEmpty { return .endOfInput }
                let line = String(decoding: buffer, as: UTF8.self)
                buffer = []
                return .line(line, moreInputFollows: false)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR {
                if !Interrupts.wasReceived { continue }
                buffer = []
                return .interrupt
            }
            if n <= 0 { atEnd = true; continue }
            buffer += chunk[0..<n]
        }
    }

    public func remember(_ entry: String) {}
}
