import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frees nested containers without recursing once per level. ARC frees a list by releasing its
/// items, which frees the inner list, which releases its items, and so on down the stack: data
/// nested a few million deep (`x = [x]` in a loop) overflowed it. As CPython's "trashcan" does, a
/// list, tuple, dict or set being freed releases its items at once while fewer than `depthLimit`
/// frees run inside one another; deeper, it hands them to a queue that the outermost free empties
/// in a loop. The common case (a container of a few values freed on its own) costs a thread check
/// and two counter updates.
enum NestedRelease {
    /// The thread running the outermost free, or 0. Only that thread touches `depth` and
    /// `pending`; a container freed on another thread meanwhile is freed the ordinary way.
    private static let freeingThread = Atomic<UInt>(0)
    /// How many frees run inside one another on `freeingThread`.
    nonisolated(unsafe) private static var depth = 0
    nonisolated(unsafe) private static var pending: [Value] = []
    /// CPython's trashcan limit: deep enough that ordinary data never queues, shallow enough that
    /// the frames of the nested frees stay small.
    private static let depthLimit = 50

    /// Frees the items of a container being freed (`items` is left empty); with `lastFirst`, the
    /// last item first, as CPython frees a list's and a tuple's (the order `__del__` methods and
    /// weak reference callbacks run in).
    static func adopt(_ items: inout [Value], lastFirst: Bool = false) {
        // Only objects can hold further values; lists of numbers, strings or tensors free as usual.
        guard items.contains(where: { if case .object = $0 { return true } else { return false } }) else { return }
        let thread = currentThread
        if freeingThread.load(ordering: .relaxed) == thread {
            if depth < depthLimit {
                depth += 1
                release(&items, lastFirst: lastFirst)
                depth -= 1
            } else {
                if lastFirst { items.reverse() }
                queue(&items)
            }
            return
        }
        guard freeingThread.compareExchange(expected: 0, desired: thread, ordering: .acquiring).exchanged else {
            // The caller frees them, first to last.
            if lastFirst { items.reverse() }
            return
        }
        depth = 1
        release(&items, lastFirst: lastFirst)
        // Each value dropped here may be the last reference to a container, whose items are
        // released nested again up to the limit, and queued beyond it.
        while takeQueued() != nil {}
        depth = 0
        freeingThread.store(0, ordering: .releasing)
    }

    /// Releases `items` (left empty) first to last, or last to first: taken off the end one by
    /// one, not reversed first (which moves every value twice).
    private static func release(_ items: inout [Value], lastFirst: Bool) {
        if lastFirst { while items.popLast() != nil {} }
        items = []
    }

    /// Moves `items` to the queue. The queue is changed as a local array so that no access to it
    /// spans a call (an append may reallocate): one such access makes the optimizer check every
    /// access to it at run time.
    private static func queue(_ items: inout [Value]) {
        var local: [Value] = []
        swap(&local, &pending)
        local.append(contentsOf: items)
        swap(&local, &pending)
        items = []
    }

    /// The last queued value, taken off the queue; nil when it is empty (its buffer then goes).
    private static func takeQueued() -> Value? {
        var local: [Value] = []
        swap(&local, &pending)
        let last = local.popLast()
        if !local.isEmpty { swap(&local, &pending) }
        return last
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }
}
