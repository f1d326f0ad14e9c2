#if canImport(Glibc)
import Glibc
#endif

/// A flat, typed buffer shared by a tensor and all of its views.
///
/// Small buffers (the tensors of a learner's loop) live in the storage object itself, after its
/// header, so a tensor's data costs no allocation of its own; large ones are allocated apart,
/// cache-line aligned for the kernels.
public final class Storage: ManagedBuffer<StorageHeader, StorageChunk> {
    /// The most bytes one storage may hold (8 GiB, a third of the machine): refusing larger
    /// requests turns absurd sizes into a clean error instead of the process being killed.
    public static let maxBytes = 1 << 33

    /// Buffers from this size on are allocated apart.
    private static let largeBytes = 4096

    // The header is read through its pointer: `ManagedBuffer.header` is a public stored `var` of
    // the standard library, whose every read is checked for exclusive access at run time. The
    // header never changes after `make`, so reading it in place cannot conflict with a write.
    public var dtype: DType { withUnsafeMutablePointerToHeader { $0.pointee.dtype } }
    public var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }
    var raw: UnsafeMutableRawPointer { withUnsafeMutablePointerToHeader { $0.pointee.raw } }
    private var isApart: Bool { withUnsafeMutablePointerToHeader { $0.pointee.isApart } }

    /// `count` elements without zeroing them, for kernels that write every element (matrix
    /// products): zeroing a large result first would cost an extra pass over memory.
    ///
    /// Every tensor's buffer is allocated here, and checked: a size past `maxBytes`, a large
    /// buffer that memory has no room for (`AllocationProbe`), a failed allocation, and a small
    /// one that only the spare memory reserve made possible (memory ran out on it) are
    /// PyTorch's allocator error, as its CPU allocator reports failing to allocate.
    static func make(dtype: DType, uninitializedCount count: Int) throws -> Storage {
        let (bytes, overflow) = max(count, 1).multipliedReportingOverflow(by: dtype.itemSize)
        guard !overflow && bytes < largeBytes else {
            return try makeApart(dtype: dtype, count: count, bytes: overflow ? Int.max : bytes)
        }
        // Small (the learner's loop): the buffer lives in the object, whose allocation only the
        // spare reserve can rescue; refused while that is spent, as `canAllocate` would.
        if AllocationProbe.reserveSpent && !AllocationProbe.canAllocate(bytes: bytes) {
            throw Shape.allocationError(bytes: bytes)
        }
        let chunk = MemoryLayout<StorageChunk>.stride
        let buffer = create(minimumCapacity: (bytes + chunk - 1) / chunk) { buffer in
            let raw = buffer.withUnsafeMutablePointerToElements { UnsafeMutableRawPointer($0) }
            return StorageHeader(dtype: dtype, count: count, raw: raw, isApart: false)
        }
        // The reserve was held: if it is spent now, this allocation spent it.
        if AllocationProbe.reserveSpent {
            AllocationProbe.answerExhaustion()
            throw Shape.allocationError(bytes: bytes)
        }
        return unsafeDowncast(buffer, to: Storage.self)
    }

    /// A buffer of its own, 64-byte aligned for the kernels and released with `free`, after the
    /// size checks.
    @inline(never)
    private static func makeApart(dtype: DType, count: Int, bytes: Int) throws -> Storage {
        guard bytes <= maxBytes, AllocationProbe.canAllocate(bytes: bytes) else {
            throw Shape.allocationError(bytes: bytes)
        }
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, 64, bytes) == 0, let memory else {
            // Its failure spent the reserve, if held: this error answers it.
            AllocationProbe.answerExhaustion()
            throw Shape.allocationError(bytes: bytes)
        }
        let buffer = create(minimumCapacity: 0) { _ in StorageHeader(dtype: dtype, count: count, raw: memory, isApart: true) }
        return unsafeDowncast(buffer, to: Storage.self)
    }

    /// `count` zeroed elements.
    static func make(dtype: DType, count: Int) throws -> Storage {
        let storage = try make(dtype: dtype, uninitializedCount: count)
        storage.raw.initializeMemory(as: UInt8.self, repeating: 0, count: max(count, 1) * dtype.itemSize)
        return storage
    }

    /// `count` copies of `value`, in the dtype its type stores (so the two cannot disagree).
    static func make<T: Element>(repeating value: T, count: Int) throws -> Storage {
        let storage = try make(dtype: T.dtype, uninitializedCount: count)
        storage.pointer(T.self).initialize(repeating: value, count: count)
        return storage
    }

    deinit {
        if isApart { free(raw) }
    }

    @inline(__always) func pointer<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        raw.assumingMemoryBound(to: T.self)
    }
}

/// The unit small buffers are counted in. 8-byte aligned, as Double and Int64 need: the Swift
/// runtime allocates objects aligned more strictly than that with posix_memalign, several
/// times the cost of malloc (which gives 16 bytes on x86-64 anyway; kernels load vectors unaligned).
public typealias StorageChunk = UInt64

/// What a `Storage` knows about its buffer.
public struct StorageHeader {
    let dtype: DType
    let count: Int
    /// The first element: inside the storage object, or a buffer of its own when `isApart`.
    let raw: UnsafeMutableRawPointer
    let isApart: Bool
}

/// Counts in-place modifications of the data a tensor sees, so backward can detect that a value
/// it saved was changed afterwards. Views and `detach()` share one; `.data` gets a fresh one.
public final class VersionCounter {
    /// Internal, as a public stored `var` would be checked for exclusive access at run time.
    private(set) var value = 0
    init() {}
    func bump() { value &+= 1 }
}
