#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import CLibEditShim

/// What the line editor does about Ctrl-Z, `fg` and resizes (see `TerminalSignals`), as libedit
/// does with its own signal handling (which grad leaves off, to handle Ctrl-C itself): the
/// terminal is given back before stopping and taken again after, and the prompt and line are
/// drawn again where they were.
extension EditLineReader {
    /// Whether there was any to handle.
    @discardableResult
    func handleTerminalSignals() -> Bool {
        var handled = false
        if TerminalSignals.take(.stop) {
            suspend()
            handled = true
        }
        if TerminalSignals.take(.continued) {
            // Stopped by someone else (SIGSTOP): the terminal may have been changed meanwhile.
            grad_el_prepare_terminal(editor, 0)
            takeTerminal()
            redraw(rowsAbove: cursorRow(columns: knownColumns))
            handled = true
        }
        if TerminalSignals.take(.resized) {
            noticeResize()
            handled = true
        }
        return handled
    }

    /// Ctrl-Z (libedit reads it as a key; `kill -TSTP` comes as the signal): stops grad as the
    /// shell's job control expects, and after `fg` draws the prompt and line again on the line
    /// the shell left the cursor on.
    func suspend() {
        grad_el_prepare_terminal(editor, 0)
        setBracketedPaste(false)
        TerminalSignals.stopNow()
        _ = TerminalSignals.take(.continued)
        takeTerminal()
        redraw(rowsAbove: 0)
    }

    /// At a new width libedit must lay the line out again: the line is drawn again from the row
    /// where it started, found from the width it was drawn at.
    func noticeResize() {
        let columns = Terminal.columns()
        guard columns != knownColumns else { return }
        let rows = cursorRow(columns: knownColumns)
        knownColumns = columns
        el_resize(editor)
        redraw(rowsAbove: rows)
    }

    private func takeTerminal() {
        grad_el_prepare_terminal(editor, 1)
        setBracketedPaste(true)
    }

    /// Clears from the start of the line's first row down and draws the prompt and line there
    /// (libedit draws from where it takes the first row's start to be).
    private func redraw(rowsAbove: Int) {
        writeTerminal("\r" + (rowsAbove > 0 ? "\u{1B}[\(rowsAbove)A" : "") + "\u{1B}[J")
        grad_el_refresh(editor)
    }

    /// The row of the cursor below the prompt's row, at a width of `columns`.
    private func cursorRow(columns: Int) -> Int {
        let lines = textBeforeCursor().split(separator: "\n", omittingEmptySubsequences: false)
        var row = 0
        for (i, line) in lines.enumerated() {
            let width = (i == 0 ? prompt.text.count : 0) + Self.displayWidth(line)
            row += width / max(columns, 1) + (i < lines.count - 1 ? 1 : 0)
        }
        return row
    }

    /// Columns on the terminal: two for wide (CJK) characters, none for combining ones.
    static func displayWidth<Text: StringProtocol>(_ text: Text) -> Int {
        text.unicodeScalars.reduce(0) { $0 + max(Int(grad_wcwidth(wchar_t(bitPattern: $1.value))), 0) }
    }
}
