import CLibEditShim

/// Where libedit puts each character of the line on the screen (its `re_refresh`): rows of the
/// terminal's width starting after the prompt, a wide character that does not fit at a row's end
/// moved to the next row (the gap filled with spaces), a newline starting a row, a tab filled with
/// spaces to the next multiple of 8 columns. Rows count from the prompt's.
struct LineLayout {
    struct Cell {
        /// The character's index in the line.
        let index: Int
        let row: Int
        let column: Int
        /// What is written there: the character, or the spaces a tab (or a wide character's
        /// push to the next row) fills.
        let text: String
    }

    private(set) var cells: [Cell] = []
    private(set) var cursor = (row: 0, column: 0)
    private(set) var rowCount = 1

    /// nil for a line holding what libedit shows as escapes (control characters, unprintable ones).
    init?(_ line: [Unicode.Scalar], cursor cursorIndex: Int, startColumn: Int, columns: Int) {
        var row = 0, column = startColumn
        var cursorPlace: (row: Int, column: Int)?
        func advance(_ width: Int) {
            column += width
            if column >= columns { (row, column) = (row + 1, 0) }
        }
        for (index, character) in line.enumerated() {
            let width = character == "\t" ? 1 : Int(grad_wcwidth(wchar_t(bitPattern: character.value)))
            if index == cursorIndex {
                cursorPlace = width > 1 && column + width > columns ? (row + 1, 0) : (row, column)
            }
            if character == "\n" {
                (row, column) = (row + 1, 0)
            } else if character == "\t" {
                let fill = 8 - column % 8
                let spaces = Swift.min(fill, columns - column)
                cells.append(Cell(index: index, row: row, column: column, text: String(repeating: " ", count: spaces)))
                advance(spaces)
            } else {
                guard width >= 0, character.value >= 0x20, character.value != 0x7F else { return nil }
                if column + width > columns {
                    cells.append(Cell(index: index, row: row, column: column, text: String(repeating: " ", count: columns - column)))
                    (row, column) = (row + 1, 0)
                }
                cells.append(Cell(index: index, row: row, column: column, text: String(character)))
                advance(width)
            }
        }
        cursor = cursorPlace ?? (row, column)
        rowCount = Swift.max(row, cursor.row) + 1
    }
}
