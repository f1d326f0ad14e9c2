import CPendingEvents
#if canImport(Glibc)
import Glibc
#endif

/// Whether a large buffer can be allocated now. Swift's allocator ends the process when memory
/// runs out ("Fatal error: failed to allocate"), so a buffer whose size comes from the program —
/// `torch.zeros(n, n)`, `[0] * n`, a list, dict or str growing, a slice, a tensor op's result — is
/// first tried as a mapping of its own, which can fail, and given straight back: the caller raises
/// PyTorch's allocation error or MemoryError instead of the process aborting (under `ulimit -v`,
/// or past what the kernel will commit). The probe maps memory rather than calling malloc, so
/// that its failure does not spend the `grad` executable's spare memory reserve (CPendingEvents),
/// which covers the allocations too small to probe.
///
/// Once an allocation has found memory exhausted and spent that reserve, nothing is allocated
/// through here until the reserve can be taken back: a second allocation before the interpreter's
/// next check then fails here, cleanly, rather than in Swift's allocator. What stays
/// unrecoverable: an allocation Swift makes unchecked after the reserve is spent that finds no
/// memory either (one of the reserve's 16 MiB, between a failure and the next check).
public enum AllocationProbe {
    /// Requests below this are not probed: the probe (an mmap and a munmap) would cost more than
    /// filling the buffer, and the spare memory reserve covers a small allocation that fails.
    public static let threshold = 1 << 20

    /// What must stay free besides the buffer, so that what follows a large allocation (the
    /// small ones of the next statements, a traceback, the REPL's next prompt) still finds memory.
    public static let headroom = 16 << 20

    /// Inlined, so that the test most callers stop at (a small request) costs no call.
    @inlinable @inline(__always)
    public static func canAllocate(bytes: Int) -> Bool {
        if grad_memory_reserve_spent() && !grad_memory_reserve_refill() { return false }
        return bytes < threshold || canMap(bytes: bytes)
    }

    /// Whether the spare memory reserve was given away (by the allocation just made, when it was
    /// held before).
    @inlinable @inline(__always)
    public static var reserveSpent: Bool { grad_memory_reserve_spent() }

    /// The allocation that spent the reserve reports memory running out itself (PyTorch's
    /// allocator error): the MemoryError the release scheduled for the next check is dropped.
    public static func answerExhaustion() {
        _ = grad_pending_events_take(GRAD_EVENT_MEMORY_EXHAUSTED)
    }

    @usableFromInline
    static func canMap(bytes: Int) -> Bool {
        let (probe, overflow) = bytes.addingReportingOverflow(headroom)
        guard !overflow else { return false }
        let memory = mmap(nil, probe, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard memory != MAP_FAILED else { return false }
        munmap(memory, probe)
        return true
    }
}
