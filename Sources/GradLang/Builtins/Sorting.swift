/// Python's sort: CPython's timsort (TimSort.swift), comparing with `<` only, each key computed
/// once, before any comparison.
enum Sorting {
    /// Sorts `items` in place. A key that raises leaves them as they were; a comparison that
    /// raises leaves them in the order CPython's sort leaves a list in.
    static func sort(_ items: inout [Value], key: Value, reverse: Bool, _ interpreter: Interpreter) throws {
        let keys = key.isNone ? items : try items.map { try interpreter.call(key, Arguments([$0])) }
        var timsort = TimSort(count: items.count) { a, b in try Operators.truthy(Operators.compare(.lt, keys[a], keys[b])) }
        var failure: (any Error)?
        do { try timsort.run(reverse: reverse) } catch { failure = error }
        let original = items
        items = timsort.order.map { original[$0] }
        if let failure { throw failure }
    }
}
