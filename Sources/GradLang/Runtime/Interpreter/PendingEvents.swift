import CPendingEvents

/// What running code stops for, asynchronously to it: Ctrl-C (KeyboardInterrupt), memory running
/// out (MemoryError) and freed generators waiting to be closed. All are bits of one atomic word
/// (CPendingEvents), so loop back-edges ask about them with one load, as CPython's eval breaker does.
///
/// Memory: the `grad` executable's allocation functions (CMemoryReserve) hold a spare reserve back;
/// when an allocation fails they give it back, retry, and set the memory bit, so the process does
/// not abort where Swift allocates unchecked (a dict or string growing, the many small allocations
/// of nested lists), and the next check raises MemoryError. Unwinding frees what the failed
/// statement built; the reserve is taken back when the MemoryError is caught or reported
/// (`memoryErrorHandled`). Large buffers whose size the program chooses are probed before they
/// are allocated instead (`Allocation`), as a reserve cannot make room for them.
enum PendingEvents {
    /// Whether anything is pending: the hot path's one load.
    @inline(__always)
    static var any: Bool { grad_pending_events() != 0 }

    /// Closes the freed generators waiting for it (GeneratorFinalizers), then clears the
    /// pending events and raises the first: KeyboardInterrupt before MemoryError (the user asked
    /// to stop; memory is looked at again at the next check).
    @inline(never)
    static func handle() throws {
        if GeneratorFinalizers.arePending { GeneratorFinalizers.run() }
        if grad_pending_events_take(GRAD_EVENT_INTERRUPT) != 0 {
            throw PyError(PyExc.keyboardInterrupt, "")
        }
        if grad_pending_events_take(GRAD_EVENT_MEMORY_EXHAUSTED) != 0 {
            throw PyError.memory("")
        }
    }

    /// Raises a MemoryError still pending when a program or REPL input ends without having
    /// reached a check after memory ran out.
    static func raiseMemoryExhaustion() throws {
        if grad_pending_events_take(GRAD_EVENT_MEMORY_EXHAUSTED) != 0 { throw PyError.memory("") }
    }

    /// Once a MemoryError has unwound the code that exhausted memory and freed what it built:
    /// memory running out is answered (even if a probe raised the MemoryError before the next
    /// check did), and the spare reserve is taken back, if the executable uses one and gave it away.
    static func memoryErrorHandled() {
        _ = grad_pending_events_take(GRAD_EVENT_MEMORY_EXHAUSTED)
        _ = grad_memory_reserve_refill()
    }
}
