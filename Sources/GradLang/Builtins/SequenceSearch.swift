/// `count` and `index` shared by lists and tuples (identity first, then `==`).
enum SequenceSearch {
    static func count(_ items: [Value], _ value: Value) throws -> Value {
        var n = 0
        for item in items where try Operators.sameOrEqual(item, value) { n += 1 }
        return .int(n)
    }

    /// The first position of `value` within `start:stop`; nil when absent.
    static func index(_ items: [Value], _ value: Value, start: Value, stop: Value) throws -> Int? {
        let (from, to) = try Arg.searchRange(start, stop, count: items.count)
        guard from < to else { return nil }
        for i in from..<to where try Operators.sameOrEqual(items[i], value) { return i }
        return nil
    }
}
