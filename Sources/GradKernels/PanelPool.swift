import Synchronization

/// Scratch memory for packed matrix panels, kept between products. A fresh buffer of a
/// megabyte comes straight from mmap, and touching it costs a page fault per 4 KiB on every
/// product; reusing a few buffers avoids that (a 512×512 float product packs 1 MiB of B).
enum PanelPool {
    /// An owned allocation; only ever in one thread's hands or in `idle` under its lock.
    private struct Buffer: @unchecked Sendable {
        let memory: UnsafeMutableRawPointer
        let bytes: Int
    }

    /// At most this many idle buffers are kept, none larger than `largest` bytes.
    private static let kept = 8
    private static let largest = 64 << 20
    private static let idle = Mutex<[Buffer]>([])

    /// Runs `body` with at least `count` elements of 64-byte-aligned scratch.
    static func with<T, R>(_: T.Type, count: Int, _ body: (ElementRun<T>) -> R) -> R {
        let bytes = max(count, 1) &* MemoryLayout<T>.stride
        let buffer = take(bytes)
        defer { give(buffer) }
        return body(ElementRun(base: buffer.memory.bindMemory(to: T.self, capacity: max(count, 1)), count: max(count, 1)))
    }

    private static func take(_ bytes: Int) -> Buffer {
        let reused = idle.withLock { buffers -> Buffer? in
            guard let i = buffers.firstIndex(where: { $0.bytes >= bytes }) else { return nil }
            return buffers.remove(at: i)
        }
        return reused ?? Buffer(memory: .allocate(byteCount: bytes, alignment: 64), bytes: bytes)
    }

    private static func give(_ buffer: Buffer) {
        let dropped = idle.withLock { buffers -> Buffer? in
            if buffer.bytes > largest { return buffer }
            buffers.append(buffer)
            if buffers.count <= kept { return nil }
            // Full: free the smallest, which is the least useful to keep.
            guard let i = buffers.indices.min(by: { buffers[$0].bytes < buffers[$1].bytes }) else { return nil }
            return buffers.remove(at: i)
        }
        dropped?.memory.deallocate()
    }
}
