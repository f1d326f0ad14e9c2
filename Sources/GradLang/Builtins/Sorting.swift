/// Python's sort: stable, comparing with `<` only, each key computed once. `reverse` keeps equal
/// elements in their original order, as CPython's reverse-sort-reverse does.
enum Sorting {
    static func sorted(_ items: [Value], key: Value, reverse: Bool, _ interpreter: Interpreter) throws -> [Value] {
        let keys = key.isNone ? items : try items.map { try interpreter.call(key, Arguments([$0])) }
        // The first comparison is `items[1] < items[0]`, as in CPython, so mixed-type errors name
        // the types in the same order.
        let less: (Int, Int) throws -> Bool = { a, b in
            try Operators.truthy(Operators.compare(.lt, reverse ? keys[b] : keys[a], reverse ? keys[a] : keys[b]))
        }
        return try mergeSort(Array(items.indices), less).map { items[$0] }
    }

    /// Insertion-sorted runs merged bottom-up; stable, and never compares an element with itself.
    private static func mergeSort(_ order: [Int], _ less: (Int, Int) throws -> Bool) throws -> [Int] {
        var a = order
        let n = a.count
        let run = 16
        var start = 0
        while start < n {
            let end = Swift.min(start + run, n)
            if start + 1 < end {
                for i in (start + 1)..<end {
                    let x = a[i]
                    var j = i
                    while j > start, try less(x, a[j - 1]) {
                        a[j] = a[j - 1]
                        j -= 1
                    }
                    a[j] = x
                }
            }
            start = end
        }
        var width = run
        var buffer = a
        while width < n {
            var lo = 0
            while lo < n {
                let mid = Swift.min(lo + width, n), hi = Swift.min(lo + 2 * width, n)
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    if try less(a[j], a[i]) { buffer[k] = a[j]; j += 1 } else { buffer[k] = a[i]; i += 1 }
                    k += 1
                }
                while i < mid { buffer[k] = a[i]; i += 1; k += 1 }
                while j < hi { buffer[k] = a[j]; j += 1; k += 1 }
                lo = hi
            }
            swap(&a, &buffer)
            width *= 2
        }
        return a
    }
}
