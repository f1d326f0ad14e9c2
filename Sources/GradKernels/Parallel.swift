import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splitting kernel work across the machine's cores. Only the big kernels (matrix products) use
/// it: for small work the hand-off costs more than it saves.
enum Parallel {
    /// The online cores, read once (never fewer than 1).
    static let cores: Int = {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? Int(n) : 1
    }()

    /// Runs `body(i)` for every `i` in `0..<count`: in order on the calling thread when
    /// `threads` is 1 or there is one index, else on up to `cores` threads, each taking the next
    /// index as it comes free. `body` must only write to memory no other index writes.
    static func forEach(_ count: Int, threads: Int = cores, _ body: (Int) -> Void) {
        if count <= 1 || threads <= 1 {
            for i in 0..<max(count, 0) { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let task = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in task.value(i) }
        }
    }
}

/// A value handed to worker threads whose safety the caller guarantees (disjoint writes).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
