import GradTensor

/// MemoryError before a Python value is built bigger than memory allows. Sizes that come from the
/// program are checked here first — repeats (`[0] * n`, `"a" * n`), `list(range(n))` and other
/// collected iterables, list, tuple and str concatenation, slices, lists grown by `append`,
/// `insert`, `extend`, `+=` and comprehensions, strs grown by `+=`, dicts and sets growing: past
/// the runtime's sequence limit, or when `AllocationProbe` finds the memory is not there now, the
/// program gets a MemoryError it can catch, and the REPL goes on. A reserve cannot make room for
/// such buffers; what is smaller than the probe's threshold (the many small allocations of
/// `[[0] * 10**4 for _ in range(10**5)]`, and all that Swift allocates unchecked) is covered by
/// the spare memory reserve instead (see `PendingEvents`).
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

    /// Before `dictionary` grows to `newCount` entries: Swift doubles its table (kept at most three
    /// quarters full) when that outgrows its capacity.
    @inline(__always)
    static func checkGrowth<Key, Entry>(of dictionary: [Key: Entry], to newCount: Int) throws {
        if newCount > dictionary.capacity {
            try probe(count: Swift.max(newCount, 2 * dictionary.capacity) * 4 / 3, of: (key: Key, entry: Entry).self)
        }
    }

    /// The size from which requests are probed (smaller ones are left to the reserve).
    static var probedBytes: Int { AllocationProbe.threshold }

    private static func probe<Element>(count: Int, of _: Element.Type) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        if overflow || !AllocationProbe.canAllocate(bytes: bytes) { throw PyError.memory("") }
    }
}
