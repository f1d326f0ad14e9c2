#if canImport(Glibc)
import Glibc
#endif

/// Whether a large buffer can be allocated now. Swift's allocator ends the process when memory
/// runs out ("Fatal error: failed to allocate"), so a buffer whose size comes from the program —
/// `torch.zeros(n, n)`, `[0] * n`, a list grown by `append` — is first tried with malloc, which can
/// fail, and given straight back: the caller raises PyTorch's allocation error or MemoryError
/// instead of the process aborting (under `ulimit -v`, or past what the kernel will commit).
///
/// What stays unrecoverable: an allocation that fails although its probe succeeded (something took
/// the memory in between), buffers that kernels allocate without a probe before them (results the
/// size of an existing operand, where a throwing check would slow every tensor op), and the many
/// small allocations Swift makes unchecked — once memory is exhausted down to its last kilobytes,
/// grad still aborts, as CPython can fail to report a MemoryError then.
public enum AllocationProbe {
    /// Requests below this are not probed: the probe (an mmap and a munmap) would cost more than
    /// filling the buffer, and a small allocation failing means memory is gone anyway.
    public static let threshold = 1 << 20

    /// What must stay free besides the buffer, so that what follows a large allocation (the
    /// small ones of the next statements, a traceback, the REPL's next prompt) still finds memory.
    public static let headroom = 16 << 20

    public static func canAllocate(bytes: Int) -> Bool {
        guard bytes >= threshold else { return true }
        let (probe, overflow) = bytes.addingReportingOverflow(headroom)
        guard !overflow, let memory = malloc(probe) else { return false }
        free(memory)
        return true
    }
}
