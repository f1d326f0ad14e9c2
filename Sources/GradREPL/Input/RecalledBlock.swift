#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import CLibEditShim

/// A multi-line history entry on the line: its lines after the first show the `...   ` prompt (the
/// marker is in the line's text, which libedit draws, and is taken out again when the line is
/// entered), and Up and Down move between its lines before they leave it for the history's
/// previous or next entry, as in CPython 3.13's REPL and IPython.
enum RecalledBlock {
    /// "\n" plus the continuation prompt: how a line break of an entry is kept in libedit's history.
    static let lineBreak = "\n" + Prompt.continuationText

    /// The entry as libedit's history holds it and shows it.
    static func shown(_ entry: String) -> String {
        entry.replacing("\n", with: lineBreak)
    }

    /// The text of an entered line, its markers taken out.
    static func entered(_ text: String) -> String {
        text.replacing(lineBreak, with: "\n")
    }

    /// Up (and Ctrl-P): the line above within the entry, else the previous history entry.
    static let up: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        return move(reader, up: true)
    }

    /// Down (and Ctrl-N): the line below within the entry, else the next history entry.
    static let down: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        return move(reader, up: false)
    }

    /// Keys bound to libedit's own history commands, pushed to leave the entry: no terminal sends them.
    static let previousEntryKey = "\\e[9901~", nextEntryKey = "\\e[9902~"

    private static func move(_ reader: EditLineReader, up: Bool) -> UInt8 {
        let before = Array(reader.textBeforeCursor()), after = Array(reader.textAfterCursor())
        let lineStart = before.lastIndex(of: "\n").map { $0 + 1 }
        guard up ? lineStart != nil : after.contains("\n") else {
            reader.push(up ? previousEntryKey : nextEntryKey)
            return UInt8(CC_NORM)
        }
        // The column past the marker, kept on the line moved to (or its end, when shorter).
        let marker = Prompt.continuationText.count
        let column = lineStart.map { Swift.max(before.count - $0 - marker, 0) } ?? before.count
        let target: Int
        if up {
            let start = lineStart! - 1
            let previousStart = before[..<start].lastIndex(of: "\n").map { $0 + 1 + marker } ?? 0
            target = Swift.min(previousStart + column, start)
        } else {
            let nextStart = before.count + after.firstIndex(of: "\n")! + 1 + marker
            let nextEnd = (before + after)[nextStart...].firstIndex(of: "\n") ?? before.count + after.count
            target = Swift.min(nextStart + column, nextEnd)
        }
        reader.moveCursor(by: target - before.count)
        return UInt8(CC_CURSOR)
    }
}
