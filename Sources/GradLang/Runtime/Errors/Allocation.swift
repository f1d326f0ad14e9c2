import GradTensor

/// MemoryError before a Python value is built bigger than memory allows. Sizes that come from the
/// program are checked here first — repeats (`[0] * n`, `"a" * n`), `list(range(n))` and other
/// collected iterables, list and tuple concatenation, lists grown by `append`, `insert`, `extend`,
/// `+=` and comprehensions: past the runtime's sequence limit, or when `AllocationProbe` finds the
/// memory is not there now, the program gets a MemoryError it can catch, and the REPL goes on.
/// Not checked yet: dicts and sets growing, str concatenation, slices, and many allocations each
/// below the probe's threshold (`[[0] * 10**4 for _ in range(10**5)]`), which still abort when
/// they exhaust memory.
enum Allocation {
    /// A new buffer of `count` elements of `Element`.
    static func check<Element>(count: Int, of _: Element.Type) throws {
        if count < 0 || count > Operators.maxSequenceLength { throw PyError.memory("") }
        try probe(count: count, of: Element.self)
    }

    /// Before `array` grows to `newCount` elements: when that outgrows its buffer, Swift moves it
    /// to one of twice the capacity (or `newCount`, if more), which must be there to be had.
    @inline(__always)
    static func checkGrowth<Element>(of array: [Element], to newCount: Int) throws {
        if newCount > array.capacity {
            if newCount > Operators.maxSequenceLength { throw PyError.memory("") }
            try probe(count: Swift.max(newCount, 2 * array.capacity), of: Element.self)
        }
    }

    private static func probe<Element>(count: Int, of _: Element.Type) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        if overflow || !AllocationProbe.canAllocate(bytes: bytes) { throw PyError.memory("") }
    }
}
