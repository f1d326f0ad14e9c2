import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frees nested containers without recursing once per level. ARC frees a list by releasing its
/// items, which frees the inner list, which releases its items, and so on down the stack: data
/// nested a few million deep (`x = [x]` in a loop) overflowed it. A list, tuple, dict or set being
/// freed hands its items to this queue instead, and the outermost free empties the queue in a loop
/// (CPython's "trashcan").
enum NestedRelease {
    /// The thread emptying the queue, or 0. Only that thread touches `pending`; a container freed
    /// on another thread meanwhile is freed the ordinary way.
    private static let drainingThread = Atomic<UInt>(0)
    nonisolated(unsafe) private static var pending: [Value] = []

    /// Takes the items out of a container being freed (`items` is left empty) and frees them.
    static func adopt(_ items: inout [Value]) {
        // Only objects can hold further values; lists of numbers, strings or tensors free as usual.
        guard items.contains(where: { if case .object = $0 { return true } else { return false } }) else { return }
        let thread = currentThread
        if drainingThread.load(ordering: .relaxed) == thread {
            pending.append(contentsOf: items)
            items = []
            return
        }
        guard drainingThread.compareExchange(expected: 0, desired: thread, ordering: .acquiring).exchanged else { return }
        pending.append(contentsOf: items)
        items = []
        // Each value dropped here may be the last reference to a container, whose deinit queues
        // its own items and returns.
        while pending.popLast() != nil {}
        pending = []
        drainingThread.store(0, ordering: .releasing)
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }
}
