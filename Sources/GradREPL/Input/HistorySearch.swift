#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import CLibEditShim

/// Ctrl-R, as readline's reverse-search-history: the line reads
/// ``(reverse-i-search)`query': match`` while letters are typed; Ctrl-R again finds an older match,
/// Backspace shortens the query, Enter runs the match, Ctrl-G gives the line back as it was, and
/// any other key ends the search with the match on the line and then does what it does.
/// (libedit's own search prompt, `bck:`, says nothing to someone who has not read its manual.)
enum HistorySearch {
    static let reverse: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        reader.commandReadsKeys = true
        defer { reader.commandReadsKeys = false }
        let original = reader.textBeforeCursor() + reader.textAfterCursor()
        let entries = Array(reader.entries.reversed())
        var query = ""
        var index = 0
        var found: Int?
        var failed = false
        while true {
            draw(query: query, match: found.map { entries[$0] } ?? original, failed: failed)
            var character: wchar_t = 0
            guard el_wgetc(editor, &character) == 1 else {
                // Ctrl-C or the end of input: `EditLineReader.read` tells which.
                return UInt8(CC_EOF)
            }
            switch character {
            case 0x12:  // Ctrl-R: an older match
                if let current = found { index = current + 1 }
            case 0x7F, 0x08:
                if !query.isEmpty { query.removeLast() }
                index = 0
            case 0x07:  // Ctrl-G: give up
                replaceLine(reader, with: original)
                return UInt8(CC_REDISPLAY)
            case 0x0A, 0x0D:
                replaceLine(reader, with: found.map { entries[$0] } ?? original)
                reader.pressEnter()
                return UInt8(CC_REDISPLAY)
            default:
                guard character >= 0x20, let scalar = Unicode.Scalar(UInt32(bitPattern: character)) else {
                    replaceLine(reader, with: found.map { entries[$0] } ?? original)
                    var key: [wchar_t] = [character, 0]
                    el_wpush(editor, &key)
                    return UInt8(CC_REDISPLAY)
                }
                query.unicodeScalars.append(scalar)
            }
            if query.isEmpty {
                (found, failed) = (nil, false)
            } else if let match = entries[Swift.min(index, entries.count)...].firstIndex(where: { $0.contains(query) }) {
                (found, index, failed) = (match, match, false)
            } else {
                // As readline: the last match stays on show, marked failed.
                failed = true
            }
        }
    }

    /// The search line in place of the prompt and the line, cut to the terminal's width (a
    /// multi-line entry is shown with its newlines as ↵).
    private static func draw(query: String, match: String, failed: Bool) {
        let text = (failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`") + query + "': "
            + match.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ↵ ")
        let shown = String(text.prefix(Swift.max(Terminal.columns() - 1, 1)))
        _ = Files.writeAll(1, Array(("\r\u{1B}[K" + shown).utf8))
    }

    private static func replaceLine(_ reader: EditLineReader, with text: String) {
        _ = Files.writeAll(1, Array("\r\u{1B}[K".utf8))
        reader.deleteLine()
        _ = reader.insert(RecalledBlock.shown(text))
    }
}
