/// The frames an error has unwound through, innermost first. Kept as a persistent list whose
/// head is the outermost entry, so that adding the next frame's entry as the error leaves it is
/// O(1) whatever the depth (an array in the error would be copied at every frame of a deep
/// recursion, as the thrown error still shares it) and never changes what copies of the error
/// (a handler's `__traceback__`, a chained context) hold.
public struct TraceEntries: Sendable {
    private final class Link: @unchecked Sendable {
        let entry: TraceEntry
        var inner: Link?

        init(_ entry: TraceEntry, inner: Link?) {
            self.entry = entry
            self.inner = inner
        }

        /// Frees the links only this one holds one by one: a long chain released by ARC would
        /// recurse once per link and could overflow the stack.
        deinit {
            var next = inner.take()
            while var link = next.take(), isKnownUniquelyReferenced(&link) { next = link.inner.take() }
        }
    }

    private var outermost: Link?
    public private(set) var count = 0

    public init() {}

    /// Entries given innermost first.
    public init(_ entries: [TraceEntry]) {
        for entry in entries { append(entry) }
    }

    public var isEmpty: Bool { outermost == nil }

    /// The outermost entry: the frame a handler caught the error in.
    var outermostEntry: TraceEntry? { outermost?.entry }

    /// The entries inside the outermost one (a traceback's `tb_next`).
    var droppingOutermost: TraceEntries {
        var inner = TraceEntries()
        inner.outermost = outermost?.inner
        inner.count = Swift.max(count - 1, 0)
        return inner
    }

    /// Adds the entry of the frame the error is leaving, outside all the others.
    public mutating func append(_ entry: TraceEntry) {
        outermost = Link(entry, inner: outermost)
        count += 1
    }

    /// Outermost first: the order a traceback is printed in.
    public var outermostFirst: [TraceEntry] {
        var entries: [TraceEntry] = []
        entries.reserveCapacity(count)
        var link = outermost
        while let current = link {
            entries.append(current.entry)
            link = current.inner
        }
        return entries
    }

    public var innermostFirst: [TraceEntry] { outermostFirst.reversed() }
}
