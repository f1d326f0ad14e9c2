#if canImport(Glibc)
import Glibc
#endif

/// The REPL's history on disk: one entry per line (a multi-line block is one entry, its newlines
/// written as `\n` and backslashes as `\\`), appended after every entry so a crash loses nothing,
/// and rewritten with the newest `limit` entries when the file has grown to twice that. A missing
/// file is an empty history; an unreadable or corrupt one is read as far as it makes sense; one that
/// cannot be written (`/dev/full`, a read-only file) is not written, silently, as CPython's REPL
/// ignores a history file it cannot save.
public struct HistoryFile: Sendable {
    public let path: String
    public let limit: Int

    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = limit
    }

    /// `$GRAD_HISTORY` (empty: no history), else `$XDG_STATE_HOME/grad/history`, else
    /// `~/.local/state/grad/history`.
    public static func defaultPath(environment get: (String) -> String? = environment) -> String? {
        if let explicit = get("GRAD_HISTORY") { return explicit.isEmpty ? nil : explicit }
        if let state = get("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/grad/history" }
        guard let home = get("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/grad/history"
    }

    /// The most the REPL reads of a history file: its last 4 MiB, far more than `limit` ordinary
    /// entries, so that a huge file costs no more at start-up than a normal one.
    static let readLimit = 1 << 22

    /// The entries, oldest first: the newest `limit` found in the file's last `readLimit` bytes.
    /// Only a regular file is read (`/dev/zero` or a FIFO never ends or would block: no history);
    /// a file that holds more than that is rewritten with the entries kept.
    public func load() -> [String] {
        // O_NONBLOCK: opening a FIFO with no writer would wait for one.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [] }
        let size = Int(info.st_size)
        let start = max(0, size - Self.readLimit)
        guard lseek(descriptor, off_t(start), SEEK_SET) == off_t(start),
              var bytes = Files.read(descriptor, atMost: size - start) else { return [] }
        // Starting inside the file, the first line is the end of an entry cut in two.
        if start > 0, let newline = bytes.firstIndex(of: 10) { bytes.removeSubrange(...newline) }
        let entries = Self.decode(String(decoding: bytes, as: UTF8.self))
        if entries.count > 2 * limit || start > 0 { rewrite(Array(entries.suffix(limit))) }
        return Array(entries.suffix(limit))
    }

    /// Adds one entry at the end of the file (creating it and its directory if needed).
    /// Returns false when the file cannot be written.
    @discardableResult
    public func append(_ entry: String) -> Bool {
        createParentDirectory()
        // O_NONBLOCK: a FIFO with no reader fails at once instead of waiting for one.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return Files.writeAll(descriptor, Array((Self.encode(entry) + "\n").utf8))
    }

    static func encode(_ entry: String) -> String {
        var out = ""
        for c in entry.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Lines back to entries; lines holding control characters other than tab (binary junk) are
    /// skipped, an unknown escape is kept as written.
    static func decode(_ text: String) -> [String] {
        var entries: [String] = []
        for line in text.unicodeScalars.split(separator: "\n") {
            if line.contains(where: { $0.value < 0x20 && $0 != "\t" || $0 == "\u{7F}" || $0 == "\u{FFFD}" }) {
                continue
            }
            var entry = "", escaped = false
            for c in line {
                if escaped {
                    switch c {
                    case "n": entry += "\n"
                    case "r": entry += "\r"
                    case "\\": entry += "\\"
                    default: entry += "\\"; entry.unicodeScalars.append(c)
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    entry.unicodeScalars.append(c)
                }
            }
            if escaped { entry += "\\" }
            if !entry.allSatisfy(\.isWhitespace) { entries.append(entry) }
        }
        return entries
    }

    /// Replaces the file with `entries` (through a temporary file, so a crash leaves one or the other).
    private func rewrite(_ entries: [String]) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return }
        let written = Files.writeAll(descriptor, Array(entries.map { Self.encode($0) + "\n" }.joined().utf8))
        close(descriptor)
        if written { rename(temporary, path) } else { unlink(temporary) }
    }

    private func createParentDirectory() {
        var directories: [String] = []
        var current = path
        while let slash = current.lastIndex(of: "/"), slash != current.startIndex {
            current = String(current[..<slash])
            directories.append(current)
        }
        for directory in directories.reversed() { mkdir(directory, 0o700) }
    }
}
