/// Completion candidates in columns, filled top to bottom as readline lists them.
enum CandidateColumns {
    static func layout(_ words: [String], width: Int) -> String {
        guard let longest = words.map(\.count).max() else { return "" }
        let columnWidth = longest + 2
        let columns = max(1, width / columnWidth)
        let rows = (words.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < words.count else { break }
                let word = words[index]
                line += word
                if column + 1 < columns && index + rows < words.count {
                    line += String(repeating: " ", count: columnWidth - word.count)
                }
            }
            out += line + "\n"
        }
        return out
    }
}
