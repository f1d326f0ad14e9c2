/// What the console asks of a line of input: is it blank, its text without surrounding spaces,
/// and its newlines as terminals send them.
extension Character {
    /// Space as Python's tokenizer skips it at the start of a line (and a stray carriage return).
    var isLineSpace: Bool { self == " " || self == "\t" || self == "\u{0C}" || self == "\r" }
}

extension StringProtocol {
    var isBlank: Bool { allSatisfy(\.isLineSpace) }

    func trimmingWhitespace() -> String {
        String(drop(while: \.isLineSpace).reversed().drop(while: \.isLineSpace).reversed())
    }

    /// "\r\n" and a lone "\r" as "\n" (terminals send Enter, and pasted newlines, as "\r").
    func replacingCarriageReturns() -> String {
        String(map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
    }
}
