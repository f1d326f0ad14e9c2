/// The inputs of this session, numbered from 1 as IPython numbers its cells (a block, a magic or a
/// whole paste is one input), and IPython's way of naming some of them: `4`, `1-3` (both ends
/// included), `1:3` (the end left out), several separated by spaces.
struct InputHistory {
    private(set) var inputs: [String] = []

    mutating func append(_ input: String) { inputs.append(input) }

    /// The numbered inputs that `ranges` names (all of them when it is empty), or the word that is
    /// not a range.
    func select(_ ranges: [Substring]) -> Result<[(number: Int, input: String)], RangeError> {
        if ranges.isEmpty { return .success(inputs.enumerated().map { ($0.offset + 1, $0.element) }) }
        var selected: [(number: Int, input: String)] = []
        for word in ranges {
            guard let numbers = Self.numbers(word) else { return .failure(RangeError(word: String(word))) }
            for n in numbers where n >= 1 && n <= inputs.count { selected.append((n, inputs[n - 1])) }
        }
        return .success(selected)
    }

    private static func numbers(_ word: Substring) -> ClosedRange<Int>? {
        if let n = Int(word) { return n...n }
        for (separator, includesEnd) in [("-", true), (":", false)] {
            let parts = word.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]) else { continue }
            let last = includesEnd ? end : end - 1
            return start <= last ? start...last : nil
        }
        return nil
    }

    struct RangeError: Error {
        let word: String
    }
}
