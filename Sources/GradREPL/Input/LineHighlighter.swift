import GradLang

/// Colours the line being edited as CPython's REPL does. libedit draws the line itself, plainly, and
/// has no hook for colour; so, whenever it waits for a key with nothing left to read (see
/// `EditLineReader`), the line is written again over what libedit drew, the same characters in the
/// same cells with colour codes between them, and the cursor put back. libedit's picture of the
/// screen stays true (it tracks characters, not colours), and the next key it handles is drawn
/// plainly until the next repaint.
struct LineHighlighter {
    /// The names coloured as builtins.
    let builtins: Set<String>
    /// The lines of the block entered so far, above the line being edited: a string or bracket
    /// opened there goes on in it.
    let pendingLines: () -> [String]

    /// The terminal output that repaints `line` (libedit's buffer, the cursor at index `cursor`)
    /// after a prompt `promptWidth` columns wide, and leaves the cursor where it was; nil when the
    /// line cannot be laid out as libedit laid it out (a control character, a line taller than the
    /// screen), so that it is left as libedit drew it.
    func repaint(line: [Unicode.Scalar], cursor: Int, promptWidth: Int, columns: Int, rows: Int) -> String? {
        guard promptWidth < columns, let layout = LineLayout(line, cursor: cursor, startColumn: promptWidth, columns: columns),
              layout.rowCount <= rows else { return nil }
        let colours = self.colours(of: line)
        var out = "\r" + move(up: layout.cursor.row) + move(right: promptWidth)
        var row = 0
        var colour: String?
        for cell in layout.cells {
            if cell.row != row {
                if colour != nil { out += Style.reset }
                colour = nil
                out += "\r" + move(down: cell.row - row) + move(right: cell.column)
                row = cell.row
            }
            let wanted = colours[cell.index]
            if wanted != colour {
                if colour != nil { out += Style.reset }
                if let wanted { out += wanted }
                colour = wanted
            }
            out += cell.text
        }
        if colour != nil { out += Style.reset }
        out += "\r" + move(up: row - layout.cursor.row) + move(down: layout.cursor.row - row) + move(right: layout.cursor.column)
        return out
    }

    /// Each character's colour code (nil: plain). A recalled block's `...   ` markers take the
    /// prompt's colour; the code between them is coloured as the continuation of the pending lines.
    private func colours(of line: [Unicode.Scalar]) -> [String?] {
        let marker = Array(Prompt.continuationText.unicodeScalars)
        var code: [Unicode.Scalar] = []
        var codeIndex: [Int?] = []
        var i = 0
        while i < line.count {
            codeIndex.append(code.count)
            code.append(line[i])
            if line[i] == "\n" && Array(line[(i + 1)...].prefix(marker.count)) == marker {
                codeIndex += Array(repeating: nil, count: marker.count)
                i += marker.count
            }
            i += 1
        }
        let pending = pendingLines()
        let prefix = pending.isEmpty ? "" : pending.joined(separator: "\n") + "\n"
        let offset = prefix.unicodeScalars.count
        var kinds = [HighlightKind?](repeating: nil, count: code.count)
        let source = prefix + String(String.UnicodeScalarView(code))
        for span in SyntaxHighlighting.spans(in: source, builtins: builtins) {
            let start = Swift.min(Swift.max(span.range.lowerBound - offset, 0), code.count)
            for k in start..<Swift.max(Swift.min(span.range.upperBound - offset, code.count), start) { kinds[k] = span.kind }
        }
        // The marker's dots take the prompt's colour; its spaces stay plain, as the prompt's do.
        return zip(line, codeIndex).map { character, index in
            guard let index else { return character == " " ? nil : Style.boldMagenta }
            return kinds[index].map(Style.code)
        }
    }

    private func move(up n: Int) -> String { n > 0 ? "\u{1B}[\(n)A" : "" }
    private func move(down n: Int) -> String { n > 0 ? "\u{1B}[\(n)B" : "" }
    private func move(right n: Int) -> String { n > 0 ? "\u{1B}[\(n)C" : "" }
}
