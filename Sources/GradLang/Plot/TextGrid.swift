/// A rectangle of terminal characters, each with an optional colour, that drawings are composed
/// on and then turned into lines of text (ANSI colour codes only when asked for).
struct TextGrid {
    struct Cell {
        var character: Character = " "
        var color: RGB?
    }

    let width: Int
    let height: Int
    private var cells: [Cell]

    init(width: Int, height: Int) {
        self.width = Swift.max(width, 0)
        self.height = Swift.max(height, 0)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// Writes `text` from (column, row) rightwards, cutting what falls outside.
    mutating func write(_ text: String, column: Int, row: Int, color: RGB? = nil) {
        guard row >= 0, row < height else { return }
        for (offset, character) in text.enumerated() where column + offset >= 0 && column + offset < width {
            cells[row * width + column + offset] = Cell(character: character, color: color)
        }
    }

    /// Writes `text` centred on `center`, kept inside the grid.
    mutating func write(_ text: String, centeredAt center: Int, row: Int, color: RGB? = nil) {
        let start = Swift.min(Swift.max(center - text.count / 2, 0), Swift.max(width - text.count, 0))
        write(text, column: start, row: row, color: color)
    }

    /// Whether columns start..<start+count of the row are all blank.
    func isBlank(row: Int, columns range: Range<Int>) -> Bool {
        range.allSatisfy { $0 < 0 || $0 >= width || cells[row * width + $0].character == " " }
    }

    mutating func place(_ other: TextGrid, column: Int, row: Int) {
        for r in 0..<other.height where row + r < height {
            for c in 0..<other.width where column + c < width {
                cells[(row + r) * width + column + c] = other.cells[r * other.width + c]
            }
        }
    }

    mutating func set(_ cell: Cell, column: Int, row: Int) {
        guard column >= 0, column < width, row >= 0, row < height else { return }
        cells[row * width + column] = cell
    }

    /// The rows as text, trailing blanks removed; colour codes around each run of one colour;
    /// `ascii` spells box drawing and braille with ASCII characters.
    func lines(colored: Bool, ascii: Bool = false) -> [String] {
        (0..<height).map { row in
            var line = ""
            var current: RGB?
            let rowCells = cells[row * width..<(row + 1) * width]
            let lastUsed = rowCells.lastIndex { $0.character != " " } ?? (row * width - 1)
            for cell in cells[row * width..<lastUsed + 1] {
                if colored && cell.color != current && cell.character != " " {
                    if current != nil { line += TerminalColor.reset }
                    if let color = cell.color { line += TerminalColor.foreground(color) }
                    current = cell.color
                }
                line.append(ascii ? TextGrid.asciiForm(cell.character) : cell.character)
            }
            if colored && current != nil { line += TerminalColor.reset }
            return line
        }
    }

    /// A character's ASCII stand-in: corners and ticks `+`, lines `-` and `|`, grid lines `.`, a braille cell by
    /// where its dots are (`'` above, `.` below, `:` both), blocks `#`, bullets `*`.
    static func asciiForm(_ character: Character) -> Character {
        switch character {
        case "┌", "┐", "└", "┘", "┤", "┬", "┼": return "+"
        case "┄", "┆": return "."
        case "─": return "-"
        case "│": return "|"
        case "█": return "#"
        case "•": return "*"
        default: break
        }
        guard let scalar = character.unicodeScalars.first, (0x2801...0x28FF).contains(scalar.value) else {
            return character.isASCII ? character : "?"
        }
        let bits = scalar.value - 0x2800
        let top = bits & 0x1B != 0, bottom = bits & 0xE4 != 0
        return top && bottom ? ":" : (top ? "'" : ".")
    }
}
