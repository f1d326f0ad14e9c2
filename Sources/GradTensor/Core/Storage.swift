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

    /// Cache-line alignment for buffers big enough for kernels to care; small ones take malloc's
    /// own 16-byte alignment, because an aligned allocation (posix_memalign) costs several times
    /// a plain one and tiny tensors are allocated on every op.
    private static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: bytes >= 4096 ? 64 : 16)
    }

    /// `count` copies of `value`.
    convenience init<T: Element>(dtype: DType, repeating value: T, count: Int) {
        self.init(dtype: dtype, uninitializedCount: count)
        pointer(T.self).initialize(repeating: value, count: count)
    }

    deinit { raw.deallocate() }

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
