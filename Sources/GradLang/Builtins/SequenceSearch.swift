/// `count` and `index` shared by lists and tuples (equality as `==` sees it).
enum SequenceSearch {
    static func count(_ items: [Value], _ value: Value) throws -> Value {
        var n = 0
        for item in items where try Operators.equals(item, value) { n += 1 }
        return .int(n)
    }

    /// The first position of `value` within `start:stop`; nil when absent.
    static func index(_ items: [Value], _ value: Value, start: Value, stop: Value) throws -> Int? {
        let (from, to) = try Arg.searchRange(start, stop, count: items.count)
        guard from < to else { return nil }
        for i in from..<to where try Operators.equals(items[i], value) { return i }
        return nil
    }
}
