#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import CLibEditShim

/// The editor commands grad adds to libedit, bound to keys in `EditLineReader.bind()`.
enum EditLineCommands {
    /// Tab. At the start of a line, or while pasted text is still arriving, Tab is indentation;
    /// elsewhere it completes: the common part of the candidates first, then (Tab again) the list.
    static let complete: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        let before = reader.textBeforeCursor()
        if Terminal.inputPending(0) { return reader.insert("\t") ? UInt8(CC_REFRESH) : UInt8(CC_ERROR) }
        if before.isBlank { return reader.insert("    ") ? UInt8(CC_REFRESH) : UInt8(CC_ERROR) }
        let completion = reader.completer.complete(before)
        if completion.candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        let common = completion.commonPrefix
        if common.count > completion.partial.count {
            return reader.insert(String(common.dropFirst(completion.partial.count))) ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        }
        if completion.candidates.count == 1 { return UInt8(CC_REFRESH) }
        StandardStreams.writeOutput("\n" + CandidateColumns.layout(completion.candidates, width: Terminal.columns()))
        StandardStreams.output.flush()
        return UInt8(CC_REDISPLAY)
    }

    /// Ctrl-D. On an empty line input ends; at `...` on a line of nothing but spaces (the
    /// auto-indent) too, which ends the pending block. Elsewhere the character under the cursor goes.
    static let deleteOrEnd: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        let before = reader.textBeforeCursor(), after = reader.textAfterCursor()
        if before.isBlank && after.isBlank && (before.isEmpty && after.isEmpty || reader.prompt == .continuation) {
            if !before.isEmpty || !after.isEmpty {
                reader.deleteLine()
                grad_el_refresh(editor)
            }
            return UInt8(CC_EOF)
        }
        if after.isEmpty { return UInt8(CC_ERROR) }
        reader.deleteAfterCursor(1)
        return UInt8(CC_REFRESH)
    }

    /// Backspace. In the indentation at the start of a line it deletes back to the previous
    /// multiple of four columns (one level of auto-indent), as CPython 3.13's REPL does; elsewhere
    /// one character.
    static let backspace: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        let before = reader.textBeforeCursor()
        if before.isEmpty { return UInt8(CC_ERROR) }
        let width = before.unicodeScalars.count
        let deleted = before.allSatisfy({ $0 == " " }) ? (width - 1) % AutoIndent.level.count + 1 : 1
        reader.deleteBeforeCursor(deleted)
        return UInt8(CC_REFRESH)
    }

    /// Ctrl-W, as readline's unix-word-rubout: deletes the spaces before the cursor and the word
    /// before them, up to the previous space (libedit's Ctrl-W would cut a marked region instead).
    static let ruboutWord: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        let before = reader.textBeforeCursor().unicodeScalars
        if before.isEmpty { return UInt8(CC_ERROR) }
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        let spaces = before.reversed().prefix(while: isSpace).count
        let word = before.dropLast(spaces).reversed().prefix { !isSpace($0) }.count
        reader.deleteBeforeCursor(spaces + word)
        return UInt8(CC_REFRESH)
    }

    /// Ctrl-Z: suspends grad (see `EditLineReader.suspend`).
    static let suspend: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        reader.suspend()
        return UInt8(CC_NORM)
    }

    /// ESC[200~: reads up to ESC[201~ and inserts the text as it is (tabs included). Pasted text with
    /// a newline in it is then entered at once, and the REPL runs it as a whole.
    static let paste: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        reader.commandReadsKeys = true
        defer { reader.commandReadsKeys = false }
        let end: [wchar_t] = [27, 91, 50, 48, 49, 126]  // ESC [ 2 0 1 ~
        var pasted: [wchar_t] = []
        var character: wchar_t = 0
        while el_wgetc(editor, &character) == 1 {
            pasted.append(character)
            if pasted.count >= end.count && Array(pasted.suffix(end.count)) == end {
                pasted.removeLast(end.count)
                break
            }
        }
        var text = String(wideCharacters: pasted, count: pasted.count).replacingCarriageReturns()
        let multiline = text.contains("\n")
        // Pasted lines bring their own indentation: they replace the auto-indent, not add to it.
        if (multiline || text.first == " " || text.first == "\t") && reader.textBeforeCursor().isBlank
            && reader.textAfterCursor().isEmpty {
            reader.deleteLine()
        }
        // The Enter pressed below ends the last line.
        if text.hasSuffix("\n") { text.removeLast() }
        guard reader.insert(text) else { return UInt8(CC_ERROR) }
        if multiline {
            reader.lineHoldsPaste = true
            reader.pressEnter()
        }
        return UInt8(CC_REFRESH)
    }
}
