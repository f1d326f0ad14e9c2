#if canImport(Glibc)
import Glibc
#endif

/// A flat, typed buffer shared by a tensor and all of its views.
public final class Storage {
    public let dtype: DType
    public let count: Int
    let raw: UnsafeMutableRawPointer

    /// The most bytes one storage may hold (8 GiB, a third of the machine): refusing larger
    /// requests turns absurd sizes into a clean error instead of the process being killed.
    public static let maxBytes = 1 << 33

    /// Allocates `count` zeroed elements. Callers validate sizes first (see `Shape.checkedCount`).
    init(dtype: DType, count: Int) {
        self.dtype = dtype
        self.count = count
        let bytes = max(count, 1) * dtype.itemSize
        raw = Storage.allocate(bytes)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    }

    /// Allocates `count` elements without zeroing them, for kernels that write every element
    /// (matrix products): zeroing a large result first would cost an extra pass over memory.
    init(dtype: DType, uninitializedCount count: Int) {
        self.dtype = dtype
        self.count = count
        raw = Storage.allocate(max(count, 1) * dtype.itemSize)
    }

    /// Cache-line alignment for buffers big enough for kernels to care; small ones come from
    /// plain malloc (16-byte aligned; kernels load vectors unaligned). Swift's own allocate goes
    /// through posix_memalign whatever the alignment asked, which costs several times a malloc,
    /// and tiny tensors are allocated on every op. Both are released with `free`.
    private static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        var memory: UnsafeMutableRawPointer?
        if bytes < 4096 { memory = malloc(bytes) } else if posix_memalign(&memory, 64, bytes) != 0 { memory = nil }
        // Out of memory: Swift's allocator reports it (sizes were validated against maxBytes).
        return memory ?? UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    }

    /// `count` copies of `value`.
    convenience init<T: Element>(dtype: DType, repeating value: T, count: Int) {
        self.init(dtype: dtype, uninitializedCount: count)
        pointer(T.self).initialize(repeating: value, count: count)
    }

    deinit { free(raw) }

    @inline(__always) func pointer<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        raw.assumingMemoryBound(to: T.self)
    }
}

/// Counts in-place modifications of the data a tensor sees, so backward can detect that a value
/// it saved was changed afterwards. Views and `detach()` share one; `.data` gets a fresh one.
public final class VersionCounter {
    public internal(set) var value = 0
    init() {}
    func bump() { value &+= 1 }
}
